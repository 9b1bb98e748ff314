// Builds small Documents in code for analysis tests: the shapes extractors
// produce (paragraphs, tables with tick boxes inline), without any file.
#pragma once

#include <string>
#include <vector>

#include "document/document.h"
#include "report/report.h"

namespace vareport::test {

inline const std::string kOn = "\xE2\x98\x92";   // ☒
inline const std::string kOff = "\xE2\x98\x90";  // ☐

// A paragraph; "[x]" and "[ ]" in `text` become checked / unchecked boxes.
inline Paragraph P(const std::string& text, int heading = 0) {
  Paragraph p;
  p.heading_level = heading;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text.compare(i, 3, "[x]") == 0 || text.compare(i, 3, "[ ]") == 0) {
      bool on = text[i + 1] == 'x';
      p.ticks.push_back({p.text.size(), 3, on, TickEncoding::kContentControl, 1.0, ""});
      p.text += on ? kOn : kOff;
      i += 3;
    } else {
      p.text += text[i++];
    }
  }
  return p;
}

// The value the report gives question `q`, as text ("yes", "1234"), or "(none)".
inline std::string Value(const Report& r, const std::string& q) {
  for (const auto& a : r.answers)
    if (a.question == q)
      return a.value.kind == AnswerValue::Kind::kInteger ? std::to_string(a.value.integer) : a.value.text;
  return "(none)";
}

class DocBuilder {
 public:
  DocBuilder& Para(const std::string& text, int heading = 0) {
    doc_.body.push_back(Block::MakeParagraph(P(text, heading)));
    return *this;
  }
  // A list item ("a)", "1.", "•" as its rendered label).
  DocBuilder& Item(const std::string& text, const std::string& label = "") {
    Paragraph p = P(text);
    p.list_level = 0;
    p.list_label = label;
    doc_.body.push_back(Block::MakeParagraph(std::move(p)));
    return *this;
  }
  // A table whose rows are given as cell texts; "[x]"/"[ ]" make boxes, and a
  // cell "^" continues the cell above it (merged down, ECMA-376 w:vMerge).
  DocBuilder& Table(const std::vector<std::vector<std::string>>& rows, bool first_is_header = true) {
    vareport::Table t;
    for (const auto& r : rows) t.columns = std::max<int>(t.columns, static_cast<int>(r.size()));
    for (std::size_t i = 0; i < rows.size(); ++i) {
      Row row;
      row.header = first_is_header && i == 0;
      for (std::size_t c = 0; c < rows[i].size(); ++c) {
        Cell cell;
        cell.column = static_cast<int>(c);
        if (rows[i].size() == 1) cell.col_span = t.columns;
        cell.merged = rows[i][c] == "^";
        if (!cell.merged) cell.blocks.push_back(Block::MakeParagraph(P(rows[i][c])));
        row.cells.push_back(std::move(cell));
      }
      t.rows.push_back(std::move(row));
    }
    doc_.body.push_back(Block::MakeTable(std::move(t)));
    return *this;
  }
  Document Build() { return std::move(doc_); }

 private:
  Document doc_;
};

}  // namespace vareport::test
