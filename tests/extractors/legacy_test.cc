// Tests for extractors/legacy/legacy_converter.h and the legacy branch of
// ExtractDocument: format detection from bytes, the converter seam (a fake
// converter, and fake `soffice` scripts for argument handling, failures and
// the time limit), and — when LibreOffice is installed — real conversions of
// tests/data/legacy/checklist.{rtf,odt} (tests/data/make_legacy.py) in one start.
#include "extractors/legacy/legacy_converter.h"

#include <unistd.h>

#include <boost/test/unit_test.hpp>
#include <algorithm>
#include <thread>
#include <sys/wait.h>
#include <signal.h>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "document/document.h"
#include "extractors/docx/docx_extractor.h"
#include "extractors/extractor.h"
#include "extractors/legacy/encryption.h"

namespace vareport {
namespace {

namespace fs = std::filesystem;

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  BOOST_REQUIRE_MESSAGE(in, "missing file " << path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string Data(const std::string& rel) { return std::string(VAREPORT_TEST_DATA_DIR) + "/" + rel; }

// A converter that returns a fixed .docx and records what it was asked.
class FakeConverter final : public LegacyConverter {
 public:
  explicit FakeConverter(Result<std::string> answer) : answer_(std::move(answer)) {}
  Result<std::string> ConvertOne(std::string_view, Format from) override {
    ++calls;
    last = from;
    return answer_;
  }
  std::vector<Result<std::string>> ConvertMany(const std::vector<std::string>& paths) override {
    return std::vector<Result<std::string>>(paths.size(), answer_);
  }
  int calls = 0;
  Format last = Format::kDocx;

 private:
  Result<std::string> answer_;
};

// A scratch folder with an executable fake `soffice` script.
struct FakeSoffice {
  fs::path dir;
  std::string path;
  explicit FakeSoffice(const std::string& body) {
    dir = fs::temp_directory_path() / ("vareport_fake_soffice_" + std::to_string(::getpid()) + "_" +
                                       std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()));
    fs::create_directories(dir);
    path = (dir / "soffice").string();
    std::ofstream(path) << "#!/bin/sh\n" << body;
    fs::permissions(path, fs::perms::owner_all);
  }
  ~FakeSoffice() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
};

std::string AllText(const Document& doc) {
  std::string out;
  for (const Block& b : doc.body) out += PlainText(b) + "\n";
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(legacy)

BOOST_AUTO_TEST_CASE(formats_are_told_from_the_bytes) {
  BOOST_TEST((DetectFormat(ReadFile(Data("legacy/checklist.rtf"))).value() == Format::kRtf));
  BOOST_TEST((DetectFormat(ReadFile(Data("legacy/checklist.odt"))).value() == Format::kOdt));
  BOOST_TEST((DetectFormat(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(504, '\0')).value() ==
              Format::kDoc));
  BOOST_TEST((DetectFormat(ReadFile(Data("docx/content_controls.docx"))).value() == Format::kDocx));
  auto unknown = DetectFormat("hello, world");
  BOOST_REQUIRE(!unknown.ok());
  BOOST_TEST(unknown.error().message == "not a PDF or Word document");
}

BOOST_AUTO_TEST_CASE(encrypted_word_is_refused_before_conversion) {
  FakeConverter fake(ReadFile(Data("docx/content_controls.docx")));
  ExtractOptions options;
  options.legacy_converter = &fake;
  auto r = ExtractDocument(ReadFile(Data("docx/encrypted_ole.docx")), options);
  BOOST_REQUIRE(!r.ok());
  BOOST_TEST((r.error().kind == ErrorKind::kEncrypted));
  BOOST_TEST(r.error().message.find("encrypted Word document") != std::string::npos);
  BOOST_TEST(fake.calls == 0);
}

BOOST_AUTO_TEST_CASE(password_protected_doc_and_odt_are_encrypted_word_documents) {
  // tests/data/make_legacy.py: a .doc whose FIB has fEncrypted set, the same
  // container with it clear, an .odt whose manifest has encryption-data.
  BOOST_TEST(IsEncryptedDoc(ReadFile(Data("legacy/encrypted.doc"))));
  BOOST_TEST(!IsEncryptedDoc(ReadFile(Data("legacy/unencrypted_fib.doc"))));
  BOOST_TEST(IsEncryptedOdt(ReadFile(Data("legacy/encrypted.odt"))));
  BOOST_TEST(!IsEncryptedOdt(ReadFile(Data("legacy/checklist.odt"))));
  BOOST_TEST(!IsEncryptedDoc(std::string(600, '\xD0')));  // damaged: no answer, no crash
  for (const char* f : {"legacy/encrypted.doc", "legacy/encrypted.odt"}) {
    FakeConverter fake(ReadFile(Data("docx/content_controls.docx")));
    ExtractOptions options;
    options.legacy_converter = &fake;
    auto r = ExtractDocument(ReadFile(Data(f)), options);
    BOOST_REQUIRE(!r.ok());
    BOOST_TEST((r.error().kind == ErrorKind::kEncrypted), f);
    BOOST_TEST(r.error().message == "encrypted Word document: a password is required", f);
    BOOST_TEST(fake.calls == 0, f);  // refused before LibreOffice
  }
}

BOOST_AUTO_TEST_CASE(converted_documents_keep_their_own_format) {
  FakeConverter fake(ReadFile(Data("docx/content_controls.docx")));
  ExtractOptions options;
  options.legacy_converter = &fake;
  auto r = ExtractDocument(ReadFile(Data("legacy/checklist.rtf")), options);
  BOOST_REQUIRE(r.ok());
  BOOST_TEST((r->format == Format::kRtf));
  BOOST_TEST((fake.last == Format::kRtf));
  BOOST_TEST(!r->body.empty());
  auto o = ExtractDocument(ReadFile(Data("legacy/checklist.odt")), options);
  BOOST_REQUIRE(o.ok());
  BOOST_TEST((o->format == Format::kOdt));
}

BOOST_AUTO_TEST_CASE(converter_errors_reach_the_caller) {
  FakeConverter fake(MakeError(ErrorKind::kUnreadableInput, "LibreOffice could not convert the document"));
  ExtractOptions options;
  options.legacy_converter = &fake;
  auto r = ExtractDocument(ReadFile(Data("legacy/checklist.rtf")), options);
  BOOST_REQUIRE(!r.ok());
  BOOST_TEST((r.error().kind == ErrorKind::kUnreadableInput));
}

BOOST_AUTO_TEST_CASE(missing_libreoffice_names_the_package) {
  SofficeOptions so;
  so.soffice = "/nonexistent/soffice";
  auto r = MakeSofficeConverter(so)->ConvertOne("{\\rtf1 x}", Format::kRtf);
  BOOST_REQUIRE(!r.ok());
  BOOST_TEST((r.error().kind == ErrorKind::kUnsupportedFormat));
  BOOST_TEST(r.error().message.find("libreoffice-writer-nogui") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_overrunning_conversion_is_killed) {
  // The script and its child both sleep; the whole process group must go.
  FakeSoffice fake("sleep 30 &\nsleep 30\n");
  SofficeOptions so;
  so.soffice = fake.path;
  so.time_limit_seconds = 0.5;
  const auto start = std::chrono::steady_clock::now();
  auto r = MakeSofficeConverter(so)->ConvertOne("{\\rtf1 x}", Format::kRtf);
  const double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  BOOST_REQUIRE(!r.ok());
  BOOST_TEST((r.error().kind == ErrorKind::kLimitExceeded));
  BOOST_TEST(took < 5.0);
}

BOOST_AUTO_TEST_CASE(libreoffice_dies_with_the_process_that_started_it) {
  // The CLI's watchdog (_exit) or a batch killing a worker (SIGKILL) ends the
  // process in the middle of a conversion: soffice and its children must not
  // live on. The fake soffice writes its own pid and its child's, then waits.
  FakeSoffice fake("echo $$ > \"$(dirname \"$0\")/pids\"\nsleep 30 &\necho $! >> \"$(dirname \"$0\")/pids\"\nwait\n");
  const fs::path pids = fs::path(fake.dir) / "pids";
  const pid_t worker = ::fork();
  BOOST_REQUIRE(worker >= 0);
  if (worker == 0) {
    SofficeOptions so;
    so.soffice = fake.path;
    so.time_limit_seconds = 60;
    (void)MakeSofficeConverter(so)->ConvertOne("{\\rtf1 x}", Format::kRtf);
    ::_exit(0);
  }
  std::vector<pid_t> started;
  for (int i = 0; i < 200 && started.size() < 2; ++i) {  // up to 10 s
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    started.clear();
    std::ifstream in(pids);
    for (long p; in >> p;) started.push_back(static_cast<pid_t>(p));
  }
  BOOST_REQUIRE(started.size() == 2u);
  ::kill(worker, SIGKILL);
  int st = 0;
  ::waitpid(worker, &st, 0);
  bool gone = false;
  for (int i = 0; i < 100 && !gone; ++i) {  // up to 5 s
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    gone = std::none_of(started.begin(), started.end(), [](pid_t p) {
      if (::kill(p, 0) != 0) return false;  // no such process
      std::ifstream stat("/proc/" + std::to_string(p) + "/stat");
      std::string pid, comm, state;
      stat >> pid >> comm >> state;
      return state != "Z";  // a zombie waiting for init is dead too
    });
  }
  BOOST_TEST(gone);
  for (pid_t p : started) ::kill(p, SIGKILL);
}

BOOST_AUTO_TEST_CASE(convert_many_runs_once_and_keeps_input_order) {
  // A fake soffice: copies a fixed .docx for every input except those whose
  // content says BAD, and counts its starts.
  const std::string docx = Data("docx/content_controls.docx");
  FakeSoffice fake("out=''; prev=''; for a in \"$@\"; do\n"
                   "  if [ \"$prev\" = --outdir ]; then out=\"$a\"; fi; prev=\"$a\"; done\n"
                   "echo start >> \"$(dirname \"$0\")/starts\"\n"
                   "for a in \"$@\"; do case \"$a\" in */in/*)\n"
                   "  b=$(basename \"$a\"); s=${b%.*};\n"
                   "  grep -q BAD \"$a\" || cp '" + docx + "' \"$out/$s.docx\";; esac; done\n");
  const fs::path in = fake.dir / "inputs";
  fs::create_directories(in);
  std::ofstream(in / "a.rtf") << "{\\rtf1 good}";
  std::ofstream(in / "a.doc") << "BAD";
  std::ofstream(in / "b.odt") << "good";
  SofficeOptions so;
  so.soffice = fake.path;
  auto results = MakeSofficeConverter(so)->ConvertMany({(in / "a.rtf").string(), (in / "a.doc").string(),
                                                        (in / "b.odt").string()});
  BOOST_REQUIRE_EQUAL(results.size(), 3u);
  BOOST_TEST(results[0].ok());
  BOOST_TEST(!results[1].ok());  // same stem as a.rtf: its failure is its own
  BOOST_TEST(results[2].ok());
  BOOST_TEST(ReadFile((fake.dir / "starts").string()) == "start\n");
}

BOOST_AUTO_TEST_CASE(libreoffice_converts_rtf_and_odt) {  // slow: one LibreOffice start
  if (system("command -v soffice >/dev/null 2>&1") != 0) {
    BOOST_TEST_MESSAGE("soffice not installed: skipped");
    return;
  }
  auto results = MakeSofficeConverter()->ConvertMany({Data("legacy/checklist.rtf"), Data("legacy/checklist.odt")});
  BOOST_REQUIRE_EQUAL(results.size(), 2u);
  for (auto& r : results) {
    BOOST_REQUIRE_MESSAGE(r.ok(), (r.ok() ? std::string() : r.error().message));
    auto doc = ExtractDocx(*r, ExtractOptions{});
    BOOST_REQUIRE(doc.ok());
    const std::string text = AllText(*doc);
    BOOST_TEST(text.find("Victim Assistance Checklist 2024") != std::string::npos, text);
    BOOST_TEST(text.find("Ministry of Health") != std::string::npos);
    int ticks = 0, checked = 0;
    for (const Block& b : doc->body) {
      for (const Tick& t : b.paragraph.ticks) ++ticks, checked += t.checked ? 1 : 0;
    }
    BOOST_TEST(ticks == 2);
    BOOST_TEST(checked == 1);
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace vareport
