// vareport/extractors/modules/forms_api.h — the table of functions that
// libvareport_forms.so (forms_module.cc: extractors/pdf/acroform.cc with
// poppler-glib, GLib and cairo) hands to the program (forms_loader.cc). Both
// sides are built from this header by the same build.
#pragma once

#include <string_view>
#include <vector>

#include "extractors/pdf/acroform.h"

namespace vareport::modules {

inline constexpr int kFormsApiVersion = 1;
inline constexpr const char* kFormsModuleFile = "libvareport_forms.so";
inline constexpr const char* kFormsEntry = "vareport_forms_api";  // extern "C" const FormsApi* (void)

struct FormsApi {
  int version = kFormsApiVersion;
  std::vector<pdf::AcroWidget> (*read_acroform)(std::string_view bytes, int max_pages) = nullptr;
};

using FormsEntry = const FormsApi* (*)();

}  // namespace vareport::modules
