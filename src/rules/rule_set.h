// vareport/rules/rule_set.h — the rules, as loaded from the rule files in
// rules/ (see rules/README.md for the file format). Everything a reviewer's
// reading depends on — the catalogue of components and questions, the words of
// each language, the States, the action plans, the document layouts — lives
// here as data; the analysis code stays language- and plan-neutral.
//
// A RuleSet is immutable once loaded and safe to share between threads.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace vareport {

// Answer types of catalogue.json "answer_types".
enum class AnswerType { kYesNo, kNumber, kText, kYear };

// A phrase as written in a rule file, with its match form (FoldForMatch tokens).
struct Phrase {
  std::string lang;                 // ISO 639-1, or "*" for any language
  std::string text;                 // as written
  std::vector<std::string> tokens;  // MatchTokens(text)
  std::string file;                 // rule file and line, for messages
  int line = 0;
};

// An Article 7 narrative cue: a sentence whose folded text contains every
// phrase of `all` (and none of `none`) answers the question. `value` is
// "auto" (yes / no / partial / unknown decided by the lexicon's polarity
// markers), a fixed "yes" / "no" / "partial" / "unknown", "number" (the figure
// right before the first `all` phrase, else right after it), "year" (the last
// year in the sentence: the end of a range) or "text" (the sentence). A
// `none` of "#" excludes sentences that state a figure.
struct NarrativeCue {
  std::string lang;
  std::string value;
  std::vector<std::string> all;   // folded phrases, all required
  std::vector<std::string> none;  // folded phrases, none allowed
  int line = 0;
};

struct QuestionRule {
  std::string id;         // "coordination.focal_point"
  std::string component;  // "coordination"
  AnswerType type = AnswerType::kYesNo;
  std::string meaning;
  std::vector<Phrase> phrases;     // how checklists ask it, per language
  std::vector<NarrativeCue> cues;  // how narratives answer it, per language
};

struct ComponentRule {
  std::string id;     // "rehabilitation"
  std::string title;  // English title
  // Action numbers per plan id ("oslo-2019" → {"38"}).
  std::map<std::string, std::vector<std::string>> actions;
  std::vector<Phrase> headings;  // section titles per language
  std::vector<QuestionRule> questions;
};

// The words of one language (rules/lexicon/<lang>.xml).
struct Lexicon {
  std::string lang;
  // Answer value ("yes", "no", "partial", "unknown") → folded words and phrases.
  std::map<std::string, std::vector<std::string>> answers;
  std::vector<std::string> stopwords;           // frequent words, for language detection
  std::vector<std::string> objective_headings;  // "objectives for", "objectifs", "objetivos"
  std::vector<std::string> question_headers;    // column headers of the question column
  std::vector<std::string> comment_headers;     // column headers of free comments (never answers)
  std::vector<std::string> value_labels;        // "number", "entity", "year" (stripped before a value)
  std::vector<std::string> vague_verbs;         // "strengthen", "improve" (not measurable alone)
  std::vector<std::string> deliverable_verbs;   // "adopt", "establish", "ratify", "publish"
  std::vector<std::string> instrument_nouns;    // "plan", "strategy", "law", "standard", "database"
  std::vector<std::string> untimed;             // "as soon as possible", "in the coming years"
  std::vector<std::string> relative_periods;    // "within", "dans les", "en un plazo de"
  std::vector<std::string> period_units;        // "months", "years", "mois", "meses"
  std::vector<std::string> start_cues;          // "of adoption", "suivant", "a partir de": relative to a start
  std::vector<std::string> end_of;              // "end of", "fin", "finales de"
  std::vector<std::string> mid_of;              // "mid", "mi", "mediados de": the year's 30 June
  // Quarters: folded phrase → quarter number 1..4 ("q3" → 3, "deuxième trimestre" → 2).
  std::map<std::string, int> quarters;
  std::vector<std::string> quantity_words;      // "half", "double", "moitié": a quantity without a figure
  std::vector<std::string> non_units;           // words after a number that make it not a quantity ("months")
  std::vector<std::string> plan_objective_headers;  // results-table column headers
  std::vector<std::string> plan_target_headers;
  std::vector<std::string> plan_deadline_headers;
  std::vector<std::string> plan_action_headers;  // "activity", "mesure", "actividad": the objectives of a table with no objective column
  std::vector<std::string> negation_markers;  // polarity of narrative sentences
  std::vector<std::string> partial_markers;
  std::vector<std::string> unknown_markers;
  std::vector<std::string> future_markers;
  std::vector<std::string> target_markers;    // "aims to", "prévoit de": a target sentence in a narrative    // "will", "sera": an intention, not a fact to report
  std::vector<std::string> deadline_prepositions;  // "by", "d ici", "para": a year after one is a deadline
  std::vector<std::string> answer_labels;  // labels that introduce an answer line ("Answer:", "Réponse :", "Respuesta:")
  std::vector<std::string> plan_component_headers;  // results-table column headers of the component column ("Component", "Pillar")
  std::vector<std::string> people_nouns;    // "persons", "survivors": a figure before them still counts a cue's anchor
  std::vector<std::string> reference_cues;  // a sentence that only points elsewhere ("see", "véase", "voir"): not an objective
  std::vector<std::string> report_markers;  // a sentence that reports what was done ("were trained", "has been adopted"): not an objective
  std::vector<std::string> not_deadline_cues;  // words before a year that make it a past or reference year ("since", "adopted in")
  std::vector<std::string> frequency_words;  // frequencies that are quantities ("quarterly", "monthly", "annual")
  std::vector<std::string> law_nouns;  // nouns whose following number is an identifier, not a quantity ("law", "article", "decree")
  std::vector<std::string> noun_modifiers;  // "new", "nouveaux": never the noun a figure counts
  std::vector<std::string> range_joiners;   // "and", "to", "et", "y", "a": "between 2025 and 2027" is a range
  bool noun_head_last = false;  // "3 new health centres": the counted noun ends the phrase (English)
  std::vector<std::string> va_terms;  // words of victim assistance ("survivors", "landmine"): tell a VA report from any document
  std::vector<std::string> page_furniture;  // running header/footer phrases ("page", "of"), never content
};

// A State (Party or not) with its names in every language the rules know,
// from ICU's region names plus the rule file's variants.
struct StateRule {
  std::string iso3;                 // ISO 3166-1 alpha-3
  std::vector<std::string> names;   // folded names, longest first
};

// A State Party expected to report on victim assistance (rules/states_parties.xml):
// one with significant numbers of mine survivors. The completeness matrix lists
// every one of them for a reporting year.
struct StatePartyRule {
  std::string iso3;                // ISO 3166-1 alpha-3
  std::string name_en, name_fr, name_es;  // short names as the Convention's documents write them
};

// An action plan (Cartagena 2009, Maputo 2014, Oslo 2019, Siem Reap–Angkor 2024).
struct PlanRule {
  std::string id;                  // "oslo-2019"
  int first_year = 0;              // first reporting year it governs
  int last_year = 0;               // last reporting year it governs
  std::vector<std::string> names;  // folded names in every language
};

// Document kinds and where the front matter states who reports and when.
struct DocumentRules {
  // kind id ("va_checklist") → folded title phrases.
  std::vector<std::pair<std::string, std::vector<std::string>>> kinds;
  std::vector<std::string> state_labels;   // "state party", "country", "état partie"
  std::vector<std::string> year_labels;    // "reporting year", "period covered", "année de référence"
  std::vector<std::string> action_words;   // "action", "actions", "acción", "acciones"
  // OCR readings of the "#" glued before an action number ("1" in "139" for #39).
  std::vector<std::string> action_sign_misreadings;
  // OCR confusions in figures and dates (document.xml <ocr-confusions>, not
  // folded): read → meant, one code point each ("l" → "1", "O" → "0"), and
  // the period prefixes before a year ("Q", "T", "S", "H").
  std::vector<std::pair<std::string, std::string>> ocr_confusions;
  std::vector<std::string> ocr_period_prefixes;
};

struct RuleSet {
  std::string directory;  // where the rules were loaded from
  std::string version;    // short hash of every rule file's bytes
  std::vector<ComponentRule> components;
  std::map<std::string, Lexicon> lexicons;  // by language
  std::vector<StateRule> states;
  std::vector<PlanRule> plans;
  DocumentRules document;
  std::vector<StatePartyRule> states_parties;  // the roster, in file order
  std::string states_parties_source;           // where the roster comes from (its `source`)

  // Returns the question with `id`, or nullptr.
  const QuestionRule* FindQuestion(const std::string& id) const;
  // Returns the component with `id`, or nullptr.
  const ComponentRule* FindComponent(const std::string& id) const;
  // Returns the lexicon of `lang`, falling back to English; never nullptr once loaded.
  const Lexicon* LexiconFor(const std::string& lang) const;
  // Returns the roster entry of `iso3`, or nullptr when the State is not on it.
  const StatePartyRule* FindStateParty(const std::string& iso3) const;
  // Total number of catalogue questions.
  int QuestionCount() const;
};

// Parses an answer-type name of catalogue.json ("yesno", "number", "text", "year").
std::optional<AnswerType> ParseAnswerType(const std::string& name);
const char* AnswerTypeName(AnswerType t);

}  // namespace vareport
