// libFuzzer harness for the .docx reader (extractors/docx/docx_extractor.h).
//
// Random mutations of a deflated ZIP mostly break its CRCs, which would fuzz
// only libzip's error paths. So the first byte of the input picks a mode:
//   'P' (as in "PK\3\4") and anything not listed below: the bytes are the
//        whole file, handed to ExtractDocx as they are (ZIP structure, the
//        package limits, relationships, content types);
//   '0'..'7': the rest is the XML of one part, wrapped here into an otherwise
//        valid package stored without compression, so the mutations reach the
//        WordprocessingML walker: 0 document.xml, 1 styles.xml, 2
//        numbering.xml, 3 header1.xml, 4 footnotes.xml, 5 comments.xml,
//        6 word/_rels/document.xml.rels, 7 [Content_Types].xml.
// Every input must give a Document or a one-line Error, never a crash.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "docx_input.h"
#include "extractors/docx/docx_extractor.h"
#include "fuzz_util.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  vareport::ExtractOptions options;
  options.time_limit_seconds = 10;
  options.max_zip_total_bytes = 64u << 20;
  options.max_zip_entry_bytes = 32u << 20;
  const std::string bytes =
      vareport::fuzz::DocxFuzzInput(std::string_view(reinterpret_cast<const char*>(data), size));
  vareport::fuzz::CheckResult(vareport::ExtractDocx(bytes, options));
  return 0;
}
