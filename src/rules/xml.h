// vareport/rules/xml.h — safe loading of rule files with libxml2: no network,
// no DTD loading, no entity expansion, XSD validation, errors that name file
// and line. Internal to the rules module.
#pragma once

#include <libxml/tree.h>

#include <memory>
#include <string>
#include <vector>

#include "core/result.h"

namespace vareport::rules {

struct XmlDocDeleter {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
using XmlDocPtr = std::unique_ptr<xmlDoc, XmlDocDeleter>;

// Parses `path` (a rule file) and validates it against the XSD at
// `schema_path`. Refuses DOCTYPE declarations (so no entity can expand).
// Errors: kRuleError "FILE:LINE: message" for the first problem found.
Result<XmlDocPtr> LoadValidated(const std::string& path, const std::string& schema_path);

// Element helpers over libxml2 nodes (element children only, by local name).
std::vector<xmlNode*> Children(xmlNode* parent, const char* name = nullptr);
std::string Attr(xmlNode* node, const char* name, const std::string& fallback = {});
std::string Text(xmlNode* node);  // concatenated text content, trimmed
int Line(xmlNode* node);

// "FILE:LINE: message" as a kRuleError.
Error RuleError(const std::string& file, int line, const std::string& message);

}  // namespace vareport::rules
