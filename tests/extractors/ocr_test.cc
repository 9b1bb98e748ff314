// Tests for extractors/ocr/ocr.h and the PDF extractor's use of it: the
// decision to OCR a page, check boxes found in images (scans) and drawn as
// vector graphics, and a whole scanned page read back into a table with ticks.
// Inputs: tests/data/make_ocr_form.py (scan_checklist.pdf is vector_boxes.pdf
// rendered at 200 dpi as an image-only PDF; scan_ruled.pdf is ruled_checklist.pdf,
// a table drawn with rules, scanned the same way). The scan cases run Tesseract
// (a few seconds each): slow, but inside the suite's budget.
#include "extractors/ocr/ocr.h"

#include <boost/test/unit_test.hpp>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

#include "document/document.h"
#include "extractors/pdf/pdf_extractor.h"

namespace vareport {
namespace {

std::string ReadPdf(const std::string& name) {
  std::ifstream in(std::string(VAREPORT_TEST_DATA_DIR) + "/pdf/" + name, std::ios::binary);
  BOOST_REQUIRE_MESSAGE(in, "missing test file " << name << " (run tests/data/make_ocr_form.py)");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

pdf::Word W(std::string text) {
  pdf::Word w;
  w.text = std::move(text);
  w.box = Box{0, 0, 10, 10};
  return w;
}

// A white image with black rectangles drawn into it.
struct Canvas {
  ocr::GrayImage img;
  Canvas(int w, int h) {
    img.width = w;
    img.height = h;
    img.pixels.assign(static_cast<std::size_t>(w) * h, 255);
  }
  void Fill(int x0, int y0, int x1, int y1) {
    for (int y = y0; y < y1; ++y)
      for (int x = x0; x < x1; ++x) img.pixels[static_cast<std::size_t>(y) * img.width + x] = 0;
  }
  void Square(int x, int y, int size, int stroke) {
    Fill(x, y, x + size, y + stroke);
    Fill(x, y + size - stroke, x + size, y + size);
    Fill(x, y, x + stroke, y + size);
    Fill(x + size - stroke, y, x + size, y + size);
  }
  void Cross(int x, int y, int size, int stroke) {
    for (int i = stroke + 2; i < size - stroke - 2; ++i) {
      Fill(x + i, y + i, x + i + 2, y + i + 2);
      Fill(x + size - i - 2, y + i, x + size - i, y + i + 2);
    }
  }
};

std::vector<const Tick*> AllTicks(const Document& doc) {
  std::vector<const Tick*> out;
  for (const Block& b : doc.body) {
    for (const Tick& t : b.paragraph.ticks) out.push_back(&t);
    if (b.kind != BlockKind::kTable) continue;
    for (const Row& r : b.table->rows)
      for (const Cell& c : r.cells)
        for (const Block& cb : c.blocks)
          for (const Tick& t : cb.paragraph.ticks) out.push_back(&t);
  }
  return out;
}

std::string AllText(const Document& doc) {
  std::string out;
  for (const Block& b : doc.body) out += PlainText(b) + "\n";
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ocr)

BOOST_AUTO_TEST_CASE(pages_without_usable_text_need_ocr) {
  BOOST_TEST(ocr::NeedsOcr({}));
  BOOST_TEST(ocr::NeedsOcr({W("\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"), W("ab")}));  // U+FFFD ×3
  BOOST_TEST(ocr::NeedsOcr({W("(cid:12)(cid:40)"), W("(cid:7)")}));
  BOOST_TEST(ocr::NeedsOcr({W("\xEE\x80\x81\xEE\x80\x82\xEE\x80\x83")}));  // private use, unmapped
  BOOST_TEST(!ocr::NeedsOcr({W("Victim"), W("assistance"), W("checklist")}));
}

BOOST_AUTO_TEST_CASE(check_boxes_in_an_image_are_decided_by_ink) {
  // 300 dpi: a 10 pt box is ~42 px. Tall enough for the 200 px cell below.
  Canvas c(600, 240);
  c.Square(20, 20, 42, 4);          // empty
  c.Square(100, 20, 42, 4);         // crossed
  c.Cross(100, 20, 42, 4);
  c.Square(180, 20, 42, 4);         // a single faint stroke: unclear
  c.Fill(198, 38, 204, 44);
  c.Fill(260, 20, 302, 62);         // solid square: a bullet, not a box
  c.Square(340, 20, 200, 4);        // a table cell: too big
  std::vector<ocr::UnclearBox> unclear;
  const double ppp = 72.0 / 300;
  std::vector<pdf::Word> words = ocr::FindTickBoxes(c.img, ppp, TickEncoding::kImage, &unclear);
  BOOST_REQUIRE_EQUAL(words.size(), 2u);
  std::sort(words.begin(), words.end(), [](const auto& a, const auto& b) { return a.box.x0 < b.box.x0; });
  BOOST_TEST(words[0].text == "\u2610");
  BOOST_TEST(words[1].text == "\u2612");
  BOOST_TEST((words[0].tick_encoding == TickEncoding::kImage));
  BOOST_TEST(words[0].box.x0 == 20 * ppp, boost::test_tools::tolerance(0.01));
  BOOST_TEST(words[1].confidence > 0.7);
  BOOST_REQUIRE_EQUAL(unclear.size(), 1u);
  BOOST_TEST(unclear[0].warning.code == "tick-unclear");
}

BOOST_AUTO_TEST_CASE(language_is_guessed_from_function_words) {
  std::vector<pdf::Word> fr, es, en, few;
  for (const char* s : {"le", "plan", "des", "victimes", "et", "les", "survivants", "pour", "la", "santé", "du", "pays"})
    fr.push_back(W(s));
  for (const char* s : {"el", "plan", "de", "los", "y", "las", "para", "por", "una", "que", "con", "del"})
    es.push_back(W(s));
  for (const char* s : {"the", "plan", "of", "the", "and", "for", "is", "in", "by", "with", "to", "on"})
    en.push_back(W(s));
  few.push_back(W("Checklist"));
  BOOST_TEST(ocr::GuessLanguage(fr) == "fra");
  BOOST_TEST(ocr::GuessLanguage(es) == "spa");
  BOOST_TEST(ocr::GuessLanguage(en) == "eng");
  BOOST_TEST(ocr::GuessLanguage(few) == "");
}

BOOST_AUTO_TEST_CASE(drawn_boxes_in_a_text_pdf_become_vector_ticks) {
  const std::string bytes = ReadPdf("vector_boxes.pdf");
  auto r = ExtractPdf(bytes, ExtractOptions{});
  BOOST_REQUIRE(r.ok());
  BOOST_TEST(!r->ocr);
  std::vector<const Tick*> ticks = AllTicks(*r);
  BOOST_REQUIRE_EQUAL(ticks.size(), 14u);  // 4 rows × 3 + 2 inline
  int checked = 0;
  for (const Tick* t : ticks) {
    BOOST_TEST((t->encoding == TickEncoding::kVector));
    checked += t->checked ? 1 : 0;
  }
  BOOST_TEST(checked == 4);
  BOOST_TEST(AllText(*r).find("\u2612 Oui \u2610 Non") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(word_exported_legacy_boxes_mixed_with_glyphs_are_all_read) {
  // Kind: Word's PDF export of legacy check boxes — empty ones as the glyph ☐
  // in the text layer, ticked ones drawn as a square crossed by hairlines,
  // boxes set against the cell's top rule — and a row going on to the next
  // page under the repeated header (tests/data/make_ocr_form.py).
  const std::string bytes = ReadPdf("word_export_boxes.pdf");
  auto r = ExtractPdf(bytes, ExtractOptions{});
  BOOST_REQUIRE(r.ok());
  BOOST_TEST(!r->ocr);
  std::vector<const Table*> tables;
  for (const Block& b : r->body) {
    if (b.kind == BlockKind::kTable) tables.push_back(b.table.get());
  }
  BOOST_REQUIRE(tables.size() == 2u);
  // Per data row: the ticks of the answer column, as "X"/"o" + encoding initial.
  auto ticks_of = [](const Row& row) {
    std::string out;
    for (const Cell& c : row.cells) {
      if (c.column != 1) continue;
      for (const Block& b : c.blocks)
        for (const Tick& t : b.paragraph.ticks) {
          out += t.checked ? "X" : "o";
          out += t.encoding == TickEncoding::kVector ? "v" : t.encoding == TickEncoding::kGlyph ? "g" : "?";
        }
    }
    return out;
  };
  const Table& t1 = *tables[0];
  BOOST_REQUIRE(t1.rows.size() == 4u);  // header + 1.1, 1.2, 1.3
  BOOST_TEST(ticks_of(t1.rows[1]) == "Xvogog");  // drawn and crossed Oui, glyph Non and En cours, no box twice
  BOOST_TEST(ticks_of(t1.rows[2]) == "ovXvov");  // boxes against the rule, Non crossed
  BOOST_TEST(ticks_of(t1.rows[3]) == "ogXvog");  // En cours comes from page 2
  BOOST_TEST(PlainText(t1.rows[3].cells.front()) == "1.3 Un annuaire des services a-t-il été diffusé ?");
  const Table& t2 = *tables[1];
  BOOST_REQUIRE(t2.rows.size() == 2u);  // repeated header + 1.4: the continuation row moved up
  BOOST_TEST(ticks_of(t2.rows[1]) == "Xvov");   // a page with one Oui/Non pair is looked at too
}

BOOST_AUTO_TEST_CASE(a_scanned_checklist_is_read_like_its_text_pdf) {  // slow: Tesseract
  const std::string bytes = ReadPdf("scan_checklist.pdf");
  auto r = ExtractPdf(bytes, ExtractOptions{});
  BOOST_REQUIRE(r.ok());
  BOOST_TEST(r->ocr);
  const std::string text = AllText(*r);
  BOOST_TEST(text.find("Existe-t-il un point focal national") != std::string::npos, text);
  BOOST_TEST(text.find("2026") != std::string::npos);
  // The table keeps one ticked box per answered row, in the right column.
  const Table* table = nullptr;
  for (const Block& b : r->body) {
    if (b.kind == BlockKind::kTable) table = b.table.get();
  }
  BOOST_REQUIRE(table != nullptr);
  BOOST_REQUIRE_GE(table->rows.size(), 5u);
  for (int row = 1; row <= 3; ++row) {
    for (const Cell& c : table->rows[static_cast<std::size_t>(row)].cells) {
      if (c.blocks.empty() || c.blocks.front().paragraph.ticks.empty()) continue;
      const Tick& t = c.blocks.front().paragraph.ticks.front();
      BOOST_TEST((t.encoding == TickEncoding::kImage));
      BOOST_TEST(t.checked == (c.column == row), "row " << row << " column " << c.column);
    }
  }
  int checked = 0;
  for (const Tick* t : AllTicks(*r)) checked += t->checked ? 1 : 0;
  BOOST_TEST(checked == 4);
}

// The cell of `table` at grid row `row` covering grid column `column`.
const Cell* CellAt(const Table& table, std::size_t row, int column) {
  if (row >= table.rows.size()) return nullptr;
  for (const Cell& c : table.rows[row].cells) {
    if (c.column <= column && column < c.column + c.col_span) return &c;
  }
  return nullptr;
}

std::string CellText(const Cell* c) { return c == nullptr ? "<none>" : PlainText(*c); }

BOOST_AUTO_TEST_CASE(a_scanned_ruled_table_is_read_cell_by_cell) {  // slow: Tesseract
  // Kind: tables drawn with rules in a scan. Text alignment alone splits the
  // wrapped questions from the boxes centred beside them and cannot see the
  // two-row header; the rules give rows, columns and spans.
  const std::string bytes = ReadPdf("scan_ruled.pdf");
  auto r = ExtractPdf(bytes, ExtractOptions{});
  BOOST_REQUIRE(r.ok());
  BOOST_REQUIRE(r->ocr);
  const Table* table = nullptr;
  for (const Block& b : r->body) {
    if (b.kind == BlockKind::kTable && table == nullptr) table = b.table.get();
  }
  BOOST_REQUIRE(table != nullptr);
  BOOST_TEST(table->columns == 6);
  BOOST_REQUIRE_EQUAL(table->rows.size(), 7u);  // 2 header rows, 4 questions, 1 section row
  // "Response" spans the three answer columns; "No." and "Questions" span both header rows.
  const Cell* response = CellAt(*table, 0, 3);
  BOOST_REQUIRE(response != nullptr);
  BOOST_TEST(CellText(response) == "Response");
  BOOST_TEST(response->col_span == 3);
  BOOST_TEST(CellText(CellAt(*table, 1, 2)) == "Yes");
  BOOST_TEST(CellText(CellAt(*table, 1, 4)) == "Partly");
  BOOST_TEST(CellAt(*table, 1, 1)->merged);
  BOOST_TEST(CellAt(*table, 0, 1)->row_span == 2);
  // A question wrapped over three lines is one cell; its box is in its row.
  const std::string q = CellText(CellAt(*table, 2, 1));
  BOOST_TEST(q.find("focal point") != std::string::npos, q);
  BOOST_TEST(q.find("policies?") != std::string::npos, q);
  BOOST_TEST(CellText(CellAt(*table, 2, 5)).find("Ministry of Health") != std::string::npos);
  // The section row is one cell across the table.
  const Cell* section = CellAt(*table, 4, 0);
  BOOST_REQUIRE(section != nullptr);
  BOOST_TEST(section->col_span == 6);
  BOOST_TEST(CellText(section).find("Referral mechanism") != std::string::npos);
  // One box per answer cell, ticked where chosen: row 2 Partly, row 3 Yes, row 5 No, row 6 none.
  const int chosen[7] = {-1, -1, 4, 2, -1, 3, -1};
  for (std::size_t row : {2u, 3u, 5u, 6u}) {
    for (int col = 2; col <= 4; ++col) {
      const Cell* c = CellAt(*table, row, col);
      BOOST_REQUIRE(c != nullptr);
      BOOST_REQUIRE_MESSAGE(c->blocks.size() == 1 && c->blocks.front().paragraph.ticks.size() == 1,
                            "row " << row << " column " << col << ": " << CellText(c));
      const Tick& t = c->blocks.front().paragraph.ticks.front();
      BOOST_TEST((t.encoding == TickEncoding::kImage));
      BOOST_TEST(t.checked == (col == chosen[row]), "row " << row << " column " << col);
    }
  }
  // No box outside the answer cells (letters of the bold header are not boxes).
  BOOST_TEST(AllTicks(*r).size() == 12u);
  // Kind: a scanned sentence is not a heading whatever its ink height, and
  // a wrapped objective with a hanging indent stays one paragraph.
  std::vector<const Paragraph*> items;
  for (const Block& b : r->body) {
    if (b.kind == BlockKind::kParagraph && b.where.box && b.where.box->x0 > 80) items.push_back(&b.paragraph);
  }
  BOOST_REQUIRE_EQUAL(items.size(), 3u);
  BOOST_TEST(items[0]->text.find("Adopt the new National") != std::string::npos, items[0]->text);
  BOOST_TEST(items[1]->text.find("survivors or representatives") != std::string::npos, items[1]->text);
  BOOST_TEST(items[2]->text.find("Improve the referral") != std::string::npos, items[2]->text);
  for (const Paragraph* p : items) BOOST_TEST(p->heading_level == 0);
}

pdf::Word Scanned(std::string text, double x0, double y0, double x1) {
  pdf::Word w;
  w.text = std::move(text);
  w.box = Box{x0, y0, x1, y0 + 10};
  w.font_size = 10;
  w.space_after = true;
  w.tick_encoding = TickEncoding::kImage;  // as ocr::Recognizer marks OCR words
  w.confidence = 0.9;
  return w;
}

BOOST_AUTO_TEST_CASE(bullets_read_as_letters_by_ocr_start_list_items) {
  // Kind: Tesseract reads Symbol-font bullets as "e", "°", "«" (as in the
  // corpus scans: "e Réaliser une évaluation…", "° Renforcer…"). At the start
  // of a scanned line, followed by a wide gap, with the wrapped line aligned
  // on the text (hanging indent), they are list items; the same letter in
  // running text is not.
  pdf::PageText page;
  page.number = 1;
  page.width = 595;
  page.height = 842;
  auto line = [&](double y, double x, std::vector<const char*> words) {
    for (const char* w : words) {
      const double width = 6.0 * std::strlen(w);
      page.words.push_back(Scanned(w, x, y, x + width));
      x += width + 3;
    }
  };
  line(100, 72, {"Objectifs", "pour", "la", "période", "à", "venir"});
  line(120, 72, {"e"});
  line(120, 90, {"Réaliser", "une", "évaluation", "des", "besoins", "couvrant", "90", "%", "des", "survivants"});
  line(134, 90, {"enregistrés", "d'ici", "fin", "2024."});
  line(152, 72, {"°"});
  line(152, 90, {"Renforcer", "la", "coordination", "entre", "les", "ministères."});
  line(170, 72, {"«"});
  line(170, 90, {"Adopter", "la", "norme", "nationale."});
  line(200, 72, {"Le", "plan", "e", "le", "budget", "sont", "adoptés."});
  Document doc;
  pdf::BuildDocument({page}, doc);
  std::vector<const Paragraph*> items;
  for (const Block& b : doc.body) {
    if (b.kind == BlockKind::kParagraph && b.paragraph.list_level == 0) items.push_back(&b.paragraph);
  }
  BOOST_REQUIRE_EQUAL(items.size(), 3u);
  BOOST_TEST(items[0]->text == "Réaliser une évaluation des besoins couvrant 90 % des survivants enregistrés d'ici fin 2024.");
  BOOST_TEST(items[0]->list_label == "•");
  BOOST_TEST(items[1]->text.rfind("Renforcer", 0) == 0);
  BOOST_TEST(items[2]->text.rfind("Adopter", 0) == 0);
  BOOST_TEST(AllText(doc).find("Le plan e le budget") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_running_header_read_differently_on_each_scanned_page_is_furniture) {
  // Kind: OCR drops or misreads part of a running header on some pages
  // ("Informe artículo 7" / "Informe artículo 7 Colombia 2022"), so the
  // exact repetition test of text-layer PDFs misses it.
  std::vector<pdf::PageText> pages;
  const char* headers[3][5] = {{"Informe", "artículo", "7", "Colombia", "2022"},
                               {"Informe", "artículo", "7", "", ""},
                               {"Informe", "artículo", "7", "Colombia", "2O22"}};
  for (int p = 0; p < 3; ++p) {
    pdf::PageText page;
    page.number = p + 1;
    page.width = 595;
    page.height = 842;
    double x = 200;
    for (const char* w : headers[p]) {
      if (*w == 0) continue;
      page.words.push_back(Scanned(w, x, 40, x + 40));
      x += 45;
    }
    for (int line = 0; line < 3; ++line) {
      double bx = 72;
      for (const char* w : {"Los", "sobrevivientes", "reciben", "apoyo", "en", "la", "página"}) {
        page.words.push_back(Scanned(w, bx, 200 + 14 * line, bx + 8 * std::strlen(w)));
        bx += 8 * std::strlen(w) + 4;
      }
    }
    pages.push_back(std::move(page));
  }
  Document doc;
  pdf::BuildDocument(pages, doc);
  BOOST_TEST(doc.furniture.size() == 3u);
  BOOST_TEST(AllText(doc).find("Informe") == std::string::npos, AllText(doc));
}

BOOST_AUTO_TEST_CASE(ocr_can_be_switched_off) {
  const std::string bytes = ReadPdf("scan_checklist.pdf");
  ExtractOptions options;
  options.ocr.enabled = false;
  auto r = ExtractPdf(bytes, options);
  BOOST_REQUIRE(r.ok());
  BOOST_TEST(!r->ocr);
  BOOST_TEST(r->body.empty());
  bool warned = false;
  for (const Warning& w : r->warnings) warned = warned || w.code == "no-text-layer";
  BOOST_TEST(warned);
}

BOOST_AUTO_TEST_CASE(missing_language_data_is_a_warning_naming_the_packages) {
  const std::string bytes = ReadPdf("scan_checklist.pdf");
  ExtractOptions options;
  options.ocr.languages = "xyz";  // no such traineddata
  auto r = ExtractPdf(bytes, options);
  BOOST_REQUIRE(r.ok());
  bool named = false;
  for (const Warning& w : r->warnings) {
    named = named || (w.code == "ocr-failed" && w.message.find("tesseract-ocr-fra") != std::string::npos);
  }
  BOOST_TEST(named);
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace vareport
