// vareport/analysis/units.h — internal: the body flattened into units the
// analysis walks in reading order: text units (paragraphs, list items) and row
// units (one table row with its cells' texts and ticks).
#pragma once

#include <string>
#include <vector>

#include "document/document.h"

namespace vareport::analysis {

// A tick seen in a row or paragraph, with the option label next to it.
struct UnitTick {
  bool checked = false;
  std::string label;  // text right after the box ("Yes"), may be empty
  int column = -1;    // grid column of its cell in a row, -1 in a paragraph
  double confidence = 1.0;
  TickEncoding encoding = TickEncoding::kGlyph;
};

struct UnitCell {
  int column = 0;
  int col_span = 1;
  std::string text;  // NFC text, boxes shown as ☒/☐
  std::vector<UnitTick> ticks;
};

struct Unit {
  enum class Kind { kText, kRow };
  Kind kind = Kind::kText;
  int page = 0;
  // Text units.
  std::string text;
  int heading_level = 0;
  bool list_item = false;
  bool run_in = false;  // a run-in title cut from the start of its paragraph (analysis/run_in.cc)
  std::vector<UnitTick> ticks;
  // Row units.
  int table = -1;  // table number in the document, nested tables numbered too
  int row = -1;
  bool header = false;
  bool synthetic = false;  // a question and its answer lines outside any table (question_spans.cc)
  int columns = 0;
  std::vector<UnitCell> cells;
};

// Flattens the body (text boxes included; headers, footers, notes excluded).
std::vector<Unit> Linearize(const Document& doc);

// The text of a unit: the paragraph, or the row's cells joined by " | ".
std::string UnitText(const Unit& u);

}  // namespace vareport::analysis
