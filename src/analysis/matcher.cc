#include "analysis/matcher.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "core/text.h"

namespace vareport::analysis {
namespace {

constexpr std::size_t kStemLength = 6;

// Cuts a folded word to its first kStemLength code points (ASCII after folding
// for the Latin scripts the rules use; other scripts are kept whole).
std::string Stem(const std::string& w) {
  if (w.size() <= kStemLength) return w;
  for (unsigned char c : w)
    if (c >= 0x80) return w;
  return w.substr(0, kStemLength);
}

bool AllDigits(const std::string& w) {
  return std::all_of(w.begin(), w.end(), [](unsigned char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

QuestionMatcher::QuestionMatcher(const RuleSet& rules) {
  for (const auto& [lang, lx] : rules.lexicons)
    for (const std::string& w : lx.stopwords) stopwords_.insert(w);
  std::map<std::string, int> df;
  int n = 0;
  for (const ComponentRule& c : rules.components) {
    for (const QuestionRule& q : c.questions) {
      std::vector<std::set<std::string>> sets;
      std::set<std::string> all;
      for (const Phrase& p : q.phrases) {
        std::vector<std::string> st = Stems(p.text);
        sets.emplace_back(st.begin(), st.end());
        all.insert(st.begin(), st.end());
      }
      for (const std::string& s : all) ++df[s];
      ++n;
      questions_.emplace_back(&q, std::move(sets));
    }
  }
  double sum = 0;
  for (const auto& [stem, count] : df) {
    if (count == 1) own_stems_.insert(stem);
    double w = std::log(1.0 + static_cast<double>(n) / count);
    idf_[stem] = w;
    sum += w;
  }
  default_weight_ = idf_.empty() ? 1.0 : sum / static_cast<double>(idf_.size());
  for (const auto& [q, sets] : questions_) {
    std::vector<double> norms;
    for (const auto& set : sets) {
      double wb = 0;
      for (const std::string& stem : set) wb += Weight(stem) * Weight(stem);
      norms.push_back(wb);
    }
    norms_.push_back(std::move(norms));
  }
  for (const ComponentRule& c : rules.components) {
    for (const Phrase& p : c.headings) {
      std::vector<std::string> st = Stems(p.text);
      heading_stems_.emplace(&p, std::set<std::string>(st.begin(), st.end()));
    }
  }
}

std::vector<std::string> QuestionMatcher::Stems(std::string_view text) const {
  std::vector<std::string> out;
  for (const std::string& w : MatchTokens(text)) {
    if (w.size() < 2 || AllDigits(w) || stopwords_.count(w)) continue;
    out.push_back(Stem(w));
  }
  return out;
}

double QuestionMatcher::Weight(const std::string& stem) const {
  auto it = idf_.find(stem);
  return it == idf_.end() ? default_weight_ : it->second;
}

double QuestionMatcher::Cosine(const std::set<std::string>& a, const std::set<std::string>& b, int* shared) const {
  if (shared) *shared = 0;
  if (a.empty() || b.empty()) return 0;
  double common = 0, wa = 0, wb = 0;
  for (const std::string& s : a) {
    double w = Weight(s);
    wa += w * w;
    if (b.count(s)) {
      common += w * w;
      if (shared) ++*shared;
    }
  }
  for (const std::string& s : b) {
    double w = Weight(s);
    wb += w * w;
  }
  return common / std::sqrt(wa * wb);
}

std::vector<QuestionMatch> QuestionMatcher::Rank(std::string_view text) const {
  std::vector<std::string> st = Stems(text);
  std::set<std::string> row(st.begin(), st.end());
  std::vector<QuestionMatch> out;
  if (row.empty()) return out;
  const bool asks = text.find('?') != std::string_view::npos;
  // Cosine(row, phrasing) for every phrasing, with the row's weights looked
  // up once and each phrasing's norm from the constructor (the same sums, in
  // the same order).
  std::vector<double> weights;
  double wa = 0;
  for (const std::string& s : row) {
    weights.push_back(Weight(s));
    wa += weights.back() * weights.back();
  }
  for (std::size_t qi = 0; qi < questions_.size(); ++qi) {
    const auto& [q, sets] = questions_[qi];
    double best = 0;
    int best_shared = 0;
    for (std::size_t si = 0; si < sets.size(); ++si) {
      const std::set<std::string>& s = sets[si];
      if (s.empty()) continue;
      int shared = 0, own = 0;
      double common = 0;
      std::size_t k = 0;
      for (const std::string& stem : row) {
        const double w = weights[k++];
        if (s.count(stem)) {
          common += w * w;
          ++shared;
          own += own_stems_.count(stem) ? 1 : 0;
        }
      }
      const double c = common / std::sqrt(wa * norms_[qi][si]);
      // A short question ("Is counselling available?") may share a single
      // stem when no other question's phrasings use it; a short label
      // ("Action 4 – Data") may not.
      bool enough = shared >= 2 || (shared >= 1 && static_cast<int>(s.size()) <= shared + 1 && row.size() <= 3) ||
                    (own >= 1 && row.size() <= 2 && asks);
      if (enough && c > best) {
        best = c;
        best_shared = shared;
      }
    }
    // Rounded, so that phrasings whose weights sum in another order still tie.
    if (best > 0) out.push_back({q, std::round(best * 1e9) / 1e9, best_shared});
  }
  // Equal scores keep the catalogue's order: the more general question first
  // ("Survivors registered (cumulative)" ties the total and each sex: the total).
  std::stable_sort(out.begin(), out.end(), [](const QuestionMatch& a, const QuestionMatch& b) { return a.score > b.score; });
  return out;
}

std::set<std::string> QuestionMatcher::StemSet(std::string_view text) const {
  std::vector<std::string> st = Stems(text);
  return std::set<std::string>(st.begin(), st.end());
}

double QuestionMatcher::Similarity(std::string_view text, const std::vector<Phrase>& phrases) const {
  return Similarity(StemSet(text), phrases);
}

double QuestionMatcher::Similarity(const std::set<std::string>& row, const std::vector<Phrase>& phrases) const {
  double best = 0;
  for (const Phrase& p : phrases) {
    auto known = heading_stems_.find(&p);
    if (known != heading_stems_.end()) {
      best = std::max(best, Cosine(row, known->second));
      continue;
    }
    std::vector<std::string> ps = Stems(p.text);
    best = std::max(best, Cosine(row, std::set<std::string>(ps.begin(), ps.end())));
  }
  return best;
}

}  // namespace vareport::analysis
