#include "rules/rule_loader.h"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>

#include "core/data_dir.h"
#include "core/text.h"
#include "rules/xml.h"

namespace vareport {
namespace {

namespace fs = std::filesystem;
using rules::Attr;
using rules::Children;
using rules::Line;
using rules::RuleError;
using rules::Text;

Phrase MakePhrase(const std::string& lang, const std::string& text, const std::string& file, int line) {
  return Phrase{lang, text, MatchTokens(text), file, line};
}

// Folds a cue phrase word by word, keeping a trailing "*" (prefix match).
std::string FoldPattern(const std::string& text) {
  if (Trim(text) == "#") return "#";  // "the sentence states a figure"
  std::string out;
  std::istringstream in(text);
  std::string w;
  while (in >> w) {
    bool star = !w.empty() && w.back() == '*';
    std::string f = FoldForMatch(star ? w.substr(0, w.size() - 1) : w);
    if (f.empty()) continue;
    if (!out.empty()) out += ' ';
    out += f;
    if (star) out += '*';
  }
  return out;
}

std::vector<std::string> SplitSpaces(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  std::string w;
  while (in >> w) out.push_back(w);
  return out;
}

std::vector<std::string> FoldedWords(xmlNode* parent) {
  std::vector<std::string> out;
  for (xmlNode* w : Children(parent, "w")) {
    std::string f = FoldForMatch(Text(w));
    if (!f.empty()) out.push_back(f);
  }
  return out;
}

Status LoadCatalogue(const std::string& dir, RuleSet& rs) {
  const std::string file = dir + "/catalogue.xml";
  Result<rules::XmlDocPtr> doc = rules::LoadValidated(file, dir + "/schema/catalogue.xsd");
  if (!doc) return doc.error();
  xmlNode* root = xmlDocGetRootElement(doc->get());
  for (xmlNode* cn : Children(root, "component")) {
    ComponentRule c;
    c.id = Attr(cn, "id");
    for (xmlNode* t : Children(cn, "title")) c.title = Text(t);
    for (xmlNode* a : Children(cn, "actions")) c.actions[Attr(a, "plan")] = SplitSpaces(Attr(a, "numbers"));
    for (xmlNode* h : Children(cn, "heading")) c.headings.push_back(MakePhrase(Attr(h, "lang"), Text(h), file, Line(h)));
    for (xmlNode* qn : Children(cn, "question")) {
      QuestionRule q;
      q.id = Attr(qn, "id");
      q.component = c.id;
      if (q.id.rfind(c.id + ".", 0) != 0) {
        return RuleError(file, Line(qn), "question '" + q.id + "' must start with its component id '" + c.id + ".'");
      }
      q.type = ParseAnswerType(Attr(qn, "type")).value_or(AnswerType::kText);
      for (xmlNode* m : Children(qn, "meaning")) q.meaning = Text(m);
      for (xmlNode* a : Children(qn, "ask")) q.phrases.push_back(MakePhrase(Attr(a, "lang"), Text(a), file, Line(a)));
      for (xmlNode* cue : Children(qn, "cue")) {
        NarrativeCue nc;
        nc.lang = Attr(cue, "lang");
        nc.value = Attr(cue, "value", "auto");
        nc.line = Line(cue);
        for (xmlNode* a : Children(cue, "all")) nc.all.push_back(FoldPattern(Text(a)));
        for (xmlNode* a : Children(cue, "none")) nc.none.push_back(FoldPattern(Text(a)));
        static const std::set<std::string> kValues = {"auto", "yes", "no", "partial", "unknown", "number", "text", "year"};
        if (!kValues.count(nc.value)) return RuleError(file, nc.line, "unknown cue value '" + nc.value + "'");
        q.cues.push_back(std::move(nc));
      }
      c.questions.push_back(std::move(q));
    }
    rs.components.push_back(std::move(c));
  }
  return Ok{};
}

Status LoadLexicon(const std::string& file, const std::string& schema, RuleSet& rs) {
  Result<rules::XmlDocPtr> doc = rules::LoadValidated(file, schema);
  if (!doc) return doc.error();
  xmlNode* root = xmlDocGetRootElement(doc->get());
  Lexicon lx;
  lx.lang = Attr(root, "lang");
  lx.noun_head_last = Attr(root, "noun-head") == "last";
  std::string stem = fs::path(file).stem().string();
  if (stem != lx.lang) return RuleError(file, Line(root), "lexicon for '" + lx.lang + "' must be named " + lx.lang + ".xml");
  for (xmlNode* a : Children(root, "answer")) {
    auto& v = lx.answers[Attr(a, "value")];
    for (std::string& w : FoldedWords(a)) v.push_back(std::move(w));
  }
  const std::map<std::string, std::vector<std::string>*> lists = {
      {"stopwords", &lx.stopwords},           {"objective_headings", &lx.objective_headings},
      {"question_headers", &lx.question_headers}, {"comment_headers", &lx.comment_headers},
      {"value_labels", &lx.value_labels},     {"vague_verbs", &lx.vague_verbs},
      {"deliverable_verbs", &lx.deliverable_verbs}, {"instrument_nouns", &lx.instrument_nouns},
      {"untimed", &lx.untimed},               {"relative_periods", &lx.relative_periods},
      {"period_units", &lx.period_units},     {"start_cues", &lx.start_cues},
      {"end_of", &lx.end_of},                 {"mid_of", &lx.mid_of},                 {"non_units", &lx.non_units},  {"quantity_words", &lx.quantity_words},
      {"deadline_prepositions", &lx.deadline_prepositions},
      {"plan_objective_headers", &lx.plan_objective_headers}, {"plan_target_headers", &lx.plan_target_headers},
      {"plan_deadline_headers", &lx.plan_deadline_headers}, {"negation_markers", &lx.negation_markers},
      {"plan_action_headers", &lx.plan_action_headers},
      {"partial_markers", &lx.partial_markers}, {"unknown_markers", &lx.unknown_markers}, {"future_markers", &lx.future_markers},
      {"target_markers", &lx.target_markers},
      {"answer_labels", &lx.answer_labels},
      {"plan_component_headers", &lx.plan_component_headers},
      {"report_markers", &lx.report_markers},
      {"reference_cues", &lx.reference_cues},
      {"people_nouns", &lx.people_nouns},
      {"not_deadline_cues", &lx.not_deadline_cues},
      {"frequency_words", &lx.frequency_words},
      {"law_nouns", &lx.law_nouns},
      {"page_furniture", &lx.page_furniture},
      {"va_terms", &lx.va_terms},
      {"noun_modifiers", &lx.noun_modifiers},
      {"range_joiners", &lx.range_joiners}};
  for (xmlNode* l : Children(root, "list")) {
    auto it = lists.find(Attr(l, "name"));
    if (it == lists.end()) continue;  // the schema already refused unknown names
    for (std::string& w : FoldedWords(l)) it->second->push_back(std::move(w));
  }
  for (xmlNode* q : Children(root, "quarter")) {
    int n = std::atoi(Attr(q, "n").c_str());
    for (std::string& w : FoldedWords(q)) lx.quarters[w] = n;
  }
  // Longest phrases first, so "in progress" is tried before "in".
  for (auto& [value, words] : lx.answers) {
    std::stable_sort(words.begin(), words.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
  }
  if (rs.lexicons.count(lx.lang)) return RuleError(file, Line(root), "duplicate lexicon for '" + lx.lang + "'");
  rs.lexicons[lx.lang] = std::move(lx);
  return Ok{};
}

// ICU knows every region's name in every language: take en, fr, es from it.
void AddIcuStateNames(std::map<std::string, std::set<std::string>>& names) {
  static const char* const kLangs[] = {"en", "fr", "es"};
  for (const char* const* c = icu::Locale::getISOCountries(); *c != nullptr; ++c) {
    icu::Locale region("", *c);
    std::string iso3 = region.getISO3Country();
    if (iso3.size() != 3) continue;
    for (const char* lang : kLangs) {
      icu::UnicodeString display;
      region.getDisplayCountry(icu::Locale(lang), display);
      std::string name;
      display.toUTF8String(name);
      std::string folded = FoldForMatch(name);
      if (folded.size() >= 4 && folded != FoldForMatch(*c)) names[iso3].insert(folded);
    }
  }
}

Status LoadStates(const std::string& dir, RuleSet& rs) {
  const std::string file = dir + "/states.xml";
  Result<rules::XmlDocPtr> doc = rules::LoadValidated(file, dir + "/schema/states.xsd");
  if (!doc) return doc.error();
  std::map<std::string, std::set<std::string>> names;
  AddIcuStateNames(names);
  for (xmlNode* s : Children(xmlDocGetRootElement(doc->get()), "state")) {
    std::string iso3 = Attr(s, "iso3");
    for (xmlNode* n : Children(s, "name")) names[iso3].insert(FoldForMatch(Text(n)));
  }
  // ICU short forms such as "congo kinshasa" are kept; ambiguous bare names are
  // resolved by the longest match at analysis time.
  for (auto& [iso3, set] : names) {
    StateRule st{iso3, {set.begin(), set.end()}};
    std::sort(st.names.begin(), st.names.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
    rs.states.push_back(std::move(st));
  }
  return Ok{};
}

Status LoadPlans(const std::string& dir, RuleSet& rs) {
  const std::string file = dir + "/plans.xml";
  Result<rules::XmlDocPtr> doc = rules::LoadValidated(file, dir + "/schema/plans.xsd");
  if (!doc) return doc.error();
  for (xmlNode* p : Children(xmlDocGetRootElement(doc->get()), "plan")) {
    PlanRule plan;
    plan.id = Attr(p, "id");
    plan.first_year = std::atoi(Attr(p, "first-year").c_str());
    plan.last_year = std::atoi(Attr(p, "last-year").c_str());
    if (plan.last_year < plan.first_year) return RuleError(file, Line(p), "last-year before first-year");
    for (xmlNode* n : Children(p, "name")) plan.names.push_back(FoldForMatch(Text(n)));
    rs.plans.push_back(std::move(plan));
  }
  return Ok{};
}

// rules/states_parties.xml: the roster of States Parties expected to report.
Status LoadStatesParties(const std::string& dir, RuleSet& rs) {
  const std::string file = dir + "/states_parties.xml";
  Result<rules::XmlDocPtr> doc = rules::LoadValidated(file, dir + "/schema/states_parties.xsd");
  if (!doc) return doc.error();
  xmlNode* root = xmlDocGetRootElement(doc->get());
  rs.states_parties_source = Attr(root, "source");
  for (xmlNode* p : Children(root, "party")) {
    StatePartyRule party;
    party.iso3 = Attr(p, "iso3");
    for (xmlNode* n : Children(p, "en")) party.name_en = Trim(Text(n));
    for (xmlNode* n : Children(p, "fr")) party.name_fr = Trim(Text(n));
    for (xmlNode* n : Children(p, "es")) party.name_es = Trim(Text(n));
    rs.states_parties.push_back(std::move(party));
  }
  return Ok{};
}

Status LoadDocumentRules(const std::string& dir, RuleSet& rs) {
  const std::string file = dir + "/document.xml";
  Result<rules::XmlDocPtr> doc = rules::LoadValidated(file, dir + "/schema/document.xsd");
  if (!doc) return doc.error();
  auto phrases = [](xmlNode* n) {
    std::vector<std::string> out;
    for (xmlNode* p : Children(n, "p")) out.push_back(FoldForMatch(Text(p)));
    return out;
  };
  xmlNode* root = xmlDocGetRootElement(doc->get());
  for (xmlNode* k : Children(root, "kind")) rs.document.kinds.emplace_back(Attr(k, "id"), phrases(k));
  for (xmlNode* n : Children(root, "state-labels")) rs.document.state_labels = phrases(n);
  for (xmlNode* n : Children(root, "year-labels")) rs.document.year_labels = phrases(n);
  for (xmlNode* n : Children(root, "action-words")) rs.document.action_words = phrases(n);
  for (xmlNode* n : Children(root, "action-sign-misreadings")) rs.document.action_sign_misreadings = phrases(n);
  for (xmlNode* n : Children(root, "ocr-confusions")) {
    for (xmlNode* c : Children(n, "confusion")) rs.document.ocr_confusions.emplace_back(Attr(c, "read"), Attr(c, "meant"));
    for (xmlNode* p : Children(n, "period-prefix")) rs.document.ocr_period_prefixes.push_back(Text(p));
  }
  return Ok{};
}

// Cross-file checks the XSDs cannot express.
Status CheckReferences(RuleSet& rs) {
  std::set<std::string> plan_ids;
  for (const PlanRule& p : rs.plans) plan_ids.insert(p.id);
  const std::string file = rs.directory + "/catalogue.xml";
  for (const ComponentRule& c : rs.components) {
    for (const auto& [plan, numbers] : c.actions) {
      if (!plan_ids.count(plan)) return MakeError(ErrorKind::kRuleError, file + ": component '" + c.id + "' names unknown plan '" + plan + "' (not in plans.xml)");
    }
    for (const QuestionRule& q : c.questions)
      for (const Phrase& p : q.phrases)
        if (p.lang != "*" && !rs.lexicons.count(p.lang))
          return RuleError(p.file, p.line, "phrase in language '" + p.lang + "' but there is no lexicon/" + p.lang + ".xml");
  }
  std::set<std::string> known_states;
  for (const StateRule& st : rs.states) known_states.insert(st.iso3);
  for (const StatePartyRule& p : rs.states_parties)
    if (!known_states.count(p.iso3))
      return MakeError(ErrorKind::kRuleError, rs.directory + "/states_parties.xml: '" + p.iso3 +
                                                  "' is not an ISO 3166-1 alpha-3 code ICU or states.xml knows");
  if (!rs.lexicons.count("en")) return MakeError(ErrorKind::kRuleError, rs.directory + "/lexicon: an English lexicon (en.xml) is required");
  return Ok{};
}

std::string HashFiles(const std::vector<std::string>& files) {
  // FNV-1a over the bytes of every file, in order: identifies the rule version.
  uint64_t h = 1469598103934665603ull;
  for (const std::string& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    for (unsigned char c : ss.str()) {
      h ^= c;
      h *= 1099511628211ull;
    }
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return std::string(buf, 12);
}

}  // namespace

Result<RuleSet> LoadRules(const std::string& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return MakeError(ErrorKind::kRuleError, dir + ": not a rule folder");
  RuleSet rs;
  rs.directory = dir;
  std::vector<std::string> files = {dir + "/catalogue.xml", dir + "/states.xml", dir + "/plans.xml", dir + "/document.xml",
                                    dir + "/states_parties.xml"};

  if (Status s = LoadCatalogue(dir, rs); !s) return s.error();
  std::vector<std::string> lexicon_files;
  for (const auto& e : fs::directory_iterator(dir + "/lexicon", ec)) {
    if (e.path().extension() == ".xml") lexicon_files.push_back(e.path().string());
  }
  if (ec) return MakeError(ErrorKind::kRuleError, dir + "/lexicon: cannot read folder");
  std::sort(lexicon_files.begin(), lexicon_files.end());
  for (const std::string& f : lexicon_files) {
    if (Status s = LoadLexicon(f, dir + "/schema/lexicon.xsd", rs); !s) return s.error();
    files.push_back(f);
  }
  if (Status s = LoadStates(dir, rs); !s) return s.error();
  if (Status s = LoadPlans(dir, rs); !s) return s.error();
  if (Status s = LoadDocumentRules(dir, rs); !s) return s.error();
  if (Status s = LoadStatesParties(dir, rs); !s) return s.error();
  if (Status s = CheckReferences(rs); !s) return s.error();
  rs.version = HashFiles(files);
  return rs;
}

std::string DefaultRulesDir() {
  return DataDir("VAREPORT_RULES", VAREPORT_SOURCE_RULES_DIR, VAREPORT_INSTALL_RULES_DIR);
}

}  // namespace vareport
