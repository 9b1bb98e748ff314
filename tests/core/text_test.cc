#include "core/text.h"

#include <boost/test/unit_test.hpp>

#include <string>

BOOST_AUTO_TEST_SUITE(core)

BOOST_AUTO_TEST_CASE(fold_for_match_drops_case_accents_and_punctuation) {
  BOOST_TEST(vareport::FoldForMatch("¿Existe  un PLAN nacional?") == "existe un plan nacional");
  BOOST_TEST(vareport::FoldForMatch("Réadaptation — l'État") == "readaptation l etat");
  BOOST_TEST(vareport::FoldForMatch("") == "");
}

// Pure ASCII takes a path without ICU: it must fold exactly as ICU does. A
// trailing combining acute (U+0301, dropped as a mark) sends the same text
// through ICU for comparison.
BOOST_AUTO_TEST_CASE(ascii_folds_as_icu_folds_it) {
  std::string all;
  for (int c = 0; c < 128; ++c) all += static_cast<char>(c);
  for (const std::string& s : {all, std::string("Is there a PLAN_2026? (Yes/No) -- x1,234.5; A-Z a-z"),
                               std::string("  lead  "), std::string("\t\r\n")}) {
    BOOST_TEST(vareport::FoldForMatch(s) == vareport::FoldForMatch(s + "\xCC\x81"), s);
  }
  BOOST_TEST(vareport::FoldForMatch("Is there a PLAN_2026?") == "is there a plan 2026");
}

BOOST_AUTO_TEST_CASE(nfc_composes_combining_marks) {
  BOOST_TEST(vareport::Nfc("e\xCC\x81") == "\xC3\xA9");  // e + U+0301 → é
}

BOOST_AUTO_TEST_CASE(nfkc_expands_ligatures) {
  BOOST_TEST(vareport::Nfkc("\xEF\xAC\x81nancial") == "financial");  // ﬁ
}

BOOST_AUTO_TEST_CASE(trim_and_collapse_handle_no_break_spaces) {
  BOOST_TEST(vareport::Trim("\xC2\xA0 Oui \xE2\x80\xAF") == "Oui");
  BOOST_TEST(vareport::CollapseSpace(" a\t\n b\xC2\xA0 c ") == "a b c");
}

BOOST_AUTO_TEST_CASE(truncate_never_splits_a_character) {
  std::string s = "ééééé";  // 10 bytes
  std::string t = vareport::TruncateUtf8(s, 5);
  BOOST_TEST(vareport::IsValidUtf8(t));
  BOOST_TEST(t == "éé\xE2\x80\xA6");
}

BOOST_AUTO_TEST_CASE(sanitize_replaces_invalid_bytes) {
  BOOST_TEST(!vareport::IsValidUtf8("a\xFF" "b"));
  BOOST_TEST(vareport::SanitizeUtf8("a\xFF" "b") == "a\xEF\xBF\xBD" "b");
}

BOOST_AUTO_TEST_SUITE_END()
