// Routes of submissions and jobs: upload, jobs, list, one report, original,
// page images, reprocess, delete, completeness, exports (server/server.h).
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/sanitizers.h"
#include "extractors/extractor.h"
#include "report/report_json.h"
#include "server/auth.h"
#include "server/context.h"
#include "server/problem.h"
#include "service/completeness.h"
#include "service/export.h"
#include "service/page_image.h"
#include "service/review.h"
#include "service/spawner.h"
#include "service/worker.h"
#include "store/report_codec.h"

namespace vareport::server {
namespace fs = std::filesystem;
namespace {

using Lease = StorePool::Lease;

// The file name an upload gives, or an error detail for a name that tries to
// reach outside its folder or hides control characters.
std::variant<std::string, std::string> UploadName(std::string name) {
  if (name.empty()) return std::variant<std::string, std::string>(std::in_place_index<0>, "upload");
  if (name.size() > 255) return std::variant<std::string, std::string>(std::in_place_index<1>, "the file name is longer than 255 bytes");
  for (unsigned char c : name)
    if (c < 0x20 || c == 0x7f)
      return std::variant<std::string, std::string>(std::in_place_index<1>, "the file name has control characters");
  if (name.find('/') != std::string::npos || name.find('\\') != std::string::npos || name == "." || name == ".." ||
      name.find("..") == 0)
    return std::variant<std::string, std::string>(std::in_place_index<1>,
                                                  "the file name must be a plain name, not a path: " + name);
  return std::variant<std::string, std::string>(std::in_place_index<0>, name);
}

// filename="…" of a Content-Disposition header.
std::string DispositionName(const std::string& h) {
  std::size_t p = h.find("filename=");
  if (p == std::string::npos) return "";
  std::string v = h.substr(p + 9);
  if (!v.empty() && v.front() == '"') {
    std::size_t e = v.find('"', 1);
    return v.substr(1, e == std::string::npos ? std::string::npos : e - 1);
  }
  return v.substr(0, v.find(';'));
}

nlohmann::json JobJson(const store::Job& j) {
  nlohmann::json out = {{"id", j.id}, {"kind", store::JobKindName(j.kind)}, {"state", store::JobStateName(j.state)},
                        {"file", j.path.substr(j.path.rfind('/') + 1)},
                        {"submission_id", j.submission_id ? nlohmann::json(*j.submission_id) : nlohmann::json(nullptr)},
                        {"error", j.error.empty() ? nlohmann::json(nullptr) : nlohmann::json(j.error)},
                        {"error_kind", j.error_kind.empty() ? nlohmann::json(nullptr) : nlohmann::json(j.error_kind)},
                        {"attempts", j.attempts}, {"created_at", j.created_at}};
  return out;
}

struct ListQuery {
  std::optional<std::string> state, kind, status, flag, q;
  std::optional<int> year;
  std::optional<bool> needs_review;
  int page = 1, per_page = 50;
};

std::optional<ListQuery> ParseListQuery(const httplib::Request& req, httplib::Response& res) {
  ListQuery q;
  auto get = [&](const char* k) -> std::optional<std::string> {
    if (!req.has_param(k) || req.get_param_value(k).empty()) return std::nullopt;
    return req.get_param_value(k);
  };
  q.state = get("state");
  if (q.state) std::transform(q.state->begin(), q.state->end(), q.state->begin(), ::toupper);
  q.kind = get("kind");
  q.status = get("status");
  q.flag = get("flag");
  q.q = get("q");
  // Reads a number parameter into `out` (left as it is when absent); false after a 400.
  auto number = [&](const char* k, int lo, int hi, int& out, bool& given) -> bool {
    std::optional<std::string> v = get(k);
    given = false;
    if (!v) return true;
    std::optional<std::int64_t> n = ParseId(*v);
    if (!n || *n < lo || *n > hi) {
      Problem(res, 400, std::string(k) + " must be a number from " + std::to_string(lo) + " to " + std::to_string(hi));
      return false;
    }
    out = static_cast<int>(*n);
    given = true;
    return true;
  };
  int year = 0;
  bool given = false;
  if (!number("year", 1990, 2100, year, given)) return std::nullopt;
  if (given) q.year = year;
  if (!number("page", 1, 1000000, q.page, given)) return std::nullopt;
  if (!number("per_page", 1, 500, q.per_page, given)) return std::nullopt;
  if (std::optional<std::string> nr = get("needs_review")) {
    if (*nr != "true" && *nr != "false") {
      Problem(res, 400, "needs_review must be true or false");
      return std::nullopt;
    }
    q.needs_review = *nr == "true";
  }
  if (q.status && *q.status != "queued" && *q.status != "running" && *q.status != "done" && *q.status != "failed") {
    Problem(res, 400, "status must be queued, running, done or failed");
    return std::nullopt;
  }
  return q;
}

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), ::tolower);
  return s;
}

// The list's items (newest first), before paging; `ids` gets the submission ids.
Result<std::vector<nlohmann::json>> ListItems(Context& ctx, store::Store& db, const ListQuery& q) {
  std::vector<std::pair<std::string, nlohmann::json>> items;  // sort key, item
  store::SubmissionFilter f;
  f.state = q.state;
  f.year = q.year;
  f.kind = q.kind;
  f.flag = q.flag;
  if (!q.status || *q.status == "done") {
    Result<std::vector<store::SubmissionRow>> rows = db.ListSubmissions(f);
    if (!rows) return rows.error();
    for (const store::SubmissionRow& r : *rows) {
      ListSummary sum;
      bool cached = false;
      {
        std::lock_guard<std::mutex> lock(ctx.cache_mu);
        auto it = ctx.list_cache.find(r.id);
        if (it != ctx.list_cache.end() && it->second.processed_at == r.processed_at) sum = it->second, cached = true;
      }
      if (!cached) {
        Result<std::optional<store::StoredSubmission>> s = db.LoadSubmission(r.id);
        if (!s) return s.error();
        if (!*s) continue;
        sum.processed_at = r.processed_at;
        for (const Finding& x : (*s)->report.findings) sum.codes.push_back(x.code);
        sum.needs_review = (*s)->report.extraction.needs_review;
        std::lock_guard<std::mutex> lock(ctx.cache_mu);
        ctx.list_cache[r.id] = sum;
      }
      if (q.needs_review && *q.needs_review != sum.needs_review) continue;
      if (q.q) {
        const std::string needle = Lower(*q.q);
        const std::string hay = Lower(r.file + " " + r.state.value_or("") + " " + r.kind + " " + r.path);
        if (hay.find(needle) == std::string::npos) continue;
      }
      nlohmann::json codes = nlohmann::json::array();
      for (const std::string& c : sum.codes)
        if (std::find(codes.begin(), codes.end(), c) == codes.end()) codes.push_back(c);
      items.emplace_back(r.processed_at,
                         nlohmann::json{{"id", r.id}, {"status", "done"}, {"file", r.file}, {"format", r.format},
                                        {"state", r.state ? nlohmann::json(*r.state) : nlohmann::json(nullptr)},
                                        {"reporting_year", r.reporting_year ? nlohmann::json(*r.reporting_year) : nlohmann::json(nullptr)},
                                        {"kind", r.kind}, {"language", r.language},
                                        {"findings", r.findings}, {"flags", codes}, {"needs_review", sum.needs_review},
                                        {"completeness", {{"components_reported", r.completeness.components_reported},
                                                          {"components_total", r.completeness.components_total},
                                                          {"questions_answered", r.completeness.questions_answered},
                                                          {"questions_total", r.completeness.questions_total}}},
                                        {"processed_at", r.processed_at}, {"error", nullptr}});
    }
  }
  // Uploads not (yet) a submission: queued, running or failed, unless a filter
  // on the report's fields is given.
  const bool report_filter = q.state || q.year || q.kind || q.flag || q.needs_review;
  if (!report_filter && (!q.status || *q.status != "done")) {
    std::optional<store::JobState> st;
    if (q.status) st = store::ParseJobState(*q.status);
    Result<std::vector<store::Job>> jobs = db.ListJobs(st);
    if (!jobs) return jobs.error();
    for (const store::Job& j : *jobs) {
      if (j.kind != store::JobKind::kIngest || j.duplicate_of || j.state == store::JobState::kDone) continue;
      nlohmann::json item = JobJson(j);
      if (q.q && Lower(item["file"].get<std::string>()).find(Lower(*q.q)) == std::string::npos) continue;
      items.emplace_back(j.created_at, nlohmann::json{{"id", nullptr}, {"job_id", j.id},
                                                      {"status", store::JobStateName(j.state)}, {"file", item["file"]},
                                                      {"format", j.format}, {"state", nullptr},
                                                      {"reporting_year", nullptr}, {"kind", nullptr},
                                                      {"findings", 0}, {"flags", nlohmann::json::array()},
                                                      {"needs_review", false}, {"processed_at", j.finished_at},
                                                      {"error", item["error"]}});
    }
  }
  std::stable_sort(items.begin(), items.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<nlohmann::json> out;
  for (auto& [k, v] : items) out.push_back(std::move(v));
  return out;
}

// The evidence a `mark` names: "answer:QUESTION", "objective:INDEX", "finding:KEY".
std::optional<Evidence> MarkEvidence(const Report& r, const std::string& mark) {
  const std::size_t colon = mark.find(':');
  if (colon == std::string::npos) return std::nullopt;
  const std::string kind = mark.substr(0, colon), what = mark.substr(colon + 1);
  if (kind == "answer") {
    for (const Answer& a : r.answers)
      if (a.question == what) return a.evidence;
  } else if (kind == "objective") {
    std::optional<std::int64_t> i = ParseId(what == "0" ? "1" : what);
    if (what == "0") i = 0;
    if (i && static_cast<std::size_t>(*i) < r.objectives.size()) return r.objectives[static_cast<std::size_t>(*i)].evidence;
  } else if (kind == "finding") {
    for (const Finding& f : r.findings) {
      if (service::FindingKey(r, f) != what) continue;
      if (f.objective && static_cast<std::size_t>(*f.objective) < r.objectives.size())
        return r.objectives[static_cast<std::size_t>(*f.objective)].evidence;
      if (f.question)
        for (const Answer& a : r.answers)
          if (a.question == *f.question) return a.evidence;
      return Evidence(f.page, "");
    }
  }
  return std::nullopt;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string WorkerExe(const Context& ctx) {
  return ctx.options.worker_exe.empty() ? service::SelfExecutable() : ctx.options.worker_exe;
}

// The PDF whose pages show a submission: the original for a PDF; nullopt otherwise.
std::optional<std::string> PagesPdf(Context& ctx, const store::SubmissionRow& row) {
  if (row.format == "pdf") {
    Result<std::string> path = ctx.blobs.Fetch(row.sha256);
    return path ? *path : ctx.blobs.PathFor(row.sha256);
  }
  // Word-family: the PDF rendering kept with the original (its evidence pages).
  if (row.rendering_sha256) {
    if (Result<std::string> path = ctx.blobs.Fetch(*row.rendering_sha256)) return *path;
  }
  return std::nullopt;
}

void SendFile(httplib::Response& res, std::string bytes, const std::string& type) {
  res.set_content(std::move(bytes), type.c_str());
}

std::string AsciiName(const std::string& name) {
  std::string out;
  for (unsigned char c : name) out += (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') ? static_cast<char>(c) : '_';
  return out;
}

std::string PercentEncode(const std::string& s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '.' || c == '-' || c == '_') out += static_cast<char>(c);
    else out += std::string("%") + hex[c >> 4] + hex[c & 15];
  }
  return out;
}

Result<std::vector<service::Table>> ExportTables(Context& ctx, store::Store& db, const ListQuery& q,
                                                 std::optional<int> year, bool filtered) {
  Result<std::vector<service::Table>> tables = service::BuildTables(db, ctx.rules, year);
  if (!tables) return tables.error();
  if (Status s = service::AddReviewColumns(db, *tables); !s) return s.error();
  if (filtered) {
    Result<std::vector<nlohmann::json>> items = ListItems(ctx, db, q);
    if (!items) return items.error();
    std::set<std::int64_t> ids;
    for (const nlohmann::json& i : *items)
      if (i["id"].is_number_integer()) ids.insert(i["id"].get<std::int64_t>());
    service::FilterTables(*tables, ids);
  }
  return tables;
}

}  // namespace

void AddSubmissionRoutes(httplib::Server& http, Context& ctx) {
  // POST /submissions: multipart (field "file") or the raw body (?name= or Content-Disposition).
  http.Post("/api/v1/submissions", [&ctx](const httplib::Request& req, httplib::Response& res) {
    std::optional<Caller> c = ctx.Authorize(req, res, store::Role::kReviewer);
    if (!c) return;
    std::string name;
    const std::string* bytes = nullptr;
    if (req.is_multipart_form_data()) {
      for (const auto& [field, item] : req.files) {
        if (!item.filename.empty() || field == "file") {
          name = item.filename;
          bytes = &item.content;
          break;
        }
      }
      if (!bytes) return Problem(res, 400, "the multipart body has no file part");
    } else {
      name = req.has_param("name") ? req.get_param_value("name") : DispositionName(req.get_header_value("Content-Disposition"));
      bytes = &req.body;
    }
    auto checked = UploadName(name);
    if (checked.index() == 1) return Problem(res, 400, std::get<1>(checked));
    name = std::get<0>(checked);
    if (bytes->empty()) return Problem(res, 400, "the upload is empty");
    Result<Format> format = DetectFormat(*bytes);
    if (!format) return Problem(res, 415, "not a PDF or Word document (by its bytes): " + name);
    Result<Lease> db = ctx.pool->Take();
    if (!db) return StoreError(res, db.error());
    const std::string idem = req.get_header_value("Idempotency-Key");
    if (idem.size() > 200) return Problem(res, 400, "the Idempotency-Key is longer than 200 characters");
    if (!idem.empty()) {
      Result<std::optional<std::int64_t>> known = (*db)->FindIdempotencyKey(idem);
      if (!known) return StoreError(res, known.error());
      if (*known) {
        Result<std::optional<store::Job>> j = (*db)->LoadJobById(**known);
        if (!j) return StoreError(res, j.error());
        if (*j) {
          res.set_header("Location", "/api/v1/jobs/" + std::to_string((*j)->id));
          return SendJson(res, JobJson(**j), 202);
        }
      }
    }
    Result<store::JobCounts> counts = (*db)->CountJobs();
    if (!counts) return StoreError(res, counts.error());
    if (counts->queued + counts->running >= ctx.options.queue_limit) {
      res.set_header("Retry-After", "30");
      return Problem(res, 503, "the processing queue is full (" + std::to_string(counts->queued + counts->running) +
                                   " documents waiting); try again later");
    }
    Result<std::string> sha = ctx.blobs.Put(*bytes);
    if (!sha) return StoreError(res, sha.error());
    std::unique_lock<std::mutex> writing(ctx.write_mu);
    Result<std::optional<std::int64_t>> existing = (*db)->SubmissionForContent(*sha);
    if (!existing) return StoreError(res, existing.error());
    if (*existing) {
      res.set_header("Location", "/api/v1/submissions/" + std::to_string(**existing));
      return SendJson(res, {{"submission_id", **existing}, {"state", "done"}, {"existing", true}}, 200);
    }
    store::NewJob nj;
    nj.path = "upload/" + name;
    nj.sha256 = *sha;
    nj.size = static_cast<std::int64_t>(bytes->size());
    nj.format = FormatName(*format);
    Result<std::vector<store::EnqueueResult>> enq = (*db)->Enqueue({nj});
    if (!enq) return StoreError(res, enq.error());
    Result<std::optional<store::Job>> job = (*db)->FindIngestJob(nj.path, nj.sha256);
    if (!job) return StoreError(res, job.error());
    if (!*job) return Problem(res, 500, "the upload's job was not recorded");
    if (!idem.empty()) {
      if (Status s = (*db)->SetIdempotencyKey(idem, (*job)->id); !s) return StoreError(res, s.error());
    }
    store::AuditEntry e;
    e.user = c->user.name;
    e.action = "upload";
    e.target = "job";
    e.key = std::to_string((*job)->id);
    e.after = name;
    (void)(*db)->AddAudit(e);
    writing.unlock();
    ctx.processor->Wake();
    res.set_header("Location", "/api/v1/jobs/" + std::to_string((*job)->id));
    SendJson(res, JobJson(**job), 202);
  });

  http.Get(R"(/api/v1/jobs/(\d+))", [&ctx](const httplib::Request& req, httplib::Response& res) {
    if (!ctx.Authorize(req, res, store::Role::kReader)) return;
    std::optional<std::int64_t> id = ParseId(req.matches[1]);
    if (!id) return Problem(res, 404, "no job " + std::string(req.matches[1]));
    Result<Lease> db = ctx.pool->Take();
    if (!db) return StoreError(res, db.error());
    Result<std::optional<store::Job>> j = (*db)->LoadJobById(*id);
    if (!j) return StoreError(res, j.error());
    if (!*j) return Problem(res, 404, "no job " + std::to_string(*id));
    SendJson(res, JobJson(**j));
  });

  http.Get("/api/v1/submissions", [&ctx](const httplib::Request& req, httplib::Response& res) {
    if (!ctx.Authorize(req, res, store::Role::kReader)) return;
    std::optional<ListQuery> q = ParseListQuery(req, res);
    if (!q) return;
    Result<Lease> db = ctx.pool->Take();
    if (!db) return StoreError(res, db.error());
    Result<std::vector<nlohmann::json>> items = ListItems(ctx, **db, *q);
    if (!items) return StoreError(res, items.error());
    const std::size_t total = items->size();
    const std::size_t from = std::min(total, static_cast<std::size_t>(q->page - 1) * static_cast<std::size_t>(q->per_page));
    const std::size_t to = std::min(total, from + static_cast<std::size_t>(q->per_page));
    nlohmann::json page = nlohmann::json::array();
    for (std::size_t i = from; i < to; ++i) page.push_back(std::move((*items)[i]));
    SendJson(res, {{"items", page}, {"page", q->page}, {"per_page", q->per_page}, {"total", total}});
  });

  http.Get(R"(/api/v1/submissions/(\d+))", [&ctx](const httplib::Request& req, httplib::Response& res) {
    if (!ctx.Authorize(req, res, store::Role::kReader)) return;
    std::optional<std::int64_t> id = ParseId(req.matches[1]);
    Result<Lease> db = ctx.pool->Take();
    if (!db) return StoreError(res, db.error());
    Result<std::optional<store::StoredSubmission>> s = id ? (*db)->LoadSubmission(*id) : std::optional<store::StoredSubmission>();
    if (!s) return StoreError(res, s.error());
    if (!*s) return Problem(res, 404, "no submission " + std::string(req.matches[1]));
    Result<std::vector<store::Review>> reviews = (*db)->ListReviews(*id);
    if (!reviews) return StoreError(res, reviews.error());
    const Report& r = (*s)->report;
    nlohmann::json j = ToJson(r);
    j["review"] = service::ReviewLayer(r, *reviews);
    nlohmann::json components = nlohmann::json::array();
    for (const ComponentSummary& c : r.components)
      components.push_back({{"id", c.id}, {"title", c.title}, {"status", store::ComponentStatus(c)},
                            {"answered", c.answered}, {"total", c.total}, {"objectives", c.objectives}});
    nlohmann::json questions = nlohmann::json::object();
    for (const ComponentRule& comp : ctx.rules.components)
      for (const QuestionRule& qr : comp.questions)
        questions[qr.id] = {{"component", qr.component}, {"type", AnswerTypeName(qr.type)}, {"meaning", qr.meaning}};
    const store::SubmissionRow& row = (*s)->row;
    j["submission"] = {{"id", row.id}, {"file", row.file}, {"path", row.path}, {"processed_at", row.processed_at},
                       {"page_images", PagesPdf(ctx, row).has_value()}, {"components", components},
                       {"questions", questions}};
    SendJson(res, j);
  });

  http.Get(R"(/api/v1/submissions/(\d+)/original)", [&ctx](const httplib::Request& req, httplib::Response& res) {
    if (!ctx.Authorize(req, res, store::Role::kReader)) return;
    std::optional<std::int64_t> id = ParseId(req.matches[1]);
    Result<Lease> db = ctx.pool->Take();
    if (!db) return StoreError(res, db.error());
    Result<std::optional<store::StoredSubmission>> s = id ? (*db)->LoadSubmission(*id) : std::optional<store::StoredSubmission>();
    if (!s) return StoreError(res, s.error());
    if (!*s) return Problem(res, 404, "no submission " + std::string(req.matches[1]));
    std::string bytes;
    if (Status st = ctx.blobs.Read((*s)->row.sha256, bytes); !st) return Problem(res, 404, st.error().message);
    const std::string& f = (*s)->row.format;
    const std::string type = f == "pdf"    ? "application/pdf"
                             : f == "docx" ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                             : f == "doc"  ? "application/msword"
                             : f == "odt"  ? "application/vnd.oasis.opendocument.text"
                             : f == "rtf"  ? "application/rtf"
                                           : "application/octet-stream";
    res.set_header("Content-Disposition", "attachment; filename=\"" + AsciiName((*s)->row.file) +
                                              "\"; filename*=UTF-8''" + PercentEncode((*s)->row.file));
    SendFile(res, std::move(bytes), type);
  });

  http.Get(R"(/api/v1/submissions/(\d+)/pages/(\d+)\.png)", [&ctx](const httplib::Request& req, httplib::Response& res) {
    if (!ctx.Authorize(req, res, store::Role::kReader)) return;
    std::optional<std::int64_t> id = ParseId(req.matches[1]);
    std::optional<std::int64_t> page = ParseId(req.matches[2]);
    Result<Lease> db = ctx.pool->Take();
    if (!db) return StoreError(res, db.error());
    Result<std::optional<store::StoredSubmission>> s = id ? (*db)->LoadSubmission(*id) : std::optional<store::StoredSubmission>();
    if (!s) return StoreError(res, s.error());
    if (!*s) return Problem(res, 404, "no submission " + std::string(req.matches[1]));
    const Report& r = (*s)->report;
    std::optional<std::string> pdf = PagesPdf(ctx, (*s)->row);
    if (!pdf) return Problem(res, 404, "no page images for this " + (*s)->row.format + " document");
    if (!page || (r.pages && *page > *r.pages)) return Problem(res, 404, "no page " + std::string(req.matches[2]));
    double dpi = 110;
    if (req.has_param("dpi")) {
      std::optional<std::int64_t> d = ParseId(req.get_param_value("dpi"));
      if (!d || *d < 36 || *d > 200) return Problem(res, 400, "dpi must be a number from 36 to 200");
      dpi = static_cast<double>(*d);
    }
    std::optional<Evidence> ev;
    if (req.has_param("mark")) {
      ev = MarkEvidence(r, req.get_param_value("mark"));
      if (!ev) return Problem(res, 404, "nothing to mark named " + req.get_param_value("mark"));
    }
    std::vector<std::string> argv = {WorkerExe(ctx), "worker-render", "--page", std::to_string(*page), "--dpi",
                                     std::to_string(static_cast<int>(dpi))};
    std::string key = (*s)->row.sha256 + "|" + std::to_string(*page) + "|" + std::to_string(dpi);
    if (ev && ev->page == *page) {
      if (ev->box) {
        std::ostringstream b;
        b << ev->box->x0 << "," << ev->box->y0 << "," << ev->box->x1 << "," << ev->box->y1 << ","
          << ev->box->page_width << "," << ev->box->page_height;
        argv.insert(argv.end(), {"--box", b.str()});
        key += "|box " + b.str();
      } else if (!ev->text.empty()) {
        argv.insert(argv.end(), {"--find", ev->text});
        key += "|find " + ev->text;
      }
    }
    const std::string dir = ctx.blobs.root() + "/pages";
    const std::string base = dir + "/" + store::Sha256Hex(key);
    std::error_code ec;
    if (!fs::exists(base + ".png", ec)) {
      fs::create_directories(dir, ec);
      const std::string tmp = base + ".tmp" + std::to_string(::getpid()) + "-" + RandomHex(8);
      argv.insert(argv.end(), {"--out", tmp + ".png", *pdf});
      auto spawner = service::MakePosixSpawner(1 << 16);
      service::ChildSpec spec;
      spec.argv = argv;
      // No RLIMIT_AS under AddressSanitizer (it reserves terabytes), as for ingest.
      if (!kAddressSanitizer) spec.memory_limit_bytes = ctx.options.memory_limit_mb << 20;
      spec.cpu_limit_seconds = 60;
      Result<service::Spawner::Id> child = spawner->Start(spec);
      if (!child) return StoreError(res, child.error());
      std::optional<service::ChildExit> exit;
      for (int waited = 0; !exit && waited < 60; ++waited) {
        for (auto& [cid, e] : spawner->Wait(1.0)) exit = std::move(e);
      }
      if (!exit) {
        spawner->Kill(*child);
        while (spawner->running() > 0) spawner->Wait(1.0);
        fs::remove(tmp + ".png", ec);
        return Problem(res, 500, "rendering page " + std::to_string(*page) + " took too long");
      }
      if (exit->exit_code != 0) {
        fs::remove(tmp + ".png", ec);
        std::string why = service::LastLine(exit->err);
        if (why.rfind("error:", 0) == 0) why = why.substr(why.find(':', 6) + 1);
        return Problem(res, 422, "page " + std::to_string(*page) + " cannot be rendered: " +
                                     (why.empty() ? "the renderer crashed" : why));
      }
      std::ofstream(tmp + ".meta") << exit->out;
      fs::rename(tmp + ".meta", base + ".meta", ec);
      fs::rename(tmp + ".png", base + ".png", ec);
    }
    std::istringstream meta(ReadFile(base + ".meta"));
    std::string word;
    while (meta >> word) {
      if (word == "mark") {
        int x0, y0, x1, y1;
        meta >> x0 >> y0 >> x1 >> y1;
        res.set_header("X-Mark-Box", std::to_string(x0) + "," + std::to_string(y0) + "," + std::to_string(x1) + "," +
                                         std::to_string(y1));
      }
    }
    res.set_header("Cache-Control", "private, max-age=3600");
    SendFile(res, ReadFile(base + ".png"), "image/png");
  });

  http.Post(R"(/api/v1/submissions/(\d+)/reprocess)", [&ctx](const httplib::Request& req, httplib::Response& res) {
    std::optional<Caller> c = ctx.Authorize(req, res, store::Role::kAdmin);
    if (!c) return;
    std::optional<std::int64_t> id = ParseId(req.matches[1]);
    Result<Lease> db = ctx.pool->Take();
    if (!db) return StoreError(res, db.error());
    Result<std::vector<std::int64_t>> jobs = id ? (*db)->EnqueueReprocess({*id})
                                                : Result<std::vector<std::int64_t>>(MakeError(ErrorKind::kUnreadableInput, ""));
    if (!jobs) {
      if (jobs.error().kind == ErrorKind::kUnreadableInput) return Problem(res, 404, "no submission " + std::string(req.matches[1]));
      return StoreError(res, jobs.error());
    }
    store::AuditEntry e;
    e.user = c->user.name;
    e.action = "reprocess";
    e.submission_id = id;
    e.target = "submission";
    e.key = std::to_string(jobs->front());
    (void)(*db)->AddAudit(e);
    ctx.processor->Wake();
    Result<std::optional<store::Job>> j = (*db)->LoadJobById(jobs->front());
    if (!j || !*j) return Problem(res, 500, "the reprocess job was not recorded");
    res.set_header("Location", "/api/v1/jobs/" + std::to_string(jobs->front()));
    SendJson(res, JobJson(**j), 202);
  });

  http.Delete(R"(/api/v1/submissions/(\d+))", [&ctx](const httplib::Request& req, httplib::Response& res) {
    std::optional<Caller> c = ctx.Authorize(req, res, store::Role::kAdmin);
    if (!c) return;
    std::optional<std::int64_t> id = ParseId(req.matches[1]);
    Result<Lease> db = ctx.pool->Take();
    if (!db) return StoreError(res, db.error());
    Result<std::optional<store::StoredSubmission>> s = id ? (*db)->LoadSubmission(*id) : std::optional<store::StoredSubmission>();
    if (!s) return StoreError(res, s.error());
    if (!*s) return Problem(res, 404, "no submission " + std::string(req.matches[1]));
    Result<bool> gone = (*db)->DeleteSubmission(*id, c->user.name);
    if (!gone) return StoreError(res, gone.error());
    if (!*gone) return Problem(res, 404, "no submission " + std::string(req.matches[1]));
    std::error_code ec;
    fs::remove(ctx.blobs.PathFor((*s)->row.sha256), ec);
    if ((*s)->row.rendering_sha256) fs::remove(ctx.blobs.PathFor(*(*s)->row.rendering_sha256), ec);
    res.status = 204;
  });

  http.Get("/api/v1/completeness", [&ctx](const httplib::Request& req, httplib::Response& res) {
    if (!ctx.Authorize(req, res, store::Role::kReader)) return;
    std::optional<int> year;
    if (req.has_param("year")) {
      std::optional<std::int64_t> y = ParseId(req.get_param_value("year"));
      if (!y || *y < 1990 || *y > 2100) return Problem(res, 400, "year must be a number from 1990 to 2100");
      year = static_cast<int>(*y);
    }
    Result<Lease> db = ctx.pool->Take();
    if (!db) return StoreError(res, db.error());
    if (!year) {
      Result<std::optional<int>> latest = service::LatestReportingYear(**db);
      if (!latest) return StoreError(res, latest.error());
      year = *latest;
    }
    if (!year) {
      return SendJson(res, {{"year", nullptr}, {"components", nlohmann::json::array()}, {"rows", nlohmann::json::array()}});
    }
    Result<service::CompletenessMatrix> m = service::BuildCompleteness(**db, ctx.rules, *year);
    if (!m) return StoreError(res, m.error());
    nlohmann::json components = nlohmann::json::array();
    for (const service::CompletenessComponent& c : m->components) components.push_back({{"id", c.id}, {"title", c.title}});
    nlohmann::json rows = nlohmann::json::array();
    for (const service::CompletenessRow& row : m->rows) {
      nlohmann::json cells = nlohmann::json::object();
      for (std::size_t i = 0; i < row.cells.size() && i < m->components.size(); ++i)
        cells[m->components[i].id] = {{"status", row.sent_nothing() ? "not_submitted" : row.cells[i].status},
                                      {"submission_ids", row.cells[i].submission_ids}};
      rows.push_back({{"state", row.iso3}, {"name", row.name}, {"on_roster", row.on_roster},
                      {"submissions", row.submissions}, {"submission_ids", row.submission_ids}, {"cells", cells}});
    }
    SendJson(res, {{"year", m->year}, {"components", components}, {"rows", rows}, {"roster_size", m->roster_size},
                   {"roster_silent", m->roster_silent}});
  });

  auto export_handler = [&ctx](bool xlsx) {
    return [&ctx, xlsx](const httplib::Request& req, httplib::Response& res) {
      if (!ctx.Authorize(req, res, store::Role::kReader)) return;
      std::optional<ListQuery> q = ParseListQuery(req, res);
      if (!q) return;
      const bool filtered = q->state || q->year || q->kind || q->flag || q->needs_review || q->q || q->status;
      Result<Lease> db = ctx.pool->Take();
      if (!db) return StoreError(res, db.error());
      Result<std::vector<service::Table>> tables = ExportTables(ctx, **db, *q, q->year, filtered);
      if (!tables) return StoreError(res, tables.error());
      if (xlsx) {
        std::error_code ec;
        fs::create_directories(ctx.blobs.root() + "/tmp", ec);
        const std::string path = ctx.blobs.root() + "/tmp/export-" + RandomHex(8) + ".xlsx";
        if (Status s = service::WriteXlsx(*tables, path); !s) return StoreError(res, s.error());
        std::string bytes = ReadFile(path);
        fs::remove(path, ec);
        res.set_header("Content-Disposition", "attachment; filename=\"vareport.xlsx\"");
        return SendFile(res, std::move(bytes), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
      }
      const std::string table = req.has_param("table") ? req.get_param_value("table") : "answers";
      for (const service::Table& t : *tables) {
        if (t.name != table && !(table == "completeness" && t.name.rfind("completeness", 0) == 0)) continue;
        std::string out = "\xEF\xBB\xBF" + service::CsvRecord(t.headers);
        for (const auto& row : t.rows) {
          std::vector<std::string> fields;
          for (const service::Cell& cell : row) {
            if (!cell.is_number) {
              fields.push_back(cell.text);
            } else {
              std::ostringstream n;
              n << cell.number;
              fields.push_back(n.str());
            }
          }
          out += service::CsvRecord(fields);
        }
        res.set_header("Content-Disposition", "attachment; filename=\"" + AsciiName(t.name) + ".csv\"");
        return SendFile(res, std::move(out), "text/csv; charset=utf-8");
      }
      Problem(res, 400, "table must be one of submissions, answers, objectives, findings, completeness, files");
    };
  };
  http.Get("/api/v1/export.xlsx", export_handler(true));
  http.Get("/api/v1/export.csv", export_handler(false));
}

}  // namespace vareport::server
