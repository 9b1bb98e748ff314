// vareport/core/text.h — UTF-8 text helpers shared by extractors, rules and
// analysis. Normalisation and case folding come from ICU (unorm2, u_foldCase),
// never from hand-written tables.
//
// All functions take and return UTF-8; invalid sequences are replaced by
// U+FFFD rather than rejected. Thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace vareport {

// Strips ASCII white space and U+00A0 / U+202F (no-break spaces) at both ends.
std::string Trim(std::string_view s);

// Collapses every run of Unicode white space (incl. NBSP, tabs, breaks) to one ' ' and trims.
std::string CollapseSpace(std::string_view s);

// Unicode NFC (composes "e" + U+0301 into "é").
std::string Nfc(std::string_view s);

// NFKC: also expands compatibility characters such as the ligatures ﬁ ﬂ ﬃ.
std::string Nfkc(std::string_view s);

// The form used for matching: NFKD, combining marks removed, case-folded,
// punctuation turned into spaces, white space collapsed. "¿Existe  un PLAN?" →
// "existe un plan". Digits and letters of every script are kept.
std::string FoldForMatch(std::string_view s);

// Splits FoldForMatch(s) into its words.
std::vector<std::string> MatchTokens(std::string_view s);

// True when `s` is valid UTF-8.
bool IsValidUtf8(std::string_view s);

// Replaces invalid UTF-8 sequences by U+FFFD.
std::string SanitizeUtf8(std::string_view s);

// Appends the UTF-8 encoding of code point `cp` to `out`.
void AppendUtf8(std::string& out, char32_t cp);

// Decodes `s` into code points (invalid bytes become U+FFFD).
std::u32string DecodeUtf8(std::string_view s);

}  // namespace vareport

namespace vareport {

// Cuts `s` to at most `max_bytes` bytes without splitting a UTF-8 sequence,
// appending "…" when something was cut.
std::string TruncateUtf8(std::string_view s, std::size_t max_bytes);

}  // namespace vareport
