// The HTTP service end to end, in process on a free loopback port with the
// real worker children (the built vareport): the report JSON equals
// `vareport extract --format json`; every endpoint refuses the wrong role;
// 400/401/403/404/413/415 as problem+json; hostile uploads fail their job and
// leave the server answering; decisions and corrections survive reprocessing
// and reach the exports; sessions need their CSRF token; page images carry
// the mark. Inputs are the project's own (samples/, tests/data/).
#include <boost/test/unit_test.hpp>

#include <httplib.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "server/auth.h"
#include "server/context.h"
#include "server/server.h"
#include "store/blob_store.h"
#include "store/engine_db.h"
#include "store/open_store.h"
#include "store/sqlite_store.h"
#include "store/test_store_util.h"
#include "test_util.h"

namespace fs = std::filesystem;
using namespace vareport;
using vareport::test::TempDir;

namespace {

std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string Encode(const std::string& s) {
  static const char* hex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '.' || c == '-' || c == '_') out += static_cast<char>(c);
    else out += std::string("%") + hex[c >> 4] + hex[c & 15];
  }
  return out;
}

// A server on a fresh store with three users and their API tokens.
struct Service {
  TempDir dir{"server"};
  std::string db_path = dir / "v.db";
  std::unique_ptr<server::Server> srv;
  std::thread thread;
  std::map<std::string, std::string> token;  // role → token

  // `db`: another store than a fresh SQLite file (a PostgreSQL URI);
  // `tokens`: the users are there already (another Service made them).
  explicit Service(std::size_t max_upload = 16u << 20, std::int64_t queue_limit = 500, const std::string& db = "",
                   const std::map<std::string, std::string>* tokens = nullptr) {
    BOOST_TEST_REQUIRE(server::InitCrypto().ok());
    if (!db.empty()) db_path = db;
    if (tokens) token = *tokens;
    if (!tokens) {
      auto db = store::OpenStore(db_path);
      BOOST_TEST_REQUIRE(db.ok());
      for (auto [name, role] : {std::pair{"rita", store::Role::kReader}, std::pair{"vera", store::Role::kReviewer},
                                std::pair{"ada", store::Role::kAdmin}}) {
        auto hash = server::HashPassword(std::string(name) + "-password");
        BOOST_TEST_REQUIRE(hash.ok());
        auto id = (*db)->AddUser(name, role, *hash);
        BOOST_TEST_REQUIRE(id.ok());
        const std::string t = "vr_" + server::RandomHex(32);
        BOOST_TEST_REQUIRE((*db)->AddToken(*id, store::Sha256Hex(t)).ok());
        token[std::string(store::RoleName(role))] = t;
      }
    }
    server::ServerOptions o;
    o.db_path = db_path;
    o.port = 0;
    o.workers = 2;
    o.http_threads = 4;
    o.worker_exe = VAREPORT_BINARY;
    o.rules_dir = VAREPORT_SOURCE_RULES_DIR;
    o.max_upload_bytes = max_upload;
    o.queue_limit = queue_limit;
    o.time_limit_seconds = 60;
    o.quiet = true;
    auto s = server::Server::Create(o);
    BOOST_TEST_REQUIRE(s.ok(), (s.ok() ? "" : s.error().message));
    srv = std::move(*s);
    thread = std::thread([this] { (void)srv->Run(); });
  }
  ~Service() {
    srv->Stop();
    thread.join();
  }

  httplib::Client Client() const {
    httplib::Client c("127.0.0.1", srv->port());
    c.set_read_timeout(60, 0);
    return c;
  }
  httplib::Headers As(const std::string& role) const {
    return {{"Authorization", "Bearer " + token.at(role)}};
  }

  // Uploads `bytes` as `name` (raw body) and returns the response.
  httplib::Result Upload(const std::string& bytes, const std::string& name, const std::string& role = "reviewer",
                         httplib::Headers extra = {}) {
    httplib::Headers h = As(role);
    h.insert(extra.begin(), extra.end());
    return Client().Post(("/api/v1/submissions?name=" + Encode(name)).c_str(), h, bytes,
                         "application/octet-stream");
  }

  // Polls a job until it is done or failed (bounded: 120 s); returns its JSON.
  nlohmann::json WaitJob(std::int64_t job) {
    for (int i = 0; i < 1200; ++i) {
      auto r = Client().Get(("/api/v1/jobs/" + std::to_string(job)).c_str(), As("reader"));
      BOOST_TEST_REQUIRE(static_cast<bool>(r));
      nlohmann::json j = nlohmann::json::parse(r->body);
      if (j["state"] == "done" || j["state"] == "failed") return j;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    BOOST_FAIL("job " << job << " did not finish");
    return {};
  }

  // Uploads a file and waits for its submission id.
  std::int64_t Ingest(const std::string& path, const std::string& name) {
    auto r = Upload(ReadBytes(path), name);
    BOOST_TEST_REQUIRE(static_cast<bool>(r));
    BOOST_TEST_REQUIRE(r->status == 202, r->body);
    nlohmann::json j = WaitJob(nlohmann::json::parse(r->body)["id"]);
    BOOST_TEST_REQUIRE(j["state"] == "done", j.dump());
    return j["submission_id"];
  }

  nlohmann::json Get(const std::string& path, const std::string& role = "reader", int status = 200) {
    auto r = Client().Get(path.c_str(), As(role));
    BOOST_TEST_REQUIRE(static_cast<bool>(r));
    BOOST_TEST_REQUIRE(r->status == status, path << ": " << r->status << " " << r->body);
    return nlohmann::json::parse(r->body);
  }
};

void ExpectProblem(const httplib::Result& r, int status, const std::string& what) {
  BOOST_TEST_REQUIRE(static_cast<bool>(r), what);
  BOOST_TEST(r->status == status, what << ": " << r->status << " " << r->body);
  BOOST_TEST(r->get_header_value("Content-Type") == "application/problem+json", what);
  nlohmann::json j = nlohmann::json::parse(r->body, nullptr, false);
  BOOST_TEST(!j.is_discarded(), what);
  if (!j.is_discarded()) {
    BOOST_TEST(j["status"] == status, what);
    BOOST_TEST(j["detail"].is_string(), what);
    BOOST_TEST(j["detail"].get<std::string>().find('\n') == std::string::npos, what);
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(server)

// A database out of reach is a passing state: 503 with Retry-After (RFC 9110
// §15.6.4, §10.2.3), as problem+json; any other store error stays a 500.
BOOST_AUTO_TEST_CASE(an_unreachable_database_is_503_with_retry_after) {
  httplib::Response res;
  vareport::server::StoreError(res, Error{ErrorKind::kUnavailable, "database: connection to postgresql:///v lost: gone"});
  BOOST_TEST(res.status == 503);
  BOOST_TEST(res.get_header_value("Retry-After") == "5");
  BOOST_TEST(res.get_header_value("Content-Type").find("application/problem+json") != std::string::npos);
  BOOST_TEST(res.body.find("postgresql") == std::string::npos, res.body);  // no connection details to a client
  httplib::Response other;
  vareport::server::StoreError(other, Error{ErrorKind::kInternal, "database: constraint failed"});
  BOOST_TEST(other.status == 500);
  BOOST_TEST(!other.has_header("Retry-After"));
}

// Two serve processes (here: two servers in one process) on one PostgreSQL
// store: an upload to one is processed (by either's workers) and read,
// original and page image included, through the other. Needs
// VAREPORT_TEST_PG (tests/store/pg_cluster.sh); says so and passes without it.
BOOST_AUTO_TEST_CASE(two_services_share_one_postgresql_store) {
  test::EngineDb e("postgresql");
  if (!e.ready()) return;
  ::setenv("VAREPORT_CACHE_DIR", (e.dir() / "cache").c_str(), 1);
  {
    Service a(16u << 20, 500, e.db());
    Service b(16u << 20, 500, e.db(), &a.token);
    const std::string pdf = test::DataPath("pdf/checklist_grid.pdf");
    auto r = a.Upload(ReadBytes(pdf), "checklist_grid.pdf");
    BOOST_TEST_REQUIRE(static_cast<bool>(r));
    BOOST_TEST_REQUIRE(r->status == 202, r->body);
    nlohmann::json job = b.WaitJob(nlohmann::json::parse(r->body)["id"]);
    BOOST_TEST_REQUIRE(job["state"] == "done", job.dump());
    const std::string sub = "/api/v1/submissions/" + std::to_string(job["submission_id"].get<std::int64_t>());
    BOOST_TEST(b.Get(sub)["submission"]["id"] == job["submission_id"]);
    auto original = b.Client().Get((sub + "/original").c_str(), b.As("reader"));
    BOOST_TEST_REQUIRE(static_cast<bool>(original));
    BOOST_TEST(original->status == 200);
    BOOST_TEST((original->body == ReadBytes(pdf)));
    auto page = b.Client().Get((sub + "/pages/1.png").c_str(), b.As("reader"));
    BOOST_TEST_REQUIRE(static_cast<bool>(page));
    BOOST_TEST(page->status == 200);
    // The same upload again, to the other server: the same job, nothing new.
    auto again = b.Upload(ReadBytes(pdf), "checklist_grid.pdf");
    BOOST_TEST_REQUIRE(static_cast<bool>(again));
    BOOST_TEST(e.Scalar("SELECT count(*) FROM submissions") == 1);
    BOOST_TEST(e.Scalar("SELECT count(*) FROM jobs") == 1);
  }
  ::unsetenv("VAREPORT_CACHE_DIR");
}

BOOST_AUTO_TEST_CASE(report_json_equals_extract) {
  Service s;
  for (const std::string& input : {std::string(VAREPORT_SAMPLES_DIR) + "/en-grid-checklist/input.docx",
                                   test::DataPath("pdf/checklist_grid.pdf")}) {
    const std::string name = fs::path(input).filename().string();
    const std::int64_t id = s.Ingest(input, name);
    nlohmann::json got = s.Get("/api/v1/submissions/" + std::to_string(id));
    BOOST_TEST(got.contains("review"));
    BOOST_TEST(got["submission"]["id"] == id);
    got.erase("review");
    got.erase("submission");
    // extract on a copy with the same name (source.file is the name given),
    // rendering Word files as the service's workers do (pages and boxes).
    TempDir copy("server_extract");
    fs::copy_file(input, copy / name);
    test::Run run = test::RunVareport("extract " + test::ShellQuote(copy / name) + " --render --format json --rules " +
                                      test::ShellQuote(VAREPORT_SOURCE_RULES_DIR));
    BOOST_TEST_REQUIRE(run.status == 0, run.err);
    nlohmann::json want = nlohmann::json::parse(run.out);
    BOOST_TEST(got == want, input << "\n got " << got.dump() << "\nwant " << want.dump());
  }
}

BOOST_AUTO_TEST_CASE(every_endpoint_refuses_the_wrong_role) {
  Service s;
  const std::int64_t id = s.Ingest(test::DataPath("pdf/checklist_grid.pdf"), "grid.pdf");
  const std::string sub = "/api/v1/submissions/" + std::to_string(id);
  struct Call {
    std::string method, path, least;  // the least role that may
  };
  const std::vector<Call> calls = {
      {"GET", "/api/v1/submissions", "reader"},
      {"GET", sub, "reader"},
      {"GET", sub + "/original", "reader"},
      {"GET", sub + "/pages/1.png", "reader"},
      {"GET", "/api/v1/jobs/1", "reader"},
      {"GET", "/api/v1/audit", "reader"},
      {"GET", "/api/v1/completeness", "reader"},
      {"GET", "/api/v1/export.csv", "reader"},
      {"GET", "/api/v1/export.xlsx", "reader"},
      {"GET", "/api/v1/me", "reader"},
      {"POST", "/api/v1/submissions", "reviewer"},
      {"PUT", sub + "/findings/NO_OBJECTIVES:coordination:-", "reviewer"},
      {"PUT", sub + "/answers/coordination.focal_point", "reviewer"},
      {"POST", sub + "/reprocess", "admin"},
      {"DELETE", sub, "admin"},
      {"GET", "/api/v1/users", "admin"},
      {"POST", "/api/v1/users", "admin"},
  };
  const std::vector<std::string> roles = {"reader", "reviewer", "admin"};
  for (const Call& c : calls) {
    auto send = [&](const httplib::Headers& h) {
      httplib::Client cl = s.Client();
      if (c.method == "GET") return cl.Get(c.path.c_str(), h);
      if (c.method == "DELETE") return cl.Delete(c.path.c_str(), h);
      if (c.method == "PUT") return cl.Put(c.path.c_str(), h, "{}", "application/json");
      return cl.Post(c.path.c_str(), h, "{}", "application/json");
    };
    ExpectProblem(send({}), 401, c.method + " " + c.path + " without credentials");
    ExpectProblem(send({{"Authorization", "Bearer vr_not_a_token"}}), 401, c.method + " " + c.path + " bad token");
    for (const std::string& role : roles) {
      if (role == c.least) break;
      ExpectProblem(send(s.As(role)), 403, c.method + " " + c.path + " as " + role);
    }
  }
  // Open to all: health, readiness, metrics, the API description, the page.
  for (const char* path : {"/healthz", "/readyz", "/metrics", "/api/v1/openapi.json", "/"}) {
    auto r = s.Client().Get(path);
    BOOST_TEST_REQUIRE(static_cast<bool>(r));
    BOOST_TEST(r->status == 200, path);
  }
}

BOOST_AUTO_TEST_CASE(bad_requests_are_problems) {
  Service s(/*max_upload=*/200000);
  ExpectProblem(s.Upload(std::string(300000, 'x'), "big.pdf"), 413, "over the upload limit");
  ExpectProblem(s.Upload("just some text, not a document", "notes.pdf"), 415, "not a PDF or Word document");
  ExpectProblem(s.Upload("", "empty.pdf"), 400, "empty upload");
  const std::string pdf = ReadBytes(test::DataPath("pdf/checklist_grid.pdf"));
  for (const char* name : {"../../etc/passwd.pdf", "a/b.pdf", "..\\win.pdf", "..", "bad\nname.pdf"})
    ExpectProblem(s.Upload(pdf, name), 400, std::string("file name ") + name);
  // Malformed multipart: a boundary that never comes.
  auto r = s.Client().Post("/api/v1/submissions", s.As("reviewer"), "--nope\r\ngarbage",
                           "multipart/form-data; boundary=xyz");
  ExpectProblem(r, 400, "malformed multipart");
  ExpectProblem(s.Client().Get("/api/v1/submissions/999", s.As("reader")), 404, "unknown submission");
  ExpectProblem(s.Client().Get("/api/v1/submissions/abc", s.As("reader")), 404, "non-numeric id");
  ExpectProblem(s.Client().Get("/api/v1/submissions/999/pages/1.png", s.As("reader")), 404, "pages of unknown");
  ExpectProblem(s.Client().Get("/api/v1/jobs/999", s.As("reader")), 404, "unknown job");
  ExpectProblem(s.Client().Get("/api/v1/submissions/..%2F..%2Fetc%2Fpasswd", s.As("reader")), 404, "path in an id");
  ExpectProblem(s.Client().Get("/api/v1/../../etc/passwd", s.As("reader")), 404, "dot segments");
  ExpectProblem(s.Client().Get("/api/v1/submissions?year=nineteen", s.As("reader")), 400, "bad year");
  ExpectProblem(s.Client().Put("/api/v1/submissions/1/answers/coordination.focal_point", s.As("reviewer"), "{oops",
                               "application/json"),
                400, "malformed JSON");
  ExpectProblem(s.Client().Get("/api/v1/nothing-here", s.As("reader")), 404, "unknown route");
}

BOOST_AUTO_TEST_CASE(hostile_uploads_fail_alone_and_are_listed) {
  Service s;
  const std::vector<std::pair<std::string, std::string>> hostile = {
      {"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF", "broken.pdf"},
      {ReadBytes(test::DataPath("docx/zip_bomb.docx")), "bomb.docx"},
      {ReadBytes(test::DataPath("docx/truncated.docx")), "truncated.docx"},
      {ReadBytes(test::DataPath("pdf/encrypted_password.pdf")), "locked.pdf"},
  };
  std::vector<std::int64_t> jobs;
  for (const auto& [bytes, name] : hostile) {
    auto r = s.Upload(bytes, name);
    BOOST_TEST_REQUIRE(static_cast<bool>(r));
    BOOST_TEST_REQUIRE(r->status == 202, name << ": " << r->body);
    jobs.push_back(nlohmann::json::parse(r->body)["id"]);
  }
  for (std::int64_t j : jobs) {
    nlohmann::json job = s.WaitJob(j);
    BOOST_TEST(job["state"] == "failed", job.dump());
    BOOST_TEST(job["error"].is_string());
  }
  auto health = s.Client().Get("/healthz");
  BOOST_TEST_REQUIRE(static_cast<bool>(health));
  BOOST_TEST(health->status == 200);
  nlohmann::json failed = s.Get("/api/v1/submissions?status=failed");
  BOOST_TEST(failed["total"] == hostile.size());
  for (const auto& item : failed["items"]) BOOST_TEST(!item["error"].get<std::string>().empty());
  // The server still reads a good document afterwards.
  BOOST_TEST(s.Ingest(test::DataPath("pdf/checklist_grid.pdf"), "grid.pdf") > 0);
}

BOOST_AUTO_TEST_CASE(same_bytes_and_idempotency_keys) {
  Service s;
  const std::string pdf = ReadBytes(test::DataPath("pdf/checklist_grid.pdf"));
  auto a = s.Upload(pdf, "grid.pdf", "reviewer", {{"Idempotency-Key", "k-1"}});
  auto b = s.Upload(pdf, "grid.pdf", "reviewer", {{"Idempotency-Key", "k-1"}});
  BOOST_TEST_REQUIRE((a && b));
  BOOST_TEST(a->status == 202);
  BOOST_TEST(b->status == 202);
  BOOST_TEST(a->get_header_value("Location") == b->get_header_value("Location"));
  const std::int64_t job = nlohmann::json::parse(a->body)["id"];
  const std::int64_t id = s.WaitJob(job)["submission_id"];
  auto again = s.Upload(pdf, "another-name.pdf");
  BOOST_TEST_REQUIRE(static_cast<bool>(again));
  BOOST_TEST(again->status == 200);
  BOOST_TEST(nlohmann::json::parse(again->body)["submission_id"] == id);
  BOOST_TEST(again->get_header_value("Location") == "/api/v1/submissions/" + std::to_string(id));
  BOOST_TEST(s.Get("/api/v1/submissions")["total"] == 1);
}

BOOST_AUTO_TEST_CASE(reviews_survive_reprocessing_and_reach_exports) {
  Service s;
  const std::int64_t id = s.Ingest(test::DataPath("pdf/checklist_grid.pdf"), "grid.pdf");
  const std::string sub = "/api/v1/submissions/" + std::to_string(id);
  nlohmann::json report = s.Get(sub);
  BOOST_TEST_REQUIRE(!report["review"]["finding_keys"].empty());
  const std::string key = report["review"]["finding_keys"][0];
  auto d = s.Client().Put((sub + "/findings/" + key).c_str(), s.As("reviewer"),
                          R"({"decision":"dismissed","note":"covered by annex II"})", "application/json");
  BOOST_TEST_REQUIRE(static_cast<bool>(d));
  BOOST_TEST_REQUIRE(d->status == 200, d->body);
  auto c = s.Client().Put((sub + "/answers/coordination.focal_point").c_str(), s.As("reviewer"),
                          R"({"value":"no","note":"the ministry says no"})", "application/json");
  BOOST_TEST_REQUIRE(static_cast<bool>(c));
  BOOST_TEST_REQUIRE(c->status == 200, c->body);
  ExpectProblem(s.Client().Put((sub + "/answers/coordination.focal_point").c_str(), s.As("reviewer"),
                               R"({"value":"maybe"})", "application/json"),
                400, "a yes/no question corrected to maybe");
  ExpectProblem(s.Client().Put((sub + "/findings/NOT_A_FINDING:x:-").c_str(), s.As("reviewer"),
                               R"({"decision":"confirmed"})", "application/json"),
                404, "a finding the report does not have");

  auto re = s.Client().Post((sub + "/reprocess").c_str(), s.As("admin"), "", "application/json");
  BOOST_TEST_REQUIRE(static_cast<bool>(re));
  BOOST_TEST_REQUIRE(re->status == 202, re->body);
  nlohmann::json job = s.WaitJob(nlohmann::json::parse(re->body)["id"]);
  BOOST_TEST(job["state"] == "done");

  nlohmann::json after = s.Get(sub);
  BOOST_TEST_REQUIRE(after["review"]["findings"].size() == 1u);
  BOOST_TEST(after["review"]["findings"][0]["key"] == key);
  BOOST_TEST(after["review"]["findings"][0]["decision"] == "dismissed");
  BOOST_TEST(after["review"]["findings"][0]["stale"] == false);
  BOOST_TEST_REQUIRE(after["review"]["answers"].size() == 1u);
  BOOST_TEST(after["review"]["answers"][0]["value"] == "no");
  BOOST_TEST(after["review"]["answers"][0]["machine_value"] == "yes");

  nlohmann::json audit = s.Get("/api/v1/audit?submission=" + std::to_string(id));
  bool correction = false;
  for (const auto& e : audit["items"])
    if (e["action"] == "correction") correction = e["before"] == "yes" && e["after"] == "no" && e["user"] == "vera";
  BOOST_TEST(correction);

  auto answers = s.Client().Get("/api/v1/export.csv?table=answers", s.As("reader"));
  BOOST_TEST_REQUIRE(static_cast<bool>(answers));
  BOOST_TEST(answers->body.find("reviewed_value") != std::string::npos);
  BOOST_TEST(answers->body.find("the ministry says no") != std::string::npos);
  auto findings = s.Client().Get("/api/v1/export.csv?table=findings", s.As("reader"));
  BOOST_TEST_REQUIRE(static_cast<bool>(findings));
  BOOST_TEST(findings->body.find("covered by annex II") != std::string::npos);
  auto xlsx = s.Client().Get("/api/v1/export.xlsx?state=ZZZ", s.As("reader"));
  BOOST_TEST_REQUIRE(static_cast<bool>(xlsx));
  BOOST_TEST(xlsx->status == 200);
  BOOST_TEST(xlsx->body.rfind("PK", 0) == 0u);

  // Deleting keeps the audit.
  auto del = s.Client().Delete(sub.c_str(), s.As("admin"));
  BOOST_TEST_REQUIRE(static_cast<bool>(del));
  BOOST_TEST(del->status == 204);
  s.Get(sub, "reader", 404);
  nlohmann::json kept = s.Get("/api/v1/audit?submission=" + std::to_string(id));
  BOOST_TEST(kept["items"].size() == audit["items"].size() + 1);
}

BOOST_AUTO_TEST_CASE(page_sessions_need_their_csrf_token) {
  Service s;
  httplib::Client cl = s.Client();
  ExpectProblem(cl.Post("/api/v1/login", R"({"name":"vera","password":"wrong"})", "application/json"), 401,
                "wrong password");
  auto login = cl.Post("/api/v1/login", R"({"name":"vera","password":"vera-password"})", "application/json");
  BOOST_TEST_REQUIRE(static_cast<bool>(login));
  BOOST_TEST_REQUIRE(login->status == 200, login->body);
  const std::string set_cookie = login->get_header_value("Set-Cookie");
  BOOST_TEST(set_cookie.find("HttpOnly") != std::string::npos);
  BOOST_TEST(set_cookie.find("SameSite=Strict") != std::string::npos);
  BOOST_TEST(set_cookie.find("Max-Age=") != std::string::npos);
  const std::string cookie = set_cookie.substr(0, set_cookie.find(';'));
  const std::string csrf = nlohmann::json::parse(login->body)["csrf"];
  const std::string pdf = ReadBytes(test::DataPath("pdf/checklist_grid.pdf"));
  auto no_csrf = cl.Post("/api/v1/submissions?name=grid.pdf", {{"Cookie", cookie}}, pdf, "application/pdf");
  ExpectProblem(no_csrf, 403, "a change by cookie without the CSRF token");
  auto with = cl.Post("/api/v1/submissions?name=grid.pdf", {{"Cookie", cookie}, {"X-CSRF-Token", csrf}}, pdf,
                      "application/pdf");
  BOOST_TEST_REQUIRE(static_cast<bool>(with));
  BOOST_TEST(with->status == 202, with->body);
  auto me = cl.Get("/api/v1/me", {{"Cookie", cookie}});
  BOOST_TEST_REQUIRE(static_cast<bool>(me));
  BOOST_TEST(nlohmann::json::parse(me->body)["role"] == "reviewer");
  auto out = cl.Post("/api/v1/logout", {{"Cookie", cookie}, {"X-CSRF-Token", csrf}}, "", "application/json");
  BOOST_TEST_REQUIRE(static_cast<bool>(out));
  ExpectProblem(cl.Get("/api/v1/me", {{"Cookie", cookie}}), 401, "after logout");
}

BOOST_AUTO_TEST_CASE(page_images_mark_the_evidence) {
  Service s;
  const std::int64_t id = s.Ingest(test::DataPath("pdf/checklist_grid.pdf"), "grid.pdf");
  const std::string sub = "/api/v1/submissions/" + std::to_string(id);
  auto img = s.Client().Get((sub + "/pages/1.png?mark=answer:coordination.focal_point").c_str(), s.As("reader"));
  BOOST_TEST_REQUIRE(static_cast<bool>(img));
  BOOST_TEST_REQUIRE(img->status == 200, img->body);
  BOOST_TEST(img->get_header_value("Content-Type") == "image/png");
  BOOST_TEST(img->body.rfind("\x89PNG", 0) == 0u);
  const std::string box = img->get_header_value("X-Mark-Box");
  BOOST_TEST_REQUIRE(!box.empty());
  int x0, y0, x1, y1;
  char c;
  std::istringstream in(box);
  BOOST_TEST_REQUIRE(static_cast<bool>(in >> x0 >> c >> y0 >> c >> x1 >> c >> y1));
  BOOST_TEST((x0 < x1 && y0 < y1));
  auto plain = s.Client().Get((sub + "/pages/1.png").c_str(), s.As("reader"));
  BOOST_TEST_REQUIRE(static_cast<bool>(plain));
  BOOST_TEST(plain->get_header_value("X-Mark-Box").empty());
  BOOST_TEST(plain->body != img->body);
  ExpectProblem(s.Client().Get((sub + "/pages/99.png").c_str(), s.As("reader")), 404, "a page past the end");
  ExpectProblem(s.Client().Get((sub + "/pages/1.png?mark=answer:nope").c_str(), s.As("reader")), 404, "unknown mark");
  auto original = s.Client().Get((sub + "/original").c_str(), s.As("reader"));
  BOOST_TEST_REQUIRE(static_cast<bool>(original));
  BOOST_TEST(original->body == ReadBytes(test::DataPath("pdf/checklist_grid.pdf")));
}

BOOST_AUTO_TEST_CASE(word_documents_get_page_images_and_completeness_lists_the_roster) {
  Service s;
  const std::int64_t id = s.Ingest(std::string(VAREPORT_SAMPLES_DIR) + "/en-grid-checklist/input.docx", "input.docx");
  const std::string sub = "/api/v1/submissions/" + std::to_string(id);
  nlohmann::json r = s.Get(sub);
  BOOST_TEST_REQUIRE(r["submission"]["page_images"] == true);  // its PDF rendering is kept
  std::string question;
  int page = 0;
  for (const auto& a : r["answers"]) {
    if (a["evidence"]["page"].is_number_integer()) {
      question = a["question"];
      page = a["evidence"]["page"];
      break;
    }
  }
  BOOST_TEST_REQUIRE(page > 0, "an answer located on a page of the rendering");
  auto img = s.Client().Get((sub + "/pages/" + std::to_string(page) + ".png?mark=answer:" + question).c_str(),
                            s.As("reader"));
  BOOST_TEST_REQUIRE(static_cast<bool>(img));
  BOOST_TEST_REQUIRE(img->status == 200, img->body);
  BOOST_TEST(img->body.rfind("\x89PNG", 0) == 0u);
  BOOST_TEST(!img->get_header_value("X-Mark-Box").empty());

  nlohmann::json m = s.Get("/api/v1/completeness?year=2023");
  BOOST_TEST(m["year"] == 2023);
  BOOST_TEST(m["roster_size"].get<int>() > 1);
  bool ago = false, silent = false;
  for (const auto& row : m["rows"]) {
    if (row["state"] == "AGO") {
      ago = row["submission_ids"].size() == 1u && row["cells"]["coordination"]["status"] != "not_submitted";
    } else if (row["on_roster"] == true && row["submissions"] == 0) {
      silent = row["cells"]["coordination"]["status"] == "not_submitted";
    }
  }
  BOOST_TEST(ago);
  BOOST_TEST(silent);
  ExpectProblem(s.Client().Get("/api/v1/completeness?year=20x4", s.As("reader")), 400, "a bad year");
}

BOOST_AUTO_TEST_CASE(a_full_queue_answers_503_with_retry_after) {
  Service s(16u << 20, /*queue_limit=*/0);  // every upload meets a full queue
  auto r = s.Upload(ReadBytes(test::DataPath("pdf/checklist_grid.pdf")), "a.pdf");
  ExpectProblem(r, 503, "queue full");
  BOOST_TEST(r->get_header_value("Retry-After") == "30");
  BOOST_TEST(s.Get("/api/v1/submissions")["total"] == 0);
}

BOOST_AUTO_TEST_SUITE_END()
