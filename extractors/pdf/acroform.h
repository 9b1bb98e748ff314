// vareport/extractors/pdf/acroform.h — PDF interactive form fields (AcroForm,
// ISO 32000-1 §12.7), for the PDF extractor: read with Poppler's Form classes
// in page_reader.cc (PageReader::ReadWidgets), the one file on Poppler's
// private API, from the same parse as the text layer.
//
// Check boxes and radio buttons (§12.7.4.2): a widget is on for any on-state
// name its appearance dictionary defines (Yes, On, Ja, a custom name, even
// /No); only /Off is unchecked. A checked box's value is "On" and an
// unchecked one's "Off".
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
  Box box;               // displayed coordinates, as the text layer's words: points, top-left origin of the crop box, the page's /Rotate applied
  FormField::Kind kind = FormField::Kind::kOther;
  std::string name;      // fully qualified field name ("form.q1.yes"), UTF-8
  std::string value;     // text field text, choice text, "On"/"Off" for buttons, UTF-8
  bool checked = false;  // check box / radio widget in an on-state
};

// Reads the widgets of the first `max_pages` pages, in page order then
// top-to-bottom, left-to-right. A PDF without a form gives an empty vector;
// a PDF Poppler cannot open gives an empty vector too (the text layer
// reader reports damage). Push buttons are left out.
std::vector<AcroWidget> ReadAcroForm(std::string_view bytes, int max_pages);

}  // namespace vareport::pdf
