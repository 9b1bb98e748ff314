// vareport/analysis/matcher.h — matches a question as a document words it to
// a catalogue question, by normalised token similarity against every phrasing
// in the rules (rules/catalogue.xml <ask>), so reworded questions still map.
//
// Tokens are folded (case, accents, punctuation), stop words of every lexicon
// dropped, and cut to a 6-letter stem; each stem is weighted by how rare it is
// among the catalogue's questions (inverse document frequency), and the score
// is the weighted cosine of the two token sets, 0..1.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "rules/rule_set.h"

namespace vareport::analysis {

struct QuestionMatch {
  const QuestionRule* question = nullptr;
  double score = 0;  // 0..1
  int shared = 0;    // stems the text shares with the best phrasing
};

class QuestionMatcher {
 public:
  // Builds the weights from `rules`. The matcher keeps pointers into its
  // questions and headings: `rules` must outlive it.
  explicit QuestionMatcher(const RuleSet& rules);

  // Scores `text` against every question; best first. Only questions that
  // share at least two stems with one of their phrasings are returned (one
  // common word — "provide", "plan" — is chance, not a match), unless the
  // phrasing itself has fewer, or `text` asks ("?") in two stems at most and
  // shares one that no other question's phrasings use ("Is counselling
  // available?").
  // Equal scores keep the catalogue's order.
  std::vector<QuestionMatch> Rank(std::string_view text) const;

  // Similarity of `text` to one phrase list (component headings), 0..1.
  double Similarity(std::string_view text, const std::vector<Phrase>& phrases) const;
  // The same for text already cut to its stems (StemSet): one text against
  // many phrase lists stems it once.
  double Similarity(const std::set<std::string>& stems, const std::vector<Phrase>& phrases) const;

  // Stems(text) as a set.
  std::set<std::string> StemSet(std::string_view text) const;

  // The stemmed, stop-word-free tokens of `text`.
  std::vector<std::string> Stems(std::string_view text) const;

 private:
  double Cosine(const std::set<std::string>& a, const std::set<std::string>& b, int* shared = nullptr) const;
  double Weight(const std::string& stem) const;

  std::set<std::string> stopwords_;
  std::unordered_map<std::string, double> idf_;
  std::set<std::string> own_stems_;  // stems only one question's phrasings use
  double default_weight_ = 1.0;
  // Per question, its phrasings as stem sets.
  std::vector<std::pair<const QuestionRule*, std::vector<std::set<std::string>>>> questions_;
  // Per question and phrasing, the sum of its stems' squared weights (Cosine's norm).
  std::vector<std::vector<double>> norms_;
  // The components' heading phrases (RuleSet::components[].headings) as stem
  // sets, by address: Similarity's usual phrase lists, stemmed once.
  std::unordered_map<const Phrase*, std::set<std::string>> heading_stems_;
};

}  // namespace vareport::analysis
