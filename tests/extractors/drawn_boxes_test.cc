// Tests for extractors/pdf/drawn_boxes.h (check boxes decided from a page's
// paths) on hand-made marks, and for extractors/pdf/page_reader.h on the
// PDFs written by tests/data/make_ocr_form.py and tests/data/make_pdf.py.
#include "extractors/pdf/drawn_boxes.h"

#include <boost/test/unit_test.hpp>
#include <cmath>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>

#include "extractors/pdf/page_reader.h"
#include "extractors/pdf/pdf_extractor.h"

namespace vareport::pdf {
namespace {

// A square outline x, y (top-left), side `size`, as `re` gives it (closed).
std::vector<Point> Square(double x, double y, double size) {
  return {{x, y}, {x + size, y}, {x + size, y + size}, {x, y + size}, {x, y}};
}

Box Bounds(const std::vector<std::vector<Point>>& subpaths, double grow) {
  Box b{1e9, 1e9, -1e9, -1e9};
  for (const auto& sp : subpaths)
    for (const Point& p : sp) b = Box{std::min(b.x0, p.x), std::min(b.y0, p.y), std::max(b.x1, p.x), std::max(b.y1, p.y)};
  return Box{b.x0 - grow, b.y0 - grow, b.x1 + grow, b.y1 + grow};
}

Mark Stroke(std::vector<std::vector<Point>> subpaths, double width, bool closed = true, bool ink = true) {
  Mark m;
  m.kind = Mark::Kind::kStroke;
  m.line_width = width;
  m.ink = ink;
  m.box = Bounds(subpaths, std::max(width, 0.48) / 2);
  m.closed.assign(subpaths.size(), closed);
  m.subpaths = std::move(subpaths);
  return m;
}

Mark Fill(std::vector<std::vector<Point>> subpaths, bool ink = true) {
  Mark m = Stroke(std::move(subpaths), 0, true, ink);
  m.kind = Mark::Kind::kFill;
  m.box = Bounds(m.subpaths, 0);
  return m;
}

// The two diagonals of the square x, y, size, inset by `inset`, as two open strokes.
std::vector<Mark> Cross(double x, double y, double size, double width, double inset) {
  return {Stroke({{{x + inset, y + inset}, {x + size - inset, y + size - inset}}}, width, false),
          Stroke({{{x + inset, y + size - inset}, {x + size - inset, y + inset}}}, width, false)};
}

std::string Texts(const std::vector<Word>& words) {
  std::string out;
  for (const Word& w : words) out += w.text;
  return out;
}

std::string ReadPdf(const std::string& name) {
  std::ifstream in(std::string(VAREPORT_TEST_DATA_DIR) + "/pdf/" + name, std::ios::binary);
  BOOST_REQUIRE_MESSAGE(in, "missing test file " << name << " (run tests/data/make_ocr_form.py)");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(pdf_extractor)
BOOST_AUTO_TEST_SUITE(drawn_boxes)

BOOST_AUTO_TEST_CASE(an_empty_stroked_square_is_an_unticked_box) {
  std::vector<Word> out = FindDrawnBoxes({Stroke({Square(100, 200, 9)}, 0.8)}, {}, nullptr);
  BOOST_REQUIRE_EQUAL(out.size(), 1u);
  BOOST_TEST(out[0].text == "\u2610");
  BOOST_TEST((out[0].tick_encoding == TickEncoding::kVector));
  BOOST_TEST(std::fabs(out[0].box.x0 - 99.6) < 1e-9);  // the outline's outer edge
  BOOST_TEST(std::fabs(out[0].box.y1 - 209.4) < 1e-9);
  BOOST_TEST(out[0].confidence == 1.0);
}

BOOST_AUTO_TEST_CASE(hairline_diagonals_tick_a_box_as_the_raster_did) {
  // Word's export: a 0.1 pt square crossed corner to corner by 0.1 pt lines
  // (the corpus-wide checklists); the image path read ~15 % ink (confidence ~0.92).
  std::vector<Mark> marks = {Stroke({Square(107.35, 285.4, 10.5)}, 0.1)};
  for (Mark& m : Cross(107.35, 285.4, 10.5, 0.1, 0)) marks.push_back(std::move(m));
  std::vector<Word> out = FindDrawnBoxes(marks, {}, nullptr);
  BOOST_REQUIRE_EQUAL(out.size(), 1u);
  BOOST_TEST(out[0].text == "\u2612");
  BOOST_TEST(out[0].confidence > 0.85);
  BOOST_TEST(out[0].confidence < 1.0);
}

BOOST_AUTO_TEST_CASE(an_outline_drawn_with_lines_and_one_with_rounded_corners_are_boxes) {
  // m/l/l/l without h (last point back at the first), and a rounded square
  // whose corner curves' control points sit near the corners.
  const std::vector<Point> lines = {{10, 10}, {20, 10}, {20, 20}, {10, 20}, {10, 10}};
  const std::vector<Point> rounded = {{52, 10}, {58, 10}, {60, 10}, {60, 12}, {60, 18}, {60, 20}, {58, 20},
                                      {52, 20}, {50, 20}, {50, 18}, {50, 12}, {50, 10}, {52, 10}};
  std::vector<Word> out = FindDrawnBoxes({Stroke({lines}, 0.5, false), Stroke({rounded}, 0.5, true)}, {}, nullptr);
  BOOST_TEST(Texts(out) == "\u2610\u2610");
}

BOOST_AUTO_TEST_CASE(circles_rules_cells_and_solid_squares_are_not_boxes) {
  // A circle as four Bézier arcs (control points off the corners), a table
  // cell 60 pt wide, a long rule, a solid filled square (a bullet), a square
  // outline too small (3 pt) and one too large (30 pt).
  const double k = 0.5523 * 5;
  const std::vector<Point> circle = {{15, 10}, {15, 10 + k}, {10 + k, 15}, {10, 15}, {10 - k, 15}, {5, 10 + k},
                                     {5, 10}, {5, 10 - k}, {10 - k, 5}, {10, 5}, {10 + k, 5}, {15, 10 - k}, {15, 10}};
  std::vector<Word> out = FindDrawnBoxes(
      {Stroke({circle}, 0.5), Stroke({Square(100, 100, 60)}, 0.5), Stroke({{{0, 300}, {500, 300}}}, 0.5, false),
       Fill({Square(200, 200, 8)}), Stroke({Square(300, 300, 3)}, 0.5), Stroke({Square(400, 400, 30)}, 0.5)},
      {}, nullptr);
  BOOST_TEST(out.empty());
}

BOOST_AUTO_TEST_CASE(a_filled_frame_is_a_box_and_its_filled_centre_ticks_it) {
  // Frames filled as an outer square with a hole (even-odd), the second with
  // a dark square inside; a white-filled square over an outline leaves it empty.
  std::vector<Mark> marks = {Fill({Square(10, 10, 10), Square(11, 11, 8)}), Fill({Square(40, 10, 10), Square(41, 11, 8)}),
                             Fill({Square(43, 13, 4)}), Stroke({Square(70, 10, 10)}, 0.5),
                             Fill({Square(70.5, 10.5, 9)}, /*ink=*/false)};
  std::vector<Word> out = FindDrawnBoxes(marks, {}, nullptr);
  BOOST_TEST(Texts(out) == "\u2610\u2612\u2610");
}

BOOST_AUTO_TEST_CASE(a_glyph_typed_into_a_drawn_box_ticks_it) {
  Word x;
  x.text = "X";
  x.box = Box{101.5, 201, 107.5, 209};
  std::vector<Word> out = FindDrawnBoxes({Stroke({Square(100, 200, 9)}, 0.8)}, {x}, nullptr);
  BOOST_REQUIRE_EQUAL(out.size(), 1u);
  BOOST_TEST(out[0].text == "\u2612");
}

BOOST_AUTO_TEST_CASE(a_speck_inside_is_unclear_not_a_tick) {
  // A 4 pt stroke 0.5 pt wide inside a 10 pt box: ~5 % of the inside.
  std::vector<UnclearDrawnBox> unclear;
  std::vector<Word> out = FindDrawnBoxes(
      {Stroke({Square(0, 0, 10)}, 0.5), Stroke({{{3, 5}, {7, 5}}}, 0.5, false)}, {}, &unclear);
  BOOST_TEST(out.empty());
  BOOST_REQUIRE_EQUAL(unclear.size(), 1u);
  BOOST_TEST(unclear[0].warning.code == "tick-unclear");
  BOOST_TEST(unclear[0].warning.message.find("neither empty nor clearly ticked") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_box_painted_twice_is_one_box) {
  std::vector<Word> out =
      FindDrawnBoxes({Stroke({Square(10, 10, 9)}, 0.5), Stroke({Square(10, 10, 9)}, 0.5)}, {}, nullptr);
  BOOST_TEST(out.size() == 1u);
}

BOOST_AUTO_TEST_CASE(the_reader_gives_paths_in_the_text_layers_frame) {
  // vector_boxes.pdf: 14 squares drawn with `re S` (9 pt, top-left origin)
  // beside their labels; the checked ones crossed by two more strokes.
  const std::string bytes = ReadPdf("vector_boxes.pdf");
  PageReader reader(bytes);
  std::optional<std::vector<Mark>> marks = reader.Read(1);
  BOOST_REQUIRE(marks.has_value());
  std::vector<Word> boxes = FindDrawnBoxes(*marks, {}, nullptr);
  BOOST_REQUIRE_EQUAL(boxes.size(), 14u);
  int checked = 0;
  for (const Word& b : boxes) {
    checked += b.text == "\u2612" ? 1 : 0;
    BOOST_TEST(b.box.y0 > 190);  // under the header line at 170 pt from the top, not mirrored
    BOOST_TEST(b.box.y1 < 330);
    BOOST_TEST(std::fabs(b.box.width() - 9.8) < 0.01);
  }
  BOOST_TEST(checked == 4);
  BOOST_TEST(!reader.Read(2).has_value());  // no such page
}

BOOST_AUTO_TEST_CASE(the_reader_gives_words_and_marks_in_one_pass) {
  const std::string bytes = ReadPdf("vector_boxes.pdf");
  PageReader reader(bytes);
  std::vector<Mark> marks;
  std::optional<PageText> page = reader.ReadText(1, &marks);
  BOOST_REQUIRE(page.has_value());
  BOOST_TEST(page->number == 1);
  BOOST_TEST(std::fabs(page->width - 595) < 1);  // A4 portrait
  BOOST_TEST(std::fabs(page->height - 842) < 1);
  const Word* oui = nullptr;
  for (const Word& w : page->words)
    if (w.text == "Oui" && oui == nullptr) oui = &w;
  BOOST_REQUIRE(oui != nullptr);
  BOOST_TEST(oui->font.find("Helvetica") != std::string::npos, oui->font);  // the font's name, subset tag and all
  BOOST_TEST(oui->font_size == 11);
  BOOST_TEST(oui->chars.size() == 3u);
  BOOST_TEST(std::fabs(oui->box.y0 - 170) < 4);  // drawn 170 pt from the top
  BOOST_TEST(FindDrawnBoxes(marks, page->words, nullptr).size() == 14u);  // the same marks as Read(1)
  std::optional<PageText> again = reader.ReadText(1);  // no marks asked for
  BOOST_REQUIRE(again.has_value());
  BOOST_TEST(again->words.size() == page->words.size());
}

BOOST_AUTO_TEST_CASE(a_rotated_page_has_its_displayed_size) {
  // rotated.pdf (make_pdf.py): /Rotate 90 on an A4 portrait page.
  const std::string bytes = ReadPdf("rotated.pdf");
  PageReader reader(bytes);
  std::optional<PageText> page = reader.ReadText(1);
  BOOST_REQUIRE(page.has_value());
  BOOST_TEST(page->width > page->height);
  BOOST_TEST(!page->words.empty());
}

BOOST_AUTO_TEST_CASE(boxes_drawn_every_other_way_are_read_row_by_row) {
  // vector_box_kinds.pdf: filled frames, outlines of lines, rounded outlines,
  // white-filled outlines and a bullet, through the whole PDF extractor.
  auto r = ExtractPdf(ReadPdf("vector_box_kinds.pdf"), ExtractOptions{});
  BOOST_REQUIRE(r.ok());
  BOOST_TEST(!r->ocr);
  std::string ticks;  // in reading order: "X"/"o" per tick, "|" per table row
  std::function<void(const std::vector<Block>&)> walk = [&](const std::vector<Block>& blocks) {
    for (const Block& b : blocks) {
      if (b.kind == BlockKind::kTable) {
        for (const Row& row : b.table->rows) {
          for (const Cell& c : row.cells) walk(c.blocks);
          ticks += "|";
        }
        continue;
      }
      for (const Tick& t : b.paragraph.ticks) {
        BOOST_TEST((t.encoding == TickEncoding::kVector));
        ticks += t.checked ? "X" : "o";
      }
    }
  };
  walk(r->body);
  // Header row, then the four rows: 1.1 Oui, 1.2 Non, 1.3 Oui ticked; 1.4 none; no bullet.
  BOOST_TEST(ticks.find("|Xo|oX|Xo|oo|") != std::string::npos, ticks);
}

BOOST_AUTO_TEST_CASE(the_reader_refuses_bytes_that_are_no_pdf) {
  const std::string junk = "not a pdf at all";
  PageReader reader(junk);
  BOOST_TEST(!reader.Read(1).has_value());
  BOOST_TEST(!reader.ReadText(1).has_value());  // and stays so
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace vareport::pdf
