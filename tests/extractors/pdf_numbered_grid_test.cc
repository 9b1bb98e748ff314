// Issue 9, kinds 5 and 8, on tests/data/pdf/numbered_grid.pdf (written by
// tests/data/make_pdf.py): a numbered checklist grid exported from Word, the
// question number in its own column, "Yes / No / Partially" on a second header
// line under a merged "Answer" label, an answer cell wrapping over two lines.
// Before the fix the boxes under "Yes" fell into the question's column and the
// answer's second line into the question (answers 0.06–0.12 on such files).
#include <boost/test/unit_test.hpp>
#include <nlohmann/json.hpp>

#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "document/document.h"
#include "extractors/pdf/pdf_extractor.h"
#include "test_util.h"

namespace vareport {
namespace {

Document Read(const std::string& name) {
  std::ifstream in(test::DataPath("pdf/" + name), std::ios::binary);
  BOOST_TEST_REQUIRE(static_cast<bool>(in), "missing " << name << " (run tests/data/make_pdf.py)");
  std::stringstream ss;
  ss << in.rdbuf();
  Result<Document> r = ExtractPdf(ss.str(), ExtractOptions{});
  BOOST_TEST_REQUIRE(r.ok());
  return std::move(r.value());
}

std::string CellText(const Row& row, int column) {
  for (const Cell& c : row.cells) {
    if (c.column == column) return PlainText(c);
  }
  return {};
}

// The row whose first cell is `number`.
const Row* RowNumbered(const Table& t, const std::string& number) {
  for (const Row& r : t.rows) {
    if (CellText(r, 0) == number) return &r;
  }
  return nullptr;
}

// The column of the (single) checked box in `row`, or -1.
int CheckedColumn(const Row& row) {
  for (const Cell& c : row.cells) {
    for (const Block& b : c.blocks) {
      for (const Tick& t : b.paragraph.ticks) {
        if (t.checked) return c.column;
      }
    }
  }
  return -1;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(pdf_extractor)
BOOST_AUTO_TEST_SUITE(numbered_grid)

BOOST_AUTO_TEST_CASE(option_labels_under_a_merged_header_get_their_own_columns) {
  const Document doc = Read("numbered_grid.pdf");
  const Table* t = nullptr;
  for (const Block& b : doc.body) {
    if (b.kind == BlockKind::kTable) t = b.table.get();
  }
  BOOST_TEST_REQUIRE(t != nullptr);
  BOOST_TEST(t->columns == 6);  // No. | Question | Yes | No | Partially | Comments
  BOOST_TEST_REQUIRE(t->rows.size() >= 2u);
  BOOST_TEST(t->rows[0].header);
  BOOST_TEST(t->rows[1].header);
  BOOST_TEST(CellText(t->rows[1], 2) == "Yes");
  BOOST_TEST(CellText(t->rows[1], 3) == "No");
  BOOST_TEST(CellText(t->rows[1], 4) == "Partially");
  const Row* r11 = RowNumbered(*t, "1.1");
  const Row* r13 = RowNumbered(*t, "1.3");
  const Row* r14 = RowNumbered(*t, "1.4");
  BOOST_TEST_REQUIRE((r11 && r13 && r14));
  BOOST_TEST(CheckedColumn(*r11) == 4);  // Partially
  BOOST_TEST(CheckedColumn(*r13) == 2);  // Yes
  BOOST_TEST(CheckedColumn(*r14) == 3);  // No
  // The question cell holds the question only, no box.
  BOOST_TEST(CellText(*r13, 1) == "Is there a national victim assistance action plan in force?");
}

// Kind 8: the answer cell's second line joins its cell, not the question's.
BOOST_AUTO_TEST_CASE(an_answer_cell_wrapping_over_two_lines_is_read_whole) {
  const Document doc = Read("numbered_grid.pdf");
  const Table* t = nullptr;
  for (const Block& b : doc.body) {
    if (b.kind == BlockKind::kTable) t = b.table.get();
  }
  BOOST_TEST_REQUIRE(t != nullptr);
  const Row* r12 = RowNumbered(*t, "1.2");
  BOOST_TEST_REQUIRE(r12 != nullptr);
  BOOST_TEST(CellText(*r12, 1) == "Name of the focal point");
  BOOST_TEST(CellText(*r12, 2) == "Name: Ministry of Social Affairs and Disability Inclusion");
}

// End to end: the answers a reviewer sees.
BOOST_AUTO_TEST_CASE(the_grid_answers_are_read) {
  const test::Run r = test::RunVareport("extract " + test::ShellQuote(test::DataPath("pdf/numbered_grid.pdf")) +
                                        " --format json");
  BOOST_TEST_REQUIRE(r.status == 0, r.err);
  const nlohmann::json report = nlohmann::json::parse(r.out);
  std::map<std::string, std::string> answers;
  for (const auto& a : report.at("answers")) {
    const auto& v = a.at("value");
    answers[a.at("question").get<std::string>()] = v.is_string() ? v.get<std::string>() : v.dump();
  }
  BOOST_TEST(answers["coordination.focal_point"] == "partial");
  BOOST_TEST(answers["coordination.focal_point_name"] == "Ministry of Social Affairs and Disability Inclusion");
  BOOST_TEST(answers["coordination.national_plan"] == "yes");
  BOOST_TEST(answers["coordination.monitoring"] == "no");
}

// Kind 5 as a fillable form (tests/data/make_ocr_form.py numbered_grid_form.pdf):
// each check box widget is mapped to its row's whole question (wrapped over
// three lines, the box on the middle one) and the answers are read.
BOOST_AUTO_TEST_CASE(form_fields_of_a_numbered_grid_map_to_their_row_question) {
  const Document doc = Read("numbered_grid_form.pdf");
  std::map<std::string, const FormField*> by_name;
  for (const FormField& f : doc.fields) by_name[f.name] = &f;
  BOOST_TEST_REQUIRE(by_name.count("q1_1_partially") == 1u);
  BOOST_TEST(by_name["q1_1_partially"]->checked);
  BOOST_TEST(by_name["q1_1_partially"]->label ==
             "Is there a national focal point (ministry or agency) responsible for overseeing victim assistance and "
             "its integration?");
  BOOST_TEST_REQUIRE(by_name.count("q1_3_yes") == 1u);
  BOOST_TEST(by_name["q1_3_yes"]->label == "Is there a national victim assistance action plan in force?");
  BOOST_TEST_REQUIRE(by_name.count("q1_4_no") == 1u);
  BOOST_TEST(by_name["q1_4_no"]->label == "Is the plan monitored?");

  const test::Run r = test::RunVareport(
      "extract " + test::ShellQuote(test::DataPath("pdf/numbered_grid_form.pdf")) + " --format json");
  BOOST_TEST_REQUIRE(r.status == 0, r.err);
  const nlohmann::json report = nlohmann::json::parse(r.out);
  std::map<std::string, std::string> answers;
  for (const auto& a : report.at("answers")) {
    const auto& v = a.at("value");
    answers[a.at("question").get<std::string>()] = v.is_string() ? v.get<std::string>() : v.dump();
  }
  BOOST_TEST(answers["coordination.focal_point"] == "partial");
  BOOST_TEST(answers["coordination.focal_point_name"] == "Ministry of Social Affairs");
  BOOST_TEST(answers["coordination.national_plan"] == "yes");
  BOOST_TEST(answers["coordination.monitoring"] == "no");
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace vareport
