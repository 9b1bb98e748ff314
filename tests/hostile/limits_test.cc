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
#include "extractors/extractor.h"
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

// Issue 9: a 5 MB run of one character deflates ~1000:1, yet it is a
// legitimate document under the inflated-size caps: read, not taken for a bomb.
BOOST_AUTO_TEST_CASE(a_long_text_run_that_compresses_well_is_read) {
  const nlohmann::json report = ExpectJson(Extract(HostileData("long_text_run.docx")));
  BOOST_TEST(Answers(report)["coordination.focal_point"] == "yes");
  auto r = Docx(ReadBytes(HostileData("long_text_run.docx")));
  BOOST_TEST_REQUIRE(r.ok());
  BOOST_TEST_REQUIRE(r->body.size() == 2u);
  BOOST_TEST(r->body[1].paragraph.text.size() > 5000000u);
  // The ratio rule still applies past its floor.
  vareport::ExtractOptions strict;
  strict.zip_ratio_floor_bytes = 1u << 20;
  r = vareport::ExtractDocx(ReadBytes(HostileData("long_text_run.docx")), strict);
  BOOST_TEST_REQUIRE(!r.ok());
  BOOST_TEST(r.error().message.find("possible ZIP bomb") != std::string::npos, r.error().message);
}

// Issue 9: two entries named word/document.xml (one answers Yes, the other
// No), or names equal but for case: which one a reader sees depends on the
// reader, so the package is refused.
BOOST_AUTO_TEST_CASE(a_package_with_two_entries_of_one_name_is_refused) {
  ExpectRefused(Extract(HostileData("duplicate_document.docx")),
                "ambiguous package: two ZIP entries are named word/document.xml");
  ExpectRefused(Extract(HostileData("duplicate_document_case.docx")),
                "ambiguous package: two ZIP entries are named Word/Document.xml");
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

BOOST_AUTO_TEST_CASE(a_word_file_quoting_a_pdf_header_is_still_word) {
  // The ZIP signature at offset 0 wins over "%PDF-" in the first kilobyte
  // (here in a stored part's text).
  const std::string docx = MinimalDocx(WordDocument("<w:p><w:r><w:t>%PDF-1.7 is the export format</w:t></w:r></w:p>"));
  BOOST_TEST_REQUIRE(docx.find("%PDF-") < 1024u);
  auto f = vareport::DetectFormat(docx);
  BOOST_TEST_REQUIRE(f.ok());
  BOOST_TEST((*f == vareport::Format::kDocx));
}

BOOST_AUTO_TEST_CASE(list_labels_are_bounded) {
  // numbering.xml whose level text is 200 KB, used by 200 list items: 40 MB of
  // labels if taken as written. A label keeps its first 64 bytes.
  const std::string rels =
      "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering\" "
      "Target=\"numbering.xml\"/></Relationships>";
  const std::string numbering = std::string("<?xml version=\"1.0\"?><w:numbering ") + kWordNs +
                                "><w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/>"
                                "<w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%1" + std::string(200000, 'x') +
                                "\"/></w:lvl></w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
                                "</w:numbering>";
  std::string body;
  for (int i = 0; i < 200; ++i) {
    body += "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr><w:r><w:t>item</w:t></w:r></w:p>";
  }
  auto r = Docx(MinimalDocx(WordDocument(body), {{"word/_rels/document.xml.rels", rels}, {"word/numbering.xml", numbering}}));
  BOOST_TEST_REQUIRE(r.ok());
  BOOST_TEST_REQUIRE(r->body.size() == 200u);
  BOOST_TEST(!r->body[0].paragraph.list_label.empty());
  for (const vareport::Block& b : r->body) BOOST_TEST(b.paragraph.list_label.size() <= 70u);
}

BOOST_AUTO_TEST_CASE(a_page_of_absurd_size_is_rendered_within_bounds) {
  // A 14,400 pt square page (the largest PDF 32000-1 Annex C allows) holding
  // Yes/No labels is rendered to look for drawn boxes: at 150 dpi that would
  // be 900 Mpx; the render is scaled down to stay within 40 Mpx.
  const std::string content = "BT /F1 12 Tf 72 14000 Td (1.1 Is there a plan? Yes No) Tj ET\n"
                              "BT /F1 12 Tf 72 13900 Td (1.2 Is it funded? Yes No) Tj ET\n";
  const std::string pdf =
      "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
      "2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
      "3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 14400 14400] /Contents 4 0 R "
      "/Resources << /Font << /F1 5 0 R >> >> >> endobj\n"
      "4 0 obj << /Length " + std::to_string(content.size()) + " >> stream\n" + content + "endstream endobj\n"
      "5 0 obj << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> endobj\n"
      "trailer << /Root 1 0 R >>\n%%EOF\n";
  TempFile f("huge_page.pdf", pdf);
  const ChildResult r = Vareport({"dump", f.path.string(), "--memory-limit", "1024"});
  const nlohmann::json doc = ExpectJson(r);
  BOOST_TEST(doc.dump().find("Is it funded?") != std::string::npos);
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
