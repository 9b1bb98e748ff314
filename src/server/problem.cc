#include "server/problem.h"

#include <nlohmann/json.hpp>

namespace vareport::server {

const char* StatusTitle(int status) {
  switch (status) {
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 409: return "Conflict";
    case 413: return "Payload Too Large";
    case 414: return "URI Too Long";
    case 415: return "Unsupported Media Type";
    case 416: return "Range Not Satisfiable";
    case 422: return "Unprocessable Content";
    case 500: return "Internal Server Error";
    case 503: return "Service Unavailable";
    default: return status >= 500 ? "Server Error" : "Client Error";
  }
}

void Problem(httplib::Response& res, int status, std::string detail) {
  for (char& c : detail)
    if (c == '\n' || c == '\r') c = ' ';
  nlohmann::json j = {{"type", "about:blank"}, {"title", StatusTitle(status)}, {"status", status}, {"detail", detail}};
  res.status = status;
  res.set_content(j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), "application/problem+json");
}

}  // namespace vareport::server
