// End-to-end checks of the `vareport` executable on bad input: one line on
// stderr naming the problem, exit status 2, nothing on stdout, never a crash.
#include <boost/test/unit_test.hpp>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "test_util.h"

namespace fs = std::filesystem;
using vareport::test::RunVareport;
using vareport::test::ShellQuote;

namespace {

struct TempFile {
  fs::path path;
  TempFile(const std::string& name, const std::string& bytes) {
    path = fs::temp_directory_path() / ("vareport_cli_" + std::to_string(::getpid()) + "_" + name);
    std::ofstream(path, std::ios::binary) << bytes;
  }
  ~TempFile() { fs::remove(path); }
};

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void ExpectCleanFailure(const vareport::test::Run& r, const std::string& needle) {
  BOOST_TEST(r.status == 2, "exit status " << r.status << ", stderr: " << r.err);
  BOOST_TEST(r.out.empty(), "stdout: " << r.out.substr(0, 200));
  BOOST_TEST(std::count(r.err.begin(), r.err.end(), '\n') == 1, "stderr: " << r.err);
  BOOST_TEST(r.err.find(needle) != std::string::npos, "stderr: " << r.err);
}

// The first sample document of a given extension, or "".
std::string SampleWith(const std::string& ext) {
  std::error_code ec;
  for (const auto& d : fs::directory_iterator(VAREPORT_SAMPLES_DIR, ec)) {
    fs::path p = d.path() / ("input" + ext);
    if (fs::exists(p)) return p.string();
  }
  return {};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cli)

BOOST_AUTO_TEST_CASE(a_text_file_renamed_pdf_is_refused) {
  TempFile f("notes.pdf", "These are meeting notes, not a report.\n");
  ExpectCleanFailure(RunVareport("extract " + ShellQuote(f.path.string()) + " --format json"), "not a PDF or Word document");
}

BOOST_AUTO_TEST_CASE(an_empty_file_is_refused) {
  TempFile f("empty.docx", "");
  ExpectCleanFailure(RunVareport("extract " + ShellQuote(f.path.string())), "empty file");
}

BOOST_AUTO_TEST_CASE(a_missing_file_is_refused) {
  ExpectCleanFailure(RunVareport("extract /nonexistent/report.pdf --format json"), "cannot open file");
}

BOOST_AUTO_TEST_CASE(a_folder_is_refused) {
  ExpectCleanFailure(RunVareport("extract " + ShellQuote(fs::temp_directory_path().string())), "is a folder, not a file");
}

BOOST_AUTO_TEST_CASE(a_named_pipe_is_refused_without_waiting_for_a_writer) {
  const fs::path fifo = fs::temp_directory_path() / ("vareport_cli_fifo_" + std::to_string(::getpid()));
  fs::remove(fifo);
  BOOST_REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  ExpectCleanFailure(RunVareport("extract " + ShellQuote(fifo.string()) + " --time-limit 20"), "not a regular file");
  fs::remove(fifo);
}

BOOST_AUTO_TEST_CASE(a_truncated_docx_is_refused) {
  std::string sample = SampleWith(".docx");
  BOOST_TEST_REQUIRE(!sample.empty(), "a .docx sample exists");
  std::string bytes = ReadAll(sample);
  TempFile f("truncated.docx", bytes.substr(0, bytes.size() / 2));
  vareport::test::Run r = RunVareport("extract " + ShellQuote(f.path.string()) + " --format json");
  ExpectCleanFailure(r, "ZIP");
}

BOOST_AUTO_TEST_CASE(a_zip_that_is_not_word_is_refused) {
  // A stored (uncompressed) ZIP with one entry "a.txt".
  std::string zip("PK\x03\x04\x0a\0\0\0\0\0\0\0\0\0\x8b\x9e\xd9\xd3\x01\0\0\0\x01\0\0\0\x05\0\0\0" "a.txtx", 36);
  TempFile f("archive.docx", zip);
  ExpectCleanFailure(RunVareport("extract " + ShellQuote(f.path.string())), "not a PDF or Word document");
}

BOOST_AUTO_TEST_CASE(a_pdf_that_needs_a_password_is_refused) {
  std::string p = vareport::test::DataPath("pdf/encrypted_password.pdf");
  BOOST_TEST_REQUIRE(fs::exists(p), p);
  ExpectCleanFailure(RunVareport("extract " + ShellQuote(p) + " --format json"), "password");
}

BOOST_AUTO_TEST_CASE(garbage_after_a_pdf_header_is_refused) {
  TempFile f("broken.pdf", "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj << /Type /Catalog >> garbage garbage\n");
  vareport::test::Run r = RunVareport("extract " + ShellQuote(f.path.string()) + " --format json");
  BOOST_TEST(r.status == 2, r.err);
  BOOST_TEST(r.out.empty());
  BOOST_TEST(std::count(r.err.begin(), r.err.end(), '\n') == 1, r.err);
}

BOOST_AUTO_TEST_CASE(broken_rules_stop_the_run_with_file_and_line) {
  fs::path dir = fs::temp_directory_path() / ("vareport_cli_rules_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::copy(VAREPORT_SOURCE_RULES_DIR, dir, fs::copy_options::recursive);
  {
    std::string s = ReadAll(dir / "plans.xml");
    s.replace(s.find("first-year=\"2020\""), 17, "first-year=\"later\"");
    std::ofstream(dir / "plans.xml") << s;
  }
  vareport::test::Run r = RunVareport("rules check " + ShellQuote(dir.string()));
  BOOST_TEST(r.status == 3, r.err);
  BOOST_TEST(r.err.find("plans.xml:") != std::string::npos, r.err);
  std::string sample = SampleWith(".docx");
  if (!sample.empty()) {
    vareport::test::Run e = RunVareport("extract " + ShellQuote(sample) + " --rules " + ShellQuote(dir.string()));
    BOOST_TEST(e.status == 3, e.err);
    BOOST_TEST(e.out.empty());
  }
  fs::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(the_source_rules_check_clean) {
  vareport::test::Run r = RunVareport("rules check " + ShellQuote(VAREPORT_SOURCE_RULES_DIR));
  BOOST_TEST(r.status == 0, r.err);
  BOOST_TEST(r.out.find("ok (8 components, 34 questions") != std::string::npos, r.out);
}

BOOST_AUTO_TEST_CASE(usage_errors_do_not_print_a_report) {
  vareport::test::Run r = RunVareport("extract");
  BOOST_TEST(r.status != 0);
  BOOST_TEST(r.out.find("\"schema\"") == std::string::npos);
}

// A wrong command line is bad input too: one line naming the problem, exit 2.
BOOST_AUTO_TEST_CASE(usage_errors_are_one_line_with_status_2) {
  ExpectCleanFailure(RunVareport("bogus"), "unknown command 'bogus'");
  ExpectCleanFailure(RunVareport("extract"), "file is required");
  ExpectCleanFailure(RunVareport("extract x.pdf --no-such-flag"), "--no-such-flag");
  ExpectCleanFailure(RunVareport("extract x.pdf --memory-limit 50"), "at least 128 MiB");
  ExpectCleanFailure(RunVareport("extract x.pdf --format xml"), "--format");
  vareport::test::Run help = RunVareport("--help");
  BOOST_TEST(help.status == 0);
  BOOST_TEST(help.out.find("extract") != std::string::npos);
}

// A failed file can be tried again: reprocess --failed queues it again, and
// it gets a result (here the same refusal) — nothing is left queued.
BOOST_AUTO_TEST_CASE(failed_files_can_be_tried_again) {
  const fs::path dir = fs::temp_directory_path() / ("vareport_cli_retry_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "in");
  { std::ofstream(dir / "in" / "notes.pdf") << "%PDF-1.4\nbroken after its header\n"; }
  const std::string sample = SampleWith(".docx");
  BOOST_REQUIRE(!sample.empty());
  fs::copy_file(sample, dir / "in" / "report.docx");
  const std::string db = ShellQuote((dir / "v.db").string());
  vareport::test::Run in = RunVareport("ingest " + ShellQuote((dir / "in").string()) + " --db " + db + " -j 1");
  BOOST_TEST(in.status == 0, in.err);
  vareport::test::Run failed = RunVareport("status --failed --db " + db);
  BOOST_TEST(failed.out.find("notes.pdf") != std::string::npos, failed.out);
  vareport::test::Run again = RunVareport("reprocess --failed --db " + db + " -j 1");
  BOOST_TEST(again.status == 0, again.err);
  BOOST_TEST(again.err.find("trying 1 failed files again") != std::string::npos, again.err);
  vareport::test::Run st = RunVareport("status --db " + db);
  BOOST_TEST(st.out.find("failed       1") != std::string::npos, st.out);
  BOOST_TEST(st.out.find("queued       0") != std::string::npos, st.out);
  BOOST_TEST(st.out.find("submissions  1") != std::string::npos, st.out);
  ExpectCleanFailure(RunVareport("reprocess --failed --all --db " + db), "one of --all, --failed");
  fs::remove_all(dir);
}

// Commands that read the store do not make an empty one at a mistyped path.
BOOST_AUTO_TEST_CASE(reading_commands_refuse_a_missing_store) {
  const fs::path db = fs::temp_directory_path() / ("vareport_cli_nostore_" + std::to_string(::getpid()) + ".db");
  fs::remove(db);
  for (const char* cmd : {"status", "list", "show 1", "export --format json"}) {
    ExpectCleanFailure(RunVareport(std::string(cmd) + " --db " + ShellQuote(db.string())), "no store at");
  }
  BOOST_TEST(!fs::exists(db));
}

BOOST_AUTO_TEST_CASE(a_store_in_a_read_only_folder_is_bad_input) {
  // r-x for its owner only: read-only (vareport goes by the mode, so this
  // holds for root too, who could write through it).
  const fs::path dir = fs::temp_directory_path() / ("vareport_cli_ro_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "store");
  const std::string sample = SampleWith(".docx");
  fs::permissions(dir / "store", fs::perms::owner_read | fs::perms::owner_exec);
  ExpectCleanFailure(RunVareport("ingest " + ShellQuote(sample) + " --db " + ShellQuote((dir / "store/v.db").string())),
                     "is read-only");
  BOOST_TEST(!fs::exists(dir / "store/v.db"));
  // An existing store whose file is read-only: the reading commands say so too.
  fs::permissions(dir / "store", fs::perms::owner_all);
  std::ofstream(dir / "store/old.db") << "";
  fs::permissions(dir / "store/old.db", fs::perms::owner_read);
  ExpectCleanFailure(RunVareport("status --db " + ShellQuote((dir / "store/old.db").string())), "is read-only");
  fs::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(list_refuses_an_unknown_flag_like_an_unknown_kind) {
  const fs::path dir = fs::temp_directory_path() / ("vareport_cli_flag_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string db = ShellQuote((dir / "v.db").string());
  BOOST_TEST_REQUIRE(RunVareport("ingest " + ShellQuote(SampleWith(".docx")) + " --db " + db + " -j 1").status == 0);
  ExpectCleanFailure(RunVareport("list --flag BOGUS --db " + db), "unknown flag 'BOGUS' (MISSING_COMPONENT, ");
  ExpectCleanFailure(RunVareport("list --kind bogus --db " + db), "unknown kind 'bogus'");
  vareport::test::Run ok = RunVareport("list --flag missing_answer --db " + db);
  BOOST_TEST(ok.status == 0, ok.err);
  BOOST_TEST(RunVareport("list --kind other --db " + db).status == 0);
  fs::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(help_has_no_default_value_artefacts) {
  for (const char* cmd : {"", "extract", "dump", "ingest", "status", "list", "show", "reprocess", "export", "rules"}) {
    vareport::test::Run r = RunVareport(std::string(cmd) + " --help");
    BOOST_TEST(r.status == 0, cmd);
    BOOST_TEST(r.out.find("{false}") == std::string::npos, cmd << ": " << r.out);
    BOOST_TEST(r.out.find("{true}") == std::string::npos, cmd << ": " << r.out);
  }
}

BOOST_AUTO_TEST_CASE(extract_dash_reads_standard_input) {
  const std::string sample = SampleWith(".docx");
  BOOST_REQUIRE(!sample.empty());
  const std::string cmd = ShellQuote(VAREPORT_BINARY) + " extract - --format json < " + ShellQuote(sample);
  FILE* p = ::popen(cmd.c_str(), "r");
  BOOST_REQUIRE(p != nullptr);
  std::string out;
  char buf[65536];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  BOOST_TEST(::pclose(p) == 0);
  vareport::test::Run direct = RunVareport("extract " + ShellQuote(sample) + " --format json");
  BOOST_TEST(out.find("\"file\": \"stdin\"") != std::string::npos, out.substr(0, 300));
  // Same bytes, same report (but for the file name).
  auto strip = [](std::string s) {
    const std::size_t at = s.find("\"file\": ");
    return at == std::string::npos ? s : s.substr(0, at) + s.substr(s.find('\n', at));
  };
  BOOST_TEST(strip(out) == strip(direct.out));
  ExpectCleanFailure(RunVareport("extract -"), "standard input is empty");  // stdin is /dev/null
}

BOOST_AUTO_TEST_CASE(password_protected_doc_and_odt_say_encrypted_word_document) {
  for (const char* f : {"legacy/encrypted.doc", "legacy/encrypted.odt"})
    ExpectCleanFailure(RunVareport("extract " + ShellQuote(std::string(VAREPORT_TEST_DATA_DIR) + "/" + f)),
                       "encrypted Word document");
}

BOOST_AUTO_TEST_SUITE_END()
