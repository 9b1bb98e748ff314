// Tests for extractors/docx/docx_extractor.h and extractors/internal/zip_reader.h.
// Inputs are the small packages written by tests/data/make_docx.py (one per
// feature); the corpus tests at the end use ../shared and skip when it is absent.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "core/text.h"
#include "document/document.h"
#include "extractors/docx/docx_extractor.h"
#include "extractors/internal/zip_reader.h"

namespace {

using vareport::Block;
using vareport::BlockKind;
using vareport::Document;
using vareport::ErrorKind;
using vareport::ExtractOptions;
using vareport::Origin;
using vareport::Paragraph;
using vareport::Result;
using vareport::Tick;
using vareport::TickEncoding;

const std::string kChecked = "\u2612";
const std::string kUnchecked = "\u2610";

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string DataPath(const std::string& name) { return std::string(VAREPORT_TEST_DATA_DIR) + "/docx/" + name; }

Result<Document> Extract(const std::string& name, const ExtractOptions& options = {}) {
  const std::string bytes = ReadAll(DataPath(name));
  BOOST_TEST_REQUIRE(!bytes.empty(), "missing test file " << name << " (run tests/data/make_docx.py)");
  return vareport::ExtractDocx(bytes, options);
}

Document MustExtract(const std::string& name) {
  Result<Document> r = Extract(name);
  BOOST_TEST_REQUIRE(r.ok(), name << ": " << (r.ok() ? "" : r.error().message));
  return std::move(r).value();
}

// Every paragraph of `blocks`, tables included, in reading order.
void CollectParagraphs(const std::vector<Block>& blocks, std::vector<const Block*>& out) {
  for (const Block& b : blocks) {
    if (b.kind == BlockKind::kParagraph) out.push_back(&b);
    if (b.kind == BlockKind::kTable && b.table) {
      for (const auto& row : b.table->rows) {
        for (const auto& cell : row.cells) CollectParagraphs(cell.blocks, out);
      }
    }
  }
}

std::vector<const Block*> Paragraphs(const std::vector<Block>& blocks) {
  std::vector<const Block*> out;
  CollectParagraphs(blocks, out);
  return out;
}

std::vector<Tick> AllTicks(const Document& doc) {
  std::vector<Tick> out;
  for (const Block* b : Paragraphs(doc.body)) out.insert(out.end(), b->paragraph.ticks.begin(), b->paragraph.ticks.end());
  return out;
}

std::string AllText(const std::vector<Block>& blocks) {
  std::string out;
  for (const Block& b : blocks) out += vareport::PlainText(b) + "\n";
  return out;
}

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

// The paragraph whose text ends with `label`.
const Paragraph& ParagraphEndingWith(const Document& doc, const std::string& label) {
  for (const Block* b : Paragraphs(doc.body)) {
    const std::string& t = b->paragraph.text;
    if (t.size() >= label.size() && t.compare(t.size() - label.size(), label.size(), label) == 0) return b->paragraph;
  }
  BOOST_FAIL("no paragraph ending with " << label);
  static Paragraph none;
  return none;
}

// Checks that each tick sits where the text shows its glyph.
void CheckTickOffsets(const Paragraph& p) {
  for (const Tick& t : p.ticks) {
    BOOST_TEST_REQUIRE(t.offset + t.length <= p.text.size());
    const std::string shown = p.text.substr(t.offset, t.length);
    if (t.encoding == TickEncoding::kTypedX) {
      BOOST_TEST((shown == "X" || shown == "x"));
    } else {
      BOOST_TEST(shown == (t.checked ? kChecked : kUnchecked));
    }
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(docx_extractor)

// ---- tick boxes ---------------------------------------------------------------

BOOST_AUTO_TEST_CASE(content_control_checkbox_replaces_its_display_glyph) {
  Document doc = MustExtract("tick_sdt.docx");
  const Paragraph& p = doc.body.at(0).paragraph;
  // One box per control: the MS Gothic ☒/☐ run is not emitted a second time.
  BOOST_TEST(p.text == kChecked + " Yes " + kUnchecked + " No");
  BOOST_TEST_REQUIRE(p.ticks.size() == 2u);
  BOOST_TEST(p.ticks[0].checked);
  BOOST_TEST(!p.ticks[1].checked);
  BOOST_TEST((p.ticks[0].encoding == TickEncoding::kContentControl));
  BOOST_TEST(p.ticks[0].field_name == "q1_yes");  // w:tag
  BOOST_TEST(p.ticks[1].field_name == "q1_no");   // w:alias when no tag
  CheckTickOffsets(p);
}

BOOST_AUTO_TEST_CASE(legacy_formcheckbox_states) {
  Document doc = MustExtract("tick_legacy.docx");
  const std::vector<std::pair<std::string, bool>> expected = {
      {"checked-no-val", true}, {"val-1", true},    {"val-0", false},     {"val-true", true},
      {"val-false", false},     {"val-on", true},   {"val-off", false},   {"default-1", true},
      {"default-0", false},     {"checked-over-default", false},         {"nothing", false}};
  for (const auto& [label, checked] : expected) {
    const Paragraph& p = ParagraphEndingWith(doc, " " + label);
    BOOST_TEST_REQUIRE(p.ticks.size() == 1u, label);
    BOOST_TEST(p.ticks[0].checked == checked, label);
    BOOST_TEST((p.ticks[0].encoding == TickEncoding::kLegacyFormField), label);
    BOOST_TEST(p.ticks[0].field_name == label);
    BOOST_TEST(!Contains(p.text, "FORMCHECKBOX"), label);
    CheckTickOffsets(p);
  }
}

BOOST_AUTO_TEST_CASE(wingdings_symbols) {
  Document doc = MustExtract("tick_wingdings.docx");
  const std::vector<std::pair<std::string, bool>> expected = {
      {"box-check", true}, {"empty", false}, {"box-x", true}, {"x-rect", true},
      {"white-square", false}, {"tick-upper-font-name", true}, {"run-font", true}};
  for (const auto& [label, checked] : expected) {
    const Paragraph& p = ParagraphEndingWith(doc, " " + label);
    BOOST_TEST_REQUIRE(p.ticks.size() == 1u, label);
    BOOST_TEST(p.ticks[0].checked == checked, label);
    BOOST_TEST((p.ticks[0].encoding == TickEncoding::kSymbolFont), label);
    BOOST_TEST(p.ticks[0].confidence == 1.0, label);
    CheckTickOffsets(p);
  }
  // A Wingdings character that is no known box: a tick, unsure, with a warning.
  for (const Block& b : doc.body) {
    if (!Contains(b.paragraph.text, "unknown")) continue;
    BOOST_TEST_REQUIRE(b.paragraph.ticks.size() == 1u);
    BOOST_TEST(b.paragraph.ticks[0].confidence == 0.5);
    BOOST_TEST_REQUIRE(b.warnings.size() == 1u);
    BOOST_TEST(b.warnings[0].code == "tick-unclear");
  }
  // A known non-box symbol (an arrow bullet) is text, not a tick.
  const Paragraph& arrow = ParagraphEndingWith(doc, " arrow-bullet");
  BOOST_TEST(arrow.ticks.empty());
  BOOST_TEST(arrow.text == "\u27A2 arrow-bullet");
}

BOOST_AUTO_TEST_CASE(wingdings2_symbols) {
  Document doc = MustExtract("tick_wingdings2.docx");
  const std::vector<std::pair<std::string, bool>> expected = {{"S", true},      {"T", true},     {"R", true},
                                                              {"pound", false}, {"cent", false}, {"star", false},
                                                              {"plain-byte", true}};
  for (const auto& [label, checked] : expected) {
    const Paragraph& p = ParagraphEndingWith(doc, " " + label);
    BOOST_TEST_REQUIRE(p.ticks.size() == 1u, label);
    BOOST_TEST(p.ticks[0].checked == checked, label);
    BOOST_TEST((p.ticks[0].encoding == TickEncoding::kSymbolFont), label);
    CheckTickOffsets(p);
  }
}

BOOST_AUTO_TEST_CASE(unicode_glyphs_are_normalised) {
  Document doc = MustExtract("tick_glyphs.docx");
  BOOST_TEST_REQUIRE(doc.body.size() == 4u);
  const Paragraph& yes_no = doc.body[0].paragraph;
  BOOST_TEST(yes_no.text == kChecked + " Yes " + kUnchecked + " No");
  BOOST_TEST_REQUIRE(yes_no.ticks.size() == 2u);
  BOOST_TEST(yes_no.ticks[0].offset == 0u);
  BOOST_TEST(yes_no.ticks[0].length == 3u);
  BOOST_TEST(yes_no.ticks[1].offset == 8u);  // "☒ Yes " is 3 + 5 bytes
  // ☑ ✓ ✔ ■ are checked; □ ❏ unchecked; all shown as ☒ / ☐.
  for (const Tick& t : doc.body[1].paragraph.ticks) BOOST_TEST(t.checked);
  BOOST_TEST(doc.body[1].paragraph.ticks.size() == 4u);
  for (const Tick& t : doc.body[2].paragraph.ticks) BOOST_TEST(!t.checked);
  BOOST_TEST(doc.body[2].paragraph.ticks.size() == 2u);
  // ✗ is read as a mark, with less confidence (a cross may mean "no").
  BOOST_TEST_REQUIRE(doc.body[3].paragraph.ticks.size() == 1u);
  BOOST_TEST(doc.body[3].paragraph.ticks[0].confidence < 1.0);
  for (const Block& b : doc.body) {
    for (const Tick& t : b.paragraph.ticks) BOOST_TEST((t.encoding == TickEncoding::kGlyph));
    CheckTickOffsets(b.paragraph);
  }
}

BOOST_AUTO_TEST_CASE(typed_x_in_table_cells) {
  Document doc = MustExtract("tick_typed_x.docx");
  BOOST_TEST_REQUIRE(doc.body.size() == 1u);
  const auto& rows = doc.body[0].table->rows;
  auto ticks_in = [&](std::size_t r, std::size_t c) { return rows.at(r).cells.at(c).blocks.at(0).paragraph.ticks; };
  // A cell that holds only "X" / "x".
  BOOST_TEST_REQUIRE(ticks_in(0, 1).size() == 1u);
  BOOST_TEST(ticks_in(0, 1)[0].checked);
  BOOST_TEST(ticks_in(0, 1)[0].length == 1u);
  BOOST_TEST((ticks_in(0, 1)[0].encoding == TickEncoding::kTypedX));
  BOOST_TEST(rows[0].cells[1].blocks[0].paragraph.text == "X");  // text left as typed
  BOOST_TEST(ticks_in(1, 2).size() == 1u);
  BOOST_TEST(ticks_in(0, 2).empty());
  // "Annex X", "X-ray": not ticks.
  BOOST_TEST(ticks_in(2, 1).empty());
  BOOST_TEST(ticks_in(2, 2).empty());
  // An X typed in front of an option: a tick, less sure.
  BOOST_TEST_REQUIRE(ticks_in(3, 1).size() == 1u);
  BOOST_TEST(ticks_in(3, 1)[0].offset == 0u);
  BOOST_TEST(ticks_in(3, 1)[0].confidence < 1.0);
  BOOST_TEST_REQUIRE(ticks_in(3, 2).size() == 1u);
  CheckTickOffsets(rows[3].cells[2].blocks[0].paragraph);
}

// ---- structure ------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(merged_cells_grid_span_and_vertical_merge) {
  Document doc = MustExtract("merged_cells.docx");
  BOOST_TEST_REQUIRE(doc.body.size() == 1u);
  const vareport::Table& t = *doc.body[0].table;
  BOOST_TEST(t.columns == 3);
  BOOST_TEST_REQUIRE(t.rows.size() == 4u);
  BOOST_TEST(t.rows[0].header);  // w:tblHeader
  BOOST_TEST(!t.rows[1].header);
  BOOST_TEST_REQUIRE(t.rows[0].cells.size() == 2u);
  BOOST_TEST(t.rows[0].cells[1].column == 1);
  BOOST_TEST(t.rows[0].cells[1].col_span == 2);
  BOOST_TEST(t.rows[1].cells[0].row_span == 3);  // restart + two continuations
  BOOST_TEST(!t.rows[1].cells[0].merged);
  for (std::size_t r = 2; r < 4; ++r) {
    BOOST_TEST(t.rows[r].cells[0].merged);
    BOOST_TEST(t.rows[r].cells[0].blocks.empty());
    BOOST_TEST(t.rows[r].cells[1].column == 1);
  }
}

BOOST_AUTO_TEST_CASE(nested_table_is_a_block_of_its_cell) {
  Document doc = MustExtract("nested_table.docx");
  const auto& cell = doc.body.at(0).table->rows.at(0).cells.at(1);
  BOOST_TEST_REQUIRE(cell.blocks.size() == 3u);
  BOOST_TEST(cell.blocks[0].paragraph.text == "before");
  BOOST_TEST_REQUIRE((cell.blocks[1].kind == BlockKind::kTable));
  BOOST_TEST(vareport::PlainText(cell.blocks[1]) == "in-1\tin-2");
  BOOST_TEST(cell.blocks[2].paragraph.text == "after");
}

BOOST_AUTO_TEST_CASE(content_controls_at_every_level) {
  Document doc = MustExtract("content_controls.docx");
  const std::string text = AllText(doc.body);
  for (const char* expected : {"block-1", "block-2", "row-sdt-a", "row-sdt-b", "cell-sdt", "plain"}) {
    BOOST_TEST(Contains(text, expected), expected);
  }
  // Run-level control with a picture beside its text: the text in place.
  BOOST_TEST(Contains(text, "name: Ministry of Health."));
  // Placeholder text of an empty control is not content.
  BOOST_TEST(!Contains(text, "Click or tap"));
  // Block-level control paragraphs are top-level blocks with their own index.
  BOOST_TEST(doc.body.at(0).where.index == 0);
  BOOST_TEST(doc.body.at(1).where.index == 1);
}

BOOST_AUTO_TEST_CASE(text_box_follows_its_anchor_once) {
  Document doc = MustExtract("text_box.docx");
  BOOST_TEST_REQUIRE(doc.body.size() == 3u);
  BOOST_TEST(doc.body[0].paragraph.text == "anchor");
  BOOST_TEST((doc.body[1].origin == Origin::kTextBox));
  BOOST_TEST(doc.body[1].paragraph.text == "inside the box");  // mc:Choice only, not the VML fallback too
  BOOST_TEST(doc.body[1].where.index == doc.body[0].where.index);
  BOOST_TEST(doc.body[2].paragraph.text == "after");
}

BOOST_AUTO_TEST_CASE(tracked_changes_keep_insertions_only) {
  Document doc = MustExtract("tracked_changes.docx");
  const std::string text = AllText(doc.body);
  BOOST_TEST(doc.body.at(0).paragraph.text == "Yes");
  BOOST_TEST(doc.body.at(1).paragraph.text == "moved here");
  BOOST_TEST(!Contains(text, "Partially"));
  BOOST_TEST(!Contains(text, "moved away"));
  BOOST_TEST(!Contains(text, "gone"));
  BOOST_TEST(doc.body.size() == 3u);  // the deleted paragraph is gone entirely
  BOOST_TEST(doc.body.back().paragraph.text == "kept");
}

BOOST_AUTO_TEST_CASE(headers_and_footers_are_furniture) {
  Document doc = MustExtract("headers_footers.docx");
  BOOST_TEST(AllText(doc.body) == "body text\n");
  BOOST_TEST_REQUIRE(doc.furniture.size() == 2u);
  BOOST_TEST((doc.furniture[0].origin == Origin::kHeader));
  BOOST_TEST(doc.furniture[0].where.part == "word/header1.xml");
  BOOST_TEST(doc.furniture[0].paragraph.text == "Running header");
  BOOST_TEST((doc.furniture[1].origin == Origin::kFooter));
  BOOST_TEST(doc.furniture[1].paragraph.text == "Page 1");  // field result, not " PAGE "
}

BOOST_AUTO_TEST_CASE(footnotes_and_endnotes_are_notes) {
  Document doc = MustExtract("footnotes.docx");
  BOOST_TEST(doc.body.at(0).paragraph.text == "Figure 1234.");
  BOOST_TEST_REQUIRE(doc.notes.size() == 2u);  // separators skipped
  BOOST_TEST((doc.notes[0].origin == Origin::kFootnote));
  BOOST_TEST(doc.notes[0].where.part == "word/footnotes.xml");
  BOOST_TEST(vareport::Trim(doc.notes[0].paragraph.text) == "Source: national database.");
  BOOST_TEST(doc.notes[1].where.part == "word/endnotes.xml");
}

BOOST_AUTO_TEST_CASE(comments_are_notes) {
  Document doc = MustExtract("comments.docx");
  BOOST_TEST(AllText(doc.body) == "Yes\n");
  BOOST_TEST_REQUIRE(doc.notes.size() == 1u);
  BOOST_TEST((doc.notes[0].origin == Origin::kComment));
  BOOST_TEST(doc.notes[0].where.part == "word/comments.xml");
  BOOST_TEST(doc.notes[0].paragraph.text == "Is this still true?");
}

BOOST_AUTO_TEST_CASE(numbered_list_labels) {
  Document doc = MustExtract("numbered_list.docx");
  const std::vector<std::tuple<int, std::string, std::string>> expected = {
      {0, "1.", "first"}, {1, "a)", "sub a"}, {1, "b)", "sub b"},      {0, "2.", "second"},
      {1, "a)", "sub again"}, {0, "\u2022", "bullet"}, {-1, "", "not a list"}};
  BOOST_TEST_REQUIRE(doc.body.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const Paragraph& p = doc.body[i].paragraph;
    BOOST_TEST(p.list_level == std::get<0>(expected[i]), i);
    BOOST_TEST(p.list_label == std::get<1>(expected[i]), i);
    BOOST_TEST(p.text == std::get<2>(expected[i]), i);
  }
}

BOOST_AUTO_TEST_CASE(fields_runs_and_normalisation) {
  Document doc = MustExtract("fields.docx");
  BOOST_TEST_REQUIRE(doc.body.size() == 4u);
  BOOST_TEST(doc.body[0].paragraph.text == "See Table 2.");  // instruction hidden, result shown
  BOOST_TEST(doc.body[1].paragraph.text == "Date: 1 May 2024");
  BOOST_TEST(doc.body[2].paragraph.text == "a\tb\nc-de link");  // tab, break, no-break hyphen, soft hyphen dropped
  BOOST_TEST(doc.body[3].paragraph.text == "S\u00e9n\u00e9gal");  // NFC
}

BOOST_AUTO_TEST_CASE(headings_pages_and_metadata) {
  Document doc = MustExtract("headings_pages.docx");
  BOOST_TEST_REQUIRE(doc.body.size() == 9u);
  BOOST_TEST(doc.body[0].paragraph.heading_level == 1);  // "Title"
  BOOST_TEST(doc.body[1].paragraph.heading_level == 1);  // outline level 0
  BOOST_TEST(doc.body[1].paragraph.style == "heading 1");
  BOOST_TEST(doc.body[2].paragraph.heading_level == 2);  // named "Titre 2"
  BOOST_TEST(doc.body[3].paragraph.heading_level == 1);  // based on a heading style
  BOOST_TEST(doc.body[4].paragraph.heading_level == 0);
  const std::vector<int> pages = {1, 1, 1, 1, 1, 2, 2, 3, 4};
  for (std::size_t i = 0; i < pages.size(); ++i) {
    BOOST_TEST(doc.body[i].where.page == pages[i], i);
    BOOST_TEST(doc.body[i].where.part == "word/document.xml");
    BOOST_TEST(doc.body[i].where.index == static_cast<int>(i));
  }
  BOOST_TEST_REQUIRE(doc.pages.has_value());
  BOOST_TEST(*doc.pages == 4);
  BOOST_TEST(doc.language_tag == "fr-FR");
  BOOST_TEST(doc.title == "Liste de contr\u00f4le");
  BOOST_TEST((doc.format == vareport::Format::kDocx));
}

BOOST_AUTO_TEST_CASE(no_page_breaks_means_page_zero) {
  Document doc = MustExtract("fields.docx");
  for (const Block& b : doc.body) BOOST_TEST(b.where.page == 0);
  BOOST_TEST(!doc.pages.has_value());
}

// ---- broken and hostile input ---------------------------------------------------

BOOST_AUTO_TEST_CASE(truncated_zip) {
  Result<Document> r = Extract("truncated.docx");
  BOOST_TEST_REQUIRE(!r.ok());
  BOOST_TEST((r.error().kind == ErrorKind::kUnreadableInput));
  BOOST_TEST(r.error().message == "truncated ZIP archive");
}

BOOST_AUTO_TEST_CASE(garbage_bytes) {
  Result<Document> r = Extract("garbage.docx");
  BOOST_TEST_REQUIRE(!r.ok());
  BOOST_TEST((r.error().kind == ErrorKind::kUnreadableInput));
}

BOOST_AUTO_TEST_CASE(encrypted_ooxml_in_ole_container) {
  Result<Document> r = Extract("encrypted_ole.docx");
  BOOST_TEST_REQUIRE(!r.ok());
  BOOST_TEST((r.error().kind == ErrorKind::kEncrypted));
}

BOOST_AUTO_TEST_CASE(encrypted_zip_entry) {
  Result<Document> r = Extract("encrypted_entry.docx");
  BOOST_TEST_REQUIRE(!r.ok());
  BOOST_TEST((r.error().kind == ErrorKind::kEncrypted));
}

BOOST_AUTO_TEST_CASE(zip_bomb_is_refused) {
  Result<Document> r = Extract("zip_bomb.docx");
  BOOST_TEST_REQUIRE(!r.ok());
  BOOST_TEST((r.error().kind == ErrorKind::kLimitExceeded));
  BOOST_TEST(Contains(r.error().message, "ZIP bomb"));
}

BOOST_AUTO_TEST_CASE(billion_laughs_is_refused) {
  Result<Document> r = Extract("billion_laughs.docx");
  BOOST_TEST_REQUIRE(!r.ok());
  BOOST_TEST((r.error().kind == ErrorKind::kLimitExceeded));
  BOOST_TEST(Contains(r.error().message, "word/document.xml"));
}

BOOST_AUTO_TEST_CASE(zip_without_main_part) {
  Result<Document> r = Extract("no_document.docx");
  BOOST_TEST_REQUIRE(!r.ok());
  BOOST_TEST((r.error().kind == ErrorKind::kUnreadableInput));
  BOOST_TEST(r.error().message == "not a Word document: word/document.xml missing");
}

BOOST_AUTO_TEST_CASE(malformed_xml_names_part_and_line) {
  Result<Document> r = Extract("malformed_xml.docx");
  BOOST_TEST_REQUIRE(!r.ok());
  BOOST_TEST((r.error().kind == ErrorKind::kUnreadableInput));
  const std::string& m = r.error().message;
  BOOST_TEST(m.rfind("damaged Word document: word/document.xml: ", 0) == 0u, m);
  BOOST_TEST(Contains(m, ", line "), m);
  BOOST_TEST(!Contains(m, "\n"));
}

BOOST_AUTO_TEST_CASE(xml_depth_limit) {
  Result<Document> deep = Extract("deep_nesting.docx");
  BOOST_TEST_REQUIRE(!deep.ok());
  BOOST_TEST((deep.error().kind == ErrorKind::kLimitExceeded));
  ExtractOptions tight;
  tight.max_xml_depth = 4;  // w:document/w:body/w:tbl/w:tr/w:tc… is deeper
  Result<Document> r = Extract("nested_table.docx", tight);
  BOOST_TEST_REQUIRE(!r.ok());
  BOOST_TEST((r.error().kind == ErrorKind::kLimitExceeded));
}

BOOST_AUTO_TEST_CASE(zip_entry_limits) {
  ExtractOptions few;
  few.max_zip_entries = 2;
  Result<Document> r = Extract("tick_sdt.docx", few);
  BOOST_TEST_REQUIRE(!r.ok());
  BOOST_TEST((r.error().kind == ErrorKind::kLimitExceeded));
  ExtractOptions small;
  small.max_zip_entry_bytes = 100;
  r = Extract("tick_sdt.docx", small);
  BOOST_TEST_REQUIRE(!r.ok());
  BOOST_TEST((r.error().kind == ErrorKind::kLimitExceeded));
}

BOOST_AUTO_TEST_CASE(empty_input) {
  Result<Document> r = vareport::ExtractDocx("", ExtractOptions{});
  BOOST_TEST_REQUIRE(!r.ok());
  BOOST_TEST((r.error().kind == ErrorKind::kUnreadableInput));
}

// ---- the ZIP reader ----------------------------------------------------------------

BOOST_AUTO_TEST_CASE(zip_reader_lists_and_reads_entries) {
  const std::string bytes = ReadAll(DataPath("comments.docx"));
  auto zip = vareport::internal::ZipReader::Open(bytes, {});
  BOOST_TEST_REQUIRE(zip.ok());
  BOOST_TEST(zip.value()->Contains("word/document.xml"));
  BOOST_TEST(zip.value()->Contains("WORD/Document.XML"));  // OPC names are case-insensitive
  auto text = zip.value()->Read("word/comments.xml");
  BOOST_TEST_REQUIRE(text.ok());
  BOOST_TEST(Contains(text.value(), "Is this still true?"));
  BOOST_TEST(zip.value()->total_read() == text.value().size());
  auto missing = zip.value()->Read("word/nothing.xml");
  BOOST_TEST_REQUIRE(!missing.ok());
  BOOST_TEST((missing.error().kind == ErrorKind::kUnreadableInput));
}

BOOST_AUTO_TEST_CASE(zip_reader_refuses_unsafe_names) {
  using vareport::internal::IsSafeEntryName;
  BOOST_TEST(IsSafeEntryName("word/document.xml"));
  BOOST_TEST(IsSafeEntryName("[Content_Types].xml"));
  BOOST_TEST(!IsSafeEntryName("../etc/passwd"));
  BOOST_TEST(!IsSafeEntryName("word/../../x"));
  BOOST_TEST(!IsSafeEntryName("/abs/path"));
  BOOST_TEST(!IsSafeEntryName("C:/windows"));
  BOOST_TEST(!IsSafeEntryName("word\\document.xml"));
  BOOST_TEST(!IsSafeEntryName(""));
}

BOOST_AUTO_TEST_CASE(zip_reader_total_limit) {
  const std::string bytes = ReadAll(DataPath("comments.docx"));
  vareport::internal::ZipLimits limits;
  limits.max_total_bytes = 600;
  auto zip = vareport::internal::ZipReader::Open(bytes, limits);
  BOOST_TEST_REQUIRE(zip.ok());
  bool hit = false;
  for (const auto& e : zip.value()->entries()) {
    auto r = zip.value()->Read(e.name);
    if (!r.ok()) {
      BOOST_TEST((r.error().kind == ErrorKind::kLimitExceeded));
      hit = true;
      break;
    }
  }
  BOOST_TEST(hit);
}

// ---- the shared corpus (skipped when ../shared is absent) ---------------------------

BOOST_AUTO_TEST_CASE(shared_corpus_tick_counts) {
  const std::filesystem::path dir = std::filesystem::path(VAREPORT_SHARED_DIR) / "corpus";
  if (!std::filesystem::exists(dir)) {
    BOOST_TEST_MESSAGE("skipped: ../shared absent");
    return;
  }
  struct Expect {
    const char* file;
    TickEncoding encoding;
    std::size_t boxes;
    std::size_t checked;
  };
  // Checked = answered questions + 2 per conflicting question (truth/*.json).
  const Expect expected[] = {
      {"ALB_VA_2024_final_final.docx", TickEncoding::kLegacyFormField, 72, 24},
      {"SSD_VA_Checklist_2024 (1).docx", TickEncoding::kLegacyFormField, 72, 24},
      {"Colombia_cuestionario_AV_2022_final.docx", TickEncoding::kSymbolFont, 72, 24},
      {"Thailand-VA-checklist-2024_v2.docx", TickEncoding::kSymbolFont, 63, 22},
      {"VA checklist 2023 (MOZ)_v2.docx", TickEncoding::kSymbolFont, 72, 23},
      {"Lista_verificacion_AV_2021_PER (1).docx", TickEncoding::kTypedX, 24, 24},
  };
  for (const Expect& e : expected) {
    const std::string path = (dir / e.file).string();
    if (!std::filesystem::exists(path)) continue;
    Result<Document> r = vareport::ExtractDocx(ReadAll(path), ExtractOptions{});
    BOOST_TEST_REQUIRE(r.ok(), e.file);
    std::size_t boxes = 0, checked = 0;
    for (const Tick& t : AllTicks(r.value())) {
      if (t.encoding != e.encoding) continue;
      ++boxes;
      if (t.checked) ++checked;
    }
    BOOST_TEST(boxes == e.boxes, e.file);
    BOOST_TEST(checked == e.checked, e.file);
  }
}

BOOST_AUTO_TEST_CASE(shared_peer_corpus_never_crashes) {
  const std::filesystem::path dir = std::filesystem::path(VAREPORT_SHARED_DIR) / "peer-corpus";
  if (!std::filesystem::exists(dir)) {
    BOOST_TEST_MESSAGE("skipped: ../shared absent");
    return;
  }
  std::size_t ok = 0, failed = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (!entry.is_regular_file()) continue;
    const std::string ext = entry.path().extension().string();
    if (ext != ".docx" && ext != ".docm" && ext != ".dotx") continue;
    Result<Document> r = vareport::ExtractDocx(ReadAll(entry.path().string()), ExtractOptions{});
    if (r.ok()) {
      ++ok;
    } else {
      ++failed;
      BOOST_TEST(!r.error().message.empty(), entry.path().string());
      BOOST_TEST(!Contains(r.error().message, "\n"), entry.path().string());
      BOOST_TEST((r.error().kind != ErrorKind::kInternal), entry.path().string());
    }
  }
  BOOST_TEST_MESSAGE("peer corpus: " << ok << " read, " << failed << " refused");
  BOOST_TEST(ok > failed);
}

BOOST_AUTO_TEST_SUITE_END()
