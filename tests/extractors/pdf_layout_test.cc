// Tests for extractors/pdf/layout.h on hand-made words (no Poppler), and on
// the layouts of PDFs written by tests/data/make_pdf.py where a kind needs a
// real text layer (word boxes as Poppler measures them).
#include "extractors/pdf/layout.h"

#include <boost/test/unit_test.hpp>
#include <cmath>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "document/document.h"
#include "extractors/pdf/pdf_extractor.h"

namespace vareport::pdf {
namespace {

// Number of code points, for word widths.
std::size_t DecodeCount(const std::string& s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

// Places words of one line left to right from x, ~5.5 pt per character, 10 pt font.
void AddLine(PageText& page, double x, double top, const std::string& text, const std::string& font = "Helvetica",
             double size = 10) {
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) {
      Word w;
      w.text = text.substr(start, end - start);
      const double width = 5.5 * static_cast<double>(DecodeCount(w.text));
      w.box = Box{x, top, x + width, top + size * 1.2};
      w.font = font;
      w.font_size = size;
      w.space_after = end < text.size();
      page.words.push_back(w);
      x += width + 2.8;
    }
    start = end + 1;
  }
}

PageText MakePage(int number) {
  PageText p;
  p.number = number;
  p.width = 595;
  p.height = 842;
  return p;
}

const Table* FirstTable(const Document& doc) {
  for (const Block& b : doc.body) {
    if (b.kind == BlockKind::kTable) return b.table.get();
  }
  return nullptr;
}

std::string CellText(const Row& row, int column) {
  for (const Cell& c : row.cells) {
    if (c.column == column) return PlainText(c);
  }
  return "<none>";
}

const Paragraph* CellParagraph(const Row& row, int column) {
  for (const Cell& c : row.cells) {
    if (c.column == column && !c.blocks.empty()) return &c.blocks.front().paragraph;
  }
  return nullptr;
}

// The document of tests/data/pdf/<name>, as the PDF extractor lays it out.
Document ExtractData(const std::string& name) {
  std::ifstream in(std::string(VAREPORT_TEST_DATA_DIR) + "/pdf/" + name, std::ios::binary);
  BOOST_REQUIRE_MESSAGE(in, "missing test file " << name << " (run tests/data/make_pdf.py)");
  std::stringstream ss;
  ss << in.rdbuf();
  Result<Document> r = ExtractPdf(ss.str(), ExtractOptions{});
  if (!r) BOOST_FAIL(name << ": " << r.error().message);
  return std::move(*r);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(pdf_layout)

// A Word memo's small ruled table set between paragraphs with the same leading
// and spacing as its rows (memo_table.pdf): the table ends with its last row;
// the heading, lettered list and numbered paragraphs after it stay paragraphs
// with their text whole; figures right-aligned close to the next column's text
// stay in their own cells.
BOOST_AUTO_TEST_CASE(small_table_ends_before_the_paragraphs_after_it) {
  const Document doc = ExtractData("memo_table.pdf");
  std::size_t table_at = doc.body.size();
  int tables = 0;
  for (std::size_t i = 0; i < doc.body.size(); ++i) {
    if (doc.body[i].kind != BlockKind::kTable) continue;
    ++tables;
    if (table_at == doc.body.size()) table_at = i;
  }
  BOOST_REQUIRE_EQUAL(tables, 1);
  const Table& t = *doc.body[table_at].table;
  BOOST_REQUIRE_EQUAL(t.rows.size(), 3u);
  BOOST_TEST(t.rows[0].header);
  BOOST_TEST(CellText(t.rows[1], 0) == "New casualties (killed and injured) in 2019");
  BOOST_TEST(CellText(t.rows[1], 3) == "58");
  BOOST_TEST(CellText(t.rows[1], 4) == "National database");
  BOOST_TEST(CellText(t.rows[2], 0) == "Survivors recorded (cumulative)");
  BOOST_TEST(CellText(t.rows[2], 1) == "3,590");
  BOOST_TEST(CellText(t.rows[2], 3) == "3,087");
  BOOST_TEST(CellText(t.rows[2], 4) == "National Mine Action Authority (NMAA)");

  struct Expected {
    const char* label;
    const char* text;
  };
  const Expected after[] = {
      {"", "Objectives for 2020:"},
      {"a)", "Strengthen the sharing of data with service providers by mid-2021."},
      {"b)", "Improve the quality of data on mine victims, disaggregated by sex, age and disability, before 31 "
             "December 2021."},
      {"3.", "Emergency and continuing medical care. During the reporting period, 24 health workers and community "
             "volunteers were trained in first aid and trauma care."},
      {"5.", "Psychological support and social reintegration. No psychosocial services are available to survivors "
             "outside the capital. The survivors' associations run peer-to-peer support in the affected regions."},
  };
  BOOST_REQUIRE_EQUAL(doc.body.size() - table_at - 1, std::size(after));
  for (std::size_t k = 0; k < std::size(after); ++k) {
    const Block& b = doc.body[table_at + 1 + k];
    BOOST_TEST_CONTEXT("block " << k << " after the table") {
      BOOST_REQUIRE(b.kind == BlockKind::kParagraph);
      BOOST_TEST(b.paragraph.list_label == after[k].label);
      BOOST_TEST(b.paragraph.text == after[k].text);
      BOOST_TEST(b.paragraph.heading_level == 0);
    }
  }
}

BOOST_AUTO_TEST_CASE(hyphenated_line_ends_follow_the_documented_rule) {
  Vocabulary vocab = {"implementation", "prosthetic", "orthotic", "co operation"};
  BOOST_TEST(static_cast<int>(DecideLineJoin("imple-", "mentation", vocab)) == static_cast<int>(LineJoin::kDropHyphen));
  BOOST_TEST(static_cast<int>(DecideLineJoin("frag-", "ments", {})) == static_cast<int>(LineJoin::kDropHyphen));
  BOOST_TEST(static_cast<int>(DecideLineJoin("co-", "operation", {})) == static_cast<int>(LineJoin::kKeepHyphen));
  BOOST_TEST(static_cast<int>(DecideLineJoin("socio-", "économique", {})) == static_cast<int>(LineJoin::kKeepHyphen));
  BOOST_TEST(static_cast<int>(DecideLineJoin("prosthetic-", "orthotic", vocab)) ==
             static_cast<int>(LineJoin::kKeepHyphen));
  BOOST_TEST(static_cast<int>(DecideLineJoin("font-", "ils", {})) == static_cast<int>(LineJoin::kKeepHyphen));
  BOOST_TEST(static_cast<int>(DecideLineJoin("Jean-", "Pierre", {})) == static_cast<int>(LineJoin::kKeepHyphen));
  BOOST_TEST(static_cast<int>(DecideLineJoin("2020\u2013", "2024", {})) == static_cast<int>(LineJoin::kKeepHyphen));
  BOOST_TEST(static_cast<int>(DecideLineJoin("rehabili\u00AD", "tation", {})) ==
             static_cast<int>(LineJoin::kDropHyphen));
  BOOST_TEST(static_cast<int>(DecideLineJoin("plan", "runs", {})) == static_cast<int>(LineJoin::kSpace));
  BOOST_TEST(static_cast<int>(DecideLineJoin("–", "next", {})) == static_cast<int>(LineJoin::kSpace));
}

BOOST_AUTO_TEST_CASE(word_text_is_cleaned) {
  BOOST_TEST(CleanWordText("\uFB01nancial") == "financial");
  BOOST_TEST(CleanWordText("o\uFB03ce") == "office");
  BOOST_TEST(CleanWordText("Cafe\u00B4") == "Caf\u00E9");       // spacing acute after its letter
  BOOST_TEST(CleanWordText("\u00B4ecole") == "\u00E9cole");     // before it
  BOOST_TEST(CleanWordText("e\u0301te\u0301") == "\u00E9t\u00E9");  // NFC
}

BOOST_AUTO_TEST_CASE(tick_glyphs_and_symbol_fonts) {
  BOOST_TEST(TickState(U'\u2612', "Arial") == 1);
  BOOST_TEST(TickState(U'\u2714', "DejaVuSans") == 1);
  BOOST_TEST(TickState(U'\u2610', "MS Gothic") == 0);
  BOOST_TEST(TickState(U'\u274F', "ZapfDingbats") == 0);
  BOOST_TEST(TickState(U'\uF0FE', "ABCDEF+Wingdings-Regular") == 1);   // Wingdings ☑
  BOOST_TEST(TickState(U'\uF0A8', "Wingdings") == 0);                   // Wingdings ◻
  BOOST_TEST(TickState(U'T', "Wingdings2") == 1);                       // Wingdings 2 ☒
  BOOST_TEST(TickState(U'\u00A3', "Wingdings 2") == 0);                 // Wingdings 2 □
  BOOST_TEST(TickState(U'T', "Helvetica") == -1);
  double conf = 0;
  BOOST_TEST(TickState(U'\u25A0', "Arial", &conf) == 1);
  BOOST_TEST(conf < 1.0);
}

BOOST_AUTO_TEST_CASE(grid_table_pairs_each_question_with_its_tick) {
  PageText page = MakePage(1);
  AddLine(page, 72, 80, "Questions");
  AddLine(page, 290, 80, "Yes");
  AddLine(page, 330, 80, "No");
  AddLine(page, 365, 80, "Partially");
  // Row 1: three wrapped lines, tick centred on the middle line under "No".
  AddLine(page, 72, 100, "Is there a national focal point");
  AddLine(page, 72, 112, "responsible for overseeing victim");
  AddLine(page, 72, 124, "assistance?");
  Word tick;
  tick.text = "\u2714";
  tick.box = Box{332, 111, 341, 125};
  tick.font = "DejaVuSans";
  tick.font_size = 11;
  page.words.push_back(tick);
  // Row 2: one line, two ticks (Yes and Partially), a typed X is not needed here.
  AddLine(page, 72, 146, "Is there a plan?");
  tick.box = Box{292, 145, 301, 159};
  page.words.push_back(tick);
  tick.box = Box{372, 145, 381, 159};
  page.words.push_back(tick);
  // Row 3: a typed X under "Partially".
  AddLine(page, 72, 168, "Is it funded?");
  AddLine(page, 374, 168, "X");
  Document doc;
  BuildDocument({page}, doc);
  const Table* t = FirstTable(doc);
  BOOST_REQUIRE(t != nullptr);
  BOOST_TEST(t->columns == 4);
  BOOST_REQUIRE(t->rows.size() == 4u);
  BOOST_TEST(t->rows[0].header);
  BOOST_TEST(CellText(t->rows[0], 2) == "No");
  BOOST_TEST(CellText(t->rows[1], 0) ==
             "Is there a national focal point responsible for overseeing victim assistance?");
  const Paragraph* p = CellParagraph(t->rows[1], 2);
  BOOST_REQUIRE(p != nullptr);
  BOOST_REQUIRE(p->ticks.size() == 1u);
  BOOST_TEST(p->ticks[0].checked);
  BOOST_TEST(p->text == "\u2612");
  BOOST_TEST(CellParagraph(t->rows[2], 1) != nullptr);
  BOOST_TEST(CellParagraph(t->rows[2], 3) != nullptr);
  BOOST_TEST(CellParagraph(t->rows[2], 2) == nullptr);
  const Paragraph* x = CellParagraph(t->rows[3], 3);
  BOOST_REQUIRE(x != nullptr);
  BOOST_REQUIRE(x->ticks.size() == 1u);
  BOOST_TEST(static_cast<int>(x->ticks[0].encoding) == static_cast<int>(TickEncoding::kTypedX));
  BOOST_TEST(doc.body.front().where.page == 1);
}

// Text indented inside the first column stays in the table: sub-items set a
// paragraph apart ("a) health services") and a question's wrapped lines under a
// hanging indent. The indented text after the table, whose list runs across
// the columns, is not a row.
BOOST_AUTO_TEST_CASE(indented_first_column_text_stays_in_the_table_and_the_text_after_it_leaves) {
  PageText page = MakePage(1);
  AddLine(page, 72, 80, "Questions");
  AddLine(page, 290, 80, "Yes");
  AddLine(page, 330, 80, "No");
  AddLine(page, 370, 80, "Comments");
  Word tick;
  tick.text = "\u2612";
  tick.font = "DejaVuSans";
  tick.font_size = 10;
  // Row 1: a question and two sub-items, each a paragraph of its own.
  AddLine(page, 72, 100, "1.1 Does the national plan cover:");
  tick.box = Box{292, 100, 301, 112};
  page.words.push_back(tick);
  AddLine(page, 90, 118, "a) health services");
  AddLine(page, 90, 136, "b) rehabilitation");
  // Row 2: a numbered question wrapped under a hanging indent.
  AddLine(page, 72, 160, "1.2 Is there a national focal point");
  AddLine(page, 90, 172, "responsible for victim assistance?");
  tick.box = Box{332, 160, 341, 172};
  page.words.push_back(tick);
  // After the table: a heading line and a lettered list across the page.
  AddLine(page, 108, 196, "Objectives:");
  AddLine(page, 90, 214, "a) Strengthen the national referral mechanism in all provinces by the end of 2026.");
  Document doc;
  BuildDocument({page}, doc);
  const Table* t = FirstTable(doc);
  BOOST_REQUIRE(t != nullptr);
  std::string table_text;
  for (const Row& row : t->rows) table_text += CellText(row, 0) + "\n";
  BOOST_TEST(table_text.find("b) rehabilitation") != std::string::npos);
  BOOST_TEST(table_text.find("1.2 Is there a national focal point responsible for victim assistance?") !=
             std::string::npos);
  BOOST_TEST(CellParagraph(t->rows.back(), 2) != nullptr);
  BOOST_TEST(table_text.find("Objectives") == std::string::npos);
  BOOST_REQUIRE(doc.body.size() >= 2u);
  const Block& last = doc.body.back();
  BOOST_REQUIRE(last.kind == BlockKind::kParagraph);
  BOOST_TEST(last.paragraph.text.find("Strengthen the national referral mechanism") != std::string::npos);
  const Block& before_last = doc.body[doc.body.size() - 2];
  BOOST_REQUIRE(before_last.kind == BlockKind::kParagraph);
  BOOST_TEST(before_last.paragraph.text == "Objectives:");
}

// A table whose cells start at the body's margin: a paragraph wrapping across
// the table's width after it, with the rows' spacing, is not a row; a spanning
// instruction row wrapped over two lines inside the table, followed by rows
// again, is.
BOOST_AUTO_TEST_CASE(a_paragraph_at_the_table_edge_after_it_leaves_a_spanning_row_inside_stays) {
  PageText page = MakePage(1);
  AddLine(page, 72, 80, "Questions");
  AddLine(page, 290, 80, "Yes");
  AddLine(page, 330, 80, "No");
  AddLine(page, 370, 80, "Comments");
  Word tick;
  tick.text = "\u2612";
  tick.font = "DejaVuSans";
  tick.font_size = 10;
  AddLine(page, 72, 100, "Is there a national focal point?");
  tick.box = Box{292, 100, 301, 112};
  page.words.push_back(tick);
  // A spanning instruction row over two lines, then a row with its answer.
  AddLine(page, 72, 118, "Please answer the following questions for the whole reporting period and give details");
  AddLine(page, 72, 130, "in the comments column where services differ between the provinces of the country.");
  AddLine(page, 72, 148, "Is there a referral mechanism?");
  tick.box = Box{332, 148, 341, 160};
  page.words.push_back(tick);
  AddLine(page, 370, 148, "In two provinces.");
  // After the table, at the same edge and spacing: a paragraph of two lines.
  AddLine(page, 72, 172, "The Government thanks its international partners for their continued support in this");
  AddLine(page, 72, 184, "area, and survivors' associations for their part in the preparation of this report.");
  Document doc;
  BuildDocument({page}, doc);
  const Table* t = FirstTable(doc);
  BOOST_REQUIRE(t != nullptr);
  BOOST_REQUIRE_EQUAL(t->rows.size(), 4u);
  BOOST_TEST(CellText(t->rows[2], 0).find("Please answer the following questions") == 0u);
  BOOST_TEST(CellText(t->rows[3], 0) == "Is there a referral mechanism?");
  BOOST_TEST(CellText(t->rows[3], 3) == "In two provinces.");
  const Block& last = doc.body.back();
  BOOST_REQUIRE(last.kind == BlockKind::kParagraph);
  BOOST_TEST(last.paragraph.text ==
             "The Government thanks its international partners for their continued support in this area, and "
             "survivors' associations for their part in the preparation of this report.");
}

// A line at the table's edge after a gap wider than the table's rows leave
// between them (6 pt here, 14 pt before it), introducing a list that runs
// across the columns, is the text after the table.
BOOST_AUTO_TEST_CASE(a_line_after_a_gap_wider_than_the_rows_introducing_a_list_leaves_the_table) {
  PageText page = MakePage(1);
  AddLine(page, 72, 80, "Indicator");
  AddLine(page, 230, 80, "Total");
  AddLine(page, 294, 80, "Female");
  AddLine(page, 358, 80, "Male");
  double y = 98;
  for (const char* name : {"New casualties", "Survivors recorded", "Persons with disabilities"}) {
    AddLine(page, 72, y, name);
    AddLine(page, 240, y, "61");
    AddLine(page, 300, y, "3");
    AddLine(page, 364, y, "58");
    y += 18;  // 12 pt lines, 6 pt between rows
  }
  y += 8;
  AddLine(page, 72, y, "Objectives for 2020:");
  AddLine(page, 90, y + 18, "a) Strengthen the sharing of data with service providers and partners by mid-2021.");
  Document doc;
  BuildDocument({page}, doc);
  const Table* t = FirstTable(doc);
  BOOST_REQUIRE(t != nullptr);
  BOOST_REQUIRE_EQUAL(t->rows.size(), 4u);
  BOOST_TEST(CellText(t->rows.back(), 0) == "Persons with disabilities");
  BOOST_REQUIRE(doc.body.size() >= 2u);
  const Block& intro = doc.body[doc.body.size() - 2];
  BOOST_REQUIRE(intro.kind == BlockKind::kParagraph);
  BOOST_TEST(intro.paragraph.text == "Objectives for 2020:");
  BOOST_REQUIRE(doc.body.back().kind == BlockKind::kParagraph);
  BOOST_TEST(doc.body.back().paragraph.text.find("Strengthen the sharing") != std::string::npos);
}

// A row cut by the page end under a repeated header: "(cumulative)" goes on
// the previous page's last row (its first letter, past the bracket, is lower-
// case), and the page adds no second table of only its header.
BOOST_AUTO_TEST_CASE(a_row_continued_under_a_repeated_header_joins_its_row) {
  auto header = [](PageText& page, double top) {
    AddLine(page, 77, top, "Indicator");
    AddLine(page, 230, top, "Total");
    AddLine(page, 294, top, "Female");
    AddLine(page, 358, top, "Male");
    AddLine(page, 421, top, "Source");
  };
  PageText p1 = MakePage(1);
  AddLine(p1, 71, 700, "Table 1. Casualties and survivors");
  header(p1, 720);
  AddLine(p1, 77, 740, "New casualties");
  AddLine(p1, 265, 740, "61");
  AddLine(p1, 335, 740, "3");
  AddLine(p1, 398, 740, "58");
  AddLine(p1, 421, 740, "National database");
  AddLine(p1, 77, 760, "Survivors recorded");
  AddLine(p1, 254, 760, "3,590");
  AddLine(p1, 324, 760, "503");
  AddLine(p1, 382, 760, "3,087");
  AddLine(p1, 421, 760, "National Mine Action");
  PageText p2 = MakePage(2);
  header(p2, 72);
  AddLine(p2, 77, 92, "(cumulative)");
  AddLine(p2, 421, 92, "Authority (NMAA)");
  AddLine(p2, 107, 116, "Objectives for 2020:");
  AddLine(p2, 89, 134, "a) Strengthen the sharing of data with service providers and partners by mid-2021.");
  Document doc;
  BuildDocument({p1, p2}, doc);
  int tables = 0;
  for (const Block& b : doc.body) tables += b.kind == BlockKind::kTable ? 1 : 0;
  BOOST_TEST(tables == 1);
  const Table* t = FirstTable(doc);
  BOOST_REQUIRE(t != nullptr);
  BOOST_REQUIRE_EQUAL(t->rows.size(), 3u);
  BOOST_TEST(CellText(t->rows[2], 0) == "Survivors recorded (cumulative)");
  BOOST_TEST(CellText(t->rows[2], 4).find("Authority (NMAA)") != std::string::npos);
  BOOST_REQUIRE(doc.body.back().kind == BlockKind::kParagraph);
  BOOST_TEST(doc.body.back().paragraph.text.find("Strengthen the sharing of data") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(numbered_rows_set_at_the_leading_of_wrapped_lines_stay_apart) {
  // A form's table where the rows are no further apart than the wrapped lines
  // inside a row: the next question number starts the next row.
  PageText page = MakePage(1);
  AddLine(page, 72, 80, "Questions");
  AddLine(page, 300, 80, "Reply");
  AddLine(page, 420, 80, "Remarks");
  AddLine(page, 72, 100, "2.1 Has a national information");
  AddLine(page, 72, 112, "management system been set up?");
  AddLine(page, 300, 100, "Yes");
  AddLine(page, 72, 124, "2.2 Are data disaggregated by sex?");
  AddLine(page, 300, 124, "No");
  AddLine(page, 72, 136, "2.3 Total number of survivors and");
  AddLine(page, 72, 148, "10.4 their families");  // not a question: the row's own text wraps at a figure
  AddLine(page, 300, 136, "3,744");
  AddLine(page, 420, 136, "Estimate");
  AddLine(page, 72, 160, "2.4 Number of women");
  AddLine(page, 300, 160, "524");
  // An unnumbered row (after a row gap) whose wrapped line starts with a figure keeps it.
  AddLine(page, 72, 180, "Share of survivors reached rose by");
  AddLine(page, 72, 192, "1.5 percent");
  AddLine(page, 300, 180, "Partly");
  Document doc;
  BuildDocument({page}, doc);
  const Table* t = FirstTable(doc);
  BOOST_REQUIRE(t != nullptr);
  BOOST_REQUIRE(t->rows.size() == 6u);
  BOOST_TEST(CellText(t->rows[1], 0) == "2.1 Has a national information management system been set up?");
  BOOST_TEST(CellText(t->rows[1], 1) == "Yes");
  BOOST_TEST(CellText(t->rows[2], 0) == "2.2 Are data disaggregated by sex?");
  BOOST_TEST(CellText(t->rows[2], 1) == "No");
  BOOST_TEST(CellText(t->rows[3], 1) == "3,744");
  BOOST_TEST(CellText(t->rows[4], 0) == "2.4 Number of women");
  BOOST_TEST(CellText(t->rows[5], 0) == "Share of survivors reached rose by 1.5 percent");
}

BOOST_AUTO_TEST_CASE(running_header_and_footer_go_to_furniture) {
  std::vector<PageText> pages;
  for (int n = 1; n <= 3; ++n) {
    PageText p = MakePage(n);
    AddLine(p, 300, 30, "Yemen Checklist 2022");
    AddLine(p, 72, 200, "Body text on page " + std::to_string(n) + ".");
    AddLine(p, 280, 800, "Page " + std::to_string(n) + " of 3");
    pages.push_back(p);
  }
  Document doc;
  BuildDocument(pages, doc);
  BOOST_TEST(doc.furniture.size() == 6u);
  int headers = 0, footers = 0;
  for (const Block& b : doc.furniture) {
    headers += b.origin == Origin::kHeader ? 1 : 0;
    footers += b.origin == Origin::kFooter ? 1 : 0;
  }
  BOOST_TEST(headers == 3);
  BOOST_TEST(footers == 3);
  BOOST_REQUIRE(doc.body.size() == 3u);
  BOOST_TEST(doc.body[2].paragraph.text == "Body text on page 3.");
  BOOST_TEST(doc.body[2].where.page == 3);
}

BOOST_AUTO_TEST_CASE(bullets_become_list_items_and_headings_are_detected) {
  PageText page = MakePage(1);
  AddLine(page, 72, 60, "Objectives for the coming period", "Helvetica-Bold", 12);
  AddLine(page, 80, 90, "\u2022");
  AddLine(page, 100, 90, "Train 800 first responders by 2024.");
  AddLine(page, 80, 104, "\u2022");
  AddLine(page, 100, 104, "Equip 4 health centres.");
  AddLine(page, 72, 140, "Plain body text follows here and it is long enough to be the body size.");
  AddLine(page, 72, 152, "More body text so that the body size is ten points.");
  Document doc;
  BuildDocument({page}, doc);
  BOOST_REQUIRE(doc.body.size() >= 3u);
  BOOST_TEST(doc.body[0].paragraph.heading_level >= 1);
  BOOST_TEST(doc.body[1].paragraph.list_level == 0);
  BOOST_TEST(doc.body[1].paragraph.list_label == "\u2022");
  BOOST_TEST(doc.body[1].paragraph.text == "Train 800 first responders by 2024.");
  BOOST_TEST(doc.body[2].paragraph.text == "Equip 4 health centres.");
}

BOOST_AUTO_TEST_CASE(boxes_reaching_far_off_the_page_are_clipped_or_dropped) {
  // A form widget whose /Rect runs from x = 375 to 3.6e54 (a fuzzer found it
  // hanging the two-column scan), one wholly off the page, one not a number.
  PageText page = MakePage(1);
  for (int i = 0; i < 12; ++i) AddLine(page, 72, 80 + 14 * i, "Line of body text number " + std::to_string(i));
  Word wide;
  wide.text = "\u2612";
  wide.box = Box{375, 80, 3.6e54, 90};
  wide.font_size = 10;
  page.words.push_back(wide);
  Word far = wide;
  far.text = "hidden";
  far.box = Box{1e30, 100, 1e30 + 40, 112};
  page.words.push_back(far);
  Word nan = wide;
  nan.text = "nan";
  nan.box = Box{std::nan(""), 100, 120, 112};
  page.words.push_back(nan);
  Document doc;
  BuildDocument({page}, doc);
  BOOST_REQUIRE(doc.warnings.size() == 1u);
  BOOST_TEST(doc.warnings[0].code == "off-page-text");
  BOOST_TEST(doc.warnings[0].message == "page 1: 2 word(s) placed off the page ignored");
  std::string all;
  for (const Block& b : doc.body) {
    all += PlainText(b) + "\n";
    if (b.where.box) BOOST_TEST(b.where.box->x1 <= 2 * 595.0);
  }
  BOOST_TEST(all.find("Line of body text number 11") != std::string::npos);
  BOOST_TEST(all.find("hidden") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(page_without_text_gets_a_warning) {
  PageText empty = MakePage(1);
  PageText garbage = MakePage(2);
  Word w;
  w.text = "\uFFFD\uFFFD\uFFFD";
  w.box = Box{72, 72, 90, 84};
  garbage.words.push_back(w);
  Document doc;
  BuildDocument({empty, garbage}, doc);
  BOOST_REQUIRE(doc.warnings.size() == 2u);
  BOOST_TEST(doc.warnings[0].code == "no-text-layer");
  BOOST_TEST(doc.warnings[1].message == "page 2 has no usable text layer");
  BOOST_TEST(doc.body.empty());
}

BOOST_AUTO_TEST_CASE(sideways_text_is_read_and_boxes_stay_in_display_coordinates) {
  // Text running top to bottom (rotation 1) at x ≈ 500: two lines, the first
  // further right (it is "above" when the page is turned).
  PageText page = MakePage(1);
  auto add = [&](double x, double y, const char* t) {
    Word w;
    w.text = t;
    w.rotation = 1;
    w.font_size = 10;
    const double len = 5.5 * static_cast<double>(DecodeCount(t));
    w.box = Box{x, y, x + 12, y + len};
    w.space_after = true;
    page.words.push_back(w);
  };
  add(500, 100, "First");
  add(500, 130, "line");
  add(486, 100, "second");
  add(486, 138, "line.");
  Document doc;
  BuildDocument({page}, doc);
  BOOST_REQUIRE(doc.body.size() == 1u);
  BOOST_TEST(doc.body[0].paragraph.text == "First line second line.");
  BOOST_REQUIRE(doc.body[0].where.box.has_value());
  const Box& b = *doc.body[0].where.box;
  BOOST_TEST(b.x0 >= 485.0);
  BOOST_TEST(b.x1 <= 513.0);
  BOOST_TEST(b.y0 >= 99.0);
}

// Issue 9, kind 11: a running footer on OCR'd pages is furniture even when
// OCR misreads it ("Page lof 5"), reorders it or splits it into two lines
// ("3 of 5" and "Page"); a heading that opens two pages of five is not a
// running header.
BOOST_AUTO_TEST_CASE(scanned_footers_are_furniture_however_ocr_reads_them) {
  std::vector<PageText> pages;
  for (int n = 1; n <= 5; ++n) {
    PageText p = MakePage(n);
    if (n == 2 || n == 4) AddLine(p, 72, 40, "Objectives for 2026");
    AddLine(p, 72, 300, "Survivors were assisted in every province on page " + std::to_string(n) + ".");
    switch (n) {
      case 1: AddLine(p, 480, 805, "Page lof 5"); break;
      case 3:
        AddLine(p, 500, 805, "3 of 5");
        AddLine(p, 497, 806, "Page");  // overlaps "3": a line of its own
        break;
      case 5: AddLine(p, 480, 805, "5 of 5 Page"); break;
      default: AddLine(p, 480, 805, "Page " + std::to_string(n) + " of 5"); break;
    }
    for (Word& w : p.words) w.tick_encoding = TickEncoding::kImage;  // read by OCR
    pages.push_back(std::move(p));
  }
  Document doc;
  BuildDocument(pages, doc);
  std::string furniture, body;
  for (const Block& b : doc.furniture) {
    BOOST_TEST((b.origin == Origin::kFooter), PlainText(b));
    furniture += PlainText(b) + "|";
  }
  for (const Block& b : doc.body) body += PlainText(b) + "\n";
  BOOST_TEST(body.find("Page") == std::string::npos, body);
  BOOST_TEST(furniture.find("Page lof 5") != std::string::npos, furniture);
  BOOST_TEST(furniture.find("5 of 5 Page") != std::string::npos, furniture);
  std::size_t headings = 0;
  for (std::size_t at = body.find("Objectives for 2026"); at != std::string::npos;
       at = body.find("Objectives for 2026", at + 1)) {
    ++headings;
  }
  BOOST_TEST(headings == 2u, body);
}

// LibreOffice's PDF export of Wingdings boxes it drew with OpenSymbol keeps
// the Wingdings code points (U+F0FE ☑, U+F0A8 ☐): read as ticks, so "☒ Yes
// ☐ No ☐ In progress" answers are not lost (issue 9: a PDF checklist read at
// 0.53 where its .odt read 0.97).
BOOST_AUTO_TEST_CASE(opensymbol_wingdings_code_points_are_ticks) {
  BOOST_TEST(TickState(0xF0FE, "FAAAAA+OpenSymbol") == 1);
  BOOST_TEST(TickState(0xF0A8, "FAAAAA+OpenSymbol") == 0);
  BOOST_TEST(TickState(0xF0FE, "Carlito") == -1);  // a private-use code in a text font says nothing
  BOOST_TEST(TickState(0xFE, "FAAAAA+OpenSymbol") == -1);  // only the private-use codes are remapped
  PageText p = MakePage(1);
  AddLine(p, 72, 100, "\xEF\x83\xBE", "FAAAAA+OpenSymbol");  // U+F0FE
  AddLine(p, 84, 100, "Yes");
  AddLine(p, 110, 100, "\xEF\x82\xA8", "FAAAAA+OpenSymbol");  // U+F0A8
  AddLine(p, 122, 100, "No");
  Document doc;
  BuildDocument({p}, doc);
  BOOST_TEST_REQUIRE(doc.body.size() == 1u);
  const Paragraph& para = doc.body[0].paragraph;
  BOOST_TEST(para.text == "\u2612 Yes \u2610 No");
  BOOST_TEST_REQUIRE(para.ticks.size() == 2u);
  BOOST_TEST(para.ticks[0].checked);
  BOOST_TEST(!para.ticks[1].checked);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace vareport::pdf
