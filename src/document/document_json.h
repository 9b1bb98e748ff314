// vareport/document/document_json.h — the document model as JSON, for
// `vareport dump FILE` (debugging, tests, fuzz triage). Not the report
// contract (that is report/report_json.h).
#pragma once

#include <nlohmann/json.hpp>

#include "document/document.h"

namespace vareport {

// Returns the whole document: {"format","pages","ocr","language_tag","title",
// "body":[block…],"furniture":[…],"notes":[…],"fields":[…],"warnings":[…],
// "unusable_pages":[1-based page…]}.
// A block is {"type":"paragraph"|"table"|"field","origin","page","box":[x0,y0,x1,y1],
// "part","index","warnings", …}; a paragraph adds "text","heading","list_level",
// "ticks":[{"offset","checked","encoding","confidence","label"}] where "label" is
// the text that follows the box up to the next box (the option it answers).
nlohmann::json ToJson(const Document& doc);
nlohmann::json ToJson(const Block& block);

// Returns the text following tick `i` of `p` up to the next tick or the end,
// trimmed: the option label a box answers ("Yes", "En curso").
std::string TickLabel(const Paragraph& p, std::size_t i);

}  // namespace vareport
