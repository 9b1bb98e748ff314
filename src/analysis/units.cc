#include "analysis/units.h"

#include <algorithm>

#include "core/text.h"
#include "document/document_json.h"

namespace vareport::analysis {
namespace {

void AddTicks(const Paragraph& p, int column, std::vector<UnitTick>& out) {
  for (std::size_t i = 0; i < p.ticks.size(); ++i) {
    const Tick& t = p.ticks[i];
    out.push_back({t.checked, TickLabel(p, i), column, t.confidence, t.encoding});
  }
}

struct Flattener {
  std::vector<Unit> units;
  int tables = 0;

  void Blocks(const std::vector<Block>& blocks, int inherited_page) {
    for (const Block& b : blocks) One(b, inherited_page);
  }

  void One(const Block& b, int inherited_page) {
    int page = b.where.page > 0 ? b.where.page : inherited_page;
    if (b.origin == Origin::kHeader || b.origin == Origin::kFooter || b.origin == Origin::kFootnote ||
        b.origin == Origin::kComment) {
      return;
    }
    switch (b.kind) {
      case BlockKind::kParagraph: {
        const Paragraph& p = b.paragraph;
        if (Trim(p.text).empty()) return;
        Unit u;
        u.kind = Unit::Kind::kText;
        u.page = page;
        u.text = CollapseSpace(p.text);
        u.heading_level = p.heading_level;
        u.list_item = p.list_level >= 0;
        AddTicks(p, -1, u.ticks);
        units.push_back(std::move(u));
        break;
      }
      case BlockKind::kFormField: {
        Unit u;
        u.page = page;
        u.text = CollapseSpace(b.field.label + " " + b.field.value);
        if (!u.text.empty()) units.push_back(std::move(u));
        break;
      }
      case BlockKind::kTable: {
        if (!b.table) return;
        int id = tables++;
        std::vector<const Block*> nested;
        for (std::size_t r = 0; r < b.table->rows.size(); ++r) {
          const Row& row = b.table->rows[r];
          Unit u;
          u.kind = Unit::Kind::kRow;
          u.page = page;
          u.table = id;
          u.row = static_cast<int>(r);
          u.header = row.header;
          u.columns = b.table->columns;
          for (const Cell& c : row.cells) {
            if (c.merged) continue;
            UnitCell uc;
            uc.column = c.column;
            uc.col_span = c.col_span;
            std::string text;
            for (const Block& cb : c.blocks) {
              if (cb.kind == BlockKind::kParagraph) {
                if (!text.empty() && !cb.paragraph.text.empty()) text += ' ';
                // Tick offsets are relative to each paragraph; labels are computed per paragraph.
                AddTicks(cb.paragraph, c.column, uc.ticks);
                text += cb.paragraph.text;
                if (u.page == 0 && cb.where.page > 0) u.page = cb.where.page;
              } else if (cb.kind == BlockKind::kTable) {
                nested.push_back(&cb);
              } else if (cb.kind == BlockKind::kFormField) {
                text += ' ' + cb.field.value;
              }
            }
            uc.text = CollapseSpace(text);
            u.cells.push_back(std::move(uc));
          }
          units.push_back(std::move(u));
          for (const Block* nb : nested) One(*nb, page);
          nested.clear();
        }
        break;
      }
    }
  }
};

}  // namespace

std::vector<Unit> Linearize(const Document& doc) {
  Flattener f;
  f.Blocks(doc.body, 0);
  return std::move(f.units);
}

std::string UnitText(const Unit& u) {
  if (u.kind == Unit::Kind::kText) return u.text;
  std::string out;
  for (const UnitCell& c : u.cells) {
    if (c.text.empty()) continue;
    if (!out.empty()) out += " | ";
    out += c.text;
  }
  return out;
}

}  // namespace vareport::analysis
