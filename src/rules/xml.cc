#include "rules/xml.h"

#include <libxml/parser.h>
#include <libxml/xmlschemas.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <sstream>

#include "core/text.h"

namespace vareport::rules {
namespace {

// Collects the first libxml2 structured error with its line.
struct ErrorSink {
  std::string file;
  std::string first;
  static void Handle(void* ctx, const xmlError* e) {
    auto* self = static_cast<ErrorSink*>(ctx);
    if (!self->first.empty() || e == nullptr) return;
    std::string msg = e->message ? e->message : "unknown error";
    // One line: libxml2 continues some messages on a second line ("Bytes: 0x…").
    for (char& c : msg) {
      if (c == '\n' || c == '\r') c = ' ';
    }
    while (!msg.empty() && msg.back() == ' ') msg.pop_back();
    self->first = self->file + ":" + std::to_string(e->line) + ": " + msg;
  }
};

void HandleStructured(void* ctx, xmlError* e) { ErrorSink::Handle(ctx, e); }

struct SchemaParserDeleter {
  void operator()(xmlSchemaParserCtxt* p) const { xmlSchemaFreeParserCtxt(p); }
};
struct SchemaDeleter {
  void operator()(xmlSchema* s) const { xmlSchemaFree(s); }
};
struct ValidDeleter {
  void operator()(xmlSchemaValidCtxt* v) const { xmlSchemaFreeValidCtxt(v); }
};

constexpr int kParseOptions = XML_PARSE_NONET | XML_PARSE_NOCDATA;  // never XML_PARSE_NOENT / DTDLOAD

Result<XmlDocPtr> ParseFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return MakeError(ErrorKind::kRuleError, path + ": cannot open rule file: " + std::strerror(errno));
  std::stringstream ss;
  ss << in.rdbuf();
  std::string bytes = ss.str();
  if (bytes.size() > (16u << 20)) return MakeError(ErrorKind::kRuleError, path + ": rule file larger than 16 MiB");
  if (bytes.find("<!DOCTYPE") != std::string::npos || bytes.find("<!ENTITY") != std::string::npos) {
    std::size_t at = bytes.find("<!");
    int line = 1 + static_cast<int>(std::count(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(at), '\n'));
    return RuleError(path, line, "DOCTYPE and entity declarations are not allowed in rule files");
  }
  ErrorSink sink{path, {}};
  xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
  if (ctxt == nullptr) return MakeError(ErrorKind::kInternal, "libxml2: out of memory");
  xmlSetStructuredErrorFunc(&sink, HandleStructured);
  xmlDoc* doc = xmlCtxtReadMemory(ctxt, bytes.data(), static_cast<int>(bytes.size()), path.c_str(), "UTF-8",
                                  kParseOptions);
  xmlSetStructuredErrorFunc(nullptr, nullptr);
  xmlFreeParserCtxt(ctxt);
  if (doc == nullptr) {
    return MakeError(ErrorKind::kRuleError, sink.first.empty() ? path + ": not well-formed XML" : sink.first);
  }
  return XmlDocPtr(doc);
}

}  // namespace

Error RuleError(const std::string& file, int line, const std::string& message) {
  return MakeError(ErrorKind::kRuleError, file + ":" + std::to_string(line) + ": " + message);
}

Result<XmlDocPtr> LoadValidated(const std::string& path, const std::string& schema_path) {
  Result<XmlDocPtr> doc = ParseFile(path);
  if (!doc) return doc.error();
  Result<XmlDocPtr> schema_doc = ParseFile(schema_path);
  if (!schema_doc) return schema_doc.error();

  ErrorSink schema_sink{schema_path, {}};
  std::unique_ptr<xmlSchemaParserCtxt, SchemaParserDeleter> pctxt(xmlSchemaNewDocParserCtxt(schema_doc->get()));
  if (!pctxt) return MakeError(ErrorKind::kRuleError, schema_path + ": cannot read schema");
  xmlSchemaSetParserStructuredErrors(pctxt.get(), HandleStructured, &schema_sink);
  std::unique_ptr<xmlSchema, SchemaDeleter> schema(xmlSchemaParse(pctxt.get()));
  if (!schema) {
    return MakeError(ErrorKind::kRuleError, schema_sink.first.empty() ? schema_path + ": invalid schema" : schema_sink.first);
  }
  ErrorSink sink{path, {}};
  std::unique_ptr<xmlSchemaValidCtxt, ValidDeleter> vctxt(xmlSchemaNewValidCtxt(schema.get()));
  if (!vctxt) return MakeError(ErrorKind::kInternal, "libxml2: out of memory");
  xmlSchemaSetValidStructuredErrors(vctxt.get(), HandleStructured, &sink);
  int rc = xmlSchemaValidateDoc(vctxt.get(), doc->get());
  if (rc != 0) {
    return MakeError(ErrorKind::kRuleError,
                     sink.first.empty() ? path + ": does not match " + schema_path : sink.first);
  }
  return doc;
}

std::vector<xmlNode*> Children(xmlNode* parent, const char* name) {
  std::vector<xmlNode*> out;
  if (parent == nullptr) return out;
  for (xmlNode* c = parent->children; c != nullptr; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (name == nullptr || std::strcmp(reinterpret_cast<const char*>(c->name), name) == 0) out.push_back(c);
  }
  return out;
}

std::string Attr(xmlNode* node, const char* name, const std::string& fallback) {
  xmlChar* v = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (v == nullptr) return fallback;
  std::string s(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return s;
}

std::string Text(xmlNode* node) {
  xmlChar* v = xmlNodeGetContent(node);
  if (v == nullptr) return {};
  std::string s(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return CollapseSpace(s);
}

int Line(xmlNode* node) { return node ? static_cast<int>(xmlGetLineNo(node)) : 0; }

}  // namespace vareport::rules
