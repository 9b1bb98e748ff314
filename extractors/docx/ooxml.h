// vareport/extractors/docx/ooxml.h — private to the .docx extractor: the
// namespace URIs and relationship types it recognises, and small helpers to
// read a libxml2 tree by namespace URI + local name (never by prefix, since a
// producer may bind any prefix).
#pragma once

#include <libxml/tree.h>

#include <optional>
#include <string>
#include <string_view>

namespace vareport::docx {

// ---- namespaces -------------------------------------------------------------
// WordprocessingML, transitional (ECMA-376 Part 1 §17) and strict (Part 1 §A.1).
inline constexpr std::string_view kNsW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
inline constexpr std::string_view kNsWStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main";
// Word 2010 extensions: w14:checkbox content controls (MS-DOCX 2.6.1).
inline constexpr std::string_view kNsW14 = "http://schemas.microsoft.com/office/word/2010/wordml";
// Markup compatibility: mc:AlternateContent (ECMA-376 Part 3 §10.2).
inline constexpr std::string_view kNsMc = "http://schemas.openxmlformats.org/markup-compatibility/2006";
// Office Math (ECMA-376 Part 1 §22.1).
inline constexpr std::string_view kNsM = "http://schemas.openxmlformats.org/officeDocument/2006/math";
inline constexpr std::string_view kNsMStrict = "http://purl.oclc.org/ooxml/officeDocument/math";
// OPC (ECMA-376 Part 2): relationships, content types, core properties.
inline constexpr std::string_view kNsRels = "http://schemas.openxmlformats.org/package/2006/relationships";
inline constexpr std::string_view kNsContentTypes = "http://schemas.openxmlformats.org/package/2006/content-types";
inline constexpr std::string_view kNsDc = "http://purl.org/dc/elements/1.1/";
// Extended properties (docProps/app.xml, ECMA-376 Part 1 §22.2).
inline constexpr std::string_view kNsExtProps =
    "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties";
inline constexpr std::string_view kNsExtPropsStrict = "http://purl.oclc.org/ooxml/officeDocument/extendedProperties";

// ---- relationship types (last path segment; transitional and strict share it)
inline constexpr std::string_view kRelOfficeDocument = "officeDocument";
inline constexpr std::string_view kRelHeader = "header";
inline constexpr std::string_view kRelFooter = "footer";
inline constexpr std::string_view kRelFootnotes = "footnotes";
inline constexpr std::string_view kRelEndnotes = "endnotes";
inline constexpr std::string_view kRelComments = "comments";
inline constexpr std::string_view kRelNumbering = "numbering";
inline constexpr std::string_view kRelStyles = "styles";
inline constexpr std::string_view kRelCoreProps = "core-properties";
inline constexpr std::string_view kRelExtendedProps = "extended-properties";

// Content type of a main document part (ECMA-376 Part 1 §11.3.10), its
// macro-enabled and template variants share this prefix.
inline constexpr std::string_view kMainContentTypePrefix = "application/vnd.openxmlformats-officedocument.wordprocessingml.";
inline constexpr std::string_view kMacroMainContentType = "application/vnd.ms-word.";

// ---- tree helpers -----------------------------------------------------------

inline std::string_view Name(const xmlNode* n) {
  return n && n->name ? std::string_view(reinterpret_cast<const char*>(n->name)) : std::string_view();
}

inline std::string_view NsUri(const xmlNode* n) {
  return n && n->ns && n->ns->href ? std::string_view(reinterpret_cast<const char*>(n->ns->href)) : std::string_view();
}

inline bool IsElement(const xmlNode* n) { return n != nullptr && n->type == XML_ELEMENT_NODE; }

// True for a WordprocessingML element (transitional or strict) named `local`.
inline bool IsW(const xmlNode* n, std::string_view local) {
  if (!IsElement(n) || Name(n) != local) return false;
  std::string_view ns = NsUri(n);
  return ns == kNsW || ns == kNsWStrict;
}

inline bool IsNs(const xmlNode* n, std::string_view ns, std::string_view local) {
  return IsElement(n) && Name(n) == local && NsUri(n) == ns;
}

inline bool InW(const xmlNode* n) {
  std::string_view ns = NsUri(n);
  return IsElement(n) && (ns == kNsW || ns == kNsWStrict);
}

// First child element in WordprocessingML named `local`, or nullptr.
inline const xmlNode* WChild(const xmlNode* n, std::string_view local) {
  if (n == nullptr) return nullptr;
  for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
    if (IsW(c, local)) return c;
  }
  return nullptr;
}

inline const xmlNode* NsChild(const xmlNode* n, std::string_view ns, std::string_view local) {
  if (n == nullptr) return nullptr;
  for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
    if (IsNs(c, ns, local)) return c;
  }
  return nullptr;
}

// Value of the attribute with local name `local` in namespace `ns` (an empty
// `ns` means "no namespace").
inline std::optional<std::string> AttrNs(const xmlNode* n, std::string_view ns, std::string_view local) {
  if (!IsElement(n)) return std::nullopt;
  for (const xmlAttr* a = n->properties; a != nullptr; a = a->next) {
    if (a->name == nullptr || std::string_view(reinterpret_cast<const char*>(a->name)) != local) continue;
    std::string_view ans =
        a->ns && a->ns->href ? std::string_view(reinterpret_cast<const char*>(a->ns->href)) : std::string_view();
    if (ans != ns) continue;
    std::string out;
    for (const xmlNode* t = a->children; t != nullptr; t = t->next) {
      if (t->content != nullptr) out += reinterpret_cast<const char*>(t->content);
    }
    return out;
  }
  return std::nullopt;
}

// A w: attribute (w:val, w:type…), transitional or strict.
inline std::optional<std::string> WAttr(const xmlNode* n, std::string_view local) {
  if (auto v = AttrNs(n, kNsW, local)) return v;
  return AttrNs(n, kNsWStrict, local);
}

// A w14: attribute.
inline std::optional<std::string> W14Attr(const xmlNode* n, std::string_view local) { return AttrNs(n, kNsW14, local); }

// An attribute without namespace (relationships, content types).
inline std::optional<std::string> PlainAttr(const xmlNode* n, std::string_view local) { return AttrNs(n, "", local); }

// Concatenated text of the direct text children of `n`.
inline std::string DirectText(const xmlNode* n) {
  std::string out;
  if (n == nullptr) return out;
  for (const xmlNode* c = n->children; c != nullptr; c = c->next) {
    if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content != nullptr) {
      out += reinterpret_cast<const char*>(c->content);
    }
  }
  return out;
}

// ST_OnOff (ECMA-376 Part 1 §17.17.4): absent value means true; "1", "true",
// "on" are true; "0", "false", "off" are false. `fallback` for anything else.
inline bool OnOff(const std::optional<std::string>& v, bool fallback = true) {
  if (!v) return true;
  if (*v == "1" || *v == "true" || *v == "on" || *v == "True" || *v == "TRUE" || *v == "On") return true;
  if (*v == "0" || *v == "false" || *v == "off" || *v == "False" || *v == "FALSE" || *v == "Off") return false;
  return fallback;
}

// For a toggle property element such as <w:b/> or <w:checked w:val="0"/>:
// absent element → `absent`; present → OnOff of its w:val.
inline bool WToggle(const xmlNode* parent, std::string_view local, bool absent = false) {
  const xmlNode* e = WChild(parent, local);
  if (e == nullptr) return absent;
  return OnOff(WAttr(e, "val"));
}

}  // namespace vareport::docx
