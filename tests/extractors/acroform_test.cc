// Tests for extractors/pdf/acroform.h (Poppler's Form classes) and the PDF
// extractor's use of form widgets, on tests/data/pdf/form_fields.pdf
// (tests/data/make_ocr_form.py): check boxes with on-states /Yes, /On, /Ja, a
// custom name and /No (all checked) and one at /Off, a radio group with /Opt,
// a text field. The corpus case (../shared) skips when absent.
#include "extractors/pdf/acroform.h"

#include <boost/test/unit_test.hpp>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "document/document.h"
#include "extractors/extractor.h"
#include "extractors/pdf/page_reader.h"
#include "extractors/pdf/pdf_extractor.h"
#include "extractors/pdf/pdf_writer.h"

namespace vareport {
namespace {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  BOOST_REQUIRE_MESSAGE(in, "missing file " << path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string FormPdf() { return ReadFile(std::string(VAREPORT_TEST_DATA_DIR) + "/pdf/form_fields.pdf"); }

// Every tick of the body, by field name (the last one of a radio group wins).
std::multimap<std::string, Tick> TicksByField(const Document& doc) {
  std::multimap<std::string, Tick> out;
  auto add = [&](const Paragraph& p) {
    for (const Tick& t : p.ticks) out.emplace(t.field_name, t);
  };
  for (const Block& b : doc.body) {
    add(b.paragraph);
    if (b.kind != BlockKind::kTable) continue;
    for (const Row& r : b.table->rows)
      for (const Cell& c : r.cells)
        for (const Block& cb : c.blocks) add(cb.paragraph);
  }
  return out;
}

// A one-page PDF with a text line and the given widget annotations (objects
// 5, 6, …, each a dictionary body), listed in the page's /Annots and the
// AcroForm's /Fields, with a correct cross-reference table.
std::string PdfWithWidgets(const std::vector<std::string>& widgets, const std::string& page_extra = "") {
  std::vector<std::string> objs;
  std::string refs;
  for (std::size_t i = 0; i < widgets.size(); ++i) refs += std::to_string(5 + i) + " 0 R ";
  objs.push_back("<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [" + refs + "] >> >>");
  objs.push_back("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
  objs.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 << "
                 "/Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> /Annots [" + refs + "] " + page_extra + ">>");
  const std::string content = "BT /F1 11 Tf 72 720 Td (1.1 Is there a national focal point?) Tj ET";
  objs.push_back("<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream");
  for (const std::string& w : widgets) objs.push_back(w);
  return pdf::WritePdf(objs);
}

// The warning of `code` in `doc`, or "".
std::string WarningText(const Document& doc, const std::string& code) {
  for (const Warning& w : doc.warnings)
    if (w.code == code) return w.message;
  return "";
}

}  // namespace

BOOST_AUTO_TEST_SUITE(acroform)

BOOST_AUTO_TEST_CASE(widgets_are_read_with_any_on_state_checked) {
  const std::string bytes = FormPdf();
  std::vector<pdf::AcroWidget> w = pdf::ReadAcroForm(bytes, 10);
  BOOST_REQUIRE_EQUAL(w.size(), 9u);
  std::map<std::string, bool> checked;
  for (const auto& x : w) {
    if (x.kind == FormField::Kind::kCheckBox) checked[x.name] = x.checked;
  }
  BOOST_TEST(checked["q1_1"]);   // /Yes
  BOOST_TEST(checked["q1_2"]);   // /On
  BOOST_TEST(checked["q1_3"]);   // /Ja
  BOOST_TEST(checked["q1_4"]);   // custom on-state name
  BOOST_TEST(checked["q1_5"]);   // /No is an on-state too
  BOOST_TEST(!checked["q1_6"]);  // /Off
  // Boxes are in the top-left frame: the first box is near the top of the page.
  BOOST_TEST(w[0].page == 1);
  BOOST_TEST(w[0].box.y0 < 130);
  BOOST_TEST(w[0].box.x0 == 300, boost::test_tools::tolerance(0.5));
}

BOOST_AUTO_TEST_CASE(a_pdf_without_a_form_has_no_widgets) {
  const std::string bytes = ReadFile(std::string(VAREPORT_TEST_DATA_DIR) + "/pdf/checklist_grid.pdf");
  BOOST_TEST(pdf::ReadAcroForm(bytes, 10).empty());
  BOOST_TEST(pdf::ReadAcroForm("%PDF-1.4 /AcroForm garbage", 10).empty());
}

BOOST_AUTO_TEST_CASE(form_answers_read_like_glyph_ticks) {
  auto r = ExtractPdf(FormPdf(), ExtractOptions{});
  BOOST_REQUIRE(r.ok());
  auto ticks = TicksByField(*r);
  for (const char* name : {"q1_1", "q1_2", "q1_3", "q1_4", "q1_5"}) {
    BOOST_REQUIRE_EQUAL(ticks.count(name), 1u);
    const Tick& t = ticks.find(name)->second;
    BOOST_TEST(t.checked, name);
    BOOST_TEST((t.encoding == TickEncoding::kAcroForm));
  }
  BOOST_TEST(!ticks.find("q1_6")->second.checked);
  BOOST_TEST(ticks.count("support") == 2u);
  // Document::fields: labels from the text left of each widget.
  std::map<std::string, FormField> fields;
  for (const FormField& f : r->fields) fields.emplace(f.name, f);
  BOOST_TEST(fields["q1_1"].label == "1.1 Is there a national focal point?");
  BOOST_TEST((fields["q1_1"].kind == FormField::Kind::kCheckBox));
  BOOST_TEST(fields["q1_6"].label == "1.6 Is the plan budgeted?");
  BOOST_TEST(fields["comments"].value == "Ministry of Health");
  BOOST_TEST(fields["comments"].label == "Comments:");
  // The text field's value is in the body, after its label.
  bool found = false;
  for (const Block& b : r->body) found = found || PlainText(b).find("Comments: Ministry of Health") != std::string::npos;
  BOOST_TEST(found);
  // The widget appearance glyphs ("✔" drawn by ZapfDingbats) are not read as text.
  for (const Block& b : r->body) BOOST_TEST(PlainText(b).find("\u2714") == std::string::npos);
}

// ISO 32000-1 §12.7.3.1: a field's /Parent chain ends at the root. Poppler
// follows it for the fully qualified name without a cycle check (a fuzzer's
// finding: the CLI's watchdog fired after 120 s); vareport builds names
// itself and cuts a chain that loops: the form is still read, with a warning.
BOOST_AUTO_TEST_CASE(a_parent_cycle_cuts_a_field_name_and_the_form_is_still_read) {
  const std::string sane =
      "<< /Type /Annot /Subtype /Widget /FT /Btn /T (q1_1) /V /Yes /AS /Yes /Rect [300 716 312 728] /P 3 0 R "
      "/AP << /N << /Yes 4 0 R /Off 4 0 R >> >> >>";
  {
    auto r = ExtractPdf(PdfWithWidgets({sane}), ExtractOptions{});
    BOOST_REQUIRE(r.ok());
    BOOST_TEST(WarningText(*r, "damaged-form").empty());
    BOOST_REQUIRE(TicksByField(*r).count("q1_1") == 1u);
    BOOST_TEST(TicksByField(*r).find("q1_1")->second.checked);
  }
  const std::vector<std::vector<std::string>> cyclic = {
      // A widget that is its own parent.
      {sane, "<< /Type /Annot /Subtype /Widget /FT /Btn /T (x) /Parent 6 0 R /Rect [300 690 312 702] /P 3 0 R >>"},
      // Two fields, each the other's parent.
      {sane, "<< /Type /Annot /Subtype /Widget /FT /Tx /T (a) /Parent 7 0 R /Rect [300 690 312 702] /P 3 0 R >>",
       "<< /FT /Tx /T (b) /Parent 6 0 R /Kids [6 0 R] >>"},
  };
  for (const auto& widgets : cyclic) {
    auto r = ExtractPdf(PdfWithWidgets(widgets), ExtractOptions{});
    BOOST_REQUIRE(r.ok());
    const std::string why = WarningText(*r, "damaged-form");
    BOOST_TEST(why.find("/Parent") != std::string::npos, why);
    BOOST_TEST(TicksByField(*r).count("q1_1") == 1u);  // the other fields are read
    bool text = false;
    for (const Block& b : r->body) text = text || PlainText(b).find("national focal point") != std::string::npos;
    BOOST_TEST(text);
  }
  // A chain longer than the limit is cut as well; names are root first.
  std::vector<std::string> deep = {
      "<< /Type /Annot /Subtype /Widget /FT /Tx /T (leaf) /Parent 6 0 R /Rect [300 690 312 702] /P 3 0 R >>"};
  for (int i = 0; i < pdf::kMaxFieldDepth + 5; ++i)
    deep.push_back("<< /T (f" + std::to_string(i) + ") /Parent " + std::to_string(7 + i) + " 0 R >>");
  deep.push_back("<< /T (root) >>");
  auto r = ExtractPdf(PdfWithWidgets(deep), ExtractOptions{});
  BOOST_REQUIRE(r.ok());
  BOOST_TEST(WarningText(*r, "damaged-form").find("/Parent") != std::string::npos);
  const std::vector<std::string> shallow = {
      "<< /Type /Annot /Subtype /Widget /FT /Tx /T (leaf) /V (Ministry) /Parent 6 0 R /Rect [300 690 400 702] /P 3 0 R >>",
      "<< /T (q2) /Parent 7 0 R /Kids [5 0 R] >>", "<< /T <FEFF00E9007400E9> /Kids [6 0 R] >>"};
  std::vector<pdf::AcroWidget> w = pdf::ReadAcroForm(PdfWithWidgets(shallow), 10);
  BOOST_REQUIRE_EQUAL(w.size(), 1u);
  BOOST_TEST(w[0].name == "\u00e9t\u00e9.q2.leaf");  // UTF-16 partial name decoded
  BOOST_TEST(w[0].value == "Ministry");
}

// Widgets are placed as the text layer's words are (ISO 32000-1 §7.7.3.3
// /Rotate): on a page turned a quarter, a box printed on a label's line is
// still on that line.
BOOST_AUTO_TEST_CASE(widgets_of_a_rotated_page_stay_on_their_line) {
  const std::string widget =
      "<< /Type /Annot /Subtype /Widget /FT /Btn /T (q1_1) /V /Yes /AS /Yes /Rect [300 716 312 728] /P 3 0 R "
      "/AP << /N << /Yes 4 0 R /Off 4 0 R >> >> >>";
  for (const char* rotate : {"", "/Rotate 90", "/Rotate 270"}) {
    const std::string bytes = PdfWithWidgets({widget}, rotate);
    pdf::PageReader reader(bytes);
    std::optional<pdf::PageText> text = reader.ReadText(1);
    BOOST_REQUIRE(text);
    std::vector<pdf::AcroWidget> w = reader.ReadWidgets(1, nullptr);
    BOOST_REQUIRE_EQUAL(w.size(), 1u);
    Box line = text->words.at(0).box;
    for (const pdf::Word& word : text->words) line = Box{std::min(line.x0, word.box.x0), std::min(line.y0, word.box.y0),
                                                        std::max(line.x1, word.box.x1), std::max(line.y1, word.box.y1)};
    // The line and the box share the line's cross axis (y when upright, x when turned).
    const bool turned = std::string(rotate).size() > 0;
    const double a0 = turned ? line.x0 : line.y0, a1 = turned ? line.x1 : line.y1;
    const double b0 = turned ? w[0].box.x0 : w[0].box.y0, b1 = turned ? w[0].box.x1 : w[0].box.y1;
    BOOST_TEST((std::min(a1, b1) - std::max(a0, b0) > 4), rotate << ": line " << a0 << "-" << a1 << ", box " << b0
                                                                << "-" << b1);
    BOOST_TEST(w[0].box.width() == 12, boost::test_tools::tolerance(0.5));
  }
}

BOOST_AUTO_TEST_CASE(corpus_form_checklists_carry_their_answers) {  // reads ../shared when present
  const std::string corpus = std::string(VAREPORT_SHARED_DIR) + "/corpus/";
  if (!std::filesystem::exists(corpus + "Albania-VA-checklist-2024_form.pdf")) {
    BOOST_TEST_MESSAGE("../shared/corpus absent: skipped");
    return;
  }
  for (const char* name : {"Albania-VA-checklist-2024_form.pdf", "South_Sudan-VA-checklist-2024_form.pdf"}) {
    auto r = ExtractDocument(ReadFile(corpus + name));
    BOOST_REQUIRE(r.ok());
    int checked = 0, acro = 0;
    for (const auto& [name_, t] : TicksByField(*r)) {
      acro += t.encoding == TickEncoding::kAcroForm ? 1 : 0;
      checked += t.checked ? 1 : 0;
    }
    BOOST_TEST(acro > 20, name);
    BOOST_TEST(checked > 5, name);
    BOOST_TEST(!r->fields.empty(), name);
  }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace vareport
