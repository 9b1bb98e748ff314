#include "document/document.h"

namespace vareport {

Block::Block() = default;
Block::~Block() = default;
Block::Block(Block&&) noexcept = default;
Block& Block::operator=(Block&&) noexcept = default;

Block Block::MakeParagraph(Paragraph p, Origin origin) {
  Block b;
  b.kind = BlockKind::kParagraph;
  b.origin = origin;
  b.paragraph = std::move(p);
  return b;
}

Block Block::MakeTable(Table t, Origin origin) {
  Block b;
  b.kind = BlockKind::kTable;
  b.origin = origin;
  b.table = std::make_unique<Table>(std::move(t));
  return b;
}

Block Block::MakeField(FormField f, Origin origin) {
  Block b;
  b.kind = BlockKind::kFormField;
  b.origin = origin;
  b.field = std::move(f);
  return b;
}

std::string PlainText(const Cell& cell) {
  std::string out;
  for (const Block& b : cell.blocks) {
    std::string t = PlainText(b);
    if (t.empty()) continue;
    if (!out.empty()) out += '\n';
    out += t;
  }
  return out;
}

std::string PlainText(const Block& block) {
  switch (block.kind) {
    case BlockKind::kParagraph:
      return block.paragraph.text;
    case BlockKind::kFormField:
      return block.field.label.empty() ? block.field.value : block.field.label + " " + block.field.value;
    case BlockKind::kTable: {
      std::string out;
      if (!block.table) return out;
      for (const Row& r : block.table->rows) {
        if (!out.empty()) out += '\n';
        bool first = true;
        for (const Cell& c : r.cells) {
          if (!first) out += '\t';
          first = false;
          out += PlainText(c);
        }
      }
      return out;
    }
  }
  return {};
}

const char* FormatName(Format f) {
  switch (f) {
    case Format::kPdf: return "pdf";
    case Format::kDocx: return "docx";
    case Format::kDoc: return "doc";
    case Format::kOdt: return "odt";
    case Format::kRtf: return "rtf";
  }
  return "pdf";
}

const char* TickEncodingName(TickEncoding e) {
  switch (e) {
    case TickEncoding::kContentControl: return "content-control";
    case TickEncoding::kLegacyFormField: return "legacy-form-field";
    case TickEncoding::kSymbolFont: return "symbol-font";
    case TickEncoding::kGlyph: return "glyph";
    case TickEncoding::kTypedX: return "typed-x";
    case TickEncoding::kAcroForm: return "acroform";
    case TickEncoding::kVector: return "vector";
    case TickEncoding::kImage: return "image";
  }
  return "glyph";
}

const char* OriginName(Origin o) {
  switch (o) {
    case Origin::kBody: return "body";
    case Origin::kHeader: return "header";
    case Origin::kFooter: return "footer";
    case Origin::kFootnote: return "footnote";
    case Origin::kComment: return "comment";
    case Origin::kTextBox: return "textbox";
  }
  return "body";
}

}  // namespace vareport
