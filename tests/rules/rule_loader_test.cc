#include "rules/rule_loader.h"

#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "analysis/analyzer.h"
#include "rules/rules_fixture.h"
#include "test_util.h"

namespace fs = std::filesystem;

namespace {

// A writable copy of the source rules in a fresh temporary folder.
struct RulesCopy {
  fs::path dir;
  RulesCopy() {
    dir = fs::temp_directory_path() / ("vareport_rules_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
    fs::remove_all(dir);
    fs::copy(VAREPORT_SOURCE_RULES_DIR, dir, fs::copy_options::recursive);
  }
  ~RulesCopy() { fs::remove_all(dir); }
  std::string Read(const std::string& rel) const {
    std::ifstream in(dir / rel);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  void Write(const std::string& rel, const std::string& text) const { std::ofstream(dir / rel) << text; }
  void Replace(const std::string& rel, const std::string& from, const std::string& to) const {
    std::string s = Read(rel);
    auto at = s.find(from);
    BOOST_REQUIRE_MESSAGE(at != std::string::npos, "fixture text not found: " + from);
    s.replace(at, from.size(), to);
    Write(rel, s);
  }
  static inline int counter = 0;
};

// A one-row checklist document asking `question` with a ticked "Yes".
vareport::Document OneRowChecklist(const std::string& question) {
  using namespace vareport;
  Document d;
  d.format = Format::kDocx;
  d.body.push_back(Block::MakeParagraph({"Victim Assistance Checklist", 1, -1, "", "", {}}));
  Table t;
  t.columns = 2;
  Row r;
  Cell q;
  q.blocks.push_back(Block::MakeParagraph({question, 0, -1, "", "", {}}));
  Cell a;
  a.column = 1;
  Paragraph p{"\xE2\x98\x92 Yes \xE2\x98\x90 No", 0, -1, "", "", {}};
  p.ticks.push_back({0, 3, true, TickEncoding::kGlyph, 1.0, ""});
  p.ticks.push_back({8, 3, false, TickEncoding::kGlyph, 1.0, ""});
  a.blocks.push_back(Block::MakeParagraph(p));
  r.cells.push_back(std::move(q));
  r.cells.push_back(std::move(a));
  t.rows.push_back(std::move(r));
  d.body.push_back(Block::MakeTable(std::move(t)));
  return d;
}

bool Answers(const vareport::RuleSet& rules, const vareport::Document& d, const std::string& qid) {
  vareport::Report r = vareport::Analyze(d, rules);
  for (const auto& a : r.answers)
    if (a.question == qid) return true;
  return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(rules)
BOOST_AUTO_TEST_SUITE(loader)

BOOST_AUTO_TEST_CASE(source_rules_load_and_cover_three_languages) {
  const vareport::RuleSet& rs = vareport::test::SourceRules();
  BOOST_TEST(rs.components.size() == 8u);
  BOOST_TEST(rs.QuestionCount() == 34);  // shared/spec/catalogue.json
  for (const char* lang : {"en", "fr", "es"}) BOOST_TEST(rs.lexicons.count(lang) == 1u);
  for (const auto& c : rs.components)
    for (const auto& q : c.questions)
      for (const char* lang : {"en", "fr", "es"}) {
        bool has = false;
        for (const auto& p : q.phrases) has = has || p.lang == lang;
        BOOST_TEST(has, q.id << " has a phrasing in " << lang);
      }
  BOOST_TEST(rs.version.size() == 12u);
}

BOOST_AUTO_TEST_CASE(states_come_from_icu_and_variants) {
  const vareport::RuleSet& rs = vareport::test::SourceRules();
  auto names_of = [&](const std::string& iso3) {
    for (const auto& s : rs.states)
      if (s.iso3 == iso3) return s.names;
    return std::vector<std::string>{};
  };
  auto has = [&](const std::string& iso3, const std::string& folded) {
    auto n = names_of(iso3);
    return std::find(n.begin(), n.end(), folded) != n.end();
  };
  BOOST_TEST(has("KHM", "cambodia"));   // ICU, English
  BOOST_TEST(has("KHM", "cambodge"));   // ICU, French
  BOOST_TEST(has("KHM", "camboya"));    // ICU, Spanish
  BOOST_TEST(has("COD", "rdc"));        // rule-file variant
  BOOST_TEST(has("TUR", "turkiye"));
  BOOST_TEST(rs.states.size() > 190u);
}

// The catalogue rules must not drift from shared/spec/catalogue.json.
BOOST_AUTO_TEST_CASE(catalogue_matches_the_spec) {
  std::string spec = vareport::test::SharedDir() + "/spec/catalogue.json";
  if (!fs::exists(spec)) {
    BOOST_TEST_MESSAGE("skipped: ../shared/spec/catalogue.json absent");
    return;
  }
  std::ifstream in(spec);
  nlohmann::json cat = nlohmann::json::parse(in);
  const vareport::RuleSet& rs = vareport::test::SourceRules();
  BOOST_TEST_REQUIRE(cat["components"].size() == rs.components.size());
  for (std::size_t i = 0; i < rs.components.size(); ++i) {
    const auto& jc = cat["components"][i];
    const auto& rc = rs.components[i];
    BOOST_TEST(jc["id"].get<std::string>() == rc.id);
    BOOST_TEST_REQUIRE(jc["questions"].size() == rc.questions.size(), rc.id);
    for (std::size_t k = 0; k < rc.questions.size(); ++k) {
      BOOST_TEST(jc["questions"][k]["id"].get<std::string>() == rc.questions[k].id);
      BOOST_TEST(jc["questions"][k]["type"].get<std::string>() == vareport::AnswerTypeName(rc.questions[k].type));
    }
    for (const auto& [plan, numbers] : jc["actions"].items()) {
      std::vector<std::string> want = numbers.get<std::vector<std::string>>();
      auto it = rc.actions.find(plan);
      std::vector<std::string> have = it == rc.actions.end() ? std::vector<std::string>{} : it->second;
      BOOST_TEST(want == have, rc.id << " actions in " << plan);
    }
  }
}

BOOST_AUTO_TEST_CASE(a_schema_violation_names_file_and_line) {
  RulesCopy copy;
  copy.Replace("catalogue.xml", R"(<question id="data.disaggregated" type="yesno">)",
               R"(<question id="data.disaggregated" type="boolean">)");
  auto r = vareport::LoadRules(copy.dir.string());
  BOOST_TEST_REQUIRE(!r.ok());
  BOOST_TEST((r.error().kind == vareport::ErrorKind::kRuleError));
  std::regex where(".*catalogue\\.xml:[0-9]+: .*boolean.*");
  BOOST_TEST(std::regex_match(r.error().message, where), r.error().message);
}

BOOST_AUTO_TEST_CASE(malformed_xml_names_file_and_line) {
  RulesCopy copy;
  copy.Replace("lexicon/fr.xml", "<w>oui</w>", "<w>oui</x>");
  auto r = vareport::LoadRules(copy.dir.string());
  BOOST_TEST_REQUIRE(!r.ok());
  BOOST_TEST(r.error().message.find("fr.xml:") != std::string::npos, r.error().message);
}

BOOST_AUTO_TEST_CASE(entity_declarations_are_refused) {
  RulesCopy copy;
  std::string s = copy.Read("plans.xml");
  s.insert(s.find("<plans>"), "<!DOCTYPE plans [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]>\n");
  copy.Write("plans.xml", s);
  auto r = vareport::LoadRules(copy.dir.string());
  BOOST_TEST_REQUIRE(!r.ok());
  BOOST_TEST(r.error().message.find("plans.xml:") != std::string::npos, r.error().message);
  BOOST_TEST(r.error().message.find("DOCTYPE") != std::string::npos, r.error().message);
}

// OCR confusions are rule data: one character read, one digit meant.
BOOST_AUTO_TEST_CASE(ocr_confusions_load_and_a_bad_pair_names_file_and_line) {
  {
    RulesCopy copy;
    copy.Replace("document.xml", R"(<confusion read="!" meant="1"/>)",
                 R"(<confusion read="!" meant="1"/><confusion read="S" meant="5"/>)");
    auto r = vareport::LoadRules(copy.dir.string());
    BOOST_TEST_REQUIRE(r.ok(), (r ? "" : r.error().message));
    const auto& pairs = r->document.ocr_confusions;
    BOOST_TEST((std::find(pairs.begin(), pairs.end(), std::make_pair(std::string("S"), std::string("5"))) != pairs.end()));
    BOOST_TEST((std::find(pairs.begin(), pairs.end(), std::make_pair(std::string("O"), std::string("0"))) != pairs.end()));
    BOOST_TEST(r->document.ocr_period_prefixes.size() == 4u);
  }
  for (const char* bad : {R"(<confusion read="ll" meant="1"/>)", R"(<confusion read="l" meant="x"/>)"}) {
    RulesCopy copy;
    copy.Replace("document.xml", R"(<confusion read="!" meant="1"/>)", bad);
    auto r = vareport::LoadRules(copy.dir.string());
    BOOST_TEST_REQUIRE(!r.ok());
    std::regex where(".*document\\.xml:[0-9]+: .*");
    BOOST_TEST(std::regex_match(r.error().message, where), r.error().message);
  }
}

BOOST_AUTO_TEST_CASE(unknown_plan_reference_is_refused) {
  RulesCopy copy;
  copy.Replace("catalogue.xml", R"(<actions plan="oslo-2019" numbers="35"/>)", R"(<actions plan="oslo-2091" numbers="35"/>)");
  auto r = vareport::LoadRules(copy.dir.string());
  BOOST_TEST_REQUIRE(!r.ok());
  BOOST_TEST(r.error().message.find("oslo-2091") != std::string::npos, r.error().message);
}

// A new phrasing is a rule-file edit, no rebuild: the same binary maps a
// question it could not map before.
BOOST_AUTO_TEST_CASE(a_new_phrasing_maps_without_rebuild) {
  const std::string odd = "Zorblat quendix mirvash?";
  vareport::Document d = OneRowChecklist(odd);
  RulesCopy copy;
  auto before = vareport::LoadRules(copy.dir.string());
  BOOST_TEST_REQUIRE(before.ok());
  BOOST_TEST(!Answers(*before, d, "psychosocial.peer_support"));
  copy.Replace("catalogue.xml", "<ask lang=\"en\">Do peer-to-peer support programmes exist?</ask>",
               "<ask lang=\"en\">Do peer-to-peer support programmes exist?</ask>\n      <ask lang=\"en\">" + odd + "</ask>");
  auto after = vareport::LoadRules(copy.dir.string());
  BOOST_TEST_REQUIRE(after.ok());
  BOOST_TEST(Answers(*after, d, "psychosocial.peer_support"));
}

BOOST_AUTO_TEST_SUITE_END()
BOOST_AUTO_TEST_SUITE_END()
