#include "extractors/docx/xml_part.h"

#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include <climits>
#include <string>
#include <vector>

namespace vareport::docx {
namespace {

struct FirstError {
  bool seen = false;
  int code = 0;
  int line = 0;
  std::string message;
};

// Structured error handler installed on our parser context only: keeps the
// first error (the cause; later ones are usually consequences) and prints
// nothing.
void KeepFirstError(void* user, xmlErrorPtr error) {
  auto* ctxt = static_cast<xmlParserCtxtPtr>(user);
  if (ctxt == nullptr || ctxt->_private == nullptr || error == nullptr) return;
  auto* first = static_cast<FirstError*>(ctxt->_private);
  if (first->seen || error->level < XML_ERR_ERROR) return;
  first->seen = true;
  first->code = error->code;
  first->line = error->line;
  first->message = error->message != nullptr ? error->message : "malformed XML";
}

// One line, no trailing punctuation noise: "Premature end of data in tag w:p line 2".
std::string OneLine(std::string s) {
  for (char& c : s) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

// Looks at the prolog (everything before the root element) for a document
// type declaration with entity declarations. Works on ASCII-compatible
// encodings; UTF-16 parts are checked after parsing instead.
bool PrologDeclaresEntities(std::string_view bytes) {
  std::size_t doctype = bytes.find("<!DOCTYPE");
  if (doctype == std::string_view::npos) return false;
  // The DOCTYPE must come before the root element: any "<" followed by a name
  // character before it means the DOCTYPE text is inside content (then the
  // parser rejects it anyway).
  for (std::size_t i = 0; i < doctype; ++i) {
    if (bytes[i] == '<' && i + 1 < bytes.size() && bytes[i + 1] != '?' && bytes[i + 1] != '!') return false;
  }
  std::size_t end = bytes.find("]>", doctype);
  std::string_view decl = bytes.substr(doctype, end == std::string_view::npos ? std::string_view::npos : end - doctype);
  return decl.find("<!ENTITY") != std::string_view::npos;
}

bool HasEntityDeclarations(const xmlDoc* doc) {
  return doc != nullptr && ((doc->intSubset != nullptr && doc->intSubset->entities != nullptr) ||
                            (doc->extSubset != nullptr && doc->extSubset->entities != nullptr));
}

// Maximum element nesting below (and including) `root`, computed without
// recursion. Stops early once `limit` is passed.
int ElementDepth(const xmlNode* root, int limit) {
  int max_depth = 0;
  int depth = 1;  // depth of `n`, root = 1
  const xmlNode* n = root;
  while (true) {
    if (n->type == XML_ELEMENT_NODE) {
      if (depth > max_depth) max_depth = depth;
      if (max_depth > limit) return max_depth;
      // Only elements are descended into: an entity reference's children are
      // the entity's own nodes, whose parent is not the reference.
      if (n->children != nullptr) {
        n = n->children;
        ++depth;
        continue;
      }
    }
    while (n != root && n->next == nullptr) {
      n = n->parent;
      --depth;
    }
    if (n == root) return max_depth;
    n = n->next;
  }
}

// libxml2 reports some failures (out of memory in its buffers) through the
// thread's generic error function, not our context's handler: while one of
// our parses runs, the thread's generic function prints nothing.
void Silent(void* /*ctx*/, const char* /*msg*/, ...) {}

class SilenceGenericErrors {
 public:
  SilenceGenericErrors() : saved_(xmlGenericError), saved_ctx_(xmlGenericErrorContext) {
    xmlSetGenericErrorFunc(nullptr, Silent);
  }
  ~SilenceGenericErrors() { xmlSetGenericErrorFunc(saved_ctx_, saved_); }
  SilenceGenericErrors(const SilenceGenericErrors&) = delete;
  SilenceGenericErrors& operator=(const SilenceGenericErrors&) = delete;

 private:
  xmlGenericErrorFunc saved_;
  void* saved_ctx_;
};

Error Damaged(std::string_view part, const std::string& reason) {
  return MakeError(ErrorKind::kUnreadableInput, "damaged Word document: " + std::string(part) + ": " + reason);
}

}  // namespace

Result<XmlDocPtr> ParseXmlPart(std::string_view bytes, std::string_view part, int max_depth) {
  const std::string part_name(part);
  if (PrologDeclaresEntities(bytes)) {
    return MakeError(ErrorKind::kLimitExceeded,
                     part_name + ": XML entity declarations are refused (possible XML bomb; OPC parts carry no DTD)");
  }
  if (bytes.size() > static_cast<std::size_t>(INT_MAX)) {
    return MakeError(ErrorKind::kLimitExceeded, part_name + ": XML part too large");
  }
  SilenceGenericErrors silence;
  xmlResetLastError();  // the thread's last error tells an allocation failure outside our context
  xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
  if (ctxt == nullptr) return MakeError(ErrorKind::kLimitExceeded, part_name + ": out of memory");
  FirstError first;
  ctxt->_private = &first;
  ctxt->sax->serror = KeepFirstError;
  // No NOENT, no DTDLOAD/DTDATTR/DTDVALID, no HUGE, no XINCLUDE.
  const int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA;
  xmlDocPtr raw = xmlCtxtReadMemory(ctxt, bytes.data(), static_cast<int>(bytes.size()), part_name.c_str(), nullptr,
                                    options);
  XmlDocPtr doc(raw);
  const bool well_formed = ctxt->wellFormed != 0;
  const xmlError* thread_error = xmlGetLastError();
  const bool out_of_memory = ctxt->errNo == XML_ERR_NO_MEMORY ||
                             (thread_error != nullptr && thread_error->code == XML_ERR_NO_MEMORY);
  if (!first.seen && (doc == nullptr || !well_formed)) {
    if (const xmlError* last = xmlCtxtGetLastError(ctxt); last != nullptr && last->message != nullptr) {
      first.seen = true;
      first.code = last->code;
      first.line = last->line;
      first.message = last->message;
    }
  }
  xmlFreeParserCtxt(ctxt);

  if (out_of_memory || first.code == XML_ERR_NO_MEMORY) {
    return MakeError(ErrorKind::kLimitExceeded, part_name + ": out of memory while reading the XML");
  }
  if (first.seen || doc == nullptr || !well_formed) {
    std::string reason = first.seen ? OneLine(first.message) : std::string("not well-formed XML");
    if (reason.find("Excessive depth") != std::string::npos) {
      return MakeError(ErrorKind::kLimitExceeded, part_name + ": XML nesting deeper than " + std::to_string(max_depth) +
                                                      " levels");
    }
    if (first.code == XML_ERR_ENTITY_LOOP || reason.find("amplification") != std::string::npos) {
      return MakeError(ErrorKind::kLimitExceeded, part_name + ": XML entity expansion refused (possible XML bomb)");
    }
    if (first.line > 0) reason += ", line " + std::to_string(first.line);
    return Damaged(part, reason);
  }
  if (HasEntityDeclarations(doc.get())) {
    return MakeError(ErrorKind::kLimitExceeded,
                     part_name + ": XML entity declarations are refused (possible XML bomb; OPC parts carry no DTD)");
  }
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  if (root == nullptr) return Damaged(part, "no root element");
  if (ElementDepth(root, max_depth) > max_depth) {
    return MakeError(ErrorKind::kLimitExceeded, part_name + ": XML nesting deeper than " + std::to_string(max_depth) +
                                                    " levels");
  }
  return doc;
}

}  // namespace vareport::docx
