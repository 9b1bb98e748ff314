// Tests for extractors/pdf/pdf_extractor.h on the PDFs written by
// tests/data/make_pdf.py (one file per feature).
#include "extractors/pdf/pdf_extractor.h"

#include <boost/test/unit_test.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "document/document.h"

namespace vareport {
namespace {

std::string ReadData(const std::string& name) {
  std::ifstream in(std::string(VAREPORT_TEST_DATA_DIR) + "/pdf/" + name, std::ios::binary);
  BOOST_REQUIRE_MESSAGE(in, "missing test file " << name << " (run tests/data/make_pdf.py)");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

Result<Document> Extract(const std::string& name, ExtractOptions options = {}) {
  const std::string bytes = ReadData(name);
  return ExtractPdf(bytes, options);
}

std::string BodyText(const Document& doc) {
  std::string out;
  for (const Block& b : doc.body) out += PlainText(b) + "\n";
  return out;
}

const Table* TableAt(const Document& doc, std::size_t n) {
  for (const Block& b : doc.body) {
    if (b.kind == BlockKind::kTable && n-- == 0) return b.table.get();
  }
  return nullptr;
}

const Paragraph* CellParagraph(const Row& row, int column) {
  for (const Cell& c : row.cells) {
    if (c.column == column && !c.blocks.empty()) return &c.blocks.front().paragraph;
  }
  return nullptr;
}

bool HasWarning(const Document& doc, const std::string& code) {
  for (const Warning& w : doc.warnings) {
    if (w.code == code) return true;
  }
  return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(pdf_extractor)

BOOST_AUTO_TEST_CASE(checklist_grid_rows_get_their_ticks) {
  auto r = Extract("checklist_grid.pdf");
  BOOST_REQUIRE(r.ok());
  BOOST_TEST(r->title == "Checklist grid");
  BOOST_TEST(r->pages.value_or(0) == 1);
  const Table* t = TableAt(*r, 0);
  BOOST_REQUIRE(t != nullptr);
  BOOST_TEST(t->columns == 5);
  BOOST_REQUIRE(t->rows.size() == 5u);
  BOOST_TEST(t->rows[0].header);
  BOOST_TEST(PlainText(t->rows[0].cells[3]) == "Partially");
  // Row 1: wrapped question, tick on the middle line under "Yes".
  BOOST_TEST(PlainText(t->rows[1].cells[0]) ==
             "Is there a national focal point (ministry or agency) responsible for overseeing victim assistance "
             "and its integration?");
  const Paragraph* yes = CellParagraph(t->rows[1], 1);
  BOOST_REQUIRE(yes != nullptr);
  BOOST_REQUIRE(yes->ticks.size() == 1u);
  BOOST_TEST(yes->ticks[0].checked);
  BOOST_TEST(static_cast<int>(yes->ticks[0].encoding) == static_cast<int>(TickEncoding::kSymbolFont));
  BOOST_TEST(PlainText(t->rows[1].cells[4]) == "See annex II.");
  // Row 2 under "No"; row 3 has two ticks; row 4 under "Partially".
  BOOST_TEST(CellParagraph(t->rows[2], 2) != nullptr);
  BOOST_TEST(CellParagraph(t->rows[2], 1) == nullptr);
  BOOST_TEST(CellParagraph(t->rows[3], 1) != nullptr);
  BOOST_TEST(CellParagraph(t->rows[3], 2) != nullptr);
  BOOST_TEST(CellParagraph(t->rows[4], 3) != nullptr);
  // The heading after the table is not part of it.
  BOOST_TEST((r->body.back().kind == BlockKind::kParagraph));
  BOOST_TEST(r->body.back().paragraph.heading_level >= 1);
  BOOST_TEST(r->body.back().where.page == 1);
  BOOST_TEST(r->body.back().where.box.has_value());
}

BOOST_AUTO_TEST_CASE(inline_options_keep_their_boxes_in_one_cell) {
  auto r = Extract("inline_options.pdf");
  BOOST_REQUIRE(r.ok());
  const Table* t = TableAt(*r, 0);
  BOOST_REQUIRE(t != nullptr);
  BOOST_REQUIRE(t->rows.size() == 4u);
  const Paragraph* a = CellParagraph(t->rows[2], 1);
  BOOST_REQUIRE(a != nullptr);
  BOOST_TEST(a->text == "\u2610 Yes \u2612 No \u2610 In progress");
  BOOST_REQUIRE(a->ticks.size() == 3u);
  BOOST_TEST(!a->ticks[0].checked);
  BOOST_TEST(a->ticks[1].checked);
  BOOST_TEST(a->ticks[1].offset == a->text.find("\u2612"));
  BOOST_TEST(a->ticks[1].length == 3u);
  // ZapfDingbats ■ / ❏ outside the table.
  const Paragraph& last = r->body.back().paragraph;
  BOOST_TEST(last.text == "Survivors consulted: \u2612 Yes \u2610 No");
  BOOST_REQUIRE(last.ticks.size() == 2u);
  BOOST_TEST(static_cast<int>(last.ticks[0].encoding) == static_cast<int>(TickEncoding::kSymbolFont));
}

BOOST_AUTO_TEST_CASE(two_columns_are_read_one_after_the_other) {
  auto r = Extract("two_column.pdf");
  BOOST_REQUIRE(r.ok());
  const std::string text = BodyText(*r);
  const auto ls = text.find("LEFTSTART"), le = text.find("left end."), rs = text.find("RIGHTSTART");
  BOOST_REQUIRE(ls != std::string::npos);
  BOOST_REQUIRE(rs != std::string::npos);
  BOOST_TEST(ls < le);
  BOOST_TEST(le < rs);
}

BOOST_AUTO_TEST_CASE(running_header_and_footer_are_furniture) {
  auto r = Extract("header_footer.pdf");
  BOOST_REQUIRE(r.ok());
  BOOST_TEST(r->furniture.size() == 6u);
  const std::string text = BodyText(*r);
  BOOST_TEST(text.find("Page 2 of 3") == std::string::npos);
  BOOST_TEST(text.find("Report on victim assistance") == std::string::npos);
  BOOST_TEST(text.find("Body text of page 2") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(hyphenated_line_ends) {
  auto r = Extract("hyphenation.pdf");
  BOOST_REQUIRE(r.ok());
  const std::string text = BodyText(*r);
  BOOST_TEST(text.find("The plan's implementation continues") != std::string::npos);
  BOOST_TEST(text.find("fragments of funding") != std::string::npos);
  BOOST_TEST(text.find("international co-operation") != std::string::npos);
  BOOST_TEST(text.find("2020-2024") != std::string::npos);
  BOOST_TEST(text.find("physical rehabilitation services") != std::string::npos);
  BOOST_TEST(text.find("\u00AD") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(ligatures_are_expanded) {
  auto r = Extract("ligatures.pdf");
  BOOST_REQUIRE(r.ok());
  BOOST_TEST(BodyText(*r) == "The financial office flow.\n");
}

BOOST_AUTO_TEST_CASE(spacing_accents_are_merged) {
  auto r = Extract("accents.pdf");
  BOOST_REQUIRE(r.ok());
  BOOST_TEST(BodyText(*r) == "Caf\u00E9 de la paix\n");
}

BOOST_AUTO_TEST_CASE(table_continued_with_repeated_header) {
  auto r = Extract("table_two_pages.pdf");
  BOOST_REQUIRE(r.ok());
  const Table* t1 = TableAt(*r, 0);
  const Table* t2 = TableAt(*r, 1);
  BOOST_REQUIRE(t1 != nullptr);
  BOOST_REQUIRE(t2 != nullptr);
  BOOST_TEST(t1->rows.size() == 4u);
  BOOST_TEST(t2->rows.size() == 3u);
  BOOST_TEST(t2->rows[0].header);
  BOOST_TEST(!t2->rows[1].header);
  BOOST_TEST(PlainText(t2->rows[2].cells[0]) == "Question five?");
  BOOST_TEST(CellParagraph(t2->rows[2], 2) != nullptr);
  BOOST_TEST(r->furniture.empty());  // a repeated table header is not a running header
}

BOOST_AUTO_TEST_CASE(rotated_page_is_read_in_display_coordinates) {
  auto r = Extract("rotated.pdf");
  BOOST_REQUIRE(r.ok());
  BOOST_TEST(BodyText(*r).find("First line of the rotated annex. Second line of the rotated annex.") !=
             std::string::npos);
  // /Rotate 90 on a 595 x 842 media box: displayed 842 wide, 595 high.
  for (const Block& b : r->body) {
    BOOST_REQUIRE(b.where.box.has_value());
    BOOST_TEST(b.where.box->x1 <= 842.0);
    BOOST_TEST(b.where.box->y1 <= 595.0);
    BOOST_TEST(b.where.box->height() > b.where.box->width());  // text runs down the displayed page
  }
}

BOOST_AUTO_TEST_CASE(empty_user_password_opens) {
  auto r = Extract("encrypted_empty_user.pdf");
  BOOST_REQUIRE(r.ok());
  BOOST_TEST(BodyText(*r) == "Confidential victim assistance data.\n");
  BOOST_TEST(r->title == "Encrypted sample");
}

BOOST_AUTO_TEST_CASE(user_password_is_an_encrypted_error) {
  auto r = Extract("encrypted_password.pdf");
  BOOST_REQUIRE(!r.ok());
  BOOST_TEST(static_cast<int>(r.error().kind) == static_cast<int>(ErrorKind::kEncrypted));
  BOOST_TEST(r.error().message == "encrypted PDF: a password is required");
}

BOOST_AUTO_TEST_CASE(truncated_and_fake_pdfs_are_unreadable) {
  auto t = Extract("truncated.pdf");
  BOOST_REQUIRE(!t.ok());
  BOOST_TEST(static_cast<int>(t.error().kind) == static_cast<int>(ErrorKind::kUnreadableInput));
  BOOST_TEST(t.error().message.rfind("damaged PDF: ", 0) == 0u);
  auto f = Extract("not_a_pdf.pdf");
  BOOST_REQUIRE(!f.ok());
  BOOST_TEST(static_cast<int>(f.error().kind) == static_cast<int>(ErrorKind::kUnreadableInput));
  // Every prefix of a valid file gives a Document or an Error, never a crash.
  const std::string bytes = ReadData("checklist_grid.pdf");
  for (std::size_t n = 0; n < bytes.size(); n += 97) {
    auto p = ExtractPdf(std::string_view(bytes).substr(0, n), ExtractOptions{});
    BOOST_TEST((p.ok() || !p.error().message.empty()));
  }
}

BOOST_AUTO_TEST_CASE(image_only_page_warns_and_does_not_fail) {
  auto r = Extract("image_only.pdf");
  BOOST_REQUIRE(r.ok());
  BOOST_TEST(r->body.empty());
  BOOST_TEST(HasWarning(*r, "no-text-layer"));
}

BOOST_AUTO_TEST_CASE(limits) {
  ExtractOptions pages;
  pages.max_pages = 1;
  auto r = Extract("header_footer.pdf", pages);
  BOOST_REQUIRE(r.ok());
  BOOST_TEST(r->pages.value_or(0) == 3);
  BOOST_TEST(HasWarning(*r, "page-limit"));
  BOOST_TEST(BodyText(*r).find("page 2") == std::string::npos);
  ExtractOptions bytes;
  bytes.max_file_bytes = 100;
  auto b = Extract("header_footer.pdf", bytes);
  BOOST_REQUIRE(!b.ok());
  BOOST_TEST(static_cast<int>(b.error().kind) == static_cast<int>(ErrorKind::kLimitExceeded));
}

// A page whose drawing never ends in practice (4^24 glyphs through nested
// form XObjects, no cycle for Poppler's recursion guard): the extractor's
// own time limit stops it inside the page, through the interpreter's abort
// check, and says which page — without it this case would not end.
BOOST_AUTO_TEST_CASE(a_page_that_never_ends_is_stopped_at_the_time_limit) {
  const std::string path =
      (std::filesystem::path(VAREPORT_TEST_DATA_DIR).parent_path() / "hostile" / "data" / "xobject_exponential.pdf").string();
  std::ifstream in(path, std::ios::binary);
  BOOST_REQUIRE(in);
  std::stringstream ss;
  ss << in.rdbuf();
  ExtractOptions options;
  options.ocr.enabled = false;
  options.time_limit_seconds = 1;
  auto r = ExtractPdf(ss.str(), options);
  BOOST_REQUIRE(!r.ok());
  BOOST_TEST((r.error().kind == ErrorKind::kLimitExceeded));
  BOOST_TEST(r.error().message == "time limit of 1 s exceeded at page 1", r.error().message);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace vareport
