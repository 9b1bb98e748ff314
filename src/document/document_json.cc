#include "document/document_json.h"

#include <string>

#include "core/text.h"

namespace vareport {
namespace {

nlohmann::json BlocksToJson(const std::vector<Block>& blocks) {
  nlohmann::json arr = nlohmann::json::array();
  for (const Block& b : blocks) arr.push_back(ToJson(b));
  return arr;
}

nlohmann::json WarningsToJson(const std::vector<Warning>& ws) {
  nlohmann::json arr = nlohmann::json::array();
  for (const Warning& w : ws) arr.push_back({{"code", w.code}, {"message", w.message}});
  return arr;
}

const char* FieldKindName(FormField::Kind k) {
  switch (k) {
    case FormField::Kind::kText: return "text";
    case FormField::Kind::kCheckBox: return "checkbox";
    case FormField::Kind::kRadio: return "radio";
    case FormField::Kind::kChoice: return "choice";
    case FormField::Kind::kSignature: return "signature";
    case FormField::Kind::kOther: return "other";
  }
  return "other";
}

nlohmann::json FieldToJson(const FormField& f) {
  return {{"kind", FieldKindName(f.kind)}, {"name", f.name}, {"value", f.value},
          {"checked", f.checked}, {"label", f.label}};
}

}  // namespace

std::string TickLabel(const Paragraph& p, std::size_t i) {
  if (i >= p.ticks.size()) return {};
  std::size_t from = p.ticks[i].offset + p.ticks[i].length;
  std::size_t to = i + 1 < p.ticks.size() ? p.ticks[i + 1].offset : p.text.size();
  if (from > p.text.size() || to < from) return {};
  std::string label = Trim(p.text.substr(from, to - from));
  // Drop separators people put between options ("☒ Yes / ☐ No").
  while (!label.empty() && (label.back() == '/' || label.back() == '|' || label.back() == ' ')) label.pop_back();
  return Trim(label);
}

nlohmann::json ToJson(const Block& b) {
  nlohmann::json j;
  j["origin"] = OriginName(b.origin);
  if (b.where.page > 0) j["page"] = b.where.page;
  if (b.where.box) j["box"] = {b.where.box->x0, b.where.box->y0, b.where.box->x1, b.where.box->y1};
  if (!b.where.part.empty()) j["part"] = b.where.part;
  if (b.where.index >= 0) j["index"] = b.where.index;
  switch (b.kind) {
    case BlockKind::kParagraph: {
      const Paragraph& p = b.paragraph;
      j["type"] = "paragraph";
      j["text"] = p.text;
      if (p.heading_level > 0) j["heading"] = p.heading_level;
      if (p.list_level >= 0) j["list_level"] = p.list_level;
      if (!p.list_label.empty()) j["list_label"] = p.list_label;
      if (!p.style.empty()) j["style"] = p.style;
      if (!p.ticks.empty()) {
        nlohmann::json ticks = nlohmann::json::array();
        for (std::size_t i = 0; i < p.ticks.size(); ++i) {
          const Tick& t = p.ticks[i];
          nlohmann::json tj = {{"offset", t.offset},          {"checked", t.checked},
                               {"encoding", TickEncodingName(t.encoding)}, {"confidence", t.confidence},
                               {"label", TickLabel(p, i)}};
          if (!t.field_name.empty()) tj["field"] = t.field_name;
          ticks.push_back(std::move(tj));
        }
        j["ticks"] = std::move(ticks);
      }
      break;
    }
    case BlockKind::kTable: {
      j["type"] = "table";
      nlohmann::json rows = nlohmann::json::array();
      if (b.table) {
        j["columns"] = b.table->columns;
        for (const Row& r : b.table->rows) {
          nlohmann::json cells = nlohmann::json::array();
          for (const Cell& c : r.cells) {
            nlohmann::json cj = {{"column", c.column}, {"blocks", BlocksToJson(c.blocks)}};
            if (c.col_span != 1) cj["col_span"] = c.col_span;
            if (c.row_span != 1) cj["row_span"] = c.row_span;
            if (c.merged) cj["merged"] = true;
            cells.push_back(std::move(cj));
          }
          nlohmann::json rj = {{"cells", std::move(cells)}};
          if (r.header) rj["header"] = true;
          rows.push_back(std::move(rj));
        }
      }
      j["rows"] = std::move(rows);
      break;
    }
    case BlockKind::kFormField:
      j["type"] = "field";
      j["field"] = FieldToJson(b.field);
      break;
  }
  if (!b.warnings.empty()) j["warnings"] = WarningsToJson(b.warnings);
  return j;
}

nlohmann::json ToJson(const Document& doc) {
  nlohmann::json j;
  j["format"] = FormatName(doc.format);
  j["pages"] = doc.pages ? nlohmann::json(*doc.pages) : nlohmann::json(nullptr);
  j["ocr"] = doc.ocr;
  j["language_tag"] = doc.language_tag;
  j["title"] = doc.title;
  j["body"] = BlocksToJson(doc.body);
  j["furniture"] = BlocksToJson(doc.furniture);
  j["notes"] = BlocksToJson(doc.notes);
  nlohmann::json fields = nlohmann::json::array();
  for (const FormField& f : doc.fields) fields.push_back(FieldToJson(f));
  j["fields"] = std::move(fields);
  j["warnings"] = WarningsToJson(doc.warnings);
  j["unusable_pages"] = doc.unusable_pages;
  return j;
}

}  // namespace vareport
