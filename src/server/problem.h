// vareport/server/problem.h — errors as application/problem+json (RFC 9457):
// {"type": "about:blank", "title": "Not Found", "status": 404, "detail": "<one line>"}.
#pragma once

#include <httplib.h>

#include <string>

namespace vareport::server {

// The standard reason phrase of an HTTP status ("Payload Too Large").
const char* StatusTitle(int status);

// Sets `res` to a problem+json with `status` and a one-line `detail`
// (newlines replaced by spaces).
void Problem(httplib::Response& res, int status, std::string detail);

}  // namespace vareport::server
