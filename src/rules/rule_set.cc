#include "rules/rule_set.h"

namespace vareport {

const QuestionRule* RuleSet::FindQuestion(const std::string& id) const {
  for (const ComponentRule& c : components)
    for (const QuestionRule& q : c.questions)
      if (q.id == id) return &q;
  return nullptr;
}

const ComponentRule* RuleSet::FindComponent(const std::string& id) const {
  for (const ComponentRule& c : components)
    if (c.id == id) return &c;
  return nullptr;
}

const StatePartyRule* RuleSet::FindStateParty(const std::string& iso3) const {
  for (const StatePartyRule& p : states_parties)
    if (p.iso3 == iso3) return &p;
  return nullptr;
}

const Lexicon* RuleSet::LexiconFor(const std::string& lang) const {
  auto it = lexicons.find(lang);
  if (it != lexicons.end()) return &it->second;
  it = lexicons.find("en");
  if (it != lexicons.end()) return &it->second;
  return lexicons.empty() ? nullptr : &lexicons.begin()->second;
}

int RuleSet::QuestionCount() const {
  int n = 0;
  for (const ComponentRule& c : components) n += static_cast<int>(c.questions.size());
  return n;
}

std::optional<AnswerType> ParseAnswerType(const std::string& name) {
  if (name == "yesno") return AnswerType::kYesNo;
  if (name == "number") return AnswerType::kNumber;
  if (name == "text") return AnswerType::kText;
  if (name == "year") return AnswerType::kYear;
  return std::nullopt;
}

const char* AnswerTypeName(AnswerType t) {
  switch (t) {
    case AnswerType::kYesNo: return "yesno";
    case AnswerType::kNumber: return "number";
    case AnswerType::kText: return "text";
    case AnswerType::kYear: return "year";
  }
  return "text";
}

}  // namespace vareport
