#include "rules/dates.h"

#include <unicode/dtfmtsym.h>
#include <unicode/locid.h>

#include <cstdio>
#include <initializer_list>
#include <map>
#include <mutex>
#include <vector>

#include "core/text.h"

namespace vareport {
namespace {

using Tokens = std::vector<std::string>;

std::map<std::string, int> MonthsFor(const std::string& lang) {
  static std::mutex mu;
  static std::map<std::string, std::map<std::string, int>> cache;
  std::lock_guard<std::mutex> lock(mu);
  auto it = cache.find(lang);
  if (it != cache.end()) return it->second;
  std::map<std::string, int> months;
  for (const std::string& l : {std::string("en"), lang}) {
    UErrorCode status = U_ZERO_ERROR;
    icu::DateFormatSymbols sym(icu::Locale(l.c_str()), status);
    if (U_FAILURE(status)) continue;
    for (auto width : {icu::DateFormatSymbols::WIDE, icu::DateFormatSymbols::ABBREVIATED}) {
      for (auto ctx : {icu::DateFormatSymbols::FORMAT, icu::DateFormatSymbols::STANDALONE}) {
        int32_t n = 0;
        const icu::UnicodeString* names = sym.getMonths(n, ctx, width);
        for (int32_t i = 0; i < n && i < 12; ++i) {
          std::string s;
          names[i].toUTF8String(s);
          std::string f = FoldForMatch(s);
          if (f.size() >= 3) months.emplace(f, i + 1);
        }
      }
    }
  }
  months.emplace("sept", 9);
  cache[lang] = months;
  return months;
}

bool IsYear(const std::string& t, int* year) {
  if (t.size() != 4) return false;
  for (char c : t)
    if (c < '0' || c > '9') return false;
  int y = std::stoi(t);
  if (y < 1990 || y > 2100) return false;
  *year = y;
  return true;
}

bool IsSmallInt(const std::string& t, int* v) {
  if (t.empty() || t.size() > 3) return false;
  for (char c : t)
    if (c < '0' || c > '9') return false;
  *v = std::stoi(t);
  return true;
}

// True when the words of `phrase` stand in `tokens` ending right before `end`
// (exclusive), allowing `slack` tokens between the phrase and `end`.
bool PhraseBefore(const Tokens& tokens, std::size_t end, const std::string& phrase, std::size_t slack) {
  Tokens p = MatchTokens(phrase);
  if (p.empty()) return false;
  for (std::size_t gap = 0; gap <= slack; ++gap) {
    if (end < gap + p.size()) break;
    std::size_t start = end - gap - p.size();
    bool ok = true;
    for (std::size_t k = 0; k < p.size() && ok; ++k) ok = tokens[start + k] == p[k];
    if (ok) return true;
  }
  return false;
}

// Index of the first token where `phrase` starts, or npos.
std::size_t FindPhrase(const Tokens& tokens, const std::string& phrase, std::size_t from = 0) {
  Tokens p = MatchTokens(phrase);
  if (p.empty() || tokens.size() < p.size()) return std::string::npos;
  for (std::size_t i = from; i + p.size() <= tokens.size(); ++i) {
    bool ok = true;
    for (std::size_t k = 0; k < p.size() && ok; ++k) ok = tokens[i + k] == p[k];
    if (ok) return i;
  }
  return std::string::npos;
}

int DaysIn(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0)) return 29;
  return kDays[month - 1];
}

std::string Iso(int y, int m, int d) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

struct DateHit {
  int year = 0, month = 12, day = 31;
  std::size_t at = 0;  // token index of the year
};

// Small spelled-out counts used in relative periods ("within two years").
int SpelledCount(const std::string& t) {
  static const std::map<std::string, int> kWords = {
      {"one", 1},  {"two", 2},  {"three", 3},  {"four", 4},   {"five", 5},  {"six", 6},  {"twelve", 12},
      {"un", 1},   {"deux", 2}, {"trois", 3},  {"quatre", 4}, {"cinq", 5},  {"six", 6},  {"douze", 12},
      {"uno", 1},  {"dos", 2},  {"tres", 3},   {"cuatro", 4}, {"cinco", 5}, {"seis", 6}, {"doce", 12},
      {"una", 1}};
  auto it = kWords.find(t);
  return it == kWords.end() ? 0 : it->second;
}

bool Contains(const std::vector<std::string>& v, const std::string& s) {
  for (const std::string& x : v)
    if (x == s) return true;
  return false;
}

}  // namespace

int MonthNumber(const std::string& folded_word, const std::string& lang) {
  std::map<std::string, int> months = MonthsFor(lang);
  auto it = months.find(folded_word);
  return it == months.end() ? 0 : it->second;
}

// True when the year token `year` is written right after "(" in `text` ("(2025–2027)").
bool InBrackets(std::string_view text, const std::string& year) {
  std::size_t at = text.find(year);
  while (at != std::string_view::npos) {
    std::size_t k = at;
    while (k > 0 && text[k - 1] == ' ') --k;
    if (k > 0 && text[k - 1] == '(') return true;
    at = text.find(year, at + 1);
  }
  return false;
}

Deadline FindDeadline(std::string_view text, const Lexicon& lx, bool bare_year_ok, int context_year) {
  Deadline out;
  Tokens t = MatchTokens(text);
  const std::map<std::string, int> months = MonthsFor(lx.lang);
  auto month_at = [&](std::size_t i) -> int {
    if (i >= t.size()) return 0;
    auto it = months.find(t[i]);
    return it == months.end() ? 0 : it->second;
  };

  // A year is a reference, not a deadline, after a past cue ("adopted in
  // 2011", "since 2015") or as part of an instrument's name ("the National
  // Plan on Disability 2009–2018"), unless a deadline preposition stands
  // right before it or the period is in brackets.
  auto reference_year = [&](std::size_t i) {
    for (const std::string& c : lx.not_deadline_cues)
      if (PhraseBefore(t, i, c, 1)) return true;
    for (const std::string& p : lx.deadline_prepositions)
      if (PhraseBefore(t, i, p, 0)) return false;
    for (const std::string& p : lx.end_of)
      if (PhraseBefore(t, i, p, 1)) return false;
    if (bare_year_ok || InBrackets(text, t[i])) return false;
    for (std::size_t k = i >= 6 ? i - 6 : 0; k < i; ++k) {
      if (!Contains(lx.instrument_nouns, t[k])) continue;
      bool prep_between = false;
      for (std::size_t j = k + 1; j < i; ++j)
        prep_between = prep_between || Contains(lx.deadline_prepositions, t[j]) || Contains(lx.end_of, t[j]);
      if (!prep_between) return true;
    }
    return false;
  };

  // The index of the year that closes a range opened by the year at `i`:
  // "2025–2027", or the lexicon's range_joiners between them ("between 2025
  // and 2027", "entre 2025 et 2027", "de 2025 a 2027"); 0 when none.
  auto range_end = [&](std::size_t i, int y) -> std::size_t {
    int y2 = 0;
    if (i + 1 < t.size() && IsYear(t[i + 1], &y2)) return y2 > y && y2 - y < 30 ? i + 1 : 0;
    if (i + 2 < t.size() && Contains(lx.range_joiners, t[i + 1]) && IsYear(t[i + 2], &y2) && y2 > y && y2 - y < 30)
      return i + 2;
    return 0;
  };

  std::vector<DateHit> hits;
  for (std::size_t i = 0; i < t.size(); ++i) {
    int y = 0;
    if (!IsYear(t[i], &y)) continue;
    if (reference_year(i)) {
      int y2 = 0;
      if (i + 1 < t.size() && IsYear(t[i + 1], &y2)) ++i;  // the whole range is the name
      else if (std::size_t e = range_end(i, y)) i = e;
      continue;
    }
    // A range "2025–2027": the deadline is the end of the range.
    if (std::size_t e = range_end(i, y)) {
      int y2 = 0;
      IsYear(t[e], &y2);
      hits.push_back({y2, 12, 31, e});
      i = e;
      continue;
    }
    DateHit h{y, 12, 31, i};
    // A date in figures: "30/06/2026", "30.06.2026", "06/2026". Day first, as
    // the UN and most States write it, unless the first figure cannot be a
    // month's day and the second can ("06/30/2026").
    {
      int a = 0, b = 0;
      // True when `parts` stand in the text joined by one of "/", ".", "-".
      auto written = [&](std::initializer_list<std::string> parts) {
        for (char sep : {'/', '.', '-'}) {
          std::string joined;
          for (const std::string& p : parts) joined += (joined.empty() ? "" : std::string(1, sep)) + p;
          if (text.find(joined) != std::string_view::npos) return true;
        }
        return false;
      };
      if (i >= 2 && IsSmallInt(t[i - 2], &a) && IsSmallInt(t[i - 1], &b) && written({t[i - 2], t[i - 1], t[i]})) {
        int day = a, month = b;
        if (month > 12 && day <= 12) std::swap(day, month);
        if (month >= 1 && month <= 12 && day >= 1 && day <= DaysIn(y, month)) {
          hits.push_back({y, month, day, i});
          continue;
        }
      } else if (i >= 1 && IsSmallInt(t[i - 1], &b) && b >= 1 && b <= 12 && t[i - 1].size() <= 2 &&
                 written({t[i - 1], t[i]})) {
        hits.push_back({y, b, DaysIn(y, b), i});
        continue;
      }
    }
    // Month (and day) before the year: "December 2026", "diciembre de 2023",
    // "31 décembre 2021", "June 30, 2026".
    std::size_t m_at = std::string::npos;
    int month_day = 0;
    if (i >= 1 && month_at(i - 1)) m_at = i - 1;
    else if (i >= 2 && month_at(i - 2) && (t[i - 1] == "de" || t[i - 1] == "del" || t[i - 1] == "of")) m_at = i - 2;
    else if (i >= 2 && month_at(i - 2) && IsSmallInt(t[i - 1], &month_day) && month_day >= 1) m_at = i - 2;
    if (m_at != std::string::npos) {
      h.month = month_at(m_at);
      h.day = DaysIn(y, h.month);
      int d = 0;
      if (month_day >= 1 && month_day <= DaysIn(y, h.month)) h.day = month_day;
      else if (m_at >= 1 && IsSmallInt(t[m_at - 1], &d) && d >= 1 && d <= DaysIn(y, h.month)) h.day = d;
      else if (m_at >= 2 && t[m_at - 1] == "de" && IsSmallInt(t[m_at - 2], &d) && d >= 1 && d <= DaysIn(y, h.month)) h.day = d;
      hits.push_back(h);
      continue;
    }
    // Quarter before the year: "Q3 2026", "deuxième trimestre 2023", "tercer trimestre de 2024".
    bool quarter = false;
    for (const auto& [phrase, q] : lx.quarters) {
      if (PhraseBefore(t, i, phrase, 1) || (i >= 1 && t[i - 1] + " " + t[i] == phrase)) {
        h.month = q * 3;
        h.day = DaysIn(y, h.month);
        quarter = true;
        break;
      }
    }
    // A quarter written in English order "Q3 of 2026" is covered by slack 1.
    if (quarter) {
      hits.push_back(h);
      continue;
    }
    // "mid-2026", "mi-2025", "mediados de 2026": the middle of the year.
    bool mid = false;
    for (const std::string& p : lx.mid_of) mid = mid || PhraseBefore(t, i, p, 0);
    if (mid) {
      h.month = 6;
      h.day = 30;
      hits.push_back(h);
      continue;
    }
    // A bare year counts after a deadline preposition or "end of".
    bool prep = bare_year_ok;
    for (const std::string& p : lx.deadline_prepositions) prep = prep || PhraseBefore(t, i, p, 0);
    for (const std::string& p : lx.end_of) prep = prep || PhraseBefore(t, i, p, 1);
    if (prep) hits.push_back(h);
  }

  // A date without a year after a deadline word ("by 30 June", "before the
  // end of September") belongs to the context's year.
  if (hits.empty() && context_year > 0) {
    for (std::size_t i = 0; i < t.size(); ++i) {
      int m = month_at(i);
      if (m == 0) continue;
      int y = 0;
      if ((i + 1 < t.size() && IsYear(t[i + 1], &y)) || (i + 2 < t.size() && IsYear(t[i + 2], &y))) continue;
      int d = 0;
      std::size_t from = i;
      if (i >= 1 && IsSmallInt(t[i - 1], &d)) from = i - 1;
      else if (i >= 2 && t[i - 1] == "de" && IsSmallInt(t[i - 2], &d)) from = i - 2;
      bool prep = false;
      for (const std::string& p : lx.deadline_prepositions) prep = prep || PhraseBefore(t, from, p, 1);
      for (const std::string& p : lx.end_of) prep = prep || PhraseBefore(t, from, p, 1);
      if (!prep) continue;
      DateHit h{context_year, m, DaysIn(context_year, m), i};
      if (d >= 1 && d <= DaysIn(context_year, m)) h.day = d;
      hits.push_back(h);
    }
  }

  // A relative period "within 24 months" / "dans les 24 mois" / "en un plazo de dos años".
  int period_months = 0;
  for (const std::string& rp : lx.relative_periods) {
    std::size_t at = FindPhrase(t, rp);
    while (at != std::string::npos) {
      std::size_t after = at + MatchTokens(rp).size();
      for (std::size_t k = after; k < t.size() && k <= after + 2; ++k) {
        if (Contains(lx.period_units, t[k])) {
          int n = 0;
          if (k >= 1 && !IsSmallInt(t[k - 1], &n)) n = SpelledCount(t[k - 1]);
          bool years = t[k].rfind("an", 0) == 0 || t[k].rfind("year", 0) == 0 || t[k].rfind("ano", 0) == 0;
          period_months = (n > 0 ? n : 1) * (years ? 12 : 1);
          out.relative = true;
          break;
        }
      }
      if (out.relative) break;
      at = FindPhrase(t, rp, at + 1);
    }
    if (out.relative) break;
  }

  if (out.relative) {
    // Counts only when a start is given, as a date in the same text.
    if (hits.empty()) return out;
    const DateHit& start = hits.front();
    int total = start.year * 12 + (start.month - 1) + period_months;
    int y = total / 12, m = total % 12 + 1;
    out.time_bound = true;
    out.date = Iso(y, m, DaysIn(y, m));
    return out;
  }
  if (hits.empty()) return out;
  const DateHit* last = &hits.front();
  for (const DateHit& h : hits)
    if (Iso(h.year, h.month, h.day) > Iso(last->year, last->month, last->day)) last = &h;
  out.time_bound = true;
  out.date = Iso(last->year, last->month, last->day);
  return out;
}

}  // namespace vareport
