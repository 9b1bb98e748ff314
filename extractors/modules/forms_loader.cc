// vareport/extractors/modules/forms_loader.cc — acroform.h in the program:
// ReadAcroForm forwards to libvareport_forms.so (poppler-glib), loaded only
// for a PDF that has an /AcroForm dictionary at all (the same cheap test
// acroform.cc makes first), so other PDFs never load GLib. Without the
// module, no widget is read (as for a form poppler-glib cannot open).
#include <string>

#include "extractors/modules/forms_api.h"
#include "extractors/modules/module_loader.h"

namespace vareport::pdf {

std::vector<AcroWidget> ReadAcroFormReporting(std::string_view bytes, int max_pages, std::string* problem) {
  if (bytes.find("/AcroForm") == std::string_view::npos) return {};  // ISO 32000-1 §12.7.2: no form
  Result<void*> entry = modules::LoadModule(modules::kFormsModuleFile, modules::kFormsEntry);
  if (!entry) {
    if (problem != nullptr) *problem = entry.error().message;
    return {};
  }
  const modules::FormsApi* api = reinterpret_cast<modules::FormsEntry>(*entry)();
  if (api == nullptr || api->version != modules::kFormsApiVersion) {
    if (problem != nullptr) *problem = std::string(modules::kFormsModuleFile) + " is of another version";
    return {};
  }
  return api->read_acroform(bytes, max_pages);
}

std::vector<AcroWidget> ReadAcroForm(std::string_view bytes, int max_pages) {
  return ReadAcroFormReporting(bytes, max_pages, nullptr);
}

}  // namespace vareport::pdf
