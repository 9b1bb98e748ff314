// End to end: the real `vareport ingest` on project-made inputs, resumed after
// SIGKILL at several points, and the read-back subcommands. Inputs are copies
// of samples/*/input.docx and tests/data/pdf/*.pdf with distinct trailing
// bytes (so dedupe keeps them apart), broken files, an exact duplicate and a
// .zip archive. No ../shared material is used.
#include <boost/test/unit_test.hpp>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <thread>

#include "store/blob_store.h"
#include "store/sqlite_store.h"
#include "store/test_store_util.h"
#include "service/test_zip_writer.h"
#include "test_util.h"

namespace fs = std::filesystem;
using namespace vareport;
using vareport::test::RunVareport;
using vareport::test::ShellQuote;
using vareport::test::TempDir;

namespace {

std::string ReadAll(const std::string& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Writes the inputs under `dir` and returns how many jobs they make; the files
// that are no supported format (garbage.docx, not_a_pdf.pdf: skipped, no job)
// are counted in `skipped`.
int MakeInputs(const std::string& dir, int copies, int* skipped = nullptr) {
  std::vector<std::string> bases;
  for (const char* s : {"en-grid-checklist", "en-national-plan", "es-inline-wingdings", "fr-single-word"})
    bases.push_back(std::string(VAREPORT_SAMPLES_DIR) + "/" + s + "/input.docx");
  for (const char* p : {"checklist_grid.pdf", "accents.pdf", "inline_options.pdf", "header_footer.pdf"})
    bases.push_back(vareport::test::DataPath(std::string("pdf/") + p));
  for (const char* b : {"docx/truncated.docx", "docx/garbage.docx", "pdf/not_a_pdf.pdf"})
    bases.push_back(vareport::test::DataPath(b));
  int jobs = 0;
  for (int i = 0; i < copies; ++i) {
    const std::string sub = dir + "/batch" + std::to_string(i % 3);
    fs::create_directories(sub);
    for (const std::string& b : bases) {
      const fs::path p(b);
      const std::string name = p.parent_path().filename().string() + "-" + p.stem().string() + "-" +
                               std::to_string(i) + p.extension().string();
      std::ofstream(sub + "/" + name, std::ios::binary) << ReadAll(b) << "\n%vareport-copy " << i << "\n";
      const bool unsupported = b.find("garbage.docx") != std::string::npos || b.find("not_a_pdf") != std::string::npos;
      if (unsupported && skipped != nullptr) ++*skipped;
      if (!unsupported) ++jobs;
    }
  }
  // An exact duplicate under another name, and a .zip of two more.
  fs::copy_file(dir + "/batch0/" + fs::path(bases[0]).parent_path().filename().string() + "-input-0.docx",
                dir + "/copy of the first.docx");
  ++jobs;
  vareport::test::ZipWriter zip;
  zip.Add("2024/Cambodia.docx", ReadAll(bases[1]) + "zip copy");
  zip.Add("2024/Peru.pdf", ReadAll(bases[5]) + "\n%zip copy\n");
  std::ofstream(dir + "/archive.zip", std::ios::binary) << zip.Bytes();
  return jobs + 2;
}

struct Counts {
  long long done = -1, failed = -1, duplicates = -1, total = -1, submissions = -1;
  bool operator==(const Counts& o) const {
    return done == o.done && failed == o.failed && duplicates == o.duplicates && total == o.total &&
           submissions == o.submissions;
  }
};
std::ostream& operator<<(std::ostream& os, const Counts& c) {
  return os << "{done " << c.done << ", failed " << c.failed << ", duplicates " << c.duplicates << ", total "
            << c.total << ", submissions " << c.submissions << "}";
}

Counts Read(const std::string& db) {
  Counts c;
  auto s = store::OpenSqliteStore(db);
  if (!s) return c;
  auto jc = (*s)->CountJobs();
  auto subs = (*s)->ListSubmissions({});
  if (!jc || !subs) return c;
  c.done = jc->done;
  c.failed = jc->failed;
  c.duplicates = jc->duplicates;
  c.total = jc->total();
  c.submissions = static_cast<long long>(subs->size());
  return c;
}

// Every path has one job, every failure a reason, every done job a submission.
void CheckConsistent(const std::string& db) {
  auto s = store::OpenSqliteStore(db);
  BOOST_TEST_REQUIRE(s.ok());
  auto jobs = (*s)->ListJobs(std::nullopt);
  std::map<std::string, int> paths;
  for (const store::Job& j : jobs.value()) {
    ++paths[j.path];
    BOOST_TEST((j.state == store::JobState::kDone || j.state == store::JobState::kFailed), j.path);
    if (j.state == store::JobState::kFailed) BOOST_TEST(!j.error.empty(), j.path);
    if (j.state == store::JobState::kDone) BOOST_TEST(j.submission_id.has_value(), j.path);
  }
  for (const auto& [p, n] : paths) BOOST_TEST(n == 1, p << " has " << n << " jobs");
}

// Command lines of the processes (other than this one) that mention `text`
// (/proc/PID/cmdline): a worker reading a blob of the store, a LibreOffice
// with its profile under the store's scratch folder.
std::string ProcessesMentioning(const std::string& text) {
  std::string found;
  for (const auto& e : fs::directory_iterator("/proc")) {
    const std::string pid = e.path().filename().string();
    if (pid.find_first_not_of("0123456789") != std::string::npos || pid == std::to_string(::getpid())) continue;
    std::string cmd = ReadAll(e.path().string() + "/cmdline");
    for (char& c : cmd)
      if (c == '\0') c = ' ';
    if (cmd.find(text) != std::string::npos) found += pid + ": " + cmd + "\n";
  }
  return found;
}

std::string IngestArgs(const std::string& inputs, const std::string& db) {
  return "ingest " + ShellQuote(inputs) + " --db " + ShellQuote(db) + " -j 2 --rules " +
         ShellQuote(vareport::test::RulesDir());
}

// Starts `vareport ingest` and kills it with SIGKILL once `ready(counts)` holds
// (or after 60 s). Returns false when the run finished before the kill.
template <typename Ready>
bool KillWhen(const std::string& inputs, const std::string& db, Ready ready) {
  pid_t pid = ::fork();
  if (pid == 0) {
    int null = ::open("/dev/null", O_RDWR);
    ::dup2(null, 0);
    ::dup2(null, 1);
    ::dup2(null, 2);
    ::execl(VAREPORT_BINARY, VAREPORT_BINARY, "ingest", inputs.c_str(), "--db", db.c_str(), "-j", "2", "--rules",
            vareport::test::RulesDir().c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  bool finished = false;
  while (std::chrono::steady_clock::now() < until) {
    int st;
    if (::waitpid(pid, &st, WNOHANG) == pid) {
      finished = true;
      break;
    }
    if (fs::exists(db) && ready(Read(db))) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  if (!finished) {
    ::kill(pid, SIGKILL);
    int st;
    ::waitpid(pid, &st, 0);
  }
  return !finished;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ingest)

BOOST_AUTO_TEST_CASE(real_ingest_survives_sigkill_and_resumes_to_the_same_counts) {
  TempDir dir("e2e");
  const std::string inputs = dir / "inputs";
  int skipped = 0;
  const int expected_jobs = MakeInputs(inputs, 3, &skipped);
  BOOST_TEST(skipped == 6);

  // A clean run.
  const std::string clean = dir / "clean.db";
  vareport::test::Run r = RunVareport(IngestArgs(inputs, clean));
  BOOST_TEST_REQUIRE(r.status == 0, r.err);
  const Counts want = Read(clean);
  BOOST_TEST(want.total == expected_jobs);
  BOOST_TEST(want.done + want.failed == expected_jobs);
  BOOST_TEST(want.failed == 3);  // one broken file (a truncated .docx), three copies; the non-documents are skipped
  BOOST_TEST(want.duplicates == 1);
  BOOST_TEST(want.submissions == want.done - want.duplicates);
  CheckConsistent(clean);
  BOOST_TEST(r.err.find("finished") != std::string::npos, r.err);

  // Killed during discovery, then after 2 jobs, then half-way; each time resumed.
  const std::string db = dir / "killed.db";
  int kills = 0;
  kills += KillWhen(inputs, db, [](const Counts& c) { return c.total > 0; });
  kills += KillWhen(inputs, db, [](const Counts& c) { return c.done + c.failed >= 2; });
  kills += KillWhen(inputs, db, [&](const Counts& c) { return c.done + c.failed >= expected_jobs / 2; });
  BOOST_TEST(kills >= 2, "the runs finished before they could be killed");
  r = RunVareport(IngestArgs(inputs, db));
  BOOST_TEST_REQUIRE(r.status == 0, r.err);
  BOOST_TEST(Read(db) == want);
  CheckConsistent(db);

  // Again on the same inputs: nothing new, nothing twice.
  r = RunVareport(IngestArgs(inputs, db));
  BOOST_TEST(r.status == 0);
  BOOST_TEST(r.err.find(std::to_string(expected_jobs) + " already in the store") != std::string::npos, r.err);
  BOOST_TEST(r.err.find(std::to_string(skipped) + " skipped") != std::string::npos, r.err);
  BOOST_TEST(Read(db) == want);

  // No orphan worker left behind by the killed runs.
  r = RunVareport("status --db " + ShellQuote(db));
  BOOST_TEST(r.out.find("running      0") != std::string::npos, r.out);
}

BOOST_AUTO_TEST_CASE(read_back_commands) {
  TempDir dir("e2e");
  const std::string db = dir / "v.db";
  std::vector<std::string> files;
  for (const char* s : {"en-grid-checklist", "fr-single-word"})
    files.push_back(std::string(VAREPORT_SAMPLES_DIR) + "/" + s + "/input.docx");
  std::string args = "ingest";
  for (const auto& f : files) args += " " + ShellQuote(f);
  vareport::test::Run r = RunVareport(args + " --db " + ShellQuote(db) + " -j 2");
  BOOST_TEST_REQUIRE(r.status == 0, r.err);

  r = RunVareport("status --db " + ShellQuote(db));
  BOOST_TEST(r.status == 0);
  BOOST_TEST(r.out.find("done         2") != std::string::npos, r.out);

  r = RunVareport("list --db " + ShellQuote(db));
  BOOST_TEST(r.status == 0);
  BOOST_TEST(std::count(r.out.begin(), r.out.end(), '\n') == 3, r.out);
  r = RunVareport("list --db " + ShellQuote(db) + " --state ZZZ");
  BOOST_TEST(std::count(r.out.begin(), r.out.end(), '\n') == 1, r.out);

  r = RunVareport("show 1 --format json --db " + ShellQuote(db));
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST(r.out.find("\"schema\": \"vareport/1\"") != std::string::npos);
  BOOST_TEST(r.out.find("\"file\": \"input.docx\"") != std::string::npos);
  r = RunVareport("show 99 --db " + ShellQuote(db));
  BOOST_TEST(r.status == 2);

  // Word files are rendered; the rendering is a blob recorded with the
  // submission, and a reprocess of unchanged content reuses it.
  std::map<std::int64_t, std::string> renderings;
  {
    auto s = store::OpenSqliteStore(db);
    BOOST_TEST_REQUIRE(s.ok());
    store::BlobStore blobs(store::BlobStore::RootFor(db));
    const std::vector<store::SubmissionRow> rows = (*s)->ListSubmissions({}).value();
    for (const store::SubmissionRow& row : rows) {
      auto loaded = (*s)->LoadSubmission(row.id);
      std::string warnings;
      for (const std::string& w : loaded.value()->report.warnings) warnings += w + "\n";
      BOOST_TEST_REQUIRE(row.rendering_sha256.has_value(), row.file << ": " << warnings);
      BOOST_TEST(blobs.Has(*row.rendering_sha256));
      std::string pdf;
      BOOST_TEST(blobs.Read(*row.rendering_sha256, pdf).ok());
      BOOST_TEST(pdf.rfind("%PDF-", 0) == 0u);
      BOOST_TEST(row.pages.value_or(0) >= 1);
      renderings[row.id] = *row.rendering_sha256;
    }
  }
  r = RunVareport("reprocess --all -j 2 --db " + ShellQuote(db));
  BOOST_TEST(r.status == 0, r.err);
  {
    auto s = store::OpenSqliteStore(db);
    const std::vector<store::SubmissionRow> rows = (*s)->ListSubmissions({}).value();
    for (const store::SubmissionRow& row : rows)
      BOOST_TEST(row.rendering_sha256.value_or("") == renderings[row.id], row.file);
  }
  r = RunVareport("list --db " + ShellQuote(db));
  BOOST_TEST(std::count(r.out.begin(), r.out.end(), '\n') == 3, r.out);  // still two submissions

  r = RunVareport("export --format xlsx --out " + ShellQuote(dir / "out.xlsx") + " --db " + ShellQuote(db));
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST(ReadAll(dir / "out.xlsx").rfind("PK", 0) == 0u);
  r = RunVareport("export --format csv --out " + ShellQuote(dir / "csv") + " --db " + ShellQuote(db));
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST(fs::exists(dir / "csv/answers.csv"));
  r = RunVareport("export --format json --db " + ShellQuote(db));
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST(r.out.find("vareport-export/1") != std::string::npos);

  r = RunVareport("ingest " + ShellQuote(dir / "nope") + " --db " + ShellQuote(db));
  BOOST_TEST(r.status == 2);
  BOOST_TEST(r.err.find("no such file or folder") != std::string::npos, r.err);
}

BOOST_AUTO_TEST_CASE(the_store_is_never_its_own_input_and_non_documents_are_skipped) {
  // `ingest .` with the store inside the folder: the database, -wal, -shm,
  // .lock and the originals folder are not inputs; a README, a .tsv and a
  // .json are skipped (counted, listable), not failed.
  TempDir dir("e2e");
  fs::create_directories(dir / "archive");
  fs::copy_file(std::string(VAREPORT_SAMPLES_DIR) + "/fr-single-word/input.docx", dir / "archive/SEN.docx");
  std::ofstream(dir / "archive/README.md") << "# what this folder holds\n";
  std::ofstream(dir / "archive/INDEX.tsv") << "file\tstate\nSEN.docx\tSEN\n";
  std::ofstream(dir / "archive/meta.json") << "{\"a\": 1}\n";
  const std::string db = dir / "archive/vareport.db";
  for (int run = 0; run < 2; ++run) {
    vareport::test::Run r = RunVareport("ingest " + ShellQuote(dir / "archive") + " --db " + ShellQuote(db) + " -j 1");
    BOOST_TEST_REQUIRE(r.status == 0, r.err);
    BOOST_TEST(r.err.find("3 skipped (not a PDF or Word document)") != std::string::npos, r.err);
  }
  auto s = store::OpenSqliteStore(db);
  BOOST_TEST_REQUIRE(s.ok());
  auto jobs = (*s)->ListJobs(std::nullopt);
  BOOST_TEST_REQUIRE(jobs->size() == 1u);
  BOOST_TEST(jobs->front().path.find("SEN.docx") != std::string::npos);
  BOOST_TEST((*s)->CountJobs()->failed == 0);
  vareport::test::Run r = RunVareport("status --skipped --db " + ShellQuote(db));
  BOOST_TEST(r.status == 0, r.err);
  for (const char* f : {"README.md", "INDEX.tsv", "meta.json"}) BOOST_TEST(r.out.find(f) != std::string::npos, r.out);
  BOOST_TEST(r.out.find("not a PDF or Word document") != std::string::npos, r.out);
  BOOST_TEST(r.out.find("vareport.db") == std::string::npos, r.out);
  r = RunVareport("status --db " + ShellQuote(db));
  BOOST_TEST(r.out.find("skipped      3") != std::string::npos, r.out);
}

BOOST_AUTO_TEST_CASE(no_render_keeps_no_rendering_and_says_why) {
  TempDir dir("e2e");
  const std::string db = dir / "v.db";
  vareport::test::Run r = RunVareport("ingest " + ShellQuote(std::string(VAREPORT_SAMPLES_DIR) +
                                                             "/fr-single-word/input.docx") +
                                      " --no-render -j 1 --db " + ShellQuote(db));
  BOOST_TEST_REQUIRE(r.status == 0, r.err);
  auto s = store::OpenSqliteStore(db);
  BOOST_TEST_REQUIRE(s.ok());
  const std::vector<store::SubmissionRow> rows = (*s)->ListSubmissions({}).value();
  BOOST_TEST_REQUIRE(rows.size() == 1u);
  BOOST_TEST(!rows[0].rendering_sha256.has_value());
  auto loaded = (*s)->LoadSubmission(rows[0].id);
  const Report& rep = loaded.value()->report;
  bool said = false;
  for (const std::string& w : rep.warnings) said = said || w.rfind("rendering-unavailable: ", 0) == 0;
  BOOST_TEST(said);
  for (const Answer& a : rep.answers) BOOST_TEST(a.evidence.page == 0, a.question);
}

BOOST_AUTO_TEST_CASE(ctrl_c_stops_ingest_with_one_line_and_leaves_nothing_running) {
  // SIGINT (what Ctrl-C sends) once the batch is under way: one line, exit
  // 130, no job left running, no LibreOffice or worker left, no temporary
  // folder left; the next run resumes to the end.
  TempDir dir("e2e");
  const std::string inputs = dir / "inputs";
  MakeInputs(inputs, 3);
  for (const char* f : {"legacy/checklist.rtf", "legacy/checklist.odt"})
    fs::copy_file(vareport::test::DataPath(f), inputs + "/" + fs::path(f).filename().string());
  const std::string db = dir / "v.db";
  const std::string tmp = dir / "tmp";
  fs::create_directories(tmp);
  const pid_t pid = ::fork();
  BOOST_TEST_REQUIRE(pid >= 0);
  if (pid == 0) {
    int null = ::open("/dev/null", O_RDWR);
    int err = ::open((dir / "stderr.txt").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    ::dup2(null, 0);
    ::dup2(null, 1);
    ::dup2(err, 2);
    ::setenv("TMPDIR", tmp.c_str(), 1);
    ::execl(VAREPORT_BINARY, VAREPORT_BINARY, "ingest", inputs.c_str(), "--db", db.c_str(), "-j", "2", "--rules",
            vareport::test::RulesDir().c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  // Interrupt once a job is done (the run is under way), or after 60 s.
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  bool finished = false;
  int st = 0;
  while (std::chrono::steady_clock::now() < until) {
    if (::waitpid(pid, &st, WNOHANG) == pid) {
      finished = true;
      break;
    }
    if (fs::exists(db)) {
      const Counts c = Read(db);
      if (c.done + c.failed >= 1) break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  if (!finished) {
    ::kill(pid, SIGINT);
    ::waitpid(pid, &st, 0);
  }
  if (finished) {
    BOOST_TEST_MESSAGE("the run finished before it could be interrupted");
  } else {
    BOOST_TEST(WIFEXITED(st));
    BOOST_TEST(WEXITSTATUS(st) == 130);
    const std::string err = ReadAll(dir / "stderr.txt");
    BOOST_TEST(err.find("interrupted: ") != std::string::npos, err);
    BOOST_TEST(err.find(" queued; run again to resume\n") != std::string::npos, err);
    // One line for the interruption, and it is the last thing said.
    BOOST_TEST(err.rfind("interrupted: ") == err.rfind('\n', err.size() - 2) + 1, err);
    auto s = store::OpenSqliteStore(db);
    BOOST_TEST_REQUIRE(s.ok());
    BOOST_TEST((*s)->CountJobs()->running == 0);
  }
  // Nothing left behind: no LibreOffice folder in either temporary folder the
  // run could use, no child process of ours still running.
  for (const auto& e : fs::directory_iterator(tmp))
    BOOST_TEST(e.path().filename().string().rfind("vareport-lo-", 0) != 0, e.path());
  if (fs::exists(db + ".files/tmp"))
    for (const auto& e : fs::directory_iterator(db + ".files/tmp"))
      BOOST_TEST(e.path().filename().string().rfind("tmp-", 0) != 0, e.path());
  BOOST_TEST(ProcessesMentioning(db).empty(), ProcessesMentioning(db));
  // Run again: it resumes and finishes.
  vareport::test::Run r = RunVareport(IngestArgs(inputs, db));
  BOOST_TEST_REQUIRE(r.status == 0, r.err);
  CheckConsistent(db);
}

BOOST_AUTO_TEST_SUITE_END()
