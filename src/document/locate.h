// vareport/document/locate.h — where a span of text sits on the pages of a
// PDF: the page and the box of the words that show it. Used to give evidence
// a page and a box, both for PDF input (its own text layer) and for Word-family
// input (the PDF LibreOffice renders of it): one locating function for both.
//
// Matching is on folded words (core/text.h MatchTokens: accents, case and
// punctuation ignored), so line breaks, extra spaces and tick glyphs between
// words do not matter, and a word hyphenated across a line break
// ("rehabili-" / "tation") matches the whole word, either way round. Search
// order: the whole span, first on `hint_page` then in page order; when the
// whole span is not found (the rendering orders a table's cells differently,
// the span was shortened with "…"), the longest run of at least three of its
// words that occurs exactly once in the document.
//
// Thread-safety: pure functions.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "document/document.h"

namespace vareport {

// PlacedWord and PlacedPage (a page's words with boxes) are in document/document.h.

// Where a span was found: the page, the union of its words' boxes, and the page size.
struct TextSpot {
  int page = 0;
  Box box;
  double page_width = 0, page_height = 0;
};

// The pages' words folded once, for many LocateText calls on one document.
// Holds a pointer to `pages`, which must outlive it.
class PageIndex {
 public:
  explicit PageIndex(const std::vector<PlacedPage>& pages);
  // Finds `span` (see above). nullopt when it has no word, or no part of it
  // of three words or more (or the whole span, when shorter) is found.
  std::optional<TextSpot> Locate(std::string_view span, int hint_page = 0) const;

  struct Token {
    std::string text;
    int page_index = 0;    // into `pages`
    std::size_t word = 0;  // into that page's words
  };

 private:
  const std::vector<PlacedPage>* pages_;
  std::vector<Token> hay_;
  std::map<std::string, std::vector<std::size_t>> starts_;  // token → positions in hay_
  std::vector<std::size_t> page_begin_;  // per page, its first position in hay_ (one more: hay_.size())
};

// PageIndex(pages).Locate(span, hint_page), for one span.
std::optional<TextSpot> LocateText(const std::vector<PlacedPage>& pages, std::string_view span, int hint_page = 0);

}  // namespace vareport
