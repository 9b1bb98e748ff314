// vareport/extractors/pdf/acroform.cc — the poppler-glib adapter (acroform.h).
#include "extractors/pdf/acroform.h"

#include <poppler.h>

#include <algorithm>
#include <cmath>

namespace vareport::pdf {
namespace {

std::string TakeString(gchar* s) {
  std::string out = s != nullptr ? s : "";
  g_free(s);
  return out;
}

}  // namespace

std::vector<AcroWidget> ReadAcroForm(std::string_view bytes, int max_pages) {
  std::vector<AcroWidget> out;
  // Cheap test first: no /AcroForm dictionary, no form (ISO 32000-1 §12.7.2).
  if (bytes.find("/AcroForm") == std::string_view::npos) return out;
  GBytes* data = g_bytes_new_static(bytes.data(), bytes.size());
  GError* error = nullptr;
  PopplerDocument* doc = poppler_document_new_from_bytes(data, nullptr, &error);
  if (doc == nullptr) {
    if (error != nullptr) g_error_free(error);
    g_bytes_unref(data);
    return out;
  }
  const int n = std::min(poppler_document_get_n_pages(doc), max_pages);
  for (int i = 0; i < n; ++i) {
    PopplerPage* page = poppler_document_get_page(doc, i);
    if (page == nullptr) continue;
    double pw = 0, ph = 0;
    poppler_page_get_size(page, &pw, &ph);
    GList* mapping = poppler_page_get_form_field_mapping(page);
    std::vector<AcroWidget> on_page;
    for (GList* l = mapping; l != nullptr; l = l->next) {
      auto* m = static_cast<PopplerFormFieldMapping*>(l->data);
      PopplerFormField* f = m->field;
      AcroWidget w;
      w.page = i + 1;
      // Form field areas are in default user space (origin bottom-left); the
      // page's /Rotate is not applied (poppler-glib does not expose it), so
      // widgets of a rotated page keep unrotated boxes.
      w.box = Box{m->area.x1, ph - m->area.y2, m->area.x2, ph - m->area.y1};
      w.name = TakeString(poppler_form_field_get_name(f));
      switch (poppler_form_field_get_field_type(f)) {
        case POPPLER_FORM_FIELD_BUTTON: {
          const PopplerFormButtonType bt = poppler_form_field_button_get_button_type(f);
          if (bt == POPPLER_FORM_BUTTON_PUSH) continue;
          w.kind = bt == POPPLER_FORM_BUTTON_RADIO ? FormField::Kind::kRadio : FormField::Kind::kCheckBox;
          w.checked = poppler_form_field_button_get_state(f) != FALSE;
          w.value = w.checked ? "On" : "Off";
          break;
        }
        case POPPLER_FORM_FIELD_TEXT:
          w.kind = FormField::Kind::kText;
          w.value = TakeString(poppler_form_field_text_get_text(f));
          break;
        case POPPLER_FORM_FIELD_CHOICE: {
          w.kind = FormField::Kind::kChoice;
          std::string v;
          const int items = poppler_form_field_choice_get_n_items(f);
          for (int k = 0; k < items; ++k) {
            if (!poppler_form_field_choice_is_item_selected(f, k)) continue;
            if (!v.empty()) v += ", ";
            v += TakeString(poppler_form_field_choice_get_item(f, k));
          }
          if (v.empty()) v = TakeString(poppler_form_field_choice_get_text(f));
          w.value = v;
          break;
        }
        case POPPLER_FORM_FIELD_SIGNATURE:
          w.kind = FormField::Kind::kSignature;
          break;
        default:
          w.kind = FormField::Kind::kOther;
          break;
      }
      on_page.push_back(std::move(w));
    }
    poppler_page_free_form_field_mapping(mapping);
    g_object_unref(page);
    std::stable_sort(on_page.begin(), on_page.end(), [](const AcroWidget& a, const AcroWidget& b) {
      if (std::fabs(a.box.y0 - b.box.y0) > 2) return a.box.y0 < b.box.y0;
      return a.box.x0 < b.box.x0;
    });
    for (AcroWidget& w : on_page) out.push_back(std::move(w));
  }
  g_object_unref(doc);
  g_bytes_unref(data);
  return out;
}

}  // namespace vareport::pdf
