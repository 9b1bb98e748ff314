// Limits against hostile files (issue 6): ZIP bombs (entry count, entry and
// total size, ratio), unsafe entry names, XML entities and external DTDs in
// OOXML parts and rule files, XML nesting depth, file size, page count, the
// per-document time limit and the memory cap. Each refused with one clear line
// and exit status 2 (3 for rule files), end to end through `vareport` where
// the CLI is the contract. Inputs: tests/hostile/data/ and, for the large
// ones, written here at run time (generated_inputs.h).
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "extractors/docx/docx_extractor.h"
#include "extractors/pdf/pdf_extractor.h"
#include "hostile/generated_inputs.h"
#include "hostile/hostile_util.h"
#include "rules/rule_loader.h"

namespace {

using namespace vareport::test::hostile;  // NOLINT(google-build-using-namespace): test helpers
using vareport::ErrorKind;
using vareport::test::ChildResult;
namespace fs = std::filesystem;

ChildResult Extract(const std::string& path, std::vector<std::string> more = {}) {
  std::vector<std::string> args = {"extract", path, "--format", "json"};
  for (std::string& a : more) args.push_back(std::move(a));
  return Vareport(std::move(args));
}

vareport::Result<vareport::Document> Docx(const std::string& bytes) {
  return vareport::ExtractDocx(bytes, vareport::ExtractOptions{});
}

// A copy of the source rules/ in a temporary folder, removed with the object.
struct RulesCopy {
  fs::path dir;
  RulesCopy() {
    dir = fs::temp_directory_path() / ("vareport_hostile_rules_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::copy(VAREPORT_SOURCE_RULES_DIR, dir, fs::copy_options::recursive);
  }
  ~RulesCopy() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  void Write(const std::string& rel, const std::string& bytes) const {
    std::ofstream(dir / rel, std::ios::binary | std::ios::trunc) << bytes;
  }
};

void ExpectRuleRefusal(const ChildResult& r, const std::string& needle) {
  BOOST_TEST(r.exit_code == 3, Describe(r));
  BOOST_TEST(r.out.empty());
  BOOST_TEST(std::count(r.err.begin(), r.err.end(), '\n') == 1, "stderr: " << r.err);
  BOOST_TEST(r.err.find(needle) != std::string::npos, "stderr: " << r.err);
  BOOST_TEST(r.seconds < 10);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(hostile)
BOOST_AUTO_TEST_SUITE(limits)

// ---- ZIP bombs ------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(zip_with_too_many_entries) {
  std::vector<ZipEntrySpec> extra;
  for (int i = 0; i < 10001; ++i) extra.push_back({"word/media/x" + std::to_string(i) + ".bin", "x"});
  TempFile f("many_entries.docx", MinimalDocx(WordDocument("<w:p/>"), std::move(extra)));
  ExpectRefused(Extract(f.path.string()), "entries, more than the limit of 10000");
}

BOOST_AUTO_TEST_CASE(zip_entry_declaring_a_huge_size) {
  // The central directory claims 300 MiB uncompressed for document.xml.
  TempFile f("declared_huge.docx",
             StoredZip({{"[Content_Types].xml", "<Types/>"}, {"word/document.xml", WordDocument(""), 300u << 20}}));
  ExpectRefused(Extract(f.path.string()), "larger than the limit of 256 MiB");
}

BOOST_AUTO_TEST_CASE(zip_bomb_by_compression_ratio) {
  ExpectRefused(Extract(std::string(VAREPORT_TEST_DATA_DIR) + "/docx/zip_bomb.docx"), "possible ZIP bomb");
}

BOOST_AUTO_TEST_CASE(zip_total_and_entry_size_limits_are_options) {
  const std::string bytes = MinimalDocx(WordDocument(ManyParagraphs(200)));
  vareport::ExtractOptions entry;
  entry.max_zip_entry_bytes = 4096;
  auto r = vareport::ExtractDocx(bytes, entry);
  BOOST_TEST_REQUIRE(!r.ok());
  BOOST_TEST((r.error().kind == ErrorKind::kLimitExceeded));
  vareport::ExtractOptions total;
  total.max_zip_total_bytes = 4096;
  r = vareport::ExtractDocx(bytes, total);
  BOOST_TEST_REQUIRE(!r.ok());
  BOOST_TEST((r.error().kind == ErrorKind::kLimitExceeded));
  BOOST_TEST(r.error().message.find("expands to more than the limit") != std::string::npos, r.error().message);
}

// ---- unsafe names -----------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(zip_entries_named_outside_the_package_are_never_read) {
  // "../word/document.xml", "/word/document.xml", "..\word\document.xml" only.
  ExpectRefused(Extract(HostileData("zip_slip.docx")), "not a Word document: word/document.xml missing");
}

BOOST_AUTO_TEST_CASE(relationship_targets_outside_the_package_are_ignored) {
  auto r = Docx(ReadBytes(HostileData("rels_escape.docx")));
  BOOST_TEST_REQUIRE(r.ok());
  BOOST_TEST(r->furniture.empty());  // the "header" at ../../../../etc/passwd
  BOOST_TEST_REQUIRE(r->body.size() == 1u);
  BOOST_TEST(r->body[0].paragraph.text == "body stays");
}

// ---- XML in OOXML parts -------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(external_entities_in_any_part_are_refused) {
  ExpectRefused(Extract(HostileData("xxe_document.docx")), "word/document.xml: XML entity declarations are refused");
  ExpectRefused(Extract(HostileData("xxe_styles.docx")), "word/styles.xml: XML entity declarations are refused");
  const ChildResult r = Extract(HostileData("xxe_document.docx"));
  BOOST_TEST(r.err.find("root:") == std::string::npos);  // /etc/passwd never shows
}

BOOST_AUTO_TEST_CASE(billion_laughs_in_a_part_is_refused) {
  ExpectRefused(Extract(std::string(VAREPORT_TEST_DATA_DIR) + "/docx/billion_laughs.docx"),
                "word/document.xml: XML entity declarations are refused");
}

BOOST_AUTO_TEST_CASE(an_external_dtd_is_never_fetched) {
  // The DTD's URL is a closed local port: a fetch would fail or hang; the part reads as if it had none.
  auto r = Docx(ReadBytes(HostileData("external_dtd.docx")));
  BOOST_TEST_REQUIRE(r.ok(), (r.ok() ? std::string() : r.error().message));
  BOOST_TEST_REQUIRE(r->body.size() == 1u);
  BOOST_TEST(r->body[0].paragraph.text == "external dtd ignored");
}

BOOST_AUTO_TEST_CASE(xml_nesting_deeper_than_the_limit) {
  ExpectRefused(Extract(HostileData("very_deep.docx")), "word/document.xml: XML nesting deeper than 256 levels");
}

// ---- XML in rule files (exit status 3, "FILE:LINE: message") -----------------------------------------

BOOST_AUTO_TEST_CASE(rule_files_refuse_entities_external_dtds_and_deep_nesting) {
  RulesCopy rules;
  const std::string original = ReadBytes((rules.dir / "plans.xml").string());
  const std::size_t root = original.find("<plans");
  BOOST_TEST_REQUIRE(root != std::string::npos);
  const std::string decl = original.substr(0, root);
  const std::string body = original.substr(root);

  rules.Write("plans.xml", decl + "<!DOCTYPE plans [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n" + body);
  ExpectRuleRefusal(Vareport({"rules", "check", rules.dir.string()}), "plans.xml:");

  std::string laughs = "<!DOCTYPE plans [<!ENTITY a \"lol\">";
  for (int i = 1; i < 10; ++i) {
    laughs += "<!ENTITY " + std::string(1, static_cast<char>('a' + i)) + " \"";
    for (int k = 0; k < 10; ++k) laughs += "&" + std::string(1, static_cast<char>('a' + i - 1)) + ";";
    laughs += "\">";
  }
  rules.Write("plans.xml", decl + laughs + "]>\n" + body);
  ExpectRuleRefusal(Vareport({"rules", "check", rules.dir.string()}), "DOCTYPE and entity declarations are not allowed");

  rules.Write("plans.xml", decl + "<!DOCTYPE plans SYSTEM \"http://127.0.0.1:9/plans.dtd\">\n" + body);
  ExpectRuleRefusal(Vareport({"rules", "check", rules.dir.string()}), "plans.xml:");

  std::string deep;
  for (int i = 0; i < 20000; ++i) deep += "<x>";
  rules.Write("plans.xml", decl + deep);
  const ChildResult r = Vareport({"rules", "check", rules.dir.string()});
  ExpectRuleRefusal(r, "plans.xml:");

  // And `extract` with such rules stops before reading the document.
  const ChildResult e = Vareport({"extract", std::string(VAREPORT_TEST_DATA_DIR) + "/docx/comments.docx", "--rules",
                                  rules.dir.string(), "--format", "json"});
  ExpectRuleRefusal(e, "plans.xml:");
}

// ---- file size, page count --------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(a_file_over_the_size_limit_is_refused_before_it_is_read) {
  TempFile f("huge.pdf");
  {
    std::ofstream out(f.path, std::ios::binary);
    out << "%PDF-1.4\n";
  }
  fs::resize_file(f.path, 300u << 20);  // sparse: no disk used, nothing read
  const ChildResult r = Extract(f.path.string());
  ExpectRefused(r, "file is larger than the limit of 256 MiB");
  BOOST_TEST(r.seconds < 5);
}

// Pages past ExtractOptions::max_pages are not read; the document says so
// ("page-limit" warning) rather than failing — the design of the PDF
// extractor (pdf_extractor.cc): a long report's first pages still answer.
BOOST_AUTO_TEST_CASE(pages_past_the_page_limit_are_not_read) {
  const std::string bytes = ManyPagePdf(60);
  vareport::ExtractOptions options;
  options.max_pages = 25;
  auto r = vareport::ExtractPdf(bytes, options);
  BOOST_TEST_REQUIRE(r.ok());
  BOOST_TEST(r->pages.value_or(0) == 60);
  bool warned = false;
  for (const auto& w : r->warnings) warned |= w.code == "page-limit";
  BOOST_TEST(warned);
  std::string text;
  for (const auto& b : r->body) text += vareport::PlainText(b) + "\n";
  BOOST_TEST(text.find("Page 25:") != std::string::npos);
  BOOST_TEST(text.find("Page 26:") == std::string::npos);
}

// ---- time and memory --------------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(time_limit_option_and_its_message) {
  // A 20,000-paragraph document takes longer than a tenth of a second to read and analyse.
  TempFile f("long.docx", MinimalDocx(WordDocument(ManyParagraphs(20000))));
  const ChildResult r = Extract(f.path.string(), {"--time-limit", "0.1"});
  ExpectRefused(r, "long.docx: time limit of 0.1 s exceeded");
  BOOST_TEST(r.seconds < 3);
  // The output is complete or absent, never cut: with no limit it is JSON.
  const ChildResult ok = Vareport({"dump", f.path.string(), "--time-limit", "0"}, 120);
  BOOST_TEST(ExpectJson(ok).at("body").size() == 20000u);
}

BOOST_AUTO_TEST_CASE(memory_cap_option_gives_one_clean_line) {
  if (vareport::test::UnderAddressSanitizer()) {
    BOOST_TEST_MESSAGE("skipped under AddressSanitizer: --memory-limit is ignored there (shadow memory)");
    return;
  }
  // ~30 MiB of WordprocessingML; its XML tree alone needs far more than 150 MiB.
  TempFile f("big.docx", MinimalDocx(WordDocument(ManyParagraphs(200000))));
  const ChildResult r = Vareport({"dump", f.path.string(), "--memory-limit", "150"});
  ExpectRefused(r, "out of memory");
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
