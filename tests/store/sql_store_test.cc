// The store on both engines (SQLite always; PostgreSQL when VAREPORT_TEST_PG
// is set, tests/store/pg_cluster.sh): migrations, dedupe by content,
// all-or-nothing results, resume of abandoned jobs, queries; and the
// content-addressed blob store.
#include <boost/test/unit_test.hpp>

#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <thread>

#include "store/blob_store.h"
#include "store/open_store.h"
#include "store/report_codec.h"
#include "store/sqlite_store.h"
#include "store/engine_db.h"
#include "store/test_store_util.h"

namespace fs = std::filesystem;
using namespace vareport;
using namespace vareport::store;
using vareport::test::SampleReport;
using vareport::test::TempDir;
using vareport::test::EngineDb;
using vareport::test::kEngines;

namespace {

std::unique_ptr<Store> Open(const std::string& path) {
  auto s = OpenSqliteStore(path);
  BOOST_TEST_REQUIRE(s.ok(), (s.ok() ? "" : s.error().message));
  return std::move(*s);
}

NewJob NewJobAt(const std::string& path, const std::string& sha, const std::string& format = "docx") {
  NewJob j;
  j.path = path;
  j.sha256 = sha;
  j.size = 10;
  j.format = format;
  return j;
}

std::string Sha(char c) { return std::string(64, c); }

long long Scalar(const std::string& db, const std::string& sql) {
  sqlite3* h = nullptr;
  sqlite3_open(db.c_str(), &h);
  sqlite3_stmt* st = nullptr;
  long long v = -1;
  if (sqlite3_prepare_v2(h, sql.c_str(), -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
    v = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  sqlite3_close(h);
  return v;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(store)

BOOST_AUTO_TEST_CASE(migrates_an_empty_database_and_reopens_it) {
  TempDir dir("store");
  const std::string db = dir / "v.db";
  {
    auto s = Open(db);
    BOOST_TEST(s->SchemaVersion() == SqliteSchemaVersion());
    BOOST_TEST(SqliteSchemaVersion() >= 1);
  }
  BOOST_TEST(Scalar(db, "PRAGMA user_version") == SqliteSchemaVersion());
  sqlite3* h = nullptr;
  sqlite3_open(db.c_str(), &h);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(h, "PRAGMA journal_mode", -1, &st, nullptr);
  BOOST_TEST_REQUIRE(sqlite3_step(st) == SQLITE_ROW);
  BOOST_TEST(std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, 0))) == "wal");
  sqlite3_finalize(st);
  sqlite3_close(h);
  for (const char* table : {"submissions", "answers", "objectives", "findings", "components", "jobs", "rules_versions"})
    BOOST_TEST(Scalar(db, std::string("SELECT count(*) FROM sqlite_master WHERE name = '") + table + "'") == 1, table);
  auto again = Open(db);  // idempotent
  BOOST_TEST(again->SchemaVersion() == SqliteSchemaVersion());
}

BOOST_DATA_TEST_CASE(refuses_a_database_from_a_newer_vareport, kEngines, engine) {
  EngineDb e(engine);
  if (!e.ready()) return;
  { auto s = e.Open(); }
  const char* bump = e.postgres() ? "UPDATE schema_version SET version = 999" : "PRAGMA user_version = 999";
  BOOST_TEST_REQUIRE(e.Sql().Script(bump).ok());
  auto s = OpenStore(e.db());
  BOOST_TEST_REQUIRE(!s.ok());
  BOOST_TEST((s.error().kind == ErrorKind::kUnsupportedFormat));
  BOOST_TEST(s.error().message.find("database schema 999 is newer than this vareport") != std::string::npos,
             s.error().message);
  BOOST_TEST(s.error().message.find('\n') == std::string::npos);
}

BOOST_AUTO_TEST_CASE(refuses_a_file_that_is_not_a_database) {
  TempDir dir("store");
  std::ofstream(dir / "x.db") << "this is not SQLite, just some text that is long enough to have a header";
  auto s = OpenSqliteStore(dir / "x.db");
  BOOST_TEST(!s.ok());
}

BOOST_DATA_TEST_CASE(dedupes_by_content_not_by_name, kEngines, engine) {
  EngineDb e(engine);
  if (!e.ready()) return;
  auto s = e.Open();
  auto r = s->Enqueue({NewJobAt("/a/one.docx", Sha('a')), NewJobAt("/b/copy of one.docx", Sha('a')), NewJobAt("/c/two.pdf", Sha('b'), "pdf"),
                       NewJobAt("/a/one.docx", Sha('a'))});
  BOOST_TEST_REQUIRE(r.ok());
  BOOST_TEST((r->at(0) == EnqueueResult::kQueued));
  BOOST_TEST((r->at(1) == EnqueueResult::kDuplicate));
  BOOST_TEST((r->at(2) == EnqueueResult::kQueued));
  BOOST_TEST((r->at(3) == EnqueueResult::kKnown));
  // Only the first of a content is handed out.
  auto claimed = s->Claim(10, std::nullopt);
  BOOST_TEST_REQUIRE(claimed.ok());
  BOOST_TEST_REQUIRE(claimed->size() == 2u);
  BOOST_TEST(claimed->at(0).path == "/a/one.docx");
  BOOST_TEST(claimed->at(0).attempts == 1);
  JobResult res{SampleReport(Sha('a'), "KHM", 2024), 1.5};
  BOOST_TEST_REQUIRE(s->CompleteJob(claimed->at(0).id, res).ok());
  BOOST_TEST_REQUIRE(s->FailJob(claimed->at(1).id, "unreadable-input", "truncated ZIP archive").ok());
  auto jobs = s->ListJobs(std::nullopt);
  BOOST_TEST_REQUIRE(jobs->size() == 3u);
  BOOST_TEST((jobs->at(1).state == JobState::kDone));  // the copy, done with the first
  BOOST_TEST(jobs->at(1).submission_id == jobs->at(0).submission_id);
  BOOST_TEST(jobs->at(1).duplicate_of == jobs->at(0).id);
  BOOST_TEST((jobs->at(2).state == JobState::kFailed));
  BOOST_TEST(jobs->at(2).error == "truncated ZIP archive");
  // A later copy of known content is done at once; of failed content, failed at once.
  auto later = s->Enqueue({NewJobAt("/d/third copy.docx", Sha('a')), NewJobAt("/d/two again.pdf", Sha('b'), "pdf")});
  BOOST_TEST((later->at(0) == EnqueueResult::kDuplicate));
  jobs = s->ListJobs(std::nullopt);
  BOOST_TEST((jobs->at(3).state == JobState::kDone));
  BOOST_TEST((jobs->at(4).state == JobState::kFailed));
  BOOST_TEST(jobs->at(4).error == "same content as /c/two.pdf: truncated ZIP archive");
  auto c = s->CountJobs();
  BOOST_TEST(c->done == 3);
  BOOST_TEST(c->duplicates == 2);
  BOOST_TEST(c->failed == 2);
  BOOST_TEST(s->ListSubmissions({})->size() == 1u);
}

BOOST_DATA_TEST_CASE(waiting_duplicates_fail_with_their_original, kEngines, engine) {
  EngineDb e(engine);
  if (!e.ready()) return;
  auto s = e.Open();
  (void)s->Enqueue({NewJobAt("/x.pdf", Sha('c'), "pdf"), NewJobAt("/y.pdf", Sha('c'), "pdf")});
  auto claimed = s->Claim(10, std::nullopt);
  BOOST_TEST_REQUIRE(claimed->size() == 1u);
  BOOST_TEST_REQUIRE(s->FailJob(claimed->at(0).id, "timeout", "timed out after 60 s").ok());
  auto jobs = s->ListJobs(JobState::kFailed);
  BOOST_TEST_REQUIRE(jobs->size() == 2u);
  BOOST_TEST(jobs->at(1).error == "same content as /x.pdf: timed out after 60 s");
  BOOST_TEST(jobs->at(1).error_kind == "timeout");
}

BOOST_DATA_TEST_CASE(unreadable_files_are_recorded_failed_once, kEngines, engine) {
  EngineDb e(engine);
  if (!e.ready()) return;
  auto s = e.Open();
  NewJob bad = NewJobAt("/z/locked.pdf", "");
  bad.failed = MakeError(ErrorKind::kUnreadableInput, "cannot open file: Permission denied");
  auto r = s->Enqueue({bad});
  BOOST_TEST((r->at(0) == EnqueueResult::kFailed));
  r = s->Enqueue({bad});
  BOOST_TEST((r->at(0) == EnqueueResult::kKnown));
  auto jobs = s->ListJobs(std::nullopt);
  BOOST_TEST_REQUIRE(jobs->size() == 1u);
  BOOST_TEST(jobs->at(0).error_kind == "unreadable-input");
}

BOOST_AUTO_TEST_CASE(abandoned_running_jobs_are_queued_again) {
  TempDir dir("store");
  const std::string db = dir / "v.db";
  {
    auto s = Open(db);
    (void)s->Enqueue({NewJobAt("/1.pdf", Sha('1'), "pdf"), NewJobAt("/2.pdf", Sha('2'), "pdf")});
    auto claimed = s->Claim(2, std::nullopt);
    BOOST_TEST(claimed->size() == 2u);
  }  // the process "dies" with two jobs running
  auto s = Open(db);
  BOOST_TEST(s->CountJobs()->running == 2);
  auto n = s->RequeueAbandoned();
  BOOST_TEST(*n == 2);
  BOOST_TEST(s->CountJobs()->queued == 2);
  auto claimed = s->Claim(1, std::nullopt);
  BOOST_TEST(claimed->at(0).attempts == 2);
}

BOOST_DATA_TEST_CASE(claims_legacy_formats_apart, kEngines, engine) {
  EngineDb e(engine);
  if (!e.ready()) return;
  auto s = e.Open();
  (void)s->Enqueue({NewJobAt("/1.doc", Sha('1'), "doc"), NewJobAt("/2.pdf", Sha('2'), "pdf"), NewJobAt("/3.rtf", Sha('3'), "rtf")});
  auto legacy = s->Claim(10, true);
  BOOST_TEST_REQUIRE(legacy->size() == 2u);
  BOOST_TEST(legacy->at(1).path == "/3.rtf");
  auto other = s->Claim(10, false);
  BOOST_TEST_REQUIRE(other->size() == 1u);
  BOOST_TEST(other->at(0).path == "/2.pdf");
}

BOOST_DATA_TEST_CASE(stores_a_report_whole_and_reads_it_back, kEngines, engine) {
  EngineDb e(engine);
  if (!e.ready()) return;
  auto s = e.Open();
  (void)s->Enqueue({NewJobAt("/k.docx", Sha('k')), NewJobAt("/p.docx", Sha('p'))});
  auto claimed = s->Claim(2, std::nullopt);
  BOOST_TEST_REQUIRE(s->CompleteJob(claimed->at(0).id, {SampleReport(Sha('k'), "KHM", 2024), 1}).ok());
  Report peru = SampleReport(Sha('p'), "PER", 2023);
  peru.findings.clear();
  peru.kind = "national_plan";
  BOOST_TEST_REQUIRE(s->CompleteJob(claimed->at(1).id, {peru, 1}).ok());

  auto all = s->ListSubmissions({});
  BOOST_TEST_REQUIRE(all->size() == 2u);
  BOOST_TEST(s->ListSubmissions({"KHM", std::nullopt, std::nullopt, std::nullopt})->size() == 1u);
  BOOST_TEST(s->ListSubmissions({std::nullopt, 2023, std::nullopt, std::nullopt})->at(0).state == "PER");
  BOOST_TEST(s->ListSubmissions({std::nullopt, std::nullopt, "national_plan", std::nullopt})->size() == 1u);
  BOOST_TEST(s->ListSubmissions({std::nullopt, std::nullopt, std::nullopt, "MISSING_ANSWER"})->at(0).state == "KHM");
  BOOST_TEST(s->ListSubmissions({"KHM", 2023, std::nullopt, std::nullopt})->empty());

  auto loaded = s->LoadSubmission(all->at(0).id);
  BOOST_TEST_REQUIRE(loaded->has_value());
  const Report& r = (*loaded)->report;
  BOOST_TEST(r.state == "KHM");
  BOOST_TEST_REQUIRE(r.answers.size() == 1u);
  BOOST_TEST(r.answers[0].evidence.text == "☒ Yes  ☐ No  Is a government entity …");
  BOOST_TEST(r.objectives.at(0).quantities.at(0).value == 1200);
  BOOST_TEST(r.findings.at(0).message == "Question left blank, \"plan\", à compléter");
  BOOST_TEST_REQUIRE(r.components.size() == 2u);
  BOOST_TEST(ComponentStatus(r.components[0]) == "partial");
  BOOST_TEST(ComponentStatus(r.components[1]) == "missing");
  BOOST_TEST(!s->LoadSubmission(999)->has_value());
  // Rows queryable with plain SQL.
  BOOST_TEST(e.Scalar("SELECT count(*) FROM answers WHERE question = 'coordination.focal_point'") == 2);
  BOOST_TEST(e.Scalar("SELECT count(*) FROM findings WHERE code = 'MISSING_ANSWER'") == 1);
  BOOST_TEST(e.Scalar("SELECT count(*) FROM rules_versions") == 1);
  BOOST_TEST(e.Scalar("SELECT count(*) FROM components WHERE status = 'partial'") == 2);
}

BOOST_DATA_TEST_CASE(reprocess_replaces_rows_without_a_second_submission, kEngines, engine) {
  EngineDb e(engine);
  if (!e.ready()) return;
  auto s = e.Open();
  (void)s->Enqueue({NewJobAt("/k.docx", Sha('k'))});
  auto claimed = s->Claim(1, std::nullopt);
  BOOST_TEST_REQUIRE(s->CompleteJob(claimed->at(0).id, {SampleReport(Sha('k'), "KHM", 2024), 1}).ok());
  const std::int64_t id = s->ListSubmissions({})->at(0).id;
  auto queued = s->EnqueueReprocess({id});
  BOOST_TEST_REQUIRE(queued.ok());
  BOOST_TEST(!s->EnqueueReprocess({id + 100}).ok());
  auto again = s->Claim(5, std::nullopt);
  BOOST_TEST_REQUIRE(again->size() == 1u);
  BOOST_TEST((again->at(0).kind == JobKind::kReprocess));
  Report newer = SampleReport(Sha('k'), "KHM", 2024);
  newer.rules_version = "rules-v2";
  newer.answers.push_back(newer.answers[0]);
  BOOST_TEST_REQUIRE(s->CompleteJob(again->at(0).id, {newer, 1}).ok());
  BOOST_TEST(e.Scalar("SELECT count(*) FROM submissions") == 1);
  BOOST_TEST(e.Scalar("SELECT count(*) FROM answers") == 2);
  BOOST_TEST(e.Scalar("SELECT count(*) FROM rules_versions") == 2);
  BOOST_TEST(s->LoadSubmission(id)->value().row.rules_version == "rules-v2");
}

BOOST_DATA_TEST_CASE(a_failed_result_leaves_nothing_half_written, kEngines, engine) {
  EngineDb e(engine);
  if (!e.ready()) return;
  auto s = e.Open();
  (void)s->Enqueue({NewJobAt("/k.docx", Sha('k'))});
  auto claimed = s->Claim(1, std::nullopt);
  // Break the findings table so the transaction fails after the submission row was written.
  BOOST_TEST_REQUIRE(e.Sql().Script("DROP TABLE findings; CREATE TABLE findings(x INTEGER CHECK(x = 0))").ok());
  BOOST_TEST(!s->CompleteJob(claimed->at(0).id, {SampleReport(Sha('k'), "KHM", 2024), 1}).ok());
  BOOST_TEST(e.Scalar("SELECT count(*) FROM submissions") == 0);
  BOOST_TEST(e.Scalar("SELECT count(*) FROM answers") == 0);
  BOOST_TEST(e.Scalar("SELECT count(*) FROM rules_versions") == 0);
  BOOST_TEST(s->CountJobs()->running == 1);
}

BOOST_AUTO_TEST_CASE(report_codec_round_trips) {
  Report r = SampleReport(Sha('r'), "COL", 2022);
  r.answers[0].value.kind = AnswerValue::Kind::kInteger;
  r.answers[0].value.integer = 4200;
  auto back = DecodeReport(EncodeReport(r).dump());
  BOOST_TEST_REQUIRE(back.ok());
  BOOST_TEST(back->answers[0].value.integer == 4200);
  BOOST_TEST(back->components.size() == 2u);
  BOOST_TEST(back->objectives[0].deadline == "2026-12-31");
  BOOST_TEST(!DecodeReport("{not json").ok());
  BOOST_TEST(!DecodeReport("[1,2]").ok());
}

BOOST_AUTO_TEST_CASE(blobs_are_content_addressed_and_whole) {
  TempDir dir("store");
  BlobStore blobs(BlobStore::RootFor(dir / "v.db"));
  auto a = blobs.Put("hello");
  BOOST_TEST_REQUIRE(a.ok());
  BOOST_TEST(*a == "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
  BOOST_TEST(blobs.PathFor(*a) == dir / "v.db.files/2c/f24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
  BOOST_TEST(blobs.Has(*a));
  BOOST_TEST(blobs.Put("hello").value() == *a);
  std::string back;
  BOOST_TEST(blobs.Read(*a, back).ok());
  BOOST_TEST(back == "hello");
  BOOST_TEST(!blobs.Read(std::string(64, '0'), back).ok());
  // Nothing left in the temporary folder.
  BOOST_TEST(fs::is_empty(dir / "v.db.files/tmp"));
}

// ---- the work queue (leases) and the originals in the database ----

namespace {

StoreOptions Worker(const std::string& id, int lease_seconds = 60) {
  StoreOptions o;
  o.worker = id;
  o.lease_seconds = lease_seconds;
  return o;
}

}  // namespace

BOOST_DATA_TEST_CASE(concurrent_workers_never_take_the_same_job, kEngines, engine) {
  EngineDb e(engine);
  if (!e.ready()) return;
  constexpr int kJobs = 40;
  {
    auto s = e.Open();
    std::vector<NewJob> jobs;
    for (int i = 0; i < kJobs; ++i) {
      std::string sha = std::to_string(i);
      sha += std::string(64 - sha.size(), 'f');
      jobs.push_back(NewJobAt("/in/" + std::to_string(i) + ".pdf", sha, "pdf"));
    }
    BOOST_TEST_REQUIRE(s->Enqueue(jobs).ok());
  }
  std::vector<std::vector<std::int64_t>> taken(3);
  std::vector<std::thread> threads;
  std::atomic<int> errors{0};
  for (int w = 0; w < 3; ++w) {
    threads.emplace_back([&, w] {
      auto s = OpenStore(e.db(), Worker("w" + std::to_string(w)));
      if (!s.ok()) return void(++errors);
      for (;;) {
        auto c = (*s)->Claim(2, std::nullopt);
        if (!c.ok()) return void(++errors);
        if (c->empty()) return;
        for (const Job& j : *c) {
          taken[w].push_back(j.id);
          if (!(*s)->CompleteJob(j.id, {SampleReport(j.sha256, "KHM", 2024), 1}).ok()) ++errors;
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  BOOST_TEST(errors.load() == 0);
  std::set<std::int64_t> all;
  std::size_t n = 0;
  for (const auto& t : taken) {
    all.insert(t.begin(), t.end());
    n += t.size();
  }
  BOOST_TEST(n == static_cast<std::size_t>(kJobs));  // each job taken once
  BOOST_TEST(all.size() == static_cast<std::size_t>(kJobs));
  BOOST_TEST(e.Scalar("SELECT count(*) FROM submissions") == kJobs);
  BOOST_TEST(e.Scalar("SELECT count(*) FROM jobs WHERE state = 'done' AND attempts = 1") == kJobs);
}

BOOST_DATA_TEST_CASE(a_lost_lease_is_claimed_again_and_failed_after_three_crashes, kEngines, engine) {
  EngineDb e(engine);
  if (!e.ready()) return;
  // A lease of -1 s has run out as soon as it is taken: the worker "died".
  auto a = e.Open(Worker("a", -1));
  (void)a->Enqueue({NewJobAt("/x.pdf", Sha('x'), "pdf"), NewJobAt("/copy of x.pdf", Sha('x'), "pdf")});
  auto first = a->Claim(5, std::nullopt);
  BOOST_TEST_REQUIRE(first->size() == 1u);
  auto b = e.Open(Worker("b", -1));
  auto second = b->Claim(5, std::nullopt);
  BOOST_TEST_REQUIRE(second->size() == 1u);
  BOOST_TEST(second->at(0).id == first->at(0).id);
  BOOST_TEST(second->at(0).attempts == 2);
  // The first worker comes back with a result: the job is b's now, nothing is written.
  BOOST_TEST_REQUIRE(a->CompleteJob(first->at(0).id, {SampleReport(Sha('x'), "KHM", 2024), 1}).ok());
  BOOST_TEST(e.Scalar("SELECT count(*) FROM submissions") == 0);
  BOOST_TEST_REQUIRE(a->FailJob(first->at(0).id, "timeout", "late").ok());
  BOOST_TEST(a->CountJobs()->failed == 0);
  auto c = e.Open(Worker("c", -1));
  BOOST_TEST(c->Claim(5, std::nullopt)->at(0).attempts == 3);
  // A fourth claim fails it (with its waiting duplicate) instead of running it again.
  auto d = e.Open(Worker("d"));
  BOOST_TEST(d->Claim(5, std::nullopt)->empty());
  auto failed = d->ListJobs(JobState::kFailed);
  BOOST_TEST_REQUIRE(failed->size() == 2u);
  BOOST_TEST(failed->at(0).error_kind == "crash");
  BOOST_TEST(failed->at(0).error.rfind("crashed 3 times", 0) == 0, failed->at(0).error);
  BOOST_TEST(failed->at(1).error.rfind("same content as /x.pdf: crashed 3 times", 0) == 0);
  BOOST_TEST(d->CountJobs()->running == 0);
}

BOOST_DATA_TEST_CASE(a_renewed_lease_keeps_the_job_and_released_jobs_are_queued, kEngines, engine) {
  EngineDb e(engine);
  if (!e.ready()) return;
  auto a = e.Open(Worker("a", 60));
  (void)a->Enqueue({NewJobAt("/1.pdf", Sha('1'), "pdf"), NewJobAt("/2.pdf", Sha('2'), "pdf")});
  auto mine = a->Claim(2, std::nullopt);
  BOOST_TEST_REQUIRE(mine->size() == 2u);
  BOOST_TEST_REQUIRE(a->RenewLeases({mine->at(0).id, mine->at(1).id}).ok());
  auto b = e.Open(Worker("b", 60));
  BOOST_TEST(b->Claim(5, std::nullopt)->empty());  // both are a's while its leases run
  BOOST_TEST(b->RequeueAbandoned().value() == (e.postgres() ? 0 : 2));  // shared: leases, not a lock, decide
  if (!e.postgres()) {
    mine = a->Claim(2, std::nullopt);
    BOOST_TEST_REQUIRE(mine->size() == 2u);
  }
  BOOST_TEST_REQUIRE(b->ReleaseJobs({mine->at(0).id}).ok());  // not b's: nothing happens
  BOOST_TEST(b->CountJobs()->running == 2);
  BOOST_TEST_REQUIRE(a->ReleaseJobs({mine->at(0).id, mine->at(1).id}).ok());
  BOOST_TEST(b->CountJobs()->queued == 2);
  BOOST_TEST(b->Claim(5, std::nullopt)->size() == 2u);
}

BOOST_DATA_TEST_CASE(enqueue_wakes_a_waiting_worker, kEngines, engine) {
  EngineDb e(engine);
  if (!e.ready()) return;
  auto idle = e.Open(Worker("idle"));
  BOOST_TEST_REQUIRE(idle->WaitForJobs(0).ok());  // listening from here on
  auto producer = e.Open();
  BOOST_TEST_REQUIRE(producer->Enqueue({NewJobAt("/n.pdf", Sha('n'), "pdf")}).ok());
  auto woken = idle->WaitForJobs(e.postgres() ? 60 : 0.01);
  BOOST_TEST_REQUIRE(woken.ok());
  BOOST_TEST(*woken == e.postgres());  // SQLite has no NOTIFY: the worker polls
}

BOOST_DATA_TEST_CASE(originals_in_the_database_reach_another_machine, kEngines, engine) {
  EngineDb e(engine);
  if (!e.ready()) return;
  { auto s = e.Open(); }
  ::setenv("VAREPORT_CACHE_DIR", (e.dir() / "machine-a").c_str(), 1);
  auto here = OpenBlobs(e.db());
  ::setenv("VAREPORT_CACHE_DIR", (e.dir() / "machine-b").c_str(), 1);
  auto there = OpenBlobs(e.db());
  ::unsetenv("VAREPORT_CACHE_DIR");
  BOOST_TEST_REQUIRE(here.ok());
  BOOST_TEST_REQUIRE(there.ok());
  static const char kBytes[] = "%PDF-1.4\0binary\xff\x00 bytes";  // NUL and 0xFF inside
  const std::string bytes(kBytes, sizeof kBytes - 1);
  auto sha = here->Put(bytes);
  BOOST_TEST_REQUIRE(sha.ok());
  BOOST_TEST(*sha == Sha256Hex(bytes));
  BOOST_TEST(here->in_database() == e.postgres());
  if (!e.postgres()) {
    BOOST_TEST(here->root() == BlobStore::RootFor(e.db()));  // SQLite: the folder beside the file
    return;
  }
  BOOST_TEST(e.Scalar("SELECT size FROM blobs") == static_cast<std::int64_t>(bytes.size()));
  BOOST_TEST(!fs::exists(there->PathFor(*sha)));
  BOOST_TEST(there->Has(*sha));
  auto path = there->Fetch(*sha);
  BOOST_TEST_REQUIRE(path.ok());
  BOOST_TEST(*path == there->PathFor(*sha));
  std::string back;
  BOOST_TEST_REQUIRE(there->Read(*sha, back).ok());
  BOOST_TEST((back == bytes));
  auto missing = there->Fetch(std::string(64, '0'));
  BOOST_TEST(!missing.ok());
  BOOST_TEST((missing.error().kind == ErrorKind::kUnreadableInput));
  // A cached copy whose bytes no longer have their SHA-256 (another
  // document's, or damaged) is fetched again, never read as the original.
  { std::ofstream(there->PathFor(*sha), std::ios::binary | std::ios::trunc) << "%PDF-1.4 another document"; }
  std::string again;
  BOOST_TEST_REQUIRE(there->Read(*sha, again).ok());
  BOOST_TEST((again == bytes));
}

BOOST_AUTO_TEST_CASE(a_uri_with_a_password_is_refused) {
  for (const char* uri : {"postgresql://amina:s3cret@db.example/vareport", "postgres://db.example/vareport?password=s3cret",
                          "postgresql://amina@db.example/vareport?sslmode=require&password=s3cret"}) {
    Status s = sql::CheckPostgresUri(uri);
    BOOST_TEST_REQUIRE(!s.ok(), uri);
    BOOST_TEST(s.error().message.find("contains a password") != std::string::npos, s.error().message);
    BOOST_TEST(s.error().message.find("s3cret") == std::string::npos, s.error().message);
  }
  BOOST_TEST(sql::CheckPostgresUri("postgresql://amina@db.example:5433/vareport?sslmode=require").ok());
  BOOST_TEST(sql::CheckPostgresUri("postgresql:///vareport?host=/run/postgresql").ok());
  BOOST_TEST(!sql::CheckPostgresUri("postgresql://db.example/vareport?bogus=1").ok());
  BOOST_TEST(!sql::CheckPostgresUri("mysql://db.example/vareport").ok());
  BOOST_TEST(sql::RedactPostgresUri("postgresql://amina:s3cret@db.example:5433/v?password=x") ==
             "postgresql://amina@db.example:5433/v");
  BOOST_TEST(IsSharedDb("postgres://h/v"));
  BOOST_TEST(!IsSharedDb("vareport.db"));
}

BOOST_AUTO_TEST_CASE(a_refused_connection_is_one_line) {
  TempDir dir("store_refused");
  auto s = OpenStore("postgresql://nobody@/vareport?host=" + dir.path.string() + "&port=1");
  BOOST_TEST_REQUIRE(!s.ok());
  BOOST_TEST(s.error().message.rfind("cannot connect to postgresql://nobody@/vareport: ", 0) == 0, s.error().message);
  BOOST_TEST(s.error().message.find('\n') == std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
