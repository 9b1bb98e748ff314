// Routes of the review layer: decisions on findings, corrections of answers,
// the audit trail (server/server.h, service/review.h).
#include "report/report.h"
#include "server/context.h"
#include "server/problem.h"
#include "service/review.h"

namespace vareport::server {
namespace {

using Lease = StorePool::Lease;

nlohmann::json ReviewJson(const store::Review& r) {
  return {{"submission_id", r.submission_id}, {"target", r.target}, {"key", r.key},
          {"decision", r.decision ? nlohmann::json(*r.decision) : nlohmann::json(nullptr)},
          {"value", r.value ? nlohmann::json(*r.value) : nlohmann::json(nullptr)},
          {"note", r.note}, {"user", r.user}, {"at", r.at}};
}

std::optional<std::string> Note(const nlohmann::json& body, httplib::Response& res) {
  if (!body.contains("note") || body["note"].is_null()) return std::string();
  if (!body["note"].is_string()) {
    Problem(res, 400, "note must be a string");
    return std::nullopt;
  }
  std::string note = body["note"];
  if (note.size() > 4000) {
    Problem(res, 400, "a note is at most 4000 bytes");
    return std::nullopt;
  }
  return note;
}

// The value of a correction, checked against the question's answer type;
// a detail for a 400 otherwise.
std::variant<std::string, std::string> CheckValue(const QuestionRule& q, const nlohmann::json& v) {
  using R = std::variant<std::string, std::string>;
  switch (q.type) {
    case AnswerType::kYesNo: {
      if (!v.is_string()) return R(std::in_place_index<1>, "the value of " + q.id + " is yes, no, partial or unknown");
      const std::string s = v;
      if (s != "yes" && s != "no" && s != "partial" && s != "unknown")
        return R(std::in_place_index<1>, "the value of " + q.id + " is yes, no, partial or unknown");
      return R(std::in_place_index<0>, s);
    }
    case AnswerType::kNumber:
    case AnswerType::kYear: {
      if (v.is_number_integer()) return R(std::in_place_index<0>, std::to_string(v.get<long long>()));
      if (v.is_string()) {
        const std::string s = v;
        if (!s.empty() && s.size() < 16 && s.find_first_not_of("0123456789") == std::string::npos)
          return R(std::in_place_index<0>, s);
      }
      return R(std::in_place_index<1>, "the value of " + q.id + " is a whole number");
    }
    default: {
      if (!v.is_string() || v.get<std::string>().empty() || v.get<std::string>().size() > 20000)
        return R(std::in_place_index<1>, "the value of " + q.id + " is a text of 1 to 20000 bytes");
      return R(std::in_place_index<0>, v.get<std::string>());
    }
  }
}

}  // namespace

void AddReviewRoutes(httplib::Server& http, Context& ctx) {
  http.Put(R"(/api/v1/submissions/(\d+)/findings/([^/]+))", [&ctx](const httplib::Request& req, httplib::Response& res) {
    std::optional<Caller> c = ctx.Authorize(req, res, store::Role::kReviewer);
    if (!c) return;
    std::optional<nlohmann::json> body = JsonBody(req, res);
    if (!body) return;
    if (!body->contains("decision") || !(*body)["decision"].is_string() ||
        ((*body)["decision"] != "confirmed" && (*body)["decision"] != "dismissed"))
      return Problem(res, 400, "decision must be confirmed or dismissed");
    std::optional<std::string> note = Note(*body, res);
    if (!note) return;
    std::optional<std::int64_t> id = ParseId(req.matches[1]);
    const std::string key = req.matches[2];
    Result<Lease> db = ctx.pool->Take();
    if (!db) return StoreError(res, db.error());
    Result<std::optional<store::StoredSubmission>> s = id ? (*db)->LoadSubmission(*id) : std::optional<store::StoredSubmission>();
    if (!s) return StoreError(res, s.error());
    if (!*s) return Problem(res, 404, "no submission " + std::string(req.matches[1]));
    Result<std::vector<store::Review>> reviews = (*db)->ListReviews(*id);
    if (!reviews) return StoreError(res, reviews.error());
    std::string before;
    bool known = false;
    for (const store::Review& r : *reviews)
      if (r.target == "finding" && r.key == key) before = r.decision.value_or(""), known = true;
    for (const Finding& f : (*s)->report.findings) known = known || service::FindingKey((*s)->report, f) == key;
    if (!known) return Problem(res, 404, "submission " + std::to_string(*id) + " has no finding " + key);
    store::Review r;
    r.submission_id = *id;
    r.target = "finding";
    r.key = key;
    r.decision = (*body)["decision"].get<std::string>();
    r.note = *note;
    r.user = c->user.name;
    std::lock_guard<std::mutex> writing(ctx.write_mu);
    Result<store::Review> stored = (*db)->PutReview(r, before);
    if (!stored) return StoreError(res, stored.error());
    SendJson(res, ReviewJson(*stored));
  });

  http.Put(R"(/api/v1/submissions/(\d+)/answers/([^/]+))", [&ctx](const httplib::Request& req, httplib::Response& res) {
    std::optional<Caller> c = ctx.Authorize(req, res, store::Role::kReviewer);
    if (!c) return;
    std::optional<nlohmann::json> body = JsonBody(req, res);
    if (!body) return;
    const std::string question = req.matches[2];
    const QuestionRule* q = ctx.rules.FindQuestion(question);
    if (!q) return Problem(res, 404, "no catalogue question " + question);
    if (!body->contains("value")) return Problem(res, 400, "give the reviewed value");
    auto value = CheckValue(*q, (*body)["value"]);
    if (value.index() == 1) return Problem(res, 400, std::get<1>(value));
    std::optional<std::string> note = Note(*body, res);
    if (!note) return;
    std::optional<std::int64_t> id = ParseId(req.matches[1]);
    Result<Lease> db = ctx.pool->Take();
    if (!db) return StoreError(res, db.error());
    Result<std::optional<store::StoredSubmission>> s = id ? (*db)->LoadSubmission(*id) : std::optional<store::StoredSubmission>();
    if (!s) return StoreError(res, s.error());
    if (!*s) return Problem(res, 404, "no submission " + std::string(req.matches[1]));
    Result<std::vector<store::Review>> reviews = (*db)->ListReviews(*id);
    if (!reviews) return StoreError(res, reviews.error());
    std::string before = service::MachineValue((*s)->report, question);
    for (const store::Review& r : *reviews)
      if (r.target == "answer" && r.key == question && r.value) before = *r.value;
    store::Review r;
    r.submission_id = *id;
    r.target = "answer";
    r.key = question;
    r.value = std::get<0>(value);
    r.note = *note;
    r.user = c->user.name;
    std::lock_guard<std::mutex> writing(ctx.write_mu);
    Result<store::Review> stored = (*db)->PutReview(r, before);
    if (!stored) return StoreError(res, stored.error());
    SendJson(res, ReviewJson(*stored));
  });

  http.Get("/api/v1/audit", [&ctx](const httplib::Request& req, httplib::Response& res) {
    if (!ctx.Authorize(req, res, store::Role::kReader)) return;
    std::optional<std::int64_t> sub;
    if (req.has_param("submission")) {
      sub = ParseId(req.get_param_value("submission"));
      if (!sub) return Problem(res, 400, "submission must be a submission id");
    }
    Result<Lease> db = ctx.pool->Take();
    if (!db) return StoreError(res, db.error());
    Result<std::vector<store::AuditEntry>> entries = (*db)->ListAudit(sub);
    if (!entries) return StoreError(res, entries.error());
    nlohmann::json out = nlohmann::json::array();
    for (const store::AuditEntry& e : *entries)
      out.push_back({{"id", e.id}, {"at", e.at}, {"user", e.user}, {"action", e.action},
                     {"submission_id", e.submission_id ? nlohmann::json(*e.submission_id) : nlohmann::json(nullptr)},
                     {"target", e.target}, {"key", e.key}, {"before", e.before}, {"after", e.after}, {"note", e.note}});
    SendJson(res, {{"items", out}});
  });
}

}  // namespace vareport::server
