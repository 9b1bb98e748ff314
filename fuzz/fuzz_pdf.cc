// libFuzzer harness for the PDF front end (extractors/pdf/pdf_extractor.h):
// arbitrary bytes → ExtractPdf. Every input must give a Document or an Error
// with a one-line message; never a crash, a sanitizer report, a hang past
// -timeout or memory past -rss_limit_mb.
//
// OCR is off: scanned pages would hand every mutated image to Tesseract, which
// is its own project's fuzzing business and far too slow here. The time limit
// is short so that a slow input is an error, not a libFuzzer timeout.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "extractors/pdf/pdf_extractor.h"
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  vareport::ExtractOptions options;
  options.ocr.enabled = false;
  options.max_pages = 50;
  options.time_limit_seconds = 10;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  vareport::Result<vareport::Document> doc = vareport::ExtractPdf(bytes, options);
  vareport::fuzz::CheckResult(doc);
  return 0;
}
