#include "document/locate.h"

#include <algorithm>
#include <map>

#include "core/text.h"

namespace vareport {
namespace {

constexpr std::size_t kMaxSpanWords = 24;  // longer spans: their first words decide
constexpr std::size_t kMinRunWords = 3;

using Token = PageIndex::Token;

// Does `needle[k..]` start at `hay[j]`? Returns the end in `hay` (one past),
// or nullopt. A word split in two on either side ("rehabili" "tation") matches.
std::optional<std::size_t> MatchAt(const std::vector<Token>& hay, std::size_t j, const std::vector<std::string>& needle,
                                   std::size_t from, std::size_t to) {
  std::size_t k = from;
  while (k < to) {
    if (j >= hay.size()) return std::nullopt;
    const std::string& h = hay[j].text;
    const std::string& n = needle[k];
    if (h == n) {
      ++j;
      ++k;
    } else if (j + 1 < hay.size() && hay[j + 1].page_index == hay[j].page_index && h.size() < n.size() &&
               h + hay[j + 1].text == n) {
      j += 2;
      ++k;
    } else if (k + 1 < to && n.size() < h.size() && n + needle[k + 1] == h) {
      ++j;
      k += 2;
    } else {
      return std::nullopt;
    }
  }
  return j;
}

TextSpot Spot(const std::vector<PlacedPage>& pages, const std::vector<Token>& hay, std::size_t begin, std::size_t end) {
  const PlacedPage& page = pages[static_cast<std::size_t>(hay[begin].page_index)];
  TextSpot s;
  s.page = page.number;
  s.page_width = page.width;
  s.page_height = page.height;
  bool first = true;
  for (std::size_t i = begin; i < end; ++i) {
    if (hay[i].page_index != hay[begin].page_index) break;  // a span across a page break: its first page
    const Box& b = page.words[hay[i].word].box;
    if (first) {
      s.box = b;
      first = false;
    } else {
      s.box.x0 = std::min(s.box.x0, b.x0);
      s.box.y0 = std::min(s.box.y0, b.y0);
      s.box.x1 = std::max(s.box.x1, b.x1);
      s.box.y1 = std::max(s.box.y1, b.y1);
    }
  }
  return s;
}

}  // namespace

PageIndex::PageIndex(const std::vector<PlacedPage>& pages) : pages_(&pages) {
  for (std::size_t p = 0; p < pages.size(); ++p)
    for (std::size_t w = 0; w < pages[p].words.size(); ++w)
      for (std::string& t : MatchTokens(pages[p].words[w].text)) hay_.push_back({std::move(t), static_cast<int>(p), w});
  for (std::size_t j = 0; j < hay_.size(); ++j) starts_[hay_[j].text].push_back(j);
  page_begin_.assign(pages.size() + 1, hay_.size());
  for (std::size_t j = hay_.size(); j-- > 0;) page_begin_[static_cast<std::size_t>(hay_[j].page_index)] = j;
  for (std::size_t p = pages.size(); p-- > 0;) page_begin_[p] = std::min(page_begin_[p], page_begin_[p + 1]);
}

std::optional<TextSpot> LocateText(const std::vector<PlacedPage>& pages, std::string_view span, int hint_page) {
  return PageIndex(pages).Locate(span, hint_page);
}

std::optional<TextSpot> PageIndex::Locate(std::string_view span, int hint_page) const {
  const std::vector<PlacedPage>& pages = *pages_;
  const std::vector<Token>& hay = hay_;
  std::vector<std::string> needle = MatchTokens(span);
  if (needle.empty()) return std::nullopt;
  if (needle.size() > kMaxSpanWords) needle.resize(kMaxSpanWords);
  if (hay.empty()) return std::nullopt;

  // The whole span: on the hint page first, then the first in page order.
  // Candidates start where the first word (or a piece of it) is.
  auto find_in = [&](std::size_t from, std::size_t to) -> std::optional<std::pair<std::size_t, std::size_t>> {
    for (std::size_t j = from; j < to; ++j) {
      if (needle[0].rfind(hay[j].text, 0) != 0 && hay[j].text.rfind(needle[0], 0) != 0) continue;
      if (std::optional<std::size_t> end = MatchAt(hay, j, needle, 0, needle.size())) return std::make_pair(j, *end);
    }
    return std::nullopt;
  };
  std::optional<std::pair<std::size_t, std::size_t>> first, on_hint;
  for (std::size_t p = 0; hint_page > 0 && p < pages.size() && !on_hint; ++p) {
    if (pages[p].number == hint_page) on_hint = find_in(page_begin_[p], page_begin_[p + 1]);
  }
  if (!on_hint) {
    // The whole document: only where the first word can start (a token that
    // is a prefix of it, or that it is a prefix of: the index, not a scan),
    // in document order, as a scan would meet them.
    std::vector<std::size_t> candidates;
    const std::string& w0 = needle[0];
    for (std::size_t len = 0; len < w0.size(); ++len) {  // tokens that are a proper prefix of the first word
      auto it = starts_.find(w0.substr(0, len));
      if (it != starts_.end()) candidates.insert(candidates.end(), it->second.begin(), it->second.end());
    }
    for (auto it = starts_.lower_bound(w0); it != starts_.end() && it->first.rfind(w0, 0) == 0; ++it)
      candidates.insert(candidates.end(), it->second.begin(), it->second.end());  // the word itself and longer
    std::sort(candidates.begin(), candidates.end());
    for (std::size_t j : candidates) {
      if (std::optional<std::size_t> end = MatchAt(hay, j, needle, 0, needle.size())) {
        first = std::make_pair(j, *end);
        break;
      }
    }
  }
  if (on_hint) return Spot(pages, hay, on_hint->first, on_hint->second);
  if (first) return Spot(pages, hay, first->first, first->second);
  if (needle.size() <= kMinRunWords) return std::nullopt;

  // The longest run of the span's words that occurs exactly once.
  for (std::size_t len = needle.size() - 1; len >= kMinRunWords; --len) {
    for (std::size_t from = 0; from + len <= needle.size(); ++from) {
      auto it = starts_.find(needle[from]);
      if (it == starts_.end()) continue;
      std::optional<std::pair<std::size_t, std::size_t>> found;
      int count = 0;
      for (std::size_t j : it->second) {
        std::optional<std::size_t> end = MatchAt(hay, j, needle, from, from + len);
        if (!end) continue;
        if (++count > 1) break;
        found = {j, *end};
      }
      if (count == 1) return Spot(pages, hay, found->first, found->second);
    }
  }
  return std::nullopt;
}

}  // namespace vareport
