// Tests for extractors/pdf/layout.h on hand-made words (no Poppler).
#include "extractors/pdf/layout.h"

#include <boost/test/unit_test.hpp>
#include <cmath>
#include <string>
#include <vector>

#include "document/document.h"

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

}  // namespace

BOOST_AUTO_TEST_SUITE(pdf_layout)

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
