// vareport/extractors/modules/ocr_loader.cc — ocr.h in the program: the
// functions that need Tesseract or Leptonica forward to libvareport_ocr.so,
// loaded on the first call (module_loader.h); NeedsOcr, asked of every PDF
// page, is answered here without it. Without the module, a page to recognise
// fails with kUnsupportedFormat (the PDF extractor's "ocr-failed" warning)
// and no box or rule is found in an image.
#include <utility>

#include "extractors/modules/module_loader.h"
#include "extractors/modules/ocr_api.h"
#include "extractors/pdf/text_layer.h"

namespace vareport::ocr {
namespace {

Result<const modules::OcrApi*> Api() {
  Result<void*> entry = modules::LoadModule(modules::kOcrModuleFile, modules::kOcrEntry);
  if (!entry) return entry.error();
  const modules::OcrApi* api = reinterpret_cast<modules::OcrEntry>(*entry)();
  if (api == nullptr || api->version != modules::kOcrApiVersion)
    return MakeError(ErrorKind::kUnsupportedFormat,
                     std::string(modules::kOcrModuleFile) + " is from another build of vareport (interface version)");
  return api;
}

}  // namespace

bool NeedsOcr(const std::vector<pdf::Word>& words) { return !pdf::AssessTextLayer(words).usable; }

std::vector<UnclearBox> AttachToNearestWord(std::vector<UnclearBox> unclear, std::vector<pdf::Word>& words) {
  if (unclear.empty()) return unclear;
  Result<const modules::OcrApi*> api = Api();
  if (!api) return unclear;
  return (*api)->attach_to_nearest_word(std::move(unclear), words);
}

std::vector<pdf::Word> FindTickBoxes(const GrayImage& image, double points_per_pixel, TickEncoding encoding,
                                     std::vector<UnclearBox>* unclear) {
  Result<const modules::OcrApi*> api = Api();
  if (!api) return {};
  return (*api)->find_tick_boxes(image, points_per_pixel, encoding, unclear);
}

std::vector<Box> FindRules(const GrayImage& image, double points_per_pixel) {
  Result<const modules::OcrApi*> api = Api();
  if (!api) return {};
  return (*api)->find_rules(image, points_per_pixel);
}

std::string GuessLanguage(const std::vector<pdf::Word>& words) {
  Result<const modules::OcrApi*> api = Api();
  if (!api) return {};
  return (*api)->guess_language(words);
}

// The module's own Recognizer, and the table that reaches it.
struct Recognizer::Engine {
  const modules::OcrApi* api = nullptr;
  void* impl = nullptr;
  ~Engine() {
    if (impl != nullptr) api->delete_recognizer(impl);
  }
};

Recognizer::Recognizer(std::string languages) : languages_(std::move(languages)), decided_(!languages_.empty()) {
  if (languages_.empty()) languages_ = "eng+fra+spa";  // as the module's Recognizer starts
}

Recognizer::~Recognizer() = default;

Result<PageResult> Recognizer::RecognizePage(const GrayImage& image, double dpi) {
  if (!engine_) {
    Result<const modules::OcrApi*> api = Api();
    if (!api) return api.error();
    auto engine = std::make_unique<Engine>();
    engine->api = *api;
    engine->impl = (*api)->new_recognizer(decided_ ? languages_ : std::string());
    engine_ = std::move(engine);
  }
  Result<PageResult> r = engine_->api->recognize_page(engine_->impl, image, dpi);
  languages_ = engine_->api->languages(engine_->impl);
  return r;
}

}  // namespace vareport::ocr
