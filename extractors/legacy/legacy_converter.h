// vareport/extractors/legacy/legacy_converter.h — Word 97–2003 (.doc), RTF
// and OpenDocument (.odt) into .docx bytes, so the .docx extractor reads every
// word-processor format into the same document model.
//
// The converter is a seam (STYLE.md, "Side effects behind seams"): the real
// one runs LibreOffice headless (`soffice --convert-to docx`) in a private
// temporary folder with its own user profile, under a time limit, killed when
// it overruns; tests may substitute their own. A cold LibreOffice start costs
// seconds, a conversion in a running instance a fraction of one, so batch
// callers convert many files per start (ConvertMany).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "document/document.h"

namespace vareport {

class LegacyConverter {
 public:
  virtual ~LegacyConverter() = default;

  // Converts one file's bytes (`from` is kDoc, kRtf or kOdt) to .docx bytes.
  // Errors: kUnsupportedFormat when LibreOffice is missing (the message names
  // the Debian package to install), kUnreadableInput when it cannot convert,
  // kLimitExceeded when it overruns its time limit.
  virtual Result<std::string> ConvertOne(std::string_view bytes, Format from) = 0;

  // Converts many files with one LibreOffice start; results in input order,
  // one failed file never fails the others.
  virtual std::vector<Result<std::string>> ConvertMany(const std::vector<std::string>& paths) = 0;

  // Renders a Word-family file (`from`: kDocx, kDoc, kRtf or kOdt) to PDF
  // bytes as LibreOffice lays it out (writer_pdf_Export), so evidence pages
  // and boxes can be read from the rendering. Errors as ConvertOne. The
  // default (converters that cannot render): kUnsupportedFormat.
  virtual Result<std::string> RenderPdf(std::string_view bytes, Format from);
};

struct SofficeOptions {
  std::string soffice = "soffice";  // executable, looked up on PATH
  double time_limit_seconds = 120;  // per call (ConvertMany: per file, summed)
};

// The LibreOffice-backed converter. Thread-safe: concurrent calls use separate
// profiles and folders.
std::unique_ptr<LegacyConverter> MakeSofficeConverter(const SofficeOptions& options = {});

}  // namespace vareport
