// vareport/extractors/modules/ocr_module.cc — the entry point of
// libvareport_ocr.so: extractors/ocr/ocr.cc (Tesseract, Leptonica) behind the
// table of ocr_api.h. Built into the module only, never into the program.
#include "extractors/modules/ocr_api.h"

namespace {

using namespace vareport;

const modules::OcrApi kApi = [] {
  modules::OcrApi api;
  api.find_tick_boxes = &ocr::FindTickBoxes;
  api.find_rules = &ocr::FindRules;
  api.attach_to_nearest_word = &ocr::AttachToNearestWord;
  api.guess_language = &ocr::GuessLanguage;
  api.new_recognizer = [](const std::string& languages) -> void* { return new ocr::Recognizer(languages); };
  api.delete_recognizer = [](void* r) { delete static_cast<ocr::Recognizer*>(r); };
  api.recognize_page = [](void* r, const ocr::GrayImage& image, double dpi) {
    return static_cast<ocr::Recognizer*>(r)->RecognizePage(image, dpi);
  };
  api.languages = [](const void* r) { return static_cast<const ocr::Recognizer*>(r)->languages(); };
  return api;
}();

}  // namespace

extern "C" __attribute__((visibility("default"))) const vareport::modules::OcrApi* vareport_ocr_api() { return &kApi; }
