// vareport/extractors/modules/forms_module.cc — the entry point of
// libvareport_forms.so: extractors/pdf/acroform.cc (poppler-glib) behind the
// table of forms_api.h. Built into the module only, never into the program.
#include "extractors/modules/forms_api.h"

namespace {

const vareport::modules::FormsApi kApi = [] {
  vareport::modules::FormsApi api;
  api.read_acroform = &vareport::pdf::ReadAcroForm;
  return api;
}();

}  // namespace

extern "C" __attribute__((visibility("default"))) const vareport::modules::FormsApi* vareport_forms_api() {
  return &kApi;
}
