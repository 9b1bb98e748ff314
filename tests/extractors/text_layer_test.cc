// Tests for extractors/pdf/text_layer.h (issue 9, kind 7): a text layer from
// fonts without a Unicode map is told from real text in English, French and
// Spanish, figures and acronyms; end to end on tests/data/pdf/no_unicode_map.pdf
// (written by tests/data/make_pdf.py).
#include "extractors/pdf/text_layer.h"

#include <boost/test/unit_test.hpp>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/text.h"
#include "extractors/pdf/pdf_extractor.h"

namespace vareport::pdf {
namespace {

std::vector<Word> Words(const std::string& text) {
  std::vector<Word> out;
  for (const std::string& t : {text}) {
    std::size_t at = 0;
    while (at < t.size()) {
      const std::size_t sp = t.find(' ', at);
      const std::string w = t.substr(at, sp == std::string::npos ? std::string::npos : sp - at);
      if (!w.empty()) {
        Word word;
        word.text = w;
        out.push_back(word);
      }
      if (sp == std::string::npos) break;
      at = sp + 1;
    }
  }
  return out;
}

// Shifts every ASCII letter by `k` (what a font whose codes are not its
// letters gives): words stay words in shape, in no language.
std::string Shift(const std::string& s, int k) {
  std::string out = s;
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>('a' + (c - 'a' + k) % 26);
    if (c >= 'A' && c <= 'Z') c = static_cast<char>('A' + (c - 'A' + k) % 26);
  }
  return out;
}

const char* kEnglish =
    "Is there a national focal point responsible for overseeing victim assistance and its integration into broader "
    "policies? Yes. The Ministry of Social Affairs coordinates the work of the national committee with survivors "
    "and their organisations in every province of the country.";
const char* kFrench =
    "Existe-t-il un point focal national chargé de superviser l'assistance aux victimes et son intégration dans les "
    "politiques plus larges ? Oui. Le ministère de l'Action sociale coordonne le travail du comité national avec "
    "les survivants et leurs organisations.";
const char* kSpanish =
    "¿Existe un punto focal nacional responsable de supervisar la asistencia a las víctimas y su integración en las "
    "políticas más amplias? Sí. El Ministerio de Salud coordina el trabajo del comité nacional con los "
    "sobrevivientes y sus organizaciones en cada provincia.";

}  // namespace

BOOST_AUTO_TEST_SUITE(pdf_extractor)
BOOST_AUTO_TEST_SUITE(text_layer)

BOOST_AUTO_TEST_CASE(real_text_in_the_report_languages_is_usable) {
  for (const char* t : {kEnglish, kFrench, kSpanish}) BOOST_TEST(AssessTextLayer(Words(t)).usable, t);
  // A table of figures, acronyms and ticks.
  BOOST_TEST(AssessTextLayer(Words("Province Survivors Women Men 2023 Kandal 1 234 527 3 239 UNMAS ICRC CRPD "
                                   "\xE2\x98\x92 Yes \xE2\x98\x90 No 12.5% 3/5 2024-06-30"))
                 .usable);
}

BOOST_AUTO_TEST_CASE(letters_in_no_language_are_unusable) {
  // Shifted letters keep the shape of words: no function word is left (rule 3).
  for (const char* t : {kEnglish, kFrench, kSpanish}) {
    for (int k : {3, 7, 11, 17}) {
      const TextLayerQuality q = AssessTextLayer(Words(Shift(t, k)));
      BOOST_TEST(!q.usable, k << ": " << Shift(t, k));
      BOOST_TEST(!q.reason.empty());
    }
  }
  // Consonant runs and letter/digit soup (rule 2).
  const TextLayerQuality q = AssessTextLayer(Words("qrksbsmkhfkjtbhdjkj ufbifdvjfigdbmig wfugdgxghj k3j9x2b7 zxcvbnm"));
  BOOST_TEST(!q.usable);
  BOOST_TEST(q.reason.find("nonsense") != std::string::npos, q.reason);
  // Unmapped code points (rule 1) and an empty page.
  BOOST_TEST(!AssessTextLayer(Words("\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD ab")).usable);
  BOOST_TEST(!AssessTextLayer({}).usable);
}

// The whole path: page 1 of no_unicode_map.pdf (a Type 3 font with made-up
// glyph names, no ToUnicode) is recorded as unusable and read with OCR; page 2,
// plain Helvetica, keeps its text layer.
BOOST_AUTO_TEST_CASE(a_page_without_unicode_map_is_sent_to_ocr) {
  std::ifstream in(std::string(VAREPORT_TEST_DATA_DIR) + "/pdf/no_unicode_map.pdf", std::ios::binary);
  BOOST_TEST_REQUIRE(static_cast<bool>(in));
  std::stringstream ss;
  ss << in.rdbuf();
  Result<Document> r = ExtractPdf(ss.str(), ExtractOptions{});
  BOOST_TEST_REQUIRE(r.ok());
  BOOST_TEST(r->unusable_pages == std::vector<int>{1}, ::boost::test_tools::per_element());
  BOOST_TEST(r->ocr);
  std::string page1, page2;
  for (const Block& b : r->body) (b.where.page == 1 ? page1 : page2) += PlainText(b) + "\n";
  BOOST_TEST(page1.find("Survivors registered in the national database") != std::string::npos, page1);
  BOOST_TEST(page2.find("Page two is ordinary text about survivors") != std::string::npos, page2);
  // Without OCR the garbage is not read as text.
  ExtractOptions no_ocr;
  no_ocr.ocr.enabled = false;
  r = ExtractPdf(ss.str(), no_ocr);
  BOOST_TEST_REQUIRE(r.ok());
  BOOST_TEST(r->unusable_pages == std::vector<int>{1}, ::boost::test_tools::per_element());
  for (const Block& b : r->body) BOOST_TEST(b.where.page == 2, PlainText(b));
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()

}  // namespace vareport::pdf
