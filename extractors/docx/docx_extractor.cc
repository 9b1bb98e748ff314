// The .docx extractor: OPC package (ECMA-376 Part 2) → WordprocessingML parts
// (ECMA-376 Part 1 §17) → the document model (document/document.h).
//
// Reading order: the main document part's body, with text boxes appended right
// after the paragraph that anchors them and content controls inline; then the
// header and footer parts (furniture); then footnotes, endnotes and comments
// (notes). Sections cited below are ECMA-376 Part 1, 5th edition.
#include "extractors/docx/docx_extractor.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "core/text.h"
#include "extractors/docx/numbering.h"
#include "extractors/docx/ooxml.h"
#include "extractors/docx/symbols.h"
#include "extractors/docx/xml_part.h"
#include "extractors/internal/zip_reader.h"

namespace vareport {
namespace {

using docx::IsElement;
using docx::IsNs;
using docx::IsW;
using docx::WAttr;
using docx::WChild;

constexpr std::string_view kChecked = "\u2612";    // ☒
constexpr std::string_view kUnchecked = "\u2610";  // ☐

std::optional<int> ParseInt(const std::optional<std::string>& s) {
  if (!s || s->empty()) return std::nullopt;
  int v = 0;
  const char* b = s->data();
  const char* e = b + s->size();
  auto [p, ec] = std::from_chars(b, e, v);
  if (ec != std::errc() || p != e) return std::nullopt;
  return v;
}

std::optional<char32_t> ParseHexChar(const std::optional<std::string>& s) {
  if (!s || s->empty() || s->size() > 8) return std::nullopt;
  unsigned v = 0;
  const char* b = s->data();
  const char* e = b + s->size();
  auto [p, ec] = std::from_chars(b, e, v, 16);
  if (ec != std::errc() || p != e || v > 0x10FFFF) return std::nullopt;
  return static_cast<char32_t>(v);
}

std::string Hex4(char32_t c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04X", static_cast<unsigned>(c));
  return buf;
}

// ---- package (OPC) ----------------------------------------------------------

struct Relationship {
  std::string type;    // last segment of the relationship type URI
  std::string target;  // resolved part name, no leading '/'
};

// "word/document.xml" → "word/_rels/document.xml.rels" (ECMA-376 Part 2 §9.3.3).
std::string RelsPartFor(std::string_view part) {
  std::size_t slash = part.rfind('/');
  if (slash == std::string_view::npos) return "_rels/" + std::string(part) + ".rels";
  return std::string(part.substr(0, slash + 1)) + "_rels/" + std::string(part.substr(slash + 1)) + ".rels";
}

// Resolves a relationship target against its source part (Part 2 §9.3.2):
// relative to the source's folder, "/x" from the package root; percent-escapes
// decoded; "." and ".." folded. Returns "" when the target leaves the package.
std::string ResolveTarget(std::string_view source_part, std::string_view target) {
  std::string decoded;
  for (std::size_t i = 0; i < target.size(); ++i) {
    if (target[i] == '%' && i + 2 < target.size()) {
      unsigned v = 0;
      auto [p, ec] = std::from_chars(target.data() + i + 1, target.data() + i + 3, v, 16);
      if (ec == std::errc() && p == target.data() + i + 3) {
        decoded += static_cast<char>(v);
        i += 2;
        continue;
      }
    }
    decoded += target[i];
  }
  std::size_t hash = decoded.find_first_of("#?");
  if (hash != std::string::npos) decoded.resize(hash);
  std::string path;
  if (!decoded.empty() && decoded.front() == '/') {
    path = decoded.substr(1);
  } else {
    std::size_t slash = source_part.rfind('/');
    path = (slash == std::string_view::npos ? std::string() : std::string(source_part.substr(0, slash + 1))) + decoded;
  }
  std::vector<std::string> segs;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    std::string seg = path.substr(start, end - start);
    if (seg == "..") {
      if (segs.empty()) return "";
      segs.pop_back();
    } else if (!seg.empty() && seg != ".") {
      segs.push_back(seg);
    }
    start = end + 1;
  }
  std::string out;
  for (const std::string& s : segs) {
    if (!out.empty()) out += '/';
    out += s;
  }
  return out;
}

std::string_view TypeTail(std::string_view type) {
  std::size_t slash = type.rfind('/');
  return slash == std::string_view::npos ? type : type.substr(slash + 1);
}

// ---- the walk -----------------------------------------------------------------

// A complex field in progress (§17.16.18 fldChar begin / separate / end).
struct FieldFrame {
  bool in_result = false;    // after "separate": its result is shown
  bool hide_result = false;  // result replaced by what we emitted at "begin" (check box, drop-down)
};

// A content-control check box being read (MS-DOCX 2.6.1 w14:checkbox).
struct CcCheckbox {
  bool checked = false;
  std::string name;
  bool emitted = false;
  std::set<char32_t> state_glyphs;  // w14:checkedState / uncheckedState characters
};

// The paragraph being built.
struct ParaBuilder {
  std::string text;  // raw (not yet NFC)
  std::vector<Tick> ticks;
  std::vector<Warning> warnings;
  std::vector<Block> anchored;  // text-box blocks anchored in this paragraph
  int first_text_page = -1;
};

// Everything shared by the parts of one document.
struct Context {
  const ExtractOptions& options;
  docx::Styles styles;
  docx::Numbering numbering;
  std::string first_run_language;
  std::vector<Warning> warnings;
};

// Walks one story (the body, a header, the notes of one part…) into blocks.
class StoryWalker {
 public:
  StoryWalker(Context& ctx, std::string part, Origin origin, bool track_pages)
      : ctx_(ctx), part_(std::move(part)), origin_(origin), track_pages_(track_pages) {}

  // Walks the block-level children of `container` (w:body, w:hdr, w:footnote,
  // w:tc, w:txbxContent, w:sdtContent…) into `out`. `top_level` blocks get a
  // new provenance index each.
  void WalkBlocks(const xmlNode* container, std::vector<Block>& out, bool top_level) {
    for (const xmlNode* c = container ? container->children : nullptr; c != nullptr; c = c->next) {
      WalkBlock(c, out, top_level);
    }
  }

  int breaks() const { return breaks_; }

 private:
  // ---- block level ----------------------------------------------------------

  void WalkBlock(const xmlNode* n, std::vector<Block>& out, bool top_level) {
    if (!IsElement(n)) return;
    if (IsNs(n, docx::kNsMc, "AlternateContent")) {
      if (const xmlNode* chosen = ChooseAlternate(n)) WalkBlocks(chosen, out, top_level);
      return;
    }
    if (!docx::InW(n)) return;
    const std::string_view name = docx::Name(n);
    if (name == "p") {
      if (top_level) index_ = next_index_++;
      Paragraph(n, out);
    } else if (name == "tbl") {
      if (top_level) index_ = next_index_++;
      Table(n, out);
    } else if (name == "sdt") {
      // Block-level content control (§17.5.2.29): its content in place.
      BlockSdt(n, out, top_level);
    } else if (name == "customXml" || name == "ins" || name == "moveTo" || name == "smartTag") {
      WalkBlocks(n, out, top_level);  // §17.5.1 custom XML, §17.13.5 inserted / moved-to content
    } else if (name == "del" || name == "moveFrom") {
      return;  // §17.13.5.14 / §17.13.5.22: deleted or moved-away content
    } else if (name == "altChunk") {
      AddDocWarning("altchunk-skipped", "imported content (w:altChunk) in " + part_ + " was not read");
    }
  }

  void BlockSdt(const xmlNode* sdt, std::vector<Block>& out, bool top_level) {
    const xmlNode* pr = WChild(sdt, "sdtPr");
    const xmlNode* content = WChild(sdt, "sdtContent");
    if (docx::WToggle(pr, "showingPlcHdr")) return;  // placeholder text is not an answer
    std::optional<CcCheckbox> cc = ReadCheckbox(pr);
    if (!cc) {
      WalkBlocks(content, out, top_level);
      return;
    }
    // A check box control around whole paragraphs (rare; Word makes them
    // inline): the first box glyph inside becomes the tick.
    CcCheckbox* saved = cc_;
    cc_ = &*cc;
    WalkBlocks(content, out, top_level);
    cc_ = saved;
    if (!cc->emitted) {
      AddDocWarning("tick-unclear", "a check box content control in " + part_ + " has no visible box; not read");
    }
  }

  // §17.3.1.22 w:p.
  void Paragraph(const xmlNode* p, std::vector<Block>& out) {
    const xmlNode* ppr = WChild(p, "pPr");
    std::string style_id;
    if (auto s = WAttr(WChild(ppr, "pStyle"), "val")) style_id = *s;
    const bool explicit_style = !style_id.empty();
    if (style_id.empty()) style_id = ctx_.styles.default_paragraph_style();

    // Page breaks before the paragraph (§17.3.1.23 pageBreakBefore).
    const xmlNode* pbb = WChild(ppr, "pageBreakBefore");
    if (pbb != nullptr ? docx::OnOff(WAttr(pbb, "val")) : ctx_.styles.PageBreakBefore(style_id)) {
      CountBreak(/*rendered=*/false);
    }

    ParaBuilder pb;
    ParaBuilder* saved = para_;
    para_ = &pb;
    for (const xmlNode* c = p->children; c != nullptr; c = c->next) Inline(c);
    para_ = saved;
    // Field instructions never span paragraphs in practice; drop frames still
    // waiting for "separate" so a stray "begin" cannot hide the rest of the story.
    while (!fields_.empty() && !fields_.back().in_result) fields_.pop_back();

    const xmlNode* mark_rpr = WChild(ppr, "rPr");
    const bool mark_deleted = WChild(mark_rpr, "del") != nullptr || WChild(mark_rpr, "moveFrom") != nullptr;

    vareport::Paragraph para;
    if (explicit_style) para.style = ctx_.styles.DisplayName(style_id);
    // Heading level: direct outline level (§17.3.1.20), else the style's.
    if (auto lvl = ParseInt(WAttr(WChild(ppr, "outlineLvl"), "val"))) {
      para.heading_level = (*lvl >= 0 && *lvl <= 8) ? *lvl + 1 : 0;
    } else if (!style_id.empty()) {
      para.heading_level = ctx_.styles.HeadingLevel(style_id);
    }
    // List membership (§17.3.1.19 numPr), else the style's (§17.7.4.17).
    std::optional<std::pair<int, int>> list;
    if (const xmlNode* numpr = WChild(ppr, "numPr")) {
      auto num_id = ParseInt(WAttr(WChild(numpr, "numId"), "val"));
      auto ilvl = ParseInt(WAttr(WChild(numpr, "ilvl"), "val"));
      auto from_style = ctx_.styles.Numbering(style_id);
      if (num_id) {
        list = std::make_pair(*num_id, ilvl.value_or(from_style ? from_style->second : 0));
      } else if (from_style) {
        list = std::make_pair(from_style->first, ilvl.value_or(from_style->second));
      }
    } else if (!style_id.empty()) {
      list = ctx_.styles.Numbering(style_id);
    }
    const bool dropped = mark_deleted && pb.text.empty() && pb.ticks.empty();
    if (list && list->first != 0 && ctx_.numbering.Defines(list->first) && list->second >= 0 && list->second <= 8 &&
        !dropped) {
      para.list_level = list->second;
      para.list_label = ctx_.numbering.NextLabel(list->first, list->second);
      LabelBoxToTick(para, pb);
    }

    // Section break at the end of this paragraph (§17.6.17 sectPr, §17.6.22
    // type): a new page unless the section is continuous.
    if (const xmlNode* sect = WChild(ppr, "sectPr")) {
      std::string type = WAttr(WChild(sect, "type"), "val").value_or("nextPage");
      if (type != "continuous" && type != "nextColumn") CountBreak(/*rendered=*/false);
    }

    if (!dropped) {
      FinishText(pb, para);
      Block b = Block::MakeParagraph(std::move(para), origin_);
      b.warnings = std::move(pb.warnings);
      SetWhere(b, pb.first_text_page >= 0 ? pb.first_text_page : page_);
      out.push_back(std::move(b));
    }
    for (Block& anchored : pb.anchored) out.push_back(std::move(anchored));
  }

  // A list whose bullet is a box glyph (task lists: "☐ item", "☒ item") shows
  // the answer only in the label: the box becomes a tick at the start of the
  // text (kGlyph, confidence 0.9) and the label is cleared.
  static void LabelBoxToTick(vareport::Paragraph& para, ParaBuilder& pb) {
    std::u32string label = DecodeUtf8(Trim(para.list_label));
    if (label.size() != 1) return;
    std::optional<docx::GlyphTick> g = docx::ClassifyGlyph(label[0]);
    if (!g) return;
    const std::string prefix = std::string(g->checked ? kChecked : kUnchecked) + " ";
    for (Tick& t : pb.ticks) t.offset += prefix.size();
    Tick t;
    t.offset = 0;
    t.length = 3;
    t.checked = g->checked;
    t.encoding = TickEncoding::kGlyph;
    t.confidence = std::min(g->confidence, 0.9);
    pb.ticks.insert(pb.ticks.begin(), t);
    pb.text.insert(0, prefix);
    para.list_label.clear();
  }

  // NFC-normalises the text between ticks and moves both into `para`.
  static void FinishText(ParaBuilder& pb, vareport::Paragraph& para) {
    std::string text;
    std::size_t prev = 0;
    for (Tick& t : pb.ticks) {
      text += Nfc(std::string_view(pb.text).substr(prev, t.offset - prev));
      std::size_t raw = t.offset;
      t.offset = text.size();
      text.append(pb.text, raw, t.length);
      prev = raw + t.length;
    }
    text += Nfc(std::string_view(pb.text).substr(prev));
    para.text = std::move(text);
    para.ticks = std::move(pb.ticks);
  }

  // §17.4.38 w:tbl.
  void Table(const xmlNode* tbl, std::vector<Block>& out) {
    const int page_at_start = page_;
    vareport::Table table;
    if (const xmlNode* grid = WChild(tbl, "tblGrid")) {
      for (const xmlNode* g = grid->children; g != nullptr; g = g->next) {
        if (IsW(g, "gridCol")) ++table.columns;
      }
    }
    // Open vertical merges: grid column → (row, cell) of the restart cell (§17.4.85).
    std::map<int, std::pair<std::size_t, std::size_t>> open_merges;
    ForEachRow(tbl, [&](const xmlNode* tr) { Row(tr, table, open_merges); });
    Block b = Block::MakeTable(std::move(table), origin_);
    SetWhere(b, FirstTextPage(*b.table).value_or(page_at_start));
    out.push_back(std::move(b));
  }

  // Calls `f` for every w:tr of `tbl`, looking through row-level content
  // controls and custom XML (§17.5.2.30, §17.5.1.5).
  template <typename F>
  void ForEachRow(const xmlNode* container, F&& f) {
    for (const xmlNode* c = container->children; c != nullptr; c = c->next) {
      if (IsW(c, "tr")) {
        f(c);
      } else if (IsW(c, "sdt")) {
        if (const xmlNode* content = WChild(c, "sdtContent")) ForEachRow(content, f);
      } else if (IsW(c, "customXml") || IsW(c, "ins") || IsW(c, "moveTo")) {
        ForEachRow(c, f);
      } else if (IsNs(c, docx::kNsMc, "AlternateContent")) {
        if (const xmlNode* chosen = ChooseAlternate(c)) ForEachRow(chosen, f);
      }
    }
  }

  template <typename F>
  void ForEachCell(const xmlNode* container, F&& f) {
    for (const xmlNode* c = container->children; c != nullptr; c = c->next) {
      if (IsW(c, "tc")) {
        f(c);
      } else if (IsW(c, "sdt")) {  // cell-level content control (§17.5.2.32)
        const xmlNode* pr = WChild(c, "sdtPr");
        std::optional<CcCheckbox> cc = ReadCheckbox(pr);
        CcCheckbox* saved = cc_;
        if (cc) cc_ = &*cc;
        if (const xmlNode* content = WChild(c, "sdtContent")) ForEachCell(content, f);
        cc_ = saved;
      } else if (IsW(c, "customXml") || IsW(c, "ins") || IsW(c, "moveTo")) {
        ForEachCell(c, f);
      } else if (IsNs(c, docx::kNsMc, "AlternateContent")) {
        if (const xmlNode* chosen = ChooseAlternate(c)) ForEachCell(chosen, f);
      }
    }
  }

  // §17.4.79 w:tr.
  void Row(const xmlNode* tr, vareport::Table& table, std::map<int, std::pair<std::size_t, std::size_t>>& open) {
    const xmlNode* trpr = WChild(tr, "trPr");
    if (WChild(trpr, "del") != nullptr) return;  // deleted row (§17.13.5.12)
    vareport::Row row;
    row.header = docx::WToggle(trpr, "tblHeader");  // §17.4.49
    int column = std::clamp(ParseInt(WAttr(WChild(trpr, "gridBefore"), "val")).value_or(0), 0, 1000);
    const std::size_t row_index = table.rows.size();
    ForEachCell(tr, [&](const xmlNode* tc) {
      const xmlNode* tcpr = WChild(tc, "tcPr");
      if (WChild(tcpr, "cellDel") != nullptr) return;  // deleted cell (§17.13.5.1)
      const int span = std::clamp(ParseInt(WAttr(WChild(tcpr, "gridSpan"), "val")).value_or(1), 1, 1000);  // §17.4.17
      // Legacy horizontal merge (§17.4.22 hMerge): a "continue" cell widens the previous one.
      if (const xmlNode* hm = WChild(tcpr, "hMerge"); hm != nullptr && WAttr(hm, "val").value_or("continue") != "restart" &&
                                                      !row.cells.empty()) {
        row.cells.back().col_span += span;
        column += span;
        return;
      }
      Cell cell;
      cell.column = column;
      cell.col_span = span;
      const xmlNode* vm = WChild(tcpr, "vMerge");
      const bool restart = vm != nullptr && WAttr(vm, "val").value_or("continue") == "restart";
      const bool cont = vm != nullptr && !restart;
      if (cont) {
        cell.merged = true;
        if (auto it = open.find(column); it != open.end()) {
          auto [r, i] = it->second;
          if (r < table.rows.size() && i < table.rows[r].cells.size()) ++table.rows[r].cells[i].row_span;
        }
        row.cells.push_back(std::move(cell));
      } else {
        WalkBlocks(tc, cell.blocks, /*top_level=*/false);
        MarkTypedX(cell);
        for (int c = column; c < column + span; ++c) open.erase(c);
        if (restart) open[column] = {row_index, row.cells.size()};
        row.cells.push_back(std::move(cell));
      }
      column += span;
    });
    table.columns = std::max(table.columns, column);
    table.rows.push_back(std::move(row));
  }

  // Typed "X" marks in a table cell (kTypedX). A cell whose whole text is
  // "X" / "x" is a checked box (confidence 1). Otherwise, in a cell paragraph
  // with no other box, an "X" standing before an option the way a box would
  // ("X  Oui /  Non", " Oui   X  Non") is one too (confidence 0.8): it must
  // start the paragraph or follow two spaces or "/ ", and be followed by
  // white space and a letter, so "Annex X" or "X-ray" never match.
  static void MarkTypedX(Cell& cell) {
    const std::string all = Trim(PlainText(cell));
    const bool whole = all == "X" || all == "x";
    for (Block& b : cell.blocks) {
      if (b.kind != BlockKind::kParagraph || !b.paragraph.ticks.empty()) continue;
      const std::string& t = b.paragraph.text;
      if (whole) {
        if (Trim(t) != all) continue;
        b.paragraph.ticks.push_back(TypedX(t.find_first_of("Xx"), 1.0));
        return;
      }
      for (std::size_t i = 0; i < t.size(); ++i) {
        if (t[i] != 'X' && t[i] != 'x') continue;
        auto space = [&](std::size_t k) { return t[k] == ' ' || t[k] == '\t'; };
        const bool before = i == 0 || (i >= 2 && space(i - 1) && (space(i - 2) || t[i - 2] == '/')) ||
                            (i == 1 && space(0));
        std::size_t j = i + 1;
        while (j < t.size() && space(j)) ++j;
        const bool after = j > i + 1 && j < t.size() && (std::isalpha(static_cast<unsigned char>(t[j])) ||
                                                         static_cast<unsigned char>(t[j]) >= 0xC0);
        if (before && after) b.paragraph.ticks.push_back(TypedX(i, 0.8));
      }
    }
  }

  static Tick TypedX(std::size_t offset, double confidence) {
    Tick tick;
    tick.offset = offset;
    tick.length = 1;
    tick.checked = true;
    tick.encoding = TickEncoding::kTypedX;
    tick.confidence = confidence;
    return tick;
  }

  static std::optional<int> FirstTextPage(const vareport::Table& t) {
    for (const vareport::Row& r : t.rows) {
      for (const Cell& c : r.cells) {
        for (const Block& b : c.blocks) {
          if (b.kind == BlockKind::kParagraph && !b.paragraph.text.empty()) return b.where.page;
          if (b.kind == BlockKind::kTable && b.table) {
            if (auto p = FirstTextPage(*b.table)) return p;
          }
        }
      }
    }
    return std::nullopt;
  }

  void SetWhere(Block& b, int page) {
    b.where.part = part_;
    b.where.index = index_;
    b.where.page = track_pages_ ? page : 0;
  }

  // ---- paragraph content ----------------------------------------------------

  void Inline(const xmlNode* n) {
    if (!IsElement(n)) return;
    if (IsNs(n, docx::kNsMc, "AlternateContent")) {
      if (const xmlNode* chosen = ChooseAlternate(n)) {
        for (const xmlNode* c = chosen->children; c != nullptr; c = c->next) Inline(c);
      }
      return;
    }
    if (IsNs(n, docx::kNsM, "oMath") || IsNs(n, docx::kNsM, "oMathPara") || IsNs(n, docx::kNsMStrict, "oMath") ||
        IsNs(n, docx::kNsMStrict, "oMathPara")) {
      MathText(n);
      return;
    }
    if (!docx::InW(n)) return;
    const std::string_view name = docx::Name(n);
    if (name == "r") {
      Run(n);
    } else if (name == "hyperlink" || name == "smartTag" || name == "customXml" || name == "ins" || name == "moveTo" ||
               name == "dir" || name == "bdo" || name == "fldSimple") {
      // §17.16.22 hyperlink, §17.5.1.9 smartTag, §17.13.5.18 ins, §17.16.19
      // fldSimple (its runs are the field result).
      for (const xmlNode* c = n->children; c != nullptr; c = c->next) Inline(c);
    } else if (name == "sdt") {
      InlineSdt(n);
    } else if (name == "del" || name == "moveFrom") {
      return;  // deleted runs never count
    }
  }

  // §17.5.2.31 run-level content control.
  void InlineSdt(const xmlNode* sdt) {
    const xmlNode* pr = WChild(sdt, "sdtPr");
    const xmlNode* content = WChild(sdt, "sdtContent");
    std::optional<CcCheckbox> cc = ReadCheckbox(pr);
    if (!cc && docx::WToggle(pr, "showingPlcHdr")) return;  // placeholder text is not an answer
    CcCheckbox* saved = cc_;
    if (cc) {
      // The control's displayed run (☒/☐ in MS Gothic) is replaced by one box
      // whose state comes from w14:checked, never both.
      AddTick(cc->checked, TickEncoding::kContentControl, 1.0, cc->name);
      cc->emitted = true;
      cc_ = &*cc;
    }
    if (content != nullptr) {
      for (const xmlNode* c = content->children; c != nullptr; c = c->next) Inline(c);
    }
    cc_ = saved;
  }

  // w14:checkbox in sdtPr (MS-DOCX 2.6.1): state from w14:checked/@w14:val.
  std::optional<CcCheckbox> ReadCheckbox(const xmlNode* pr) {
    const xmlNode* box = docx::NsChild(pr, docx::kNsW14, "checkbox");
    if (box == nullptr) return std::nullopt;
    CcCheckbox cc;
    if (const xmlNode* checked = docx::NsChild(box, docx::kNsW14, "checked")) {
      cc.checked = docx::OnOff(docx::W14Attr(checked, "val"), false);
    }
    for (const char* state : {"checkedState", "uncheckedState"}) {
      if (auto v = ParseHexChar(docx::W14Attr(docx::NsChild(box, docx::kNsW14, state), "val"))) {
        cc.state_glyphs.insert(*v);
      }
    }
    if (auto tag = WAttr(WChild(pr, "tag"), "val"); tag && !tag->empty()) {
      cc.name = *tag;
    } else if (auto alias = WAttr(WChild(pr, "alias"), "val")) {
      cc.name = *alias;
    }
    return cc;
  }

  // §17.3.2.25 w:r.
  void Run(const xmlNode* r) {
    const xmlNode* rpr = WChild(r, "rPr");
    docx::SymbolFont run_font = docx::SymbolFont::kNone;
    std::string run_font_name;
    if (const xmlNode* fonts = WChild(rpr, "rFonts")) {
      for (const char* attr : {"ascii", "hAnsi", "cs"}) {
        if (auto f = WAttr(fonts, attr)) {
          run_font = docx::ClassifySymbolFont(*f);
          run_font_name = *f;
          break;
        }
      }
    }
    if (ctx_.first_run_language.empty()) {
      if (auto lang = WAttr(WChild(rpr, "lang"), "val")) ctx_.first_run_language = *lang;
    }
    for (const xmlNode* c = r->children; c != nullptr; c = c->next) {
      if (!IsElement(c)) continue;
      if (IsNs(c, docx::kNsMc, "AlternateContent")) {
        if (const xmlNode* chosen = ChooseAlternate(c)) FindTextBoxes(chosen);
        continue;
      }
      if (!docx::InW(c)) continue;
      const std::string_view name = docx::Name(c);
      if (name == "t") {  // §17.3.3.31
        const std::string text = docx::DirectText(c);
        if (run_font == docx::SymbolFont::kNone) {
          AppendText(text);
        } else {
          for (char32_t cp : DecodeUtf8(text)) Symbol(run_font, run_font_name, cp);
        }
      } else if (name == "tab" || name == "ptab") {  // §17.3.3.32, §17.3.3.23
        AppendRaw("\t");
      } else if (name == "br") {  // §17.3.3.1
        const std::string type = WAttr(c, "type").value_or("textWrapping");
        if (type == "page") {
          CountBreak(/*rendered=*/false);
        } else if (type != "column") {
          AppendRaw("\n");
        }
      } else if (name == "cr") {  // §17.3.3.4
        AppendRaw("\n");
      } else if (name == "noBreakHyphen") {  // §17.3.3.18
        AppendRaw("-");
      } else if (name == "sym") {  // §17.3.3.30
        const std::string font = WAttr(c, "font").value_or("");
        auto ch = ParseHexChar(WAttr(c, "char"));
        if (!ch) continue;
        docx::SymbolFont f = docx::ClassifySymbolFont(font);
        if (f == docx::SymbolFont::kNone && run_font != docx::SymbolFont::kNone && font.empty()) f = run_font;
        if (f == docx::SymbolFont::kNone) {
          if (*ch >= 0xF000 && *ch <= 0xF0FF) {
            AppendUnmapped(font, *ch);
          } else {
            std::string s;
            AppendUtf8(s, *ch);
            AppendText(s);
          }
        } else {
          Symbol(f, font.empty() ? run_font_name : font, *ch);
        }
      } else if (name == "fldChar") {  // §17.16.18
        FieldChar(c);
      } else if (name == "lastRenderedPageBreak") {  // §17.3.3.13
        CountBreak(/*rendered=*/true);
      } else if (name == "drawing" || name == "pict" || name == "object") {
        FindTextBoxes(c);
      } else if (name == "ruby") {  // §17.3.3.25: the base text only
        if (const xmlNode* base = WChild(c, "rubyBase")) {
          for (const xmlNode* rc = base->children; rc != nullptr; rc = rc->next) Inline(rc);
        }
      }
      // w:delText, w:instrText, w:softHyphen, footnote/comment references and
      // the rest carry no visible text of their own.
    }
  }

  // m:oMath: the text of its m:t runs (§22.1.2.116).
  void MathText(const xmlNode* n) {
    for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
      if (!IsElement(c)) continue;
      if (IsNs(c, docx::kNsM, "t") || IsNs(c, docx::kNsMStrict, "t")) {
        AppendText(docx::DirectText(c));
      } else if (IsW(c, "del")) {
        continue;
      } else {
        MathText(c);
      }
    }
  }

  // §17.16.18 fldChar with §17.16.17 ffData (legacy form fields).
  void FieldChar(const xmlNode* fc) {
    const std::string type = WAttr(fc, "fldCharType").value_or("");
    if (type == "begin") {
      FieldFrame frame;
      if (const xmlNode* ff = WChild(fc, "ffData")) {
        std::string name = WAttr(WChild(ff, "name"), "val").value_or("");
        if (const xmlNode* box = WChild(ff, "checkBox")) {
          // §17.16.7 checked: present without w:val → checked; else its
          // ST_OnOff value; absent → w:default (§17.16.11), absent → unchecked.
          bool checked = false;
          if (const xmlNode* c = WChild(box, "checked")) {
            checked = docx::OnOff(WAttr(c, "val"), true);
          } else if (const xmlNode* d = WChild(box, "default")) {
            checked = docx::OnOff(WAttr(d, "val"), false);
          }
          AddTick(checked, TickEncoding::kLegacyFormField, 1.0, name);
          frame.hide_result = true;
        } else if (const xmlNode* dd = WChild(ff, "ddList")) {
          // §17.16.9: the selected entry (w:result, default 0) is the value.
          int pick = ParseInt(WAttr(WChild(dd, "result"), "val"))
                         .value_or(ParseInt(WAttr(WChild(dd, "default"), "val")).value_or(0));
          int i = 0;
          for (const xmlNode* e = dd->children; e != nullptr; e = e->next) {
            if (!IsW(e, "listEntry")) continue;
            if (i++ == pick) AppendText(WAttr(e, "val").value_or(""));
          }
          frame.hide_result = true;
        }
      }
      if (fields_.size() < 64) fields_.push_back(frame);
    } else if (type == "separate") {
      if (!fields_.empty()) fields_.back().in_result = true;
    } else if (type == "end") {
      if (!fields_.empty()) fields_.pop_back();
    }
  }

  // A w:sym or a character of a symbol-font run.
  void Symbol(docx::SymbolFont font, const std::string& font_name, char32_t code) {
    if (cc_ != nullptr) {  // inside a check box content control: its box glyph
      BoxGlyphInControl();
      return;
    }
    docx::SymbolMeaning m = docx::LookupSymbol(font, code);
    using Kind = docx::SymbolMeaning::Kind;
    switch (m.kind) {
      case Kind::kChecked:
      case Kind::kUnchecked:
        AddTick(m.kind == Kind::kChecked, TickEncoding::kSymbolFont, m.confidence, "");
        break;
      case Kind::kText:
        if (m.unicode == 0xFFFD) {
          AppendUnmapped(font_name, code);
        } else {
          std::string s;
          AppendUtf8(s, m.unicode);
          AppendRaw(s);
        }
        break;
      case Kind::kUnknown:
        // A symbol from a tick-box font that the table does not know: most
        // likely a mark someone inserted, so read as checked, but unsure.
        if (AddTick(true, TickEncoding::kSymbolFont, 0.5, "") && para_ != nullptr) {
          para_->warnings.push_back(
              {"tick-unclear", font_name + " character " + Hex4(code) + " is not a known box or tick; read as checked"});
        }
        break;
    }
  }

  void AppendUnmapped(const std::string& font_name, char32_t code) {
    if (!Visible() || para_ == nullptr) return;
    AppendRaw("\uFFFD");
    para_->warnings.push_back(
        {"unmapped-glyph", (font_name.empty() ? std::string("symbol") : font_name) + " character " + Hex4(code) +
                               " has no Unicode equivalent"});
  }

  // Inside a check box content control a box glyph is the control's display:
  // it is suppressed, and becomes the control's tick if none was emitted yet.
  void BoxGlyphInControl() {
    if (!cc_->emitted) {
      cc_->emitted = AddTick(cc_->checked, TickEncoding::kContentControl, 1.0, cc_->name);
    }
  }

  // Visible run text: box glyphs become ticks (kGlyph), the rest is kept.
  void AppendText(std::string_view text) {
    if (!Visible() || para_ == nullptr || text.empty()) return;
    bool plain = true;
    for (unsigned char c : text) {
      if (c >= 0xE2) {  // every glyph we classify is U+2000 or above
        plain = false;
        break;
      }
    }
    if (plain) {
      AppendRaw(text);
      return;
    }
    std::string pending;
    for (char32_t cp : DecodeUtf8(text)) {
      std::optional<docx::GlyphTick> g = docx::ClassifyGlyph(cp);
      const bool control_glyph = cc_ != nullptr && (g || cc_->state_glyphs.count(cp) > 0);
      if (!g && !control_glyph) {
        AppendUtf8(pending, cp);
        continue;
      }
      AppendRaw(pending);
      pending.clear();
      if (control_glyph) {
        BoxGlyphInControl();
      } else {
        AddTick(g->checked, TickEncoding::kGlyph, g->confidence, "");
      }
    }
    AppendRaw(pending);
  }

  void AppendRaw(std::string_view s) {
    if (!Visible() || para_ == nullptr || s.empty()) return;
    para_->text.append(s);
    NoteText();
  }

  // Appends ☒/☐ and its Tick at the current position; false when invisible.
  bool AddTick(bool checked, TickEncoding encoding, double confidence, const std::string& name) {
    if (!Visible() || para_ == nullptr) return false;
    Tick t;
    t.offset = para_->text.size();
    t.length = 3;
    t.checked = checked;
    t.encoding = encoding;
    t.confidence = confidence;
    t.field_name = name;
    para_->text.append(checked ? kChecked : kUnchecked);
    para_->ticks.push_back(std::move(t));
    NoteText();
    return true;
  }

  void NoteText() {
    text_since_break_ = true;
    if (para_ != nullptr && para_->first_text_page < 0) para_->first_text_page = page_;
  }

  // Text is shown only outside field instructions and outside results we replaced.
  bool Visible() const {
    for (const FieldFrame& f : fields_) {
      if (!f.in_result || f.hide_result) return false;
    }
    return true;
  }

  // A page break. Word writes w:lastRenderedPageBreak where its last layout
  // broke pages, often right after an explicit break; a rendered break with no
  // text since the previous break is the same page change.
  void CountBreak(bool rendered) {
    if (rendered && !text_since_break_) return;
    ++page_;
    ++breaks_;
    text_since_break_ = false;
  }

  // ---- text boxes (§17.17.1.1 txbxContent, in DrawingML wps:txbx or VML v:textbox)

  // mc:AlternateContent (ECMA-376 Part 3 §10.2): the first mc:Choice (we read
  // every markup Word puts there), else mc:Fallback — never both.
  static const xmlNode* ChooseAlternate(const xmlNode* ac) {
    const xmlNode* fallback = nullptr;
    for (const xmlNode* c = ac->children; c != nullptr; c = c->next) {
      if (IsNs(c, docx::kNsMc, "Choice")) return c;
      if (IsNs(c, docx::kNsMc, "Fallback") && fallback == nullptr) fallback = c;
    }
    return fallback;
  }

  void FindTextBoxes(const xmlNode* n) {
    for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
      if (!IsElement(c)) continue;
      if (IsNs(c, docx::kNsMc, "AlternateContent")) {
        if (const xmlNode* chosen = ChooseAlternate(c)) FindTextBoxes(chosen);
      } else if (IsW(c, "txbxContent")) {
        TextBox(c);
      } else {
        FindTextBoxes(c);
      }
    }
  }

  void TextBox(const xmlNode* content) {
    if (para_ == nullptr) return;
    ParaBuilder* anchor = para_;
    // The text box is its own story: its own fields and check box state.
    std::vector<FieldFrame> saved_fields = std::move(fields_);
    fields_.clear();
    CcCheckbox* saved_cc = cc_;
    cc_ = nullptr;
    const Origin saved_origin = origin_;
    origin_ = Origin::kTextBox;
    std::vector<Block> blocks;
    WalkBlocks(content, blocks, /*top_level=*/false);
    origin_ = saved_origin;
    cc_ = saved_cc;
    fields_ = std::move(saved_fields);
    para_ = anchor;
    for (Block& b : blocks) anchor->anchored.push_back(std::move(b));
  }

  void AddDocWarning(std::string code, std::string message) {
    for (const Warning& w : ctx_.warnings) {
      if (w.code == code && w.message == message) return;
    }
    ctx_.warnings.push_back({std::move(code), std::move(message)});
  }

  Context& ctx_;
  std::string part_;
  Origin origin_;
  bool track_pages_;
  int index_ = 0;       // provenance index of the current top-level block
  int next_index_ = 0;  // next top-level index in this part
  int page_ = 1;
  int breaks_ = 0;
  bool text_since_break_ = false;
  std::vector<FieldFrame> fields_;
  ParaBuilder* para_ = nullptr;
  CcCheckbox* cc_ = nullptr;
};

// Sets every block's page to 0 (no page information in the document).
void ClearPages(std::vector<Block>& blocks) {
  for (Block& b : blocks) {
    b.where.page = 0;
    if (b.kind == BlockKind::kTable && b.table) {
      for (Row& r : b.table->rows) {
        for (Cell& c : r.cells) ClearPages(c.blocks);
      }
    }
  }
}

// ---- the extraction -----------------------------------------------------------

class DocxReader {
 public:
  DocxReader(std::string_view bytes, const ExtractOptions& options)
      : bytes_(bytes), options_(options), start_(std::chrono::steady_clock::now()) {}

  Result<Document> Run() {
    static const char kOle[] = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
    if (bytes_.substr(0, 8) == std::string_view(kOle, 8)) {
      if (bytes_.find(std::string_view("E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e", 32)) != std::string_view::npos) {
        return MakeError(ErrorKind::kEncrypted, "encrypted Word document: a password is required");
      }
      return MakeError(ErrorKind::kUnsupportedFormat, "not a .docx package (an OLE compound file)");
    }
    if (bytes_.size() > options_.max_file_bytes) {
      return MakeError(ErrorKind::kLimitExceeded, "file is larger than the limit");
    }
    internal::ZipLimits limits;
    limits.max_entries = options_.max_zip_entries;
    limits.max_entry_bytes = options_.max_zip_entry_bytes;
    limits.max_total_bytes = options_.max_zip_total_bytes;
    limits.max_ratio = options_.max_zip_ratio;
    limits.ratio_floor_bytes = options_.zip_ratio_floor_bytes;
    auto zip = internal::ZipReader::Open(bytes_, limits);
    if (!zip) return zip.error();
    zip_ = std::move(zip.value());
    // Two entries with one part name (ECMA-376 Part 2 §9.1.1.1.2: part names
    // are unique, compared case-insensitively): ZIP readers disagree on which
    // copy wins, so what a reviewer opens may not be what was read.
    if (const std::string dup = zip_->FirstDuplicateName(); !dup.empty()) {
      return MakeError(ErrorKind::kUnreadableInput,
                       "ambiguous package: two ZIP entries are named " + SanitizeUtf8(dup) + "; refused");
    }

    Document doc;
    doc.format = Format::kDocx;

    // 1. Find the main document part (Part 2 §9.3: package relationship of
    //    type officeDocument; else [Content_Types].xml; else the usual name).
    std::vector<Relationship> package_rels;
    if (auto rels = ReadRels(""); rels) package_rels = std::move(rels.value());
    else return rels.error();
    std::string main_part;
    for (const Relationship& r : package_rels) {
      if (r.type == docx::kRelOfficeDocument && zip_->Contains(r.target)) {
        main_part = r.target;
        break;
      }
    }
    if (main_part.empty()) main_part = MainPartFromContentTypes();
    if (main_part.empty() && zip_->Contains("word/document.xml")) main_part = "word/document.xml";
    if (main_part.empty()) {
      return MakeError(ErrorKind::kUnreadableInput, "not a Word document: word/document.xml missing");
    }

    // 2. The parts the main part points to (§11.3).
    std::vector<Relationship> doc_rels;
    if (auto rels = ReadRels(main_part); rels) doc_rels = std::move(rels.value());
    else return rels.error();
    auto target_of = [&](std::string_view type) -> std::string {
      for (const Relationship& r : doc_rels) {
        if (r.type == type && zip_->Contains(r.target)) return r.target;
      }
      return "";
    };

    Context ctx{options_, {}, {}, {}, {}};
    if (std::string part = target_of(docx::kRelStyles); !part.empty()) {
      auto xml = ReadSecondary(part, ctx);
      if (!xml) return xml.error();
      if (*xml) ctx.styles.Load(xmlDocGetRootElement(xml->get()));
    }
    if (std::string part = target_of(docx::kRelNumbering); !part.empty()) {
      auto xml = ReadSecondary(part, ctx);
      if (!xml) return xml.error();
      if (*xml) ctx.numbering.Load(xmlDocGetRootElement(xml->get()));
    }

    // 3. The body (§17.2.2).
    {
      auto text = zip_->Read(main_part);
      if (!text) return text.error();
      auto xml = docx::ParseXmlPart(*text, main_part, options_.max_xml_depth);
      if (!xml) return xml.error();
      const xmlNode* root = xmlDocGetRootElement(xml->get());
      if (!IsW(root, "document")) {
        return MakeError(ErrorKind::kUnsupportedFormat, "not a Word document: " + main_part +
                                                             " is not WordprocessingML");
      }
      StoryWalker walker(ctx, main_part, Origin::kBody, /*track_pages=*/true);
      walker.WalkBlocks(WChild(root, "body"), doc.body, /*top_level=*/true);
      if (walker.breaks() == 0) ClearPages(doc.body);
      if (auto t = CheckTime(); !t) return t.error();
    }

    // 4. Headers and footers (§17.10), each part once, in part-name order.
    std::vector<std::pair<std::string, Origin>> furniture;
    for (const Relationship& r : doc_rels) {
      if (r.type != docx::kRelHeader && r.type != docx::kRelFooter) continue;
      std::pair<std::string, Origin> entry{r.target, r.type == docx::kRelHeader ? Origin::kHeader : Origin::kFooter};
      if (std::find(furniture.begin(), furniture.end(), entry) == furniture.end()) furniture.push_back(entry);
    }
    std::sort(furniture.begin(), furniture.end(), [](const auto& a, const auto& b) {
      return std::tie(a.second, a.first) < std::tie(b.second, b.first);  // headers, then footers
    });
    for (const auto& [part, origin] : furniture) {
      if (!zip_->Contains(part)) continue;
      auto xml = ReadSecondary(part, ctx);
      if (!xml) return xml.error();
      if (!*xml) continue;
      StoryWalker walker(ctx, part, origin, /*track_pages=*/false);
      walker.WalkBlocks(xmlDocGetRootElement(xml->get()), doc.furniture, /*top_level=*/true);
      if (auto t = CheckTime(); !t) return t.error();
    }

    // 5. Footnotes and endnotes (§17.11), comments (§17.13.4.2).
    struct NotesPart {
      std::string_view rel;
      std::string_view element;
      Origin origin;
    };
    for (const NotesPart& np : {NotesPart{docx::kRelFootnotes, "footnote", Origin::kFootnote},
                                NotesPart{docx::kRelEndnotes, "endnote", Origin::kFootnote},
                                NotesPart{docx::kRelComments, "comment", Origin::kComment}}) {
      std::string part = target_of(np.rel);
      if (part.empty()) continue;
      auto xml = ReadSecondary(part, ctx);
      if (!xml) return xml.error();
      if (!*xml) continue;
      StoryWalker walker(ctx, part, np.origin, /*track_pages=*/false);
      for (const xmlNode* n = xmlDocGetRootElement(xml->get())->children; n != nullptr; n = n->next) {
        if (!IsW(n, np.element)) continue;
        // Separator notes (§17.18.33 ST_FtnEdn) hold no text of the author.
        const std::string type = WAttr(n, "type").value_or("normal");
        if (type == "separator" || type == "continuationSeparator" || type == "continuationNotice") continue;
        walker.WalkBlocks(n, doc.notes, /*top_level=*/true);
      }
      if (auto t = CheckTime(); !t) return t.error();
    }

    // 6. Metadata: docProps/core.xml dc:title, docProps/app.xml <Pages>.
    ReadProperties(package_rels, doc, ctx);
    doc.language_tag = !ctx.styles.language().empty() ? ctx.styles.language() : ctx.first_run_language;
    doc.warnings = std::move(ctx.warnings);
    return doc;
  }

 private:
  Status CheckTime() const {
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    if (elapsed > options_.time_limit_seconds) {
      return MakeError(ErrorKind::kLimitExceeded, "time limit of " +
                                                      std::to_string(static_cast<int>(options_.time_limit_seconds)) +
                                                      " s exceeded while reading the Word document");
    }
    return Ok{};
  }

  // Relationships of `source` ("" = the package). A missing part is no
  // relationship; a damaged one too (with nothing to report: the caller falls
  // back to the usual part names).
  Result<std::vector<Relationship>> ReadRels(const std::string& source) {
    std::vector<Relationship> out;
    const std::string rels_part = source.empty() ? "_rels/.rels" : RelsPartFor(source);
    if (!zip_->Contains(rels_part)) return out;
    auto text = zip_->Read(rels_part);
    if (!text) {
      if (text.error().kind == ErrorKind::kUnreadableInput) return out;
      return text.error();
    }
    auto xml = docx::ParseXmlPart(*text, rels_part, options_.max_xml_depth);
    if (!xml) {
      if (xml.error().kind == ErrorKind::kUnreadableInput) return out;
      return xml.error();
    }
    for (const xmlNode* n = xmlDocGetRootElement(xml->get())->children; n != nullptr; n = n->next) {
      if (!IsNs(n, docx::kNsRels, "Relationship")) continue;
      if (docx::PlainAttr(n, "TargetMode").value_or("Internal") == "External") continue;
      auto type = docx::PlainAttr(n, "Type");
      auto target = docx::PlainAttr(n, "Target");
      if (!type || !target) continue;
      std::string resolved = ResolveTarget(source, *target);
      if (resolved.empty()) continue;
      out.push_back({std::string(TypeTail(*type)), std::move(resolved)});
    }
    return out;
  }

  std::string MainPartFromContentTypes() {
    auto text = zip_->Read("[Content_Types].xml");
    if (!text) return "";
    auto xml = docx::ParseXmlPart(*text, "[Content_Types].xml", options_.max_xml_depth);
    if (!xml) return "";
    for (const xmlNode* n = xmlDocGetRootElement(xml->get())->children; n != nullptr; n = n->next) {
      if (!IsNs(n, docx::kNsContentTypes, "Override")) continue;
      std::string type = docx::PlainAttr(n, "ContentType").value_or("");
      std::string name = docx::PlainAttr(n, "PartName").value_or("");
      const bool main = type.size() > 9 && type.compare(type.size() - 9, 9, "main+xml") == 0 &&
                        (type.rfind(docx::kMainContentTypePrefix, 0) == 0 || type.rfind(docx::kMacroMainContentType, 0) == 0);
      if (!main) continue;
      std::string part = ResolveTarget("", name);
      if (!part.empty() && zip_->Contains(part)) return part;
    }
    return "";
  }

  // Reads a part other than the main one. A damaged secondary part is a
  // document warning (the body is still worth reading); limits and encryption
  // stay errors. Returns a null document when the part was skipped.
  Result<docx::XmlDocPtr> ReadSecondary(const std::string& part, Context& ctx) {
    auto text = zip_->Read(part);
    if (!text) {
      if (text.error().kind != ErrorKind::kUnreadableInput) return text.error();
      ctx.warnings.push_back({"part-unreadable", text.error().message});
      return docx::XmlDocPtr();
    }
    auto xml = docx::ParseXmlPart(*text, part, options_.max_xml_depth);
    if (!xml) {
      if (xml.error().kind != ErrorKind::kUnreadableInput) return xml.error();
      ctx.warnings.push_back({"part-unreadable", xml.error().message});
      return docx::XmlDocPtr();
    }
    return std::move(xml.value());
  }

  void ReadProperties(const std::vector<Relationship>& package_rels, Document& doc, Context& ctx) {
    std::string core = "docProps/core.xml", app = "docProps/app.xml";
    for (const Relationship& r : package_rels) {
      if (r.type == docx::kRelCoreProps) core = r.target;
      if (r.type == docx::kRelExtendedProps) app = r.target;
    }
    if (zip_->Contains(core)) {
      auto xml = ReadSecondary(core, ctx);
      if (xml && *xml) {
        if (const xmlNode* title = docx::NsChild(xmlDocGetRootElement(xml->get()), docx::kNsDc, "title")) {
          doc.title = Nfc(Trim(docx::DirectText(title)));
        }
      }
    }
    if (zip_->Contains(app)) {
      auto xml = ReadSecondary(app, ctx);
      if (xml && *xml) {
        const xmlNode* root = xmlDocGetRootElement(xml->get());
        const xmlNode* pages = docx::NsChild(root, docx::kNsExtProps, "Pages");
        if (pages == nullptr) pages = docx::NsChild(root, docx::kNsExtPropsStrict, "Pages");
        if (auto n = ParseInt(Trim(docx::DirectText(pages))); n && *n > 0) doc.pages = *n;
      }
    }
  }

  std::string_view bytes_;
  const ExtractOptions& options_;
  std::chrono::steady_clock::time_point start_;
  std::unique_ptr<internal::ZipReader> zip_;
};

}  // namespace

Result<Document> ExtractDocx(std::string_view bytes, const ExtractOptions& options) {
  DocxReader reader(bytes, options);
  return reader.Run();
}

}  // namespace vareport
