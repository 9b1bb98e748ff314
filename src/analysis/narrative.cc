// Narrative answers (Article 7 Form J and plan preambles): each sentence of a
// component's section is tried against the narrative cues of its questions
// (rules/catalogue.xml <cue>): a cue answers when its phrases all occur in the
// sentence and none of its excluded phrases do. Yes/no values come from the
// sentence's polarity (lexicon markers: "not", "but", "only", "pas encore",
// "todavía no"); figures are read with the document's separators.
#include <algorithm>

#include "analysis/steps.h"
#include "core/text.h"
#include "rules/numbers.h"

namespace vareport::analysis {
namespace {

// Splits a paragraph into sentences at ". ", "; ", "? ", "! ".
std::vector<std::string> Sentences(const std::string& text) {
  std::vector<std::string> out;
  std::string cur;
  for (std::size_t i = 0; i < text.size(); ++i) {
    cur += text[i];
    char c = text[i];
    bool end = (c == '.' || c == ';' || c == '?' || c == '!') && (i + 1 == text.size() || text[i + 1] == ' ');
    // "n°35." or "No. 35" are not sentence ends: require a lower-case or digit-free word before.
    if (end) {
      std::string t = Trim(cur);
      if (!t.empty()) out.push_back(t);
      cur.clear();
    }
  }
  std::string t = Trim(cur);
  if (!t.empty()) out.push_back(t);
  return out;
}

// True when the words of `phrase` stand in `folded` in order and adjacent; a
// phrase word ending in "*" matches any word it begins ("particip*").
bool Contains(const std::string& folded, const std::string& phrase) {
  if (phrase.find('*') == std::string::npos) return (" " + folded + " ").find(" " + phrase + " ") != std::string::npos;
  std::vector<std::string> text = MatchTokens(folded);
  std::vector<std::string> want;
  {
    std::size_t i = 0;
    while (i < phrase.size()) {
      std::size_t j = phrase.find(' ', i);
      if (j == std::string::npos) j = phrase.size();
      if (j > i) want.push_back(phrase.substr(i, j - i));
      i = j + 1;
    }
  }
  auto word_matches = [](const std::string& w, const std::string& pattern) {
    if (!pattern.empty() && pattern.back() == '*') return w.rfind(pattern.substr(0, pattern.size() - 1), 0) == 0;
    return w == pattern;
  };
  for (std::size_t s = 0; s + want.size() <= text.size(); ++s) {
    bool ok = true;
    for (std::size_t k = 0; k < want.size() && ok; ++k) ok = word_matches(text[s + k], want[k]);
    if (ok) return true;
  }
  return false;
}

bool HasAny(const std::string& folded, const std::vector<std::string>& phrases) {
  return std::any_of(phrases.begin(), phrases.end(), [&](const std::string& p) { return Contains(folded, p); });
}

// True when the sentence states a figure (not a year, date part or action number).
bool HasFigure(const std::string& sentence, const std::string& lang) {
  for (const NumberMatch& m : FindNumbers(sentence, lang))
    if (!m.year_like && !m.after_hash && m.integer && m.value >= 1) return true;
  return false;
}

// A title or label: no sentence-ending punctuation and few words.
bool IsTitleLike(const std::string& sentence) {
  std::string t = Trim(sentence);
  while (!t.empty() && std::isdigit(static_cast<unsigned char>(t.back()))) t.pop_back();  // footnote mark ".2"
  bool ends = !t.empty() && (t.back() == '.' || t.back() == ';' || t.back() == '!');
  return !ends && MatchTokens(t).size() <= 12;
}

// yes / no / partial / unknown from the lexicon's polarity markers: an
// unknown marker wins, then a partial one ("but", "only", "not yet"), then a
// negation; a plain statement is a yes.
std::string Polarity(const Lexicon& lx, const std::string& folded) {
  if (HasAny(folded, lx.unknown_markers)) return "unknown";
  if (HasAny(folded, lx.partial_markers)) return "partial";
  if (HasAny(folded, lx.negation_markers)) return "no";
  return "yes";
}

// Byte offset in `sentence` where the folded `phrase` starts, found by
// folding growing prefixes (sentences are short); npos when absent.
std::size_t PhraseOffset(const std::string& sentence, const std::string& phrase) {
  std::size_t best = std::string::npos;
  for (std::size_t i = 0; i < sentence.size(); ++i) {
    if (i > 0 && static_cast<unsigned char>(sentence[i]) >= 0x80 && static_cast<unsigned char>(sentence[i]) < 0xC0) continue;
    if (i > 0 && std::isalnum(static_cast<unsigned char>(sentence[i - 1]))) continue;
    std::string tail = FoldForMatch(sentence.substr(i, phrase.size() * 2 + 8));
    if (tail == phrase || tail.rfind(phrase + " ", 0) == 0) {
      best = i;
      break;
    }
  }
  return best;
}

// The figure that counts the cue's anchor phrase: the closest figure before
// it (within 40 bytes), else the closest after it. Years, percentages and
// action numbers are never counts.
// A figure after the anchor counts something else when a noun of its own
// follows it ("ces centres ont fourni 32 prothèses"), unless that noun is the
// anchor's or names people (lexicon people_nouns: "34 personnes").
long long AnchoredFigure(const std::string& sentence, const std::string& anchor, const std::string& lang,
                         const std::vector<std::string>& people_nouns) {
  std::vector<NumberMatch> ms = FindNumbers(sentence, lang);
  std::size_t at = PhraseOffset(sentence, anchor);
  const NumberMatch* before = nullptr;
  const NumberMatch* after = nullptr;
  std::vector<std::string> anchor_words = MatchTokens(anchor);
  auto counts_other = [&](const NumberMatch& m) {
    std::vector<std::string> next = MatchTokens(FoldForMatch(sentence.substr(m.end, 48)));
    if (next.empty() || !std::isalpha(static_cast<unsigned char>(next[0][0])) || next[0].size() < 3) return false;
    for (const std::string& a : anchor_words)
      if (next[0] == a || (a.back() == '*' && next[0].rfind(a.substr(0, a.size() - 1), 0) == 0)) return false;
    return std::find(people_nouns.begin(), people_nouns.end(), next[0]) == people_nouns.end();
  };
  for (const NumberMatch& m : ms) {
    if (m.year_like || m.after_hash || !m.integer || m.percent) continue;
    if (at == std::string::npos) return static_cast<long long>(m.value);
    if (m.end <= at && at - m.end <= 40) before = &m;
    if (m.begin >= at && !after && m.begin - at <= 60 && !counts_other(m)) after = &m;
  }
  if (before) return static_cast<long long>(before->value);
  if (after) return static_cast<long long>(after->value);
  return -1;
}

// The last year written in the sentence (the end of "2019–2023").
long long LastYear(const std::string& sentence, const std::string& lang) {
  long long y = -1;
  for (const NumberMatch& m : FindNumbers(sentence, lang))
    if (m.year_like) y = static_cast<long long>(m.value);
  return y;
}

}  // namespace

void ReadNarrative(Context& ctx) {
  std::set<std::string> answered;
  for (const Answer& a : ctx.report.answers) answered.insert(a.question);
  std::map<std::string, std::set<std::string>> values;  // question → values seen in prose
  std::map<std::string, Answer> first;
  for (std::size_t i = 0; i < ctx.units.size(); ++i) {
    const Unit& u = ctx.units[i];
    if (u.kind != Unit::Kind::kText || ctx.role[i] != Role::kPlain) continue;
    // In a component's section, its questions; before any section (a plan's
    // preamble), every question.
    std::vector<const QuestionRule*> questions;
    for (const ComponentRule& c : ctx.rules.components)
      if (ctx.component[i].empty() || c.id == ctx.component[i])
        for (const QuestionRule& q : c.questions) questions.push_back(&q);
    bool any = false;
    for (const std::string& sentence : Sentences(u.text)) {
      std::string f = FoldForMatch(sentence);
      // Titles and labels state nothing; intentions ("will be reviewed") are not facts.
      if (IsTitleLike(sentence) || HasAny(f, ctx.lx->future_markers)) continue;
      for (const QuestionRule* qp : questions) {
        const QuestionRule& q = *qp;
        if (answered.count(q.id)) continue;
        for (const NarrativeCue& cue : q.cues) {
          if (cue.lang != ctx.lang && cue.lang != "*") continue;
          if (!std::all_of(cue.all.begin(), cue.all.end(), [&](const std::string& p) { return Contains(f, p); })) continue;
          if (std::any_of(cue.none.begin(), cue.none.end(), [&](const std::string& p) {
                return p == "#" ? HasFigure(sentence, ctx.lang) : Contains(f, p);
              })) {
            continue;
          }
          Answer a;
          a.question = q.id;
          a.evidence = {u.page, TruncateUtf8(sentence, 400)};
          a.source = "prose";
          a.confidence = 0.8;
          if (cue.value == "number") {
            long long v = AnchoredFigure(sentence, cue.all.front(), ctx.lang, ctx.lx->people_nouns);
            if (v < 0) continue;
            a.value.kind = AnswerValue::Kind::kInteger;
            a.value.integer = v;
          } else if (cue.value == "year") {
            long long v = LastYear(sentence, ctx.lang);
            if (v < 0) continue;
            a.value.kind = AnswerValue::Kind::kInteger;
            a.value.integer = v;
          } else if (cue.value == "text") {
            if (Polarity(*ctx.lx, f) == "no" || Polarity(*ctx.lx, f) == "unknown") continue;  // nothing to name
            a.value.kind = AnswerValue::Kind::kText;
            a.value.text = sentence;
          } else {
            a.value.kind = AnswerValue::Kind::kWord;
            a.value.text = cue.value == "auto" ? Polarity(*ctx.lx, f) : cue.value;
          }
          std::string key = a.value.kind == AnswerValue::Kind::kInteger ? std::to_string(a.value.integer) : a.value.text;
          values[q.id].insert(key);
          if (!first.count(q.id)) first[q.id] = a;
          any = true;
          break;  // one cue per question and sentence
        }
      }
    }
    if (!ctx.component[i].empty()) ctx.with_content.insert(ctx.component[i]);
    (void)any;
  }
  for (auto& [qid, a] : first) {
    // Only the first reading counts; prose that contradicts itself lowers confidence.
    if (values[qid].size() > 1) a.confidence = 0.5;
    ctx.report.answers.push_back(std::move(a));
  }
}

}  // namespace vareport::analysis
