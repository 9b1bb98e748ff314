// vareport/document/document.h — the one document model every extractor fills.
//
// A Document is what vareport knows of a submitted report before any rule is
// applied: a sequence of blocks (paragraphs, tables, form fields) in reading
// order, kept apart from running headers and footers, notes and comments, each
// block with its provenance (1-based page and bounding box in PDF points for
// PDF; OOXML part and position for Word) and its extraction warnings.
//
// Tick boxes are inline: a paragraph's text shows each box as U+2612 (☒,
// checked) or U+2610 (☐, unchecked), or as the typed letter for a typed "X",
// and Paragraph::ticks says where each box is, how the document encoded it and
// how sure the extractor is. Rules therefore read one shape whatever the source
// encoding (content control, legacy form field, Wingdings symbol, glyph, typed
// X, AcroForm field, vector drawing or scanned image).
//
// Thread-safety: plain values; safe to share read-only between threads.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace vareport {

// Axis-aligned box in PDF points (1/72 inch), origin at the top-left of the
// page, y growing downwards (the page's rotation already applied).
struct Box {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double width() const { return x1 - x0; }
  double height() const { return y1 - y0; }
};

// An extraction warning: data attached to a block or document, never a log
// line. `code` is a stable kebab-case identifier ("tick-unclear",
// "unmapped-glyph", "nested-too-deep"); `message` is for a reviewer.
struct Warning {
  std::string code;
  std::string message;
};

// Where a block's text lives in the source.
enum class Origin {
  kBody,      // main text flow
  kHeader,    // running header (Word: section header part; PDF: repeated top line)
  kFooter,    // running footer
  kFootnote,  // footnote or endnote
  kComment,   // reviewer comment (ECMA-376 Part 1 §17.13.4)
  kTextBox,   // text box anchored in the body (w:txbxContent, §17.17.1.1)
};

// Where a block came from. For PDF: `page` (1-based) and `box`. For Word:
// `part` (e.g. "word/document.xml") and `index` (0-based position of the
// top-level w:p / w:tbl in that part); `page` is 0 when unknown.
struct Provenance {
  int page = 0;
  std::optional<Box> box;
  std::string part;
  int index = -1;
};

// How a tick box was encoded in the source.
enum class TickEncoding {
  kContentControl,   // w14:checkbox content control (MS-DOCX 2.6.1 / ECMA-376 §17.5.2)
  kLegacyFormField,  // FORMCHECKBOX: w:fldChar + w:ffData/w:checkBox (ECMA-376 §17.16.17)
  kSymbolFont,       // w:sym run in Wingdings / Wingdings 2 (§17.3.3.30)
  kGlyph,            // a Unicode box or tick character: ☒ ☑ ✓ ✔ ■ / ☐ □
  kTypedX,           // a typed "X" as the whole content of the chosen answer's cell
  kAcroForm,         // PDF form field of type Btn (ISO 32000-1 §12.7.4.2.3)
  kVector,           // drawn as PDF graphics, decided from the rendered page
  kImage,            // found in a scanned image
};

// One tick box inside a Paragraph.
struct Tick {
  std::size_t offset = 0;  // byte offset of the box in Paragraph::text
  std::size_t length = 0;  // byte length of its representation there (3 for ☒/☐)
  bool checked = false;
  TickEncoding encoding = TickEncoding::kGlyph;
  double confidence = 1.0;  // 0..1; below 1 when the state had to be inferred
  std::string field_name;   // form field / content control name or tag, if any
};

// A paragraph (or, for PDF, a rebuilt line or paragraph).
struct Paragraph {
  std::string text;          // UTF-8, NFC, tabs kept as '\t', breaks as '\n'
  int heading_level = 0;     // 1..9 for headings (outline level), 0 for body text
  int list_level = -1;       // 0-based list nesting level, -1 when not in a list
  std::string list_label;    // rendered list label when known ("1.", "2.3", "•"), else empty
  std::string style;         // style id or name as in the source, for rules that need it
  std::vector<Tick> ticks;   // in order of offset
};

// A form field that is not inline text: PDF AcroForm fields (ISO 32000-1
// §12.7), or Word legacy text fields when recorded separately.
struct FormField {
  enum class Kind { kText, kCheckBox, kRadio, kChoice, kSignature, kOther };
  Kind kind = Kind::kText;
  std::string name;    // fully qualified field name
  std::string value;   // text value, or the on-state name for a checked box
  bool checked = false;
  std::string label;   // nearby text on the page, used to map the field to a question
};

struct Table;

enum class BlockKind { kParagraph, kTable, kFormField };

// One block of the document. Exactly one of `paragraph`, `table`, `field` is
// meaningful, as `kind` says. Move-only (tables own their cells).
struct Block {
  BlockKind kind = BlockKind::kParagraph;
  Origin origin = Origin::kBody;
  Provenance where;
  std::vector<Warning> warnings;
  Paragraph paragraph;
  std::unique_ptr<Table> table;
  FormField field;

  Block();
  ~Block();
  Block(Block&&) noexcept;
  Block& operator=(Block&&) noexcept;

  static Block MakeParagraph(Paragraph p, Origin origin = Origin::kBody);
  static Block MakeTable(Table t, Origin origin = Origin::kBody);
  static Block MakeField(FormField f, Origin origin = Origin::kBody);
};

// A table cell. `column` is the 0-based grid column where the cell starts;
// `col_span` and `row_span` count grid columns / rows covered. A cell that
// continues a vertical merge (w:vMerge without "restart") is kept in its row
// with `merged = true` and no blocks, so grid positions stay simple.
struct Cell {
  int column = 0;
  int col_span = 1;
  int row_span = 1;
  bool merged = false;
  std::vector<Block> blocks;
};

struct Row {
  bool header = false;  // repeated header row (w:tblHeader, ECMA-376 §17.4.49) or detected header
  std::vector<Cell> cells;
};

struct Table {
  int columns = 0;  // number of grid columns
  std::vector<Row> rows;
};

// Source format, decided from the bytes (see extractors/format.h).
enum class Format { kPdf, kDocx, kDoc, kOdt, kRtf };

// A whole document.
// One word of a page's text layer: its text and box (PDF points, top-left origin).
struct PlacedWord {
  std::string text;
  Box box;
};

// A page's words in reading order (as the PDF's text layer gives them).
struct PlacedPage {
  int number = 0;                 // 1-based
  double width = 0, height = 0;   // points, as displayed (rotation applied)
  std::vector<PlacedWord> words;
};

struct Document {
  Format format = Format::kPdf;
  std::optional<int> pages;       // page count: PDF pages; Word: docProps/app.xml <Pages>, else unset
  bool ocr = false;               // true when any page's text came from OCR
  std::string language_tag;       // language declared by the source (w:lang, /Lang), may be empty
  std::string title;              // document title metadata, may be empty
  std::vector<Block> body;        // reading order; text boxes and content controls inline
  std::vector<Block> furniture;   // running headers and footers (Origin::kHeader / kFooter)
  std::vector<Block> notes;       // footnotes, endnotes and comments
  std::vector<FormField> fields;  // document-level form fields (AcroForm), in page order
  std::vector<Warning> warnings;  // document-level extraction warnings
  // 1-based pages whose own text could not be used: a text layer that is
  // garbage (fonts without a Unicode map: extractors/pdf/text_layer.h; such a
  // page is read with OCR instead), or a page left without text (unreadable
  // page, OCR disabled or failed). A scanned page read by OCR is not listed
  // (it never had a text layer). Ascending; PDF only (empty for Word).
  std::vector<int> unusable_pages;
  // PDF input: each page's text-layer words as the PDF gives them (before
  // widgets, drawn boxes or OCR are added), in page order — what evidence is
  // located on (service/evidence_pages.h), kept so the PDF is not read twice.
  // Empty for Word input; not part of the JSON dump.
  std::vector<PlacedPage> text_layer;
};

// Returns the plain text of a block: a paragraph's text; for a table, cells
// joined by '\t' and rows by '\n'; for a field, its label and value.
std::string PlainText(const Block& block);

// Returns the plain text of a cell: its blocks' texts joined by '\n'.
std::string PlainText(const Cell& cell);

// Returns the stable lower-case names used in JSON ("pdf", "content-control", "body", ...).
const char* FormatName(Format f);
const char* TickEncodingName(TickEncoding e);
const char* OriginName(Origin o);

}  // namespace vareport
