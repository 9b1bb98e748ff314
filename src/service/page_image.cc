#include "service/page_image.h"

#include <poppler-document.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include <algorithm>
#include <cmath>
#include <iostream>
#include <memory>

#include "core/text.h"

namespace vareport::service {
namespace {

int Fail(const std::string& why) {
  std::cerr << "error:unreadable-input:" << why << "\n";
  return 2;
}

// Blends the ARGB32 pixel at (x, y) towards (r, g, b) by `a` (0..1).
void Blend(poppler::image& img, int x, int y, int r, int g, int b, double a) {
  if (x < 0 || y < 0 || x >= img.width() || y >= img.height()) return;
  auto* p = reinterpret_cast<unsigned char*>(img.data()) + static_cast<std::ptrdiff_t>(y) * img.bytes_per_row() + x * 4;
  p[0] = static_cast<unsigned char>(std::lround(p[0] * (1 - a) + b * a));
  p[1] = static_cast<unsigned char>(std::lround(p[1] * (1 - a) + g * a));
  p[2] = static_cast<unsigned char>(std::lround(p[2] * (1 - a) + r * a));
  p[3] = 255;
}

void DrawMark(poppler::image& img, const PixelBox& b) {
  constexpr int kBorder = 3;
  for (int y = b.y0 - kBorder; y < b.y1 + kBorder; ++y) {
    for (int x = b.x0 - kBorder; x < b.x1 + kBorder; ++x) {
      const bool inside = x >= b.x0 && x < b.x1 && y >= b.y0 && y < b.y1;
      if (inside) Blend(img, x, y, 255, 214, 0, 0.40);
      else Blend(img, x, y, 230, 81, 0, 1.0);
    }
  }
}

}  // namespace

std::vector<std::string> MatchWords(const std::string& text) {
  std::vector<std::string> out;
  std::string cur;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c >= 0x80) {
      cur += static_cast<char>(std::tolower(c));
    } else if (!cur.empty()) {
      out.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

std::optional<std::pair<std::size_t, std::size_t>> BestRun(const std::vector<std::string>& page,
                                                           const std::vector<std::string>& ev) {
  std::size_t best_len = 0, best_start = 0, best_chars = 0;
  for (std::size_t i = 0; i < page.size(); ++i) {
    for (std::size_t j = 0; j < ev.size(); ++j) {
      std::size_t k = 0, chars = 0;
      while (i + k < page.size() && j + k < ev.size() && page[i + k] == ev[j + k]) chars += page[i + k].size(), ++k;
      if (k > best_len || (k == best_len && chars > best_chars)) best_len = k, best_start = i, best_chars = chars;
    }
  }
  if (best_len >= 2 || (best_len == 1 && best_chars >= 5)) return std::make_pair(best_start, best_start + best_len - 1);
  return std::nullopt;
}

int RunRenderWorker(const PageImageArgs& a) {
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(a.pdf));
  if (!doc) return Fail("not a readable PDF");
  if (doc->is_locked()) return Fail("encrypted PDF");
  if (a.page < 1 || a.page > doc->pages()) return Fail("no page " + std::to_string(a.page));
  std::unique_ptr<poppler::page> page(doc->create_page(a.page - 1));
  if (!page) return Fail("page " + std::to_string(a.page) + " cannot be read");
  const poppler::rectf rect = page->page_rect();
  double dpi = std::clamp(a.dpi, 24.0, 300.0);
  // At most 40 Mpx, as for OCR renders.
  const double px = rect.width() * rect.height() * (dpi / 72) * (dpi / 72);
  if (px > 40e6) dpi *= std::sqrt(40e6 / px);
  poppler::page_renderer renderer;
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  renderer.set_image_format(poppler::image::format_argb32);
  poppler::image img = renderer.render_page(page.get(), dpi, dpi);
  if (!img.is_valid()) return Fail("page " + std::to_string(a.page) + " cannot be rendered");
  std::optional<PixelBox> mark;
  const double scale = dpi / 72.0;
  if (a.box) {
    const double sx = a.box->page_width > 0 ? img.width() / a.box->page_width : scale;
    const double sy = a.box->page_height > 0 ? img.height() / a.box->page_height : scale;
    mark = PixelBox{static_cast<int>(std::floor(a.box->x0 * sx)), static_cast<int>(std::floor(a.box->y0 * sy)),
                    static_cast<int>(std::ceil(a.box->x1 * sx)), static_cast<int>(std::ceil(a.box->y1 * sy))};
  } else if (!a.find.empty()) {
    std::vector<poppler::text_box> boxes = page->text_list();
    std::vector<std::string> words;
    std::vector<std::size_t> owner;  // word → text box
    for (std::size_t i = 0; i < boxes.size(); ++i) {
      poppler::byte_array u = boxes[i].text().to_utf8();
      for (std::string& w : MatchWords(std::string(u.begin(), u.end()))) {
        words.push_back(std::move(w));
        owner.push_back(i);
      }
    }
    if (auto run = BestRun(words, MatchWords(a.find))) {
      double x0 = 1e9, y0 = 1e9, x1 = -1e9, y1 = -1e9;
      for (std::size_t w = run->first; w <= run->second; ++w) {
        const poppler::rectf r = boxes[owner[w]].bbox();
        x0 = std::min(x0, r.left());
        y0 = std::min(y0, r.top());
        x1 = std::max(x1, r.right());
        y1 = std::max(y1, r.bottom());
      }
      mark = PixelBox{static_cast<int>(std::floor((x0 - 2) * scale)), static_cast<int>(std::floor((y0 - 2) * scale)),
                      static_cast<int>(std::ceil((x1 + 2) * scale)), static_cast<int>(std::ceil((y1 + 2) * scale))};
    }
  }
  if (mark) {
    mark->x0 = std::clamp(mark->x0, 0, img.width());
    mark->x1 = std::clamp(mark->x1, 0, img.width());
    mark->y0 = std::clamp(mark->y0, 0, img.height());
    mark->y1 = std::clamp(mark->y1, 0, img.height());
    if (mark->x1 <= mark->x0 || mark->y1 <= mark->y0) mark.reset();
  }
  if (mark) DrawMark(img, *mark);
  if (!img.save(a.out, "png")) return Fail("cannot write " + a.out);
  std::cout << "size " << img.width() << " " << img.height() << "\n";
  if (mark) std::cout << "mark " << mark->x0 << " " << mark->y0 << " " << mark->x1 << " " << mark->y1 << "\n";
  return 0;
}

}  // namespace vareport::service
