// vareport/extractors/modules/ocr_api.h — the table of functions that
// libvareport_ocr.so (ocr_module.cc: extractors/ocr/ocr.cc with Tesseract and
// Leptonica) hands to the program (ocr_loader.cc). Both sides are built from
// this one header by the same build, so C++ types cross the boundary as they
// are; `version` guards against a module left over from another build.
#pragma once

#include <string>
#include <vector>

#include "extractors/ocr/ocr.h"

namespace vareport::modules {

inline constexpr int kOcrApiVersion = 1;
inline constexpr const char* kOcrModuleFile = "libvareport_ocr.so";
inline constexpr const char* kOcrEntry = "vareport_ocr_api";  // extern "C" const OcrApi* (void)

struct OcrApi {
  int version = kOcrApiVersion;
  std::vector<pdf::Word> (*find_tick_boxes)(const ocr::GrayImage&, double, TickEncoding,
                                            std::vector<ocr::UnclearBox>*) = nullptr;
  std::vector<Box> (*find_rules)(const ocr::GrayImage&, double) = nullptr;
  std::vector<ocr::UnclearBox> (*attach_to_nearest_word)(std::vector<ocr::UnclearBox>, std::vector<pdf::Word>&) = nullptr;
  std::string (*guess_language)(const std::vector<pdf::Word>&) = nullptr;
  // A Recognizer of the module (ocr.h): made, used and destroyed through these.
  void* (*new_recognizer)(const std::string& languages) = nullptr;
  void (*delete_recognizer)(void*) = nullptr;
  Result<ocr::PageResult> (*recognize_page)(void*, const ocr::GrayImage&, double dpi) = nullptr;
  std::string (*languages)(const void*) = nullptr;
};

using OcrEntry = const OcrApi* (*)();

}  // namespace vareport::modules
