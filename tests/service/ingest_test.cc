// The batch runner with scripted children (a fake Spawner and Clock): limits,
// crash and hang recording, duplicates, resume, legacy groups; discovery of
// folders and ZIP archives; the worker protocol.
#include <boost/test/unit_test.hpp>

#include <signal.h>
#include <sys/stat.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <limits>
#include <map>

#include "service/discover.h"
#include "service/ingest.h"
#include "service/worker.h"
#include "store/report_codec.h"
#include "store/sqlite_store.h"
#include "store/test_store_util.h"
#include "service/test_zip_writer.h"

namespace fs = std::filesystem;
using namespace vareport;
using namespace vareport::service;
using vareport::test::SampleReport;
using vareport::test::TempDir;

namespace {

std::string ReadAll(const std::string& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

class FakeClock final : public Clock {
 public:
  double Now() override { return t; }
  double t = 1000;
};

// Children whose behaviour is written in the file they are given:
//   "ok:KHM:2024[:tag]"  prints a report after 1 s
//   "crash"              killed by SIGSEGV after 1 s
//   "hang"               never ends (until killed)
//   "fail"               exits 2 with a worker error line
//   "garbage"            exits 0 printing no JSON
//   "legacy-bad"         (conversion) cannot be converted
class FakeSpawner final : public Spawner {
 public:
  explicit FakeSpawner(FakeClock& clock) : clock_(clock) {}

  Result<Id> Start(const ChildSpec& spec) override {
    Id id = next_++;
    Child c;
    c.end = clock_.t + 1;
    starts.push_back(spec.argv);
    specs.push_back(spec);
    if (spec.argv.at(1) == "worker-convert") {
      const std::string out = spec.argv.at(3);
      fs::create_directories(out);
      for (std::size_t i = 4; i < spec.argv.size(); ++i) {
        std::string content = ReadAll(spec.argv[i]);
        const std::string base = out + "/" + std::to_string(i - 4);
        if (content == "legacy-bad") std::ofstream(base + ".err") << "unreadable-input:LibreOffice could not convert it";
        else std::ofstream(base + ".docx") << content;
      }
      c.exit.exit_code = 0;
    } else {
      const std::string content = ReadAll(spec.argv.back());
      if (content.rfind("ok:", 0) == 0) {
        Report r = SampleReport("ignored", content.substr(3, 3), std::stoi(content.substr(7, 4)));
        r.format = "docx";
        c.exit.exit_code = 0;
        c.exit.out = store::EncodeReport(r).dump();
      } else if (content == "crash") {
        c.exit.signal = SIGSEGV;
      } else if (content == "hang") {
        c.end = std::numeric_limits<double>::infinity();
      } else if (content == "legacy-bad") {
        c.exit.exit_code = 2;
        c.exit.err = "error:unreadable-input:LibreOffice could not convert it\n";
      } else if (content == "fail") {
        c.exit.exit_code = 2;
        c.exit.err = "some noise\nerror:encrypted:encrypted PDF: a password is required\n";
      } else {
        c.exit.exit_code = 0;
        c.exit.out = "not json";
      }
    }
    running_[id] = c;
    max_running = std::max(max_running, running_.size());
    return id;
  }

  std::vector<std::pair<Id, ChildExit>> Wait(double max_seconds) override {
    double earliest = std::numeric_limits<double>::infinity();
    for (auto& [id, c] : running_) earliest = std::min(earliest, c.end);
    if (earliest > clock_.t + max_seconds) {
      clock_.t += max_seconds;
      return {};
    }
    clock_.t = std::max(clock_.t, earliest);
    std::vector<std::pair<Id, ChildExit>> out;
    for (auto it = running_.begin(); it != running_.end();) {
      if (it->second.end <= clock_.t) {
        out.emplace_back(it->first, it->second.exit);
        it = running_.erase(it);
      } else {
        ++it;
      }
    }
    return out;
  }

  void Kill(Id id) override {
    auto it = running_.find(id);
    if (it == running_.end()) return;
    it->second.end = clock_.t;
    it->second.exit = ChildExit{};
    it->second.exit.signal = SIGKILL;
    ++kills;
  }

  std::size_t running() const override { return running_.size(); }

  std::vector<std::vector<std::string>> starts;
  std::vector<ChildSpec> specs;
  std::size_t max_running = 0;
  int kills = 0;

 private:
  struct Child {
    double end = 0;
    ChildExit exit;
  };
  FakeClock& clock_;
  Id next_ = 1;
  std::map<Id, Child> running_;
};

struct Fixture {
  TempDir dir{"ingest"};
  std::unique_ptr<store::Store> db;
  store::BlobStore blobs{store::BlobStore::RootFor(dir / "v.db")};
  FakeClock clock;
  FakeSpawner spawner{clock};
  std::unique_ptr<ProgressSink> progress = MakeSilentProgress();
  RunOptions options;

  Fixture() {
    auto s = store::OpenSqliteStore(dir / "v.db");
    BOOST_TEST_REQUIRE(s.ok());
    db = std::move(*s);
    options.workers = 2;
    options.worker_exe = "/bin/vareport-fake";
    options.time_limit_seconds = 5;
    options.memory_limit_mb = 512;
    options.scratch_dir = blobs.root() + "/tmp";
  }

  void Add(const std::string& path, const std::string& content, const std::string& format = "pdf") {
    auto sha = blobs.Put(content);
    BOOST_TEST_REQUIRE(sha.ok());
    store::NewJob j;
    j.path = path;
    j.sha256 = *sha;
    j.size = static_cast<std::int64_t>(content.size());
    j.format = format;
    BOOST_TEST_REQUIRE(db->Enqueue({j}).ok());
  }

  std::map<std::string, store::Job> Jobs() {
    std::map<std::string, store::Job> m;
    auto jobs = db->ListJobs(std::nullopt);
    for (store::Job& j : jobs.value()) m[j.path] = j;
    return m;
  }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(ingest)

BOOST_FIXTURE_TEST_CASE(records_crashes_hangs_and_errors_and_goes_on, Fixture) {
  Add("/in/khm.pdf", "ok:KHM:2024");
  Add("/in/crash.pdf", "crash");
  Add("/in/hang.pdf", "hang");
  Add("/in/fail.pdf", "fail");
  Add("/in/garbage.pdf", "garbage");
  Add("/in/per.pdf", "ok:PER:2023");
  Add("/in/copy of khm.pdf", "ok:KHM:2024");
  auto r = RunJobs(*db, blobs, spawner, clock, *progress, options);
  BOOST_TEST_REQUIRE(r.ok(), (r.ok() ? "" : r.error().message));
  BOOST_TEST(r->done == 3);
  BOOST_TEST(r->failed == 4);
  BOOST_TEST(spawner.max_running <= 2u);
  BOOST_TEST(spawner.starts.size() == 6u);  // the copy is not processed again
  BOOST_TEST(spawner.kills == 1);
  auto jobs = Jobs();
  BOOST_TEST((jobs["/in/khm.pdf"].state == store::JobState::kDone));
  BOOST_TEST(jobs["/in/copy of khm.pdf"].submission_id == jobs["/in/khm.pdf"].submission_id);
  BOOST_TEST(jobs["/in/crash.pdf"].error == "crashed: killed by signal 11 (Segmentation fault)");
  BOOST_TEST(jobs["/in/crash.pdf"].error_kind == "crash");
  BOOST_TEST(jobs["/in/hang.pdf"].error == "timed out after 5 s");
  BOOST_TEST(jobs["/in/hang.pdf"].error_kind == "timeout");
  BOOST_TEST(jobs["/in/fail.pdf"].error == "encrypted PDF: a password is required");
  BOOST_TEST(jobs["/in/fail.pdf"].error_kind == "encrypted");
  BOOST_TEST(jobs["/in/garbage.pdf"].error.find("worker printed no report") == 0u);
  // The stored report carries the job's own name, content hash and format.
  auto sub = db->LoadSubmission(*jobs["/in/khm.pdf"].submission_id);
  BOOST_TEST((*sub)->report.file == "khm.pdf");
  BOOST_TEST((*sub)->report.sha256 == jobs["/in/khm.pdf"].sha256);
  BOOST_TEST((*sub)->report.format == "pdf");
  // Children get the limits and the worker subcommand.
  BOOST_TEST(spawner.starts[0][1] == "worker");
  BOOST_TEST(spawner.starts[0].back() == blobs.PathFor(jobs["/in/khm.pdf"].sha256));
#if !defined(__SANITIZE_ADDRESS__)
  BOOST_TEST(spawner.specs[0].memory_limit_bytes == (512u << 20));
#endif
  BOOST_TEST(spawner.specs[0].cpu_limit_seconds > 5);
}

BOOST_FIXTURE_TEST_CASE(resumes_jobs_left_running_by_a_dead_run, Fixture) {
  Add("/in/a.pdf", "ok:KHM:2024:a");
  Add("/in/b.pdf", "ok:KHM:2024:b");
  Add("/in/c.pdf", "ok:KHM:2024:c");
  // A previous run claimed two and died.
  BOOST_TEST_REQUIRE(db->Claim(2, std::nullopt)->size() == 2u);
  auto r = RunJobs(*db, blobs, spawner, clock, *progress, options);
  BOOST_TEST_REQUIRE(r.ok());
  BOOST_TEST(r->requeued == 2);
  BOOST_TEST(r->done == 3);
  auto c = db->CountJobs();
  BOOST_TEST(c->done == 3);
  BOOST_TEST(db->ListSubmissions({})->size() == 3u);
  // Nothing left: a second run does nothing.
  spawner.starts.clear();
  auto again = RunJobs(*db, blobs, spawner, clock, *progress, options);
  BOOST_TEST(again->done == 0);
  BOOST_TEST(spawner.starts.empty());
}

BOOST_FIXTURE_TEST_CASE(a_missing_original_fails_its_job, Fixture) {
  store::NewJob j;
  j.path = "/in/lost.pdf";
  j.sha256 = std::string(64, 'e');
  j.format = "pdf";
  (void)db->Enqueue({j});
  auto r = RunJobs(*db, blobs, spawner, clock, *progress, options);
  BOOST_TEST_REQUIRE(r.ok());
  BOOST_TEST(Jobs()["/in/lost.pdf"].error.find("original not in the store") == 0u);
}

BOOST_FIXTURE_TEST_CASE(legacy_files_are_converted_in_one_group, Fixture) {
  options.legacy_batches = true;
  Add("/in/a.doc", "ok:BIH:2018:a", "doc");
  Add("/in/b.rtf", "ok:PER:2023:b", "rtf");
  Add("/in/c.odt", "legacy-bad", "odt");
  Add("/in/d.pdf", "ok:KHM:2024:d", "pdf");
  auto r = RunJobs(*db, blobs, spawner, clock, *progress, options);
  BOOST_TEST_REQUIRE(r.ok(), (r.ok() ? "" : r.error().message));
  int converts = 0;
  for (const auto& argv : spawner.starts)
    if (argv[1] == "worker-convert") {
      ++converts;
      BOOST_TEST(argv.size() == 7u);  // exe, worker-convert, --out, DIR, three originals
    }
  BOOST_TEST(converts == 1);
  // The one the group could not convert was read alone from its original.
  BOOST_TEST(spawner.starts.size() == 5u);
  BOOST_TEST(!spawner.specs[0].memory_limit_bytes);  // LibreOffice: wall clock only
  auto jobs = Jobs();
  BOOST_TEST((jobs["/in/a.doc"].state == store::JobState::kDone));
  BOOST_TEST((jobs["/in/b.rtf"].state == store::JobState::kDone));
  BOOST_TEST(jobs["/in/c.odt"].error == "LibreOffice could not convert it");
  BOOST_TEST(jobs["/in/c.odt"].error_kind == "unreadable-input");
  BOOST_TEST((jobs["/in/d.pdf"].state == store::JobState::kDone));
  auto sub = db->LoadSubmission(*jobs["/in/a.doc"].submission_id);
  BOOST_TEST((*sub)->report.format == "doc");  // the original's format, not the converted one's
  // The converted files are gone.
  std::size_t left = 0;
  for (auto& e : fs::recursive_directory_iterator(options.scratch_dir)) left += e.is_regular_file() && e.path().extension() == ".docx";
  BOOST_TEST(left == 0u);
}

BOOST_FIXTURE_TEST_CASE(a_hung_conversion_fails_its_group_only, Fixture) {
  options.legacy_batches = true;
  options.legacy_seconds_per_file = 10;
  Add("/in/a.doc", "ok:BIH:2018:a", "doc");
  Add("/in/d.pdf", "hang", "pdf");
  // Make the conversion itself hang: a fake that never ends for worker-convert.
  class HangingConvert final : public Spawner {
   public:
    explicit HangingConvert(FakeSpawner& inner) : inner_(inner) {}
    Result<Id> Start(const ChildSpec& spec) override {
      if (spec.argv[1] != "worker-convert") return inner_.Start(spec);
      ChildSpec hang = spec;
      hang.argv = {spec.argv[0], "worker", spec.argv.back()};  // reads "ok…": replaced below
      std::ofstream(spec.argv[3] + ".hang") << "hang";
      hang.argv.back() = spec.argv[3] + ".hang";
      return inner_.Start(hang);
    }
    std::vector<std::pair<Id, ChildExit>> Wait(double s) override { return inner_.Wait(s); }
    void Kill(Id id) override { inner_.Kill(id); }
    std::size_t running() const override { return inner_.running(); }
   private:
    FakeSpawner& inner_;
  } hanging(spawner);
  auto r = RunJobs(*db, blobs, hanging, clock, *progress, options);
  BOOST_TEST_REQUIRE(r.ok());
  auto jobs = Jobs();
  // The group overran; its file was then read alone.
  BOOST_TEST((jobs["/in/a.doc"].state == store::JobState::kDone));
  BOOST_TEST(jobs["/in/d.pdf"].error == "timed out after 5 s");
}

// A worker's SIGTERM (RunOptions::draining, set here by the first progress
// report): the documents in hand are finished and recorded, no more are taken,
// and a long-running worker (keep_waiting) then returns.
namespace {
struct DrainOnFirstUpdate final : ProgressSink {
  explicit DrainOnFirstUpdate(std::atomic<bool>& f) : flag(f) {}
  void Update(const Progress&) override { flag.store(true); }
  void Note(const std::string&) override {}
  void Finish(const Progress&) override {}
  std::atomic<bool>& flag;
};
}  // namespace

BOOST_FIXTURE_TEST_CASE(draining_finishes_the_jobs_in_hand_and_takes_no_more, Fixture) {
  for (int i = 0; i < 5; ++i) Add("/in/" + std::to_string(i) + ".pdf", "ok:KHM:2024:" + std::to_string(i));
  std::atomic<bool> drain{false};
  options.draining = &drain;
  options.keep_waiting = true;
  options.idle_wait_seconds = 0.01;
  DrainOnFirstUpdate sink(drain);
  auto r = RunJobs(*db, blobs, spawner, clock, sink, options);
  BOOST_TEST_REQUIRE(r.ok(), (r.ok() ? "" : r.error().message));
  BOOST_TEST(!r->interrupted);
  BOOST_TEST(r->done == 2);  // the two in hand when it was told to stop
  BOOST_TEST(spawner.kills == 0);
  auto c = db->CountJobs();
  BOOST_TEST(c->done == 2);
  BOOST_TEST(c->queued == 3);
  BOOST_TEST(c->running == 0);
}

BOOST_AUTO_TEST_CASE(worker_exits_are_read_into_reasons) {
  ExitContext ctx;
  ctx.time_limit_seconds = 60;
  ctx.memory_limit_mb = 2048;
  ChildExit e;
  e.signal = SIGKILL;
  ctx.killed_for_time = true;
  BOOST_TEST(std::get<WorkerFailure>(ReadWorkerExit(e, ctx)).reason == "timed out after 60 s");
  ctx.killed_for_time = false;
  BOOST_TEST(std::get<WorkerFailure>(ReadWorkerExit(e, ctx)).reason == "crashed: killed by signal 9 (Killed)");
  e.signal = SIGXCPU;
  BOOST_TEST(std::get<WorkerFailure>(ReadWorkerExit(e, ctx)).kind == "timeout");
  e = ChildExit{};
  e.exit_code = 2;
  e.err = "error:limit-exceeded:memory limit exceeded\n";
  auto m = std::get<WorkerFailure>(ReadWorkerExit(e, ctx));
  BOOST_TEST(m.kind == "memory-limit");
  BOOST_TEST(m.reason == "memory limit of 2048 MiB exceeded");
  e.err = "terminate called after throwing an instance of 'std::bad_alloc'\n";
  e.exit_code = -1;
  e.signal = SIGABRT;
  BOOST_TEST(std::get<WorkerFailure>(ReadWorkerExit(e, ctx)).kind == "memory-limit");
  e = ChildExit{};
  e.exit_code = 127;
  e.err = "error:internal:cannot start the worker program\n";
  BOOST_TEST(std::get<WorkerFailure>(ReadWorkerExit(e, ctx)).reason == "cannot start the worker program");
  e = ChildExit{};
  e.exit_code = 0;
  e.out = store::EncodeReport(SampleReport("s", "KHM", 2024)).dump();
  BOOST_TEST(std::get<Report>(ReadWorkerExit(e, ctx)).state == "KHM");
  BOOST_TEST(LastLine("a\nb\r\n\n  \n") == "b");
  BOOST_TEST(LastLine("") == "");
}

BOOST_AUTO_TEST_CASE(convert_worker_writes_one_result_per_input) {
  class FakeConverter final : public LegacyConverter {
   public:
    Result<std::string> ConvertOne(std::string_view, Format) override { return std::string("x"); }
    std::vector<Result<std::string>> ConvertMany(const std::vector<std::string>& paths) override {
      ++calls;
      std::vector<Result<std::string>> out;
      for (const auto& p : paths)
        if (p.find("bad") != std::string::npos) out.push_back(MakeError(ErrorKind::kUnreadableInput, "cannot convert\nit"));
        else out.push_back(std::string("DOCX:") + p);
      return out;
    }
    int calls = 0;
  } converter;
  TempDir dir("convert");
  BOOST_TEST(RunConvertWorker(&converter, {"/a.doc", "/bad.rtf", "/c.odt"}, dir / "out") == 0);
  BOOST_TEST(converter.calls == 1);
  BOOST_TEST(ReadAll(dir / "out/0.docx") == "DOCX:/a.doc");
  BOOST_TEST(ReadAll(dir / "out/1.err") == "unreadable-input:cannot convert it");
  BOOST_TEST(fs::exists(dir / "out/2.docx"));
  BOOST_TEST(!fs::exists(dir / "out/1.docx"));
  // No converter in this build: every input fails with the reason.
  BOOST_TEST(RunConvertWorker(nullptr, {"/a.doc"}, dir / "none") == 0);
  BOOST_TEST(ReadAll(dir / "none/0.err").rfind("unsupported-format:", 0) == 0u);
}

BOOST_AUTO_TEST_CASE(discovers_folders_and_zip_archives) {
  TempDir dir("discover");
  fs::create_directories(dir / "in/sub");
  std::ofstream(dir / "in/a.pdf") << "%PDF-1.4 a";
  std::ofstream(dir / "in/sub/b.pdf") << "%PDF-1.4 b";
  std::ofstream(dir / "in/sub/copy.pdf") << "%PDF-1.4 a";
  std::ofstream(dir / "in/.hidden.pdf") << "%PDF-1.4 hidden";
  std::ofstream(dir / "in/~$lock.docx") << "lock";
  std::ofstream(dir / "in/notes.txt") << "not a report";
  std::ofstream(dir / "in/broken.zip") << "PK\x03\x04 truncated";
  vareport::test::ZipWriter inner;
  inner.Add("deep.pdf", "%PDF-1.4 deep");
  vareport::test::ZipWriter zip;
  zip.Add("folder/c.pdf", "%PDF-1.4 c");
  zip.Add("../escape.pdf", "%PDF-1.4 escape");
  zip.Add("folder/", "");
  zip.Add("nested.zip", inner.Bytes());
  std::ofstream(dir / "in/archive.zip", std::ios::binary) << zip.Bytes();
  // Two links pointing at each other: the walk records them and goes on.
  fs::create_symlink("loop2", dir / "in/loop1");
  fs::create_symlink("loop1", dir / "in/loop2");
  // A named pipe: never opened (the walk would block on it), listed as skipped.
  BOOST_TEST_REQUIRE(::mkfifo((dir / "in/pipe.pdf").c_str(), 0600) == 0);

  auto db = store::OpenSqliteStore(dir / "v.db");
  BOOST_TEST_REQUIRE(db.ok());
  store::BlobStore blobs(store::BlobStore::RootFor(dir / "v.db"));
  auto progress = MakeSilentProgress();
  auto found = DiscoverAndEnqueue({dir / "in"}, **db, blobs, *progress);
  BOOST_TEST_REQUIRE(found.ok(), (found.ok() ? "" : found.error().message));
  BOOST_TEST(found->files == 11);  // a, b, copy, notes, pipe, broken.zip, c, ../escape, deep, loop1, loop2
  BOOST_TEST(found->queued == 4);   // a, b, c, deep
  BOOST_TEST(found->skipped == 2);  // notes.txt: not a PDF or Word document, no job; pipe.pdf
  BOOST_TEST(found->duplicates == 1);
  BOOST_TEST(found->failed == 4);   // broken.zip, ../escape (not extracted), loop1, loop2
  std::map<std::string, store::Job> jobs;
  auto listed = (*db)->ListJobs(std::nullopt);
  for (auto& j : listed.value()) jobs[j.path.substr(dir.path.string().size() + 4)] = j;
  BOOST_TEST(jobs.count("archive.zip!/folder/c.pdf") == 1u);
  BOOST_TEST(jobs.count("archive.zip!/nested.zip!/deep.pdf") == 1u);
  BOOST_TEST(jobs["archive.zip!/folder/c.pdf"].format == "pdf");
  BOOST_TEST(jobs["broken.zip"].error_kind == "unreadable-input");
  BOOST_TEST(jobs.count("notes.txt") == 0u);
  auto skipped = (*db)->ListSkipped();
  BOOST_TEST_REQUIRE(skipped->size() == 2u);
  std::map<std::string, std::string> why;
  for (const store::SkippedFile& k : *skipped) why[k.path] = k.reason;
  BOOST_TEST(why[dir / "in/notes.txt"] == "not a PDF or Word document");
  BOOST_TEST(why[dir / "in/pipe.pdf"] == "not a regular file (a named pipe)");
  BOOST_TEST(blobs.Has(jobs["archive.zip!/nested.zip!/deep.pdf"].sha256));
  // Nothing dropped silently: the unsafe entry name is a failed job, never a file.
  BOOST_TEST(jobs["archive.zip!/../escape.pdf"].error.find("unsafe name") != std::string::npos);
  BOOST_TEST(jobs["archive.zip!/../escape.pdf"].sha256 == "");
  BOOST_TEST(jobs["loop1"].error.find("symbolic links") != std::string::npos, jobs["loop1"].error);
  BOOST_TEST(!fs::exists(dir / "escape.pdf"));
  // Again: nothing new.
  auto again = DiscoverAndEnqueue({dir / "in"}, **db, blobs, *progress);
  BOOST_TEST(again->known == 9);
  BOOST_TEST(again->skipped == 2);
  BOOST_TEST((*db)->CountJobs()->total() == 9);
  BOOST_TEST((*db)->ListSkipped()->size() == 2u);
  // A path that does not exist is an error, and nothing is added.
  BOOST_TEST(!DiscoverAndEnqueue({dir / "nope"}, **db, blobs, *progress).ok());
}

BOOST_AUTO_TEST_CASE(progress_is_plain_lines_off_a_terminal) {
  std::ostringstream out;
  auto p = MakeStreamProgress(out, false);
  Progress s;
  s.total = 100;
  for (int i = 0; i <= 100; ++i) {
    s.done = i;
    s.elapsed = i * 0.1;
    p->Update(s);
  }
  p->Finish(s);
  const std::string text = out.str();
  const auto lines = std::count(text.begin(), text.end(), '\n');
  BOOST_TEST(lines >= 20);
  BOOST_TEST(lines <= 23);
  BOOST_TEST(text.find("100/100") != std::string::npos);
  BOOST_TEST(text.find("finished 100 jobs") != std::string::npos);
  BOOST_TEST(text.find('\r') == std::string::npos);
  std::ostringstream tty;
  auto bar = MakeStreamProgress(tty, true);
  s.done = 50;
  s.failed = 2;
  s.elapsed = 10;
  bar->Update(s);
  BOOST_TEST(tty.str().find("52/100") != std::string::npos);
  BOOST_TEST(tty.str().find("5.2 docs/s") != std::string::npos);
  BOOST_TEST(tty.str().find("2 failed") != std::string::npos);
  BOOST_TEST(FormatDuration(188) == "3m08s");
}

BOOST_AUTO_TEST_SUITE_END()
