// vareport/extractors/pdf/drawn_boxes.cc — see drawn_boxes.h.
#include "extractors/pdf/drawn_boxes.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "extractors/tick_warning.h"

namespace vareport::pdf {
namespace {

constexpr double kMinSide = 5, kMaxSide = 16;  // points, as FindTickBoxes
constexpr double kPixel = 72.0 / 150;          // one pixel of the 150 dpi render the image path used
constexpr double kHairline = 0.7 * kPixel;     // the ink a hairline left there after antialiasing and thresholding
constexpr double kEmpty = 0.03, kFilled = 0.08, kSolid = 0.7;

Box BoundsOf(const std::vector<Point>& pts) {
  Box b{pts.front().x, pts.front().y, pts.front().x, pts.front().y};
  for (const Point& p : pts) {
    b.x0 = std::min(b.x0, p.x), b.y0 = std::min(b.y0, p.y);
    b.x1 = std::max(b.x1, p.x), b.y1 = std::max(b.y1, p.y);
  }
  return b;
}

double OverlapArea(const Box& a, const Box& b) {
  const double w = std::min(a.x1, b.x1) - std::max(a.x0, b.x0), h = std::min(a.y1, b.y1) - std::max(a.y0, b.y0);
  return w > 0 && h > 0 ? w * h : 0;
}

bool SquareSized(double w, double h) {
  if (w < kMinSide || h < kMinSide || w > kMaxSide || h > kMaxSide) return false;
  const double aspect = w / h;
  return aspect >= 0.8 && aspect <= 1.25;
}

// True when the subpath traces the border of its bounding box `bb` (every
// point on a side, a point at each corner) and is closed: a square outline.
bool TracesSquare(const std::vector<Point>& pts, bool closed, Box& bb) {
  if (pts.size() < 4) return false;
  bb = BoundsOf(pts);
  const double w = bb.x1 - bb.x0, h = bb.y1 - bb.y0;
  if (w <= 0 || h <= 0) return false;
  const double tol = std::max(0.6, 0.1 * std::min(w, h));
  const Point& a = pts.front();
  const Point& z = pts.back();
  if (!closed && std::hypot(a.x - z.x, a.y - z.y) > tol) return false;
  for (const Point& p : pts) {
    const bool on_side = std::min(std::fabs(p.x - bb.x0), std::fabs(p.x - bb.x1)) <= tol ||
                         std::min(std::fabs(p.y - bb.y0), std::fabs(p.y - bb.y1)) <= tol;
    if (!on_side) return false;
  }
  for (double cx : {bb.x0, bb.x1}) {
    for (double cy : {bb.y0, bb.y1}) {
      const bool reached = std::any_of(pts.begin(), pts.end(), [&](const Point& p) {
        return std::fabs(p.x - cx) <= 2 * tol && std::fabs(p.y - cy) <= 2 * tol;
      });
      if (!reached) return false;
    }
  }
  return true;
}

// Clips the segment p–q to `r` (Liang–Barsky); false when it misses.
bool Clip(Point p, Point q, const Box& r, Point& a, Point& b) {
  double t0 = 0, t1 = 1;
  const double dx = q.x - p.x, dy = q.y - p.y;
  const double ps[4] = {-dx, dx, -dy, dy};
  const double qs[4] = {p.x - r.x0, r.x1 - p.x, p.y - r.y0, r.y1 - p.y};
  for (int i = 0; i < 4; ++i) {
    if (ps[i] == 0) {
      if (qs[i] < 0) return false;
      continue;
    }
    const double t = qs[i] / ps[i];
    if (ps[i] < 0) t0 = std::max(t0, t);
    else t1 = std::min(t1, t);
  }
  if (t0 > t1) return false;
  a = Point{p.x + t0 * dx, p.y + t0 * dy};
  b = Point{p.x + t1 * dx, p.y + t1 * dy};
  return true;
}

struct Frame {
  Box outer;
  std::size_t mark = 0;
  std::size_t sub = 0;      // the outline's subpath (strokes)
  bool filled = false;      // a filled frame: its whole mark is the frame
};

// Ink estimated inside `r`: see the header comment. `diagonals` gets bit 1
// for a stroke along the falling diagonal (y down), bit 2 for the rising one.
double InkIn(const Box& r, const std::vector<Mark>& marks, const std::vector<Word>& words, const Frame* skip,
             int* diagonals) {
  double ink = 0;
  const double diag = std::hypot(r.x1 - r.x0, r.y1 - r.y0);
  for (std::size_t m = 0; m < marks.size(); ++m) {
    const Mark& mark = marks[m];
    if (!mark.ink || OverlapArea(mark.box, r) <= 0) continue;  // Mark::box covers a stroke's width
    if (skip != nullptr && skip->filled && skip->mark == m) continue;
    if (mark.kind == Mark::Kind::kImage) {
      ink += OverlapArea(mark.box, r);
      continue;
    }
    for (std::size_t s = 0; s < mark.subpaths.size(); ++s) {
      if (skip != nullptr && skip->mark == m && skip->sub == s) continue;
      const std::vector<Point>& pts = mark.subpaths[s];
      if (pts.empty()) continue;
      if (mark.kind == Mark::Kind::kFill) {
        ink += OverlapArea(BoundsOf(pts), r);
        continue;
      }
      const double width = std::max(mark.line_width, kHairline);
      const std::size_t n = pts.size();
      const std::size_t segments = (s < mark.closed.size() && mark.closed[s]) ? n : n - 1;
      for (std::size_t k = 0; k < segments; ++k) {
        Point a, b;
        if (!Clip(pts[k], pts[(k + 1) % n], r, a, b)) continue;
        const double len = std::hypot(b.x - a.x, b.y - a.y);
        ink += len * width;
        const double dx = b.x - a.x, dy = b.y - a.y;
        if (diagonals != nullptr && len >= 0.5 * diag && std::fabs(dx) >= 0.3 * len && std::fabs(dy) >= 0.3 * len)
          *diagonals |= (dx * dy > 0) ? 1 : 2;
      }
    }
  }
  for (const Word& w : words) {
    if (OverlapArea(w.box, r) <= 0) continue;
    if (w.chars.empty()) {
      ink += 0.3 * OverlapArea(w.box, r);
      continue;
    }
    for (const Box& c : w.chars) ink += 0.3 * OverlapArea(c, r);
  }
  return ink;
}

// The ink of a frame's own outline: a stroke's length times its width; a
// filled frame's square less its holes.
double OutlineInk(const Frame& f, const std::vector<Mark>& marks) {
  const Mark& mark = marks[f.mark];
  if (!f.filled) {
    const std::vector<Point>& pts = mark.subpaths[f.sub];
    double len = 0;
    for (std::size_t k = 0; k + 1 < pts.size(); ++k) len += std::hypot(pts[k + 1].x - pts[k].x, pts[k + 1].y - pts[k].y);
    return len * std::max(mark.line_width, kHairline);
  }
  double ink = f.outer.width() * f.outer.height();
  for (std::size_t s = 0; s < mark.subpaths.size(); ++s) {
    if (s == f.sub || mark.subpaths[s].empty()) continue;
    const Box b = BoundsOf(mark.subpaths[s]);
    ink -= OverlapArea(b, f.outer);
  }
  return std::max(0.0, ink);
}

}  // namespace

std::vector<Word> FindDrawnBoxes(const std::vector<Mark>& marks, const std::vector<Word>& words,
                                 std::vector<UnclearDrawnBox>* unclear) {
  std::vector<Frame> frames;
  for (std::size_t m = 0; m < marks.size(); ++m) {
    const Mark& mark = marks[m];
    if (!mark.ink || mark.kind == Mark::Kind::kImage) continue;
    for (std::size_t s = 0; s < mark.subpaths.size(); ++s) {
      Box bb;
      const bool closed = s < mark.closed.size() && mark.closed[s];
      if (!TracesSquare(mark.subpaths[s], closed, bb)) continue;
      if (mark.kind == Mark::Kind::kStroke) {
        const double half = mark.line_width / 2;
        const Box outer{bb.x0 - half, bb.y0 - half, bb.x1 + half, bb.y1 + half};
        if (SquareSized(outer.width(), outer.height())) frames.push_back(Frame{outer, m, s, false});
        continue;
      }
      // A filled frame: another subpath of the same fill inside this one.
      if (!SquareSized(bb.width(), bb.height())) continue;
      const bool hole = std::any_of(mark.subpaths.begin(), mark.subpaths.end(), [&](const std::vector<Point>& o) {
        if (&o == &mark.subpaths[s] || o.empty()) return false;
        const Box ib = BoundsOf(o);
        return ib.x0 > bb.x0 + 0.1 && ib.y0 > bb.y0 + 0.1 && ib.x1 < bb.x1 - 0.1 && ib.y1 < bb.y1 - 0.1 &&
               ib.width() >= 0.5 * bb.width() && ib.height() >= 0.5 * bb.height();
      });
      if (hole) frames.push_back(Frame{bb, m, s, true});
    }
  }
  std::vector<Word> out;
  std::vector<Box> taken;
  for (const Frame& f : frames) {
    const Box& o = f.outer;
    const double w = o.width(), h = o.height();
    const double cx = (o.x0 + o.x1) / 2, cy = (o.y0 + o.y1) / 2;
    const double near = 0.75 * std::max(w, h);
    const bool seen = std::any_of(taken.begin(), taken.end(), [&](const Box& t) {
      return std::fabs(cx - (t.x0 + t.x1) / 2) < near && std::fabs(cy - (t.y0 + t.y1) / 2) < near;
    });
    if (seen) continue;
    const double t = std::max(2 * kPixel, 0.12 * w);
    const double inset = t + std::max(kPixel, 0.08 * w);
    const Box inside{o.x0 + inset, o.y0 + inset, o.x1 - inset, o.y1 - inset};
    if (inside.width() <= 0 || inside.height() <= 0) continue;
    int diagonals = 0;
    const double density = std::min(1.0, InkIn(inside, marks, words, &f, &diagonals) /
                                             (inside.width() * inside.height()));
    // The whole box, its outline included: a solid square is a bullet.
    const double whole = std::min(1.0, (InkIn(o, marks, words, &f, nullptr) + OutlineInk(f, marks)) / (w * h));
    if (whole > kSolid) continue;
    taken.push_back(o);
    const bool crossed = density < kFilled && diagonals == 3;
    if (density > kEmpty && density < kFilled && !crossed) {
      if (unclear != nullptr) {
        unclear->push_back(UnclearDrawnBox{o, UnclearTickWarning(density)});
      }
      continue;
    }
    Word word;
    const bool checked = density >= kFilled || crossed;
    word.text = checked ? "\u2612" : "\u2610";
    word.box = o;
    word.font_size = std::round(h * 2) / 2;
    word.space_after = true;
    word.tick_encoding = TickEncoding::kVector;
    word.confidence = crossed ? 0.9
                      : checked ? std::min(1.0, 0.75 + (density - kFilled) * 2.5)
                                : std::max(0.6, 1.0 - density * 8);
    out.push_back(std::move(word));
  }
  return out;
}

}  // namespace vareport::pdf
