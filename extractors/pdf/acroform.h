// vareport/extractors/pdf/acroform.h — PDF interactive form fields (AcroForm,
// ISO 32000-1 §12.7) read through poppler-glib, for the PDF extractor.
//
// poppler-cpp has no form API; poppler-glib (poppler_page_get_form_field_mapping)
// has. This adapter is the only code that sees glib: it returns plain values.
//
// Check boxes and radio buttons (§12.7.4.2): a widget is on for any on-state
// name its appearance dictionary defines (Yes, On, Ja, a custom name, even
// /No); only /Off is unchecked. poppler-glib does not expose the on-state name,
// so a checked box's value is "On" and an unchecked one's "Off".
//
// Thread-safety: may run concurrently on different inputs.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "document/document.h"

namespace vareport::pdf {

// One widget annotation of a form field on a page.
struct AcroWidget {
  int page = 0;          // 1-based
  Box box;               // displayed coordinates (top-left origin), points
  FormField::Kind kind = FormField::Kind::kOther;
  std::string name;      // fully qualified field name ("form.q1.yes")
  std::string value;     // text field text, choice text, "On"/"Off" for buttons
  bool checked = false;  // check box / radio widget in an on-state
};

// Reads the widgets of the first `max_pages` pages, in page order then
// top-to-bottom, left-to-right. A PDF without a form gives an empty vector;
// a PDF poppler-glib cannot open gives an empty vector too (the text layer
// reader reports damage). Push buttons are left out.
std::vector<AcroWidget> ReadAcroForm(std::string_view bytes, int max_pages);

// ReadAcroForm as the program reaches it (extractors/modules/forms_loader.cc):
// the same widgets, and in `problem` (when not null) why a PDF that has an
// /AcroForm could not be read at all — its module (libvareport_forms.so) is
// missing or broken — else it is left empty. Defined only in the program.
std::vector<AcroWidget> ReadAcroFormReporting(std::string_view bytes, int max_pages, std::string* problem);

}  // namespace vareport::pdf
