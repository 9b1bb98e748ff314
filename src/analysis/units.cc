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

// True for a paragraph of answer options only ("☐ Yes ☒ No", "☒ Oui  ☐ Non
// ☐ En cours"): boxes, each followed by a short label, and nothing else.
bool IsOptionLine(const Unit& u) {
  if (u.kind != Unit::Kind::kText || u.ticks.empty() || u.heading_level > 0) return false;
  return MatchTokens(u.text).size() <= 3 * u.ticks.size();
}

// A question paragraph with no box of its own (at least three words, not a heading).
bool IsQuestionLine(const Unit& u) {
  return u.kind == Unit::Kind::kText && u.ticks.empty() && u.heading_level == 0 && MatchTokens(u.text).size() >= 3;
}

// A row unit of a table of its own: cell 0 the question, cell 1 the options.
Unit QuestionRow(int page, int table, std::string question_text, const Unit& options_unit, std::string options_text) {
  Unit row;
  row.kind = Unit::Kind::kRow;
  row.page = page;
  row.table = table;
  row.row = 0;
  row.columns = 2;
  UnitCell question;
  question.column = 0;
  question.text = std::move(question_text);
  UnitCell options;
  options.column = 1;
  options.text = std::move(options_text);
  options.ticks = options_unit.ticks;
  for (UnitTick& t : options.ticks) t.column = 1;
  row.cells = {std::move(question), std::move(options)};
  return row;
}

// Checklists laid out without a table print the same options under or after
// every question ("1.1 …?" / "☐ Yes ☒ No" / "1.2 …?" / "☒ Yes ☐ No", or
// "1.1 …? ☐ Yes ☒ No" on one line): options belong to the question right
// before them. Each question with its options becomes one row unit of a table
// of its own, so the checklist reads it like a table row and no tick strays to
// another question.
void PairOptionLines(std::vector<Unit>& units, int& tables) {
  static const std::string kBoxes[] = {"\u2612", "\u2610"};  // ☒ ☐ as the extractors show ticks
  std::vector<Unit> out;
  out.reserve(units.size());
  for (std::size_t i = 0; i < units.size(); ++i) {
    Unit& u = units[i];
    if (i + 1 < units.size() && IsQuestionLine(u) && IsOptionLine(units[i + 1]) &&
        (u.page == units[i + 1].page || units[i + 1].page == 0 || u.page == 0)) {
      out.push_back(QuestionRow(u.page > 0 ? u.page : units[i + 1].page, tables++, u.text, units[i + 1],
                                units[i + 1].text));
      ++i;
      continue;
    }
    if (u.kind == Unit::Kind::kText && !u.ticks.empty() && u.heading_level == 0) {
      std::size_t first = std::string::npos;
      for (const std::string& box : kBoxes) first = std::min(first, u.text.find(box));
      if (first != std::string::npos) {
        Unit options;
        options.kind = Unit::Kind::kText;
        options.text = u.text.substr(first);
        options.ticks = u.ticks;
        Unit question;
        question.kind = Unit::Kind::kText;
        question.text = Trim(u.text.substr(0, first));
        if (IsQuestionLine(question) && IsOptionLine(options)) {
          out.push_back(QuestionRow(u.page, tables++, question.text, options, options.text));
          continue;
        }
      }
    }
    out.push_back(std::move(u));
  }
  units = std::move(out);
}

}  // namespace

std::vector<Unit> Linearize(const Document& doc) {
  Flattener f;
  f.Blocks(doc.body, 0);
  PairOptionLines(f.units, f.tables);
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
