// vareport/analysis/phrases.h — internal: whole-word phrase tests on folded
// text (core/text.h FoldForMatch), shared by the analysis steps.
#pragma once

#include <string>
#include <vector>

namespace vareport::analysis {

// True when the folded `phrase` stands in the folded `text` as whole words.
inline bool ContainsPhrase(const std::string& text, const std::string& phrase) {
  return !phrase.empty() && (" " + text + " ").find(" " + phrase + " ") != std::string::npos;
}

// True when the folded `text` is `phrase` or begins with it as whole words.
inline bool StartsWithPhrase(const std::string& text, const std::string& phrase) {
  return !phrase.empty() && (text == phrase || text.rfind(phrase + " ", 0) == 0);
}

// True when `text` starts with any of `phrases`.
inline bool StartsWithAny(const std::string& text, const std::vector<std::string>& phrases) {
  for (const std::string& p : phrases)
    if (StartsWithPhrase(text, p)) return true;
  return false;
}

}  // namespace vareport::analysis
