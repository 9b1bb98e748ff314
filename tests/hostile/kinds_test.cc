// The known failure kinds of document tools (issue 6, kinds 1–17) that the
// extractor suites do not already cover, each on a small input of our own
// (tests/hostile/make_hostile.py → tests/hostile/data/), most of them end to
// end through the built `vareport`. tests/hostile/README.md maps every kind to
// its tests, here and in tests/extractors/.
#include <boost/test/unit_test.hpp>

#include <string>
#include <vector>

#include "document/document.h"
#include "extractors/docx/docx_extractor.h"
#include "hostile/generated_inputs.h"
#include "hostile/hostile_util.h"

namespace {

using namespace vareport::test::hostile;  // NOLINT(google-build-using-namespace): test helpers
using vareport::test::ChildResult;
namespace fs = std::filesystem;

// The answers the generator wrote for QUESTIONS (make_hostile.py).
const std::vector<std::pair<std::string, std::string>> kRepeated = {
    {"coordination.focal_point", "yes"},          {"coordination.national_plan", "no"},
    {"coordination.plan_budget", "no"},           {"coordination.monitoring", "yes"},
    {"coordination.survivor_participation", "no"}, {"coordination.referral_mechanism", "yes"},
};

nlohmann::json ExtractJson(const std::string& data_file) {
  return ExpectJson(Vareport({"extract", HostileData(data_file), "--format", "json"}));
}

nlohmann::json DumpJson(const std::string& path) { return ExpectJson(Vareport({"dump", path})); }

bool Has(const std::string& haystack, const std::string& needle) { return haystack.find(needle) != std::string::npos; }

void ExpectAnswers(const nlohmann::json& report, const std::vector<std::pair<std::string, std::string>>& expected,
                   const std::string& what) {
  const auto answers = Answers(report);
  for (const auto& [question, value] : expected) {
    auto it = answers.find(question);
    BOOST_TEST((it != answers.end()), what << ": no answer to " << question);
    if (it != answers.end()) BOOST_TEST(it->second == value, what << ": " << question);
  }
  for (const auto& f : report.at("findings")) {
    BOOST_TEST(f.at("code") != "CONFLICTING_ANSWERS", what << ": " << f.dump());
  }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(hostile)
BOOST_AUTO_TEST_SUITE(kinds)

// ---- 1. option labels repeated under every question -------------------------------------

BOOST_AUTO_TEST_CASE(k01_repeated_yes_no_in_table_rows_docx) {
  ExpectAnswers(ExtractJson("repeated_yes_no.docx"), kRepeated, "docx rows");
}

// Two columns "Question | Answer" with "☐ Yes ☐ No" beside each (wrapped)
// question: the answer column is not a text column (layout FindGutter).
BOOST_AUTO_TEST_CASE(k01_repeated_yes_no_beside_each_question_pdf) {
  ExpectAnswers(ExtractJson("repeated_yes_no.pdf"), kRepeated, "pdf rows");
}

// No table: each option line belongs to the question before it (analysis/units.cc PairOptionLines).
BOOST_AUTO_TEST_CASE(k01_repeated_yes_no_under_each_question_pdf) {
  std::vector<std::pair<std::string, std::string>> flipped;
  for (const auto& [q, v] : kRepeated) flipped.emplace_back(q, v == "yes" ? "no" : "yes");
  ExpectAnswers(ExtractJson("repeated_yes_no_below.pdf"), flipped, "pdf lines");
}

// ---- 2, 3. legacy FORMCHECKBOX fields, w:checked spellings, end to end -------------------------

BOOST_AUTO_TEST_CASE(k02_k03_legacy_check_boxes_keep_their_state_not_their_field_code) {
  const nlohmann::json dump = DumpJson(std::string(VAREPORT_TEST_DATA_DIR) + "/docx/tick_legacy.docx");
  const std::string text = Text(dump.at("body"));
  BOOST_TEST(!Has(text, "FORMCHECKBOX"));
  BOOST_TEST(!Has(text, "{"));
  std::vector<bool> states;
  for (const DumpTick& t : Ticks(dump)) {
    BOOST_TEST(t.encoding == "legacy-form-field");
    states.push_back(t.checked);
  }
  // checked-no-val, 1, 0, true, false, on, off, default 1, default 0, checked over default, nothing.
  const std::vector<bool> expected = {true, true, false, true, false, true, false, true, false, false, false};
  BOOST_TEST(states == expected, boost::test_tools::per_element());
}

// ---- 4. legacy fields and content controls in one document ---------------------------------------

BOOST_AUTO_TEST_CASE(k04_legacy_fields_and_content_controls_together) {
  const nlohmann::json dump = DumpJson(HostileData("mixed_tick_encodings.docx"));
  std::vector<std::tuple<std::string, bool, std::string>> got;
  for (const DumpTick& t : Ticks(dump)) got.emplace_back(t.field, t.checked, t.encoding);
  const std::vector<std::tuple<std::string, bool, std::string>> expected = {
      {"q1_yes", true, "content-control"},  {"q1_no", true, "legacy-form-field"},
      {"q2_yes", false, "legacy-form-field"}, {"q2_no", true, "content-control"},
      {"q3_yes", true, "legacy-form-field"},  {"q3_no", false, "content-control"},
      {"inline_a", true, "legacy-form-field"}, {"inline_b", false, "content-control"},
      {"inline_c", false, "legacy-form-field"}, {"inline_d", true, "content-control"},
  };
  BOOST_TEST_REQUIRE(got.size() == expected.size());
  for (std::size_t i = 0; i < got.size(); ++i) {
    BOOST_TEST(std::get<0>(got[i]) == std::get<0>(expected[i]));
    BOOST_TEST(std::get<1>(got[i]) == std::get<1>(expected[i]), std::get<0>(got[i]));
    BOOST_TEST(std::get<2>(got[i]) == std::get<2>(expected[i]), std::get<0>(got[i]));
  }
  // Both ticked in row 1 is a conflict; the other rows are read from whichever encoding is ticked.
  const nlohmann::json report = ExtractJson("mixed_tick_encodings.docx");
  const auto answers = Answers(report);
  BOOST_TEST(answers.count("coordination.focal_point") == 0u);
  bool conflict = false;
  for (const auto& f : report.at("findings")) {
    conflict |= f.at("code") == "CONFLICTING_ANSWERS" && f.at("question") == "coordination.focal_point";
  }
  BOOST_TEST(conflict);
  BOOST_TEST(answers.at("coordination.national_plan") == "no");
  BOOST_TEST(answers.at("coordination.plan_budget") == "yes");
}

// ---- 5. PDF form check boxes (AcroForm) ------------------------------------------------------------

BOOST_AUTO_TEST_CASE(k05_acroform_on_states_other_than_yes_and_opt_export_values) {
#if !__has_include("extractors/pdf/acroform.h")
  BOOST_TEST_MESSAGE("skipped: AcroForm reading (extractors/pdf/acroform.h) is not in this tree yet");
  return;
#endif
  const nlohmann::json dump = DumpJson(HostileData("acroform_states.pdf"));
  std::map<std::string, bool> checked;
  for (const auto& f : dump.at("fields")) {
    if (f.at("kind") == "checkbox") checked[f.at("name").get<std::string>()] = f.at("checked").get<bool>();
  }
  // On-states /Yes, /On, /Ja, /Choice1 and even /No are on; only /Off is off.
  for (const char* on : {"cb_yes", "cb_on", "cb_ja", "cb_custom", "cb_no_name"}) {
    BOOST_TEST((checked.count(on) == 1 && checked[on]), on);
  }
  BOOST_TEST((checked.count("cb_off") == 1 && !checked["cb_off"]));
  // The radio group's export values live in /Opt ("Oui", "Non"); its on
  // widget is the one beside "Oui".
  std::vector<DumpTick> consent;
  for (const DumpTick& t : Ticks(dump)) {
    BOOST_TEST(t.encoding == "acroform");
    if (t.field == "consent") consent.push_back(t);
  }
  BOOST_TEST_REQUIRE(consent.size() == 2u);
  BOOST_TEST((consent[0].checked && consent[0].label == "Oui"));
  BOOST_TEST((!consent[1].checked && consent[1].label == "Non"));
}

// ---- 6. tick boxes drawn as graphics ------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(k06_boxes_drawn_as_vector_graphics) {
#if !__has_include("extractors/ocr/ocr.h")
  BOOST_TEST_MESSAGE("skipped: drawn check boxes (extractors/ocr/ocr.h FindTickBoxes) are not in this tree yet");
  return;
#endif
  const nlohmann::json dump = DumpJson(HostileData("vector_ticks.pdf"));
  std::vector<std::pair<bool, std::string>> got;
  for (const DumpTick& t : Ticks(dump)) {
    BOOST_TEST(t.encoding == "vector");
    got.emplace_back(t.checked, t.label);
  }
  const std::vector<std::pair<bool, std::string>> expected = {{true, "Yes"},  {false, "No"}, {false, "Yes"},
                                                              {true, "No"},   {false, "Yes"}, {true, "No"},
                                                              {true, "Yes"}, {false, "No"}};
  BOOST_TEST_REQUIRE(got.size() == expected.size());
  for (std::size_t i = 0; i < got.size(); ++i) BOOST_TEST((got[i] == expected[i]), "tick " << i);
  ExpectAnswers(ExtractJson("vector_ticks.pdf"),
                {kRepeated[0], kRepeated[1], kRepeated[2], kRepeated[3]}, "vector boxes");
}

// ---- 7. content controls holding a picture beside text (cover pages) --------------------------------

BOOST_AUTO_TEST_CASE(k07_cover_page_state_in_a_content_control_with_a_picture) {
  const nlohmann::json dump = DumpJson(HostileData("cover_page_state.docx"));
  const std::string text = Text(dump.at("body"));
  BOOST_TEST(Has(text, "Republic of Mozambique\n"));
  BOOST_TEST(Has(text, "Reporting year: 2023\n"));
  const nlohmann::json report = ExtractJson("cover_page_state.docx");
  BOOST_TEST(report.at("document").at("state") == "MOZ");
  BOOST_TEST(report.at("document").at("reporting_year") == 2023);
}

// ---- 8. tracked changes with comments -----------------------------------------------------------------

BOOST_AUTO_TEST_CASE(k08_comment_on_a_tracked_insertion_is_kept_apart) {
  vareport::Result<vareport::Document> r =
      vareport::ExtractDocx(ReadBytes(HostileData("comment_on_insertion.docx")), vareport::ExtractOptions{});
  BOOST_TEST_REQUIRE(r.ok());
  BOOST_TEST_REQUIRE(r->body.size() == 2u);
  BOOST_TEST(r->body[0].paragraph.text == "Survivors registered: 2,299.");  // inserted kept, deleted dropped
  BOOST_TEST(r->body[1].paragraph.text == "New sentence.");
  BOOST_TEST_REQUIRE(r->notes.size() == 2u);  // both comments, as notes, never in the body
  BOOST_TEST(r->notes[0].paragraph.text == "Please confirm the figure.");
  BOOST_TEST((r->notes[0].origin == vareport::Origin::kComment));
  BOOST_TEST(r->notes[1].paragraph.text == "Why removed?");
}

// ---- 9, 13. headers and footers belong to sections; kept out of the body, yet available ----------------

BOOST_AUTO_TEST_CASE(k09_section_headers_and_footers_once_per_part) {
  const nlohmann::json dump = DumpJson(HostileData("section_headers.docx"));
  BOOST_TEST(Text(dump.at("body")) == "Section one text.\nEnd of section one.\nSection two text.\n");
  std::vector<std::string> furniture;
  for (const auto& b : dump.at("furniture")) {
    furniture.push_back(b.at("origin").get<std::string>() + ":" + b.at("text").get<std::string>());
  }
  const std::vector<std::string> expected = {"header:Header of section one", "header:First-page header",
                                             "header:Header of section two", "footer:Footer of section one",
                                             "footer:Footer of section two"};
  BOOST_TEST(furniture == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(k13_running_headers_of_a_pdf_are_furniture_in_the_dump) {
  const nlohmann::json dump = DumpJson(std::string(VAREPORT_TEST_DATA_DIR) + "/pdf/header_footer.pdf");
  BOOST_TEST(!Has(Text(dump.at("body")), "Report on victim assistance"));
  BOOST_TEST(!Has(Text(dump.at("body")), "Page 2 of 3"));
  BOOST_TEST(Has(Text(dump.at("furniture")), "Report on victim assistance 2022"));
  BOOST_TEST(Has(Text(dump.at("furniture")), "Page 2 of 3"));
}

// ---- 10, 12. ligatures, combining marks, two columns, hyphens -------------------------------------------

BOOST_AUTO_TEST_CASE(k10_k12_columns_hyphens_ligatures_and_combining_marks) {
  const nlohmann::json dump = DumpJson(HostileData("columns_hyphens_marks.pdf"));
  const std::string text = Text(dump.at("body"));
  BOOST_TEST(Has(text, "international co-operation and on the socio-\u00E9conomique inclusion"), text);
  BOOST_TEST(Has(text, "physical rehabilitation services"), text);  // soft hyphen dropped
  BOOST_TEST(!Has(text, "\u00AD"));
  BOOST_TEST(Has(text, "The Ministry refinanced the centres of Caf\u00E9 in 2023"), text);  // ﬁ, e + U+0301
  BOOST_TEST(!Has(text, "\uFB01"));
  const auto left_end = text.find("left end."), right_start = text.find("RIGHTSTART");
  BOOST_TEST((left_end != std::string::npos && right_start != std::string::npos && left_end < right_start));
}

// ---- 11, 17. fonts without a Unicode map; text and scanned pages mixed (OCR) ------------------------------

BOOST_AUTO_TEST_CASE(k11_font_without_unicode_map_is_read_by_ocr) {
#if !__has_include("extractors/ocr/ocr.h")
  BOOST_TEST_MESSAGE("skipped: OCR (extractors/ocr/ocr.h) is not in this tree yet");
  return;
#endif
  const nlohmann::json dump = DumpJson(HostileData("unmapped_font.pdf"));
  const std::string text = Text(dump.at("body"));
  BOOST_TEST(dump.at("ocr") == true);
  BOOST_TEST(!Has(text, "\uFFFD"), text);
  BOOST_TEST(Has(text, "Victim assistance report"), text);
  BOOST_TEST(Has(text, "Survivors registered in 2023"), text);
}

BOOST_AUTO_TEST_CASE(k17_text_pages_and_scanned_pages_in_one_document) {
#if !__has_include("extractors/ocr/ocr.h")
  BOOST_TEST_MESSAGE("skipped: OCR (extractors/ocr/ocr.h) is not in this tree yet");
  return;
#endif
  const nlohmann::json dump = DumpJson(HostileData("mixed_scan.pdf"));
  BOOST_TEST(dump.at("ocr") == true);
  BOOST_TEST(dump.at("pages") == 2);
  std::string page1, page2;
  for (const auto& p : Paragraphs(dump.at("body"))) {
    (p.value("page", 0) == 1 ? page1 : page2) += p.at("text").get<std::string>() + "\n";
  }
  BOOST_TEST(page1 == "Page one has a text layer. It is read without OCR.\n");
  BOOST_TEST(Has(page2, "SCANNED PAGE TWO"), page2);
  BOOST_TEST(Has(page2, "Survivors assisted in 2023"), page2);
}

// ---- 15. broken structure, endless loops, long files ----------------------------------------------------------

BOOST_AUTO_TEST_CASE(k15_wrong_cross_reference_offsets_are_rebuilt) {
  for (const char* name : {"broken_xref.pdf", "startxref_past_end.pdf"}) {
    const nlohmann::json dump = DumpJson(HostileData(name));
    BOOST_TEST(Has(Text(dump.at("body")), "A report whose cross-reference table is wrong."), name);
  }
}

BOOST_AUTO_TEST_CASE(k15_cut_or_missing_cross_reference_table_is_a_clean_error) {
  for (const char* name : {"truncated_xref.pdf", "no_xref.pdf"}) {
    ExpectRefused(Vareport({"extract", HostileData(name), "--format", "json"}), "damaged PDF");
  }
}

// Cycles in the page tree, the xref chain and a self-drawing form end at once.
BOOST_AUTO_TEST_CASE(k15_cycles_end_quickly) {
  for (const char* name : {"page_tree_cycle.pdf", "xref_prev_loop.pdf", "xobject_self.pdf", "huge_page_count.pdf"}) {
    const ChildResult r = Vareport({"extract", HostileData(name), "--format", "json"}, 30);
    BOOST_TEST(!r.timed_out, name);
    BOOST_TEST(r.seconds < 10, name << ": " << r.seconds << " s");
    BOOST_TEST(((r.exit_code == 0 && !r.out.empty()) || (r.exit_code == 2 && r.out.empty())), name << ": " << Describe(r));
    BOOST_TEST(r.signal == 0, name);
  }
}

// Issue 9: a page tree that loops back to its root, after page 1 or before
// it: page 1 is still read, and its answer with it.
BOOST_AUTO_TEST_CASE(k15_a_page_tree_loop_keeps_the_answer_of_page_1) {
  for (const char* name : {"page_tree_loop_after_page1.pdf", "page_tree_loop_before_page1.pdf"}) {
    const nlohmann::json report = ExpectJson(Vareport({"extract", HostileData(name), "--format", "json"}, 30));
    BOOST_TEST(Answers(report)["coordination.focal_point"] == "yes", name);
  }
}

// A drawing that never ends in practice (4^24 glyphs through nested forms, no
// cycle for the reader to see): the run stops at the time limit (the
// reader's deadline inside the page, or the watchdog, whichever is first).
BOOST_AUTO_TEST_CASE(k15_endless_drawing_stops_at_the_time_limit) {
  const ChildResult r =
      Vareport({"extract", HostileData("xobject_exponential.pdf"), "--format", "json", "--time-limit", "2"}, 30);
  ExpectRefused(r, "time limit of 2 s exceeded");
  BOOST_TEST(r.seconds < 6, r.seconds << " s");
}

// 1,000 pages, written here (~250 KB): read whole, within 60 s and 400 MiB.
BOOST_AUTO_TEST_CASE(k15_a_thousand_pages_in_bounded_time_and_memory) {
  TempFile pdf("thousand.pdf", ManyPagePdf(1000));
  const ChildResult r = Vareport({"dump", pdf.path.string()}, 120);
  const nlohmann::json dump = ExpectJson(r);
  BOOST_TEST(dump.at("pages") == 1000);
  const std::string text = Text(dump.at("body"));
  BOOST_TEST(Has(text, "Page 1000: survivors assisted in province 14."));
  BOOST_TEST_MESSAGE("1,000-page PDF: " << r.seconds << " s, peak RSS " << r.max_rss_kb / 1024 << " MiB");
  BOOST_TEST(r.seconds < 60);
  if (!vareport::test::UnderAddressSanitizer()) BOOST_TEST(r.max_rss_kb < 400 * 1024);
}

// ---- 16. encrypted PDFs, end to end -----------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(k16_empty_user_password_opens_and_a_real_one_is_refused) {
  const std::string dir = std::string(VAREPORT_TEST_DATA_DIR) + "/pdf/";
  const nlohmann::json dump = DumpJson(dir + "encrypted_empty_user.pdf");
  BOOST_TEST(Text(dump.at("body")) == "Confidential victim assistance data.\n");
  ExpectRefused(Vareport({"extract", dir + "encrypted_password.pdf", "--format", "json"}),
                "encrypted PDF: a password is required");
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
