// vareport/extractors/docx/xml_part.h — private to the .docx extractor: parses
// one XML part of a package safely with libxml2.
//
// Safety: XML_PARSE_NONET (no network), no XML_PARSE_NOENT (entities are never
// substituted), no DTD loading or validation, no XML_PARSE_HUGE (libxml2's own
// limits on text node size and nesting stay on). A part whose DOCTYPE declares
// entities is refused outright (billion laughs / XXE): OPC forbids DTDs in
// package parts anyway (ECMA-376 Part 2 §8.1.4, M1.17). Element nesting deeper
// than `max_depth` is refused with kLimitExceeded, so walkers that recurse over
// the tree are bounded.
#pragma once

#include <libxml/tree.h>

#include <memory>
#include <string_view>

#include "core/result.h"

namespace vareport::docx {

struct XmlDocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
using XmlDocPtr = std::unique_ptr<xmlDoc, XmlDocFree>;

// Parses `bytes` (the content of package part `part`, used in messages).
// Errors: kUnreadableInput "damaged Word document: <part>: <reason>, line N"
// (one line); kLimitExceeded for nesting deeper than `max_depth` or an XML
// bomb (entity declarations).
Result<XmlDocPtr> ParseXmlPart(std::string_view bytes, std::string_view part, int max_depth);

}  // namespace vareport::docx
