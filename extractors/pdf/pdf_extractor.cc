// vareport/extractors/pdf/pdf_extractor.cc — Poppler (poppler-cpp) front end:
// opens the bytes, reads each page's words with boxes and fonts, and hands
// them to the layout (layout.h), which knows nothing of Poppler.
//
// Decisions:
//   - A page count above ExtractOptions::max_pages is not an error: the first
//     max_pages pages are read and a "page-limit" warning says so (a long
//     report's first pages still carry answers). The time limit is an error
//     (kLimitExceeded), checked between pages.
//   - Poppler's own messages (syntax warnings/errors) never reach stderr: a
//     process-wide handler, installed once, routes them to the document being
//     read on the calling thread, where they become "pdf-syntax" warnings
//     (each distinct message once, at most kMaxSyntaxWarnings, then one summary
//     warning).
#include "extractors/pdf/pdf_extractor.h"

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>
#include <poppler/cpp/poppler-rectangle.h>

#include <chrono>
#include <climits>
#include <memory>
#include <mutex>
#include <new>
#include <string>
#include <vector>

#include "core/text.h"
#include "extractors/pdf/layout.h"

namespace vareport {
namespace {

constexpr std::size_t kMaxSyntaxWarnings = 20;

// Poppler messages of the document being read on this thread.
struct MessageSink {
  std::vector<std::string> messages;
  std::size_t dropped = 0;
};
thread_local MessageSink* t_sink = nullptr;

void OnPopplerMessage(const std::string& message, void* /*closure*/) {
  if (t_sink == nullptr) return;
  std::string m = Trim(SanitizeUtf8(message));
  for (const std::string& seen : t_sink->messages) {
    if (seen == m) return;  // the same message repeated (often once per glyph) is kept once
  }
  if (t_sink->messages.size() < kMaxSyntaxWarnings) {
    t_sink->messages.push_back(std::move(m));
  } else {
    ++t_sink->dropped;
  }
}

void InstallMessageHandler() {
  static std::once_flag once;
  std::call_once(once, [] { poppler::set_debug_error_function(&OnPopplerMessage, nullptr); });
}

// Sets t_sink for the lifetime of the scope.
class SinkScope {
 public:
  explicit SinkScope(MessageSink* s) : prev_(t_sink) { t_sink = s; }
  ~SinkScope() { t_sink = prev_; }
  SinkScope(const SinkScope&) = delete;
  SinkScope& operator=(const SinkScope&) = delete;

 private:
  MessageSink* prev_;
};

std::string ToUtf8(const poppler::ustring& s) {
  poppler::byte_array b = s.to_utf8();
  return SanitizeUtf8(std::string_view(b.data(), b.size()));
}

// True when a stream that is not an image carries an image-only filter
// (JBIG2Decode, JPXDecode, DCTDecode, CCITTFaxDecode; ISO 32000-1 §7.4.7–7.4.9,
// 7.4.6) and no /Width: Poppler would decode such a "content stream" as a
// bitmap whose size the file chooses (a decompression bomb: 100000 × 100000
// JBIG2 pages). Image XObjects themselves are never decoded for the text
// layer. Stream
// dictionaries are always direct objects, so a byte scan finds them.
bool HasImageFilterOnNonImageStream(std::string_view bytes) {
  static const char* const kFilters[] = {"/JBIG2Decode", "/JPXDecode", "/DCTDecode", "/CCITTFaxDecode"};
  std::size_t checked = 0;
  for (const char* filter : kFilters) {
    for (std::size_t at = bytes.find(filter); at != std::string_view::npos && checked < 20000;
         at = bytes.find(filter, at + 1), ++checked) {
      // The dictionary around the filter: from the last "obj" before it to the
      // next "stream" after it (bounded).
      const std::size_t lo = at > 4096 ? at - 4096 : 0;
      const std::size_t obj = bytes.substr(lo, at - lo).rfind("obj");
      const std::size_t start = obj == std::string_view::npos ? lo : lo + obj;
      const std::size_t stream = bytes.substr(at, 4096).find("stream");
      if (stream == std::string_view::npos) continue;  // not a stream dictionary (e.g. an inline reference)
      const std::string_view dict = bytes.substr(start, at + stream - start);
      // Every image stream (XObject, thumbnail, soft mask) has /Width.
      if (dict.find("/Width") == std::string_view::npos && dict.find("/Image") == std::string_view::npos) {
        return true;
      }
    }
  }
  return false;
}

Box ToBox(const poppler::rectf& r) { return Box{r.left(), r.top(), r.right(), r.bottom()}; }

// Reads one page's words. Poppler lays the page out with its /Rotate applied,
// so boxes are already in displayed coordinates (top-left origin).
pdf::PageText ReadPage(poppler::page& page, int number) {
  pdf::PageText out;
  out.number = number;
  const poppler::rectf crop = page.page_rect(poppler::crop_box);
  const auto orient = page.orientation();
  const bool turned = orient == poppler::page::landscape || orient == poppler::page::seascape;
  out.width = turned ? crop.height() : crop.width();
  out.height = turned ? crop.width() : crop.height();
  std::vector<poppler::text_box> boxes = page.text_list(poppler::page::text_list_include_font);
  out.words.reserve(boxes.size());
  for (const poppler::text_box& tb : boxes) {
    pdf::Word w;
    w.text = ToUtf8(tb.text());
    if (w.text.empty()) continue;
    w.box = ToBox(tb.bbox());
    w.rotation = tb.rotation();
    w.space_after = tb.has_space_after();
    if (tb.has_font_info()) {
      w.font = tb.get_font_name();
      w.font_size = tb.get_font_size();
    }
    const std::size_t n = DecodeUtf8(w.text).size();
    bool boxes_ok = n <= 256;
    for (std::size_t i = 0; boxes_ok && i < n; ++i) {
      const poppler::rectf r = tb.char_bbox(i);
      if (r.width() <= 0 && r.height() <= 0) boxes_ok = false;
      w.chars.push_back(ToBox(r));
    }
    if (!boxes_ok) w.chars.clear();
    out.words.push_back(std::move(w));
  }
  return out;
}

Result<Document> ExtractPdfUnguarded(std::string_view bytes, const ExtractOptions& options, MessageSink& sink) {
  using Clock = std::chrono::steady_clock;
  const auto start = Clock::now();
  if (bytes.size() > options.max_file_bytes) {
    return MakeError(ErrorKind::kLimitExceeded, "file larger than the limit of " +
                                                    std::to_string(options.max_file_bytes >> 20) + " MiB");
  }
  if (bytes.size() > static_cast<std::size_t>(INT_MAX)) {
    return MakeError(ErrorKind::kLimitExceeded, "file too large for the PDF reader");
  }
  if (bytes.substr(0, 1024).find("%PDF-") == std::string_view::npos) {
    return MakeError(ErrorKind::kUnreadableInput, "damaged PDF: no %PDF header (not a PDF file)");
  }
  if (HasImageFilterOnNonImageStream(bytes)) {
    return MakeError(ErrorKind::kLimitExceeded,
                     "PDF refused: a non-image stream uses image compression (a decompression bomb)");
  }
  std::unique_ptr<poppler::document> pdoc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!pdoc) {
    std::string why = sink.messages.empty() ? "the file structure cannot be read" : sink.messages.back();
    return MakeError(ErrorKind::kUnreadableInput, "damaged PDF: " + why);
  }
  // poppler-cpp keeps an encrypted document open but locked when the empty
  // user password does not open it.
  if (pdoc->is_locked() && pdoc->unlock("", "")) {
    return MakeError(ErrorKind::kEncrypted, "encrypted PDF: a password is required");
  }
  Document doc;
  doc.format = Format::kPdf;
  const int total = pdoc->pages();
  if (total <= 0) return MakeError(ErrorKind::kUnreadableInput, "damaged PDF: no pages");
  doc.pages = total;
  doc.title = Trim(CollapseSpace(ToUtf8(pdoc->info_key("Title"))));
  const int limit = std::max(0, std::min(total, options.max_pages));
  if (limit < total) {
    doc.warnings.push_back(Warning{"page-limit", "the document has " + std::to_string(total) +
                                                     " pages; only the first " + std::to_string(limit) +
                                                     " were read"});
  }
  std::vector<pdf::PageText> pages;
  pages.reserve(static_cast<std::size_t>(limit));
  for (int i = 0; i < limit; ++i) {
    const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    if (elapsed > options.time_limit_seconds) {
      return MakeError(ErrorKind::kLimitExceeded, "time limit of " +
                                                      std::to_string(static_cast<int>(options.time_limit_seconds)) +
                                                      " s exceeded at page " + std::to_string(i + 1));
    }
    std::unique_ptr<poppler::page> page(pdoc->create_page(i));
    if (!page) {
      doc.warnings.push_back(Warning{"page-unreadable", "page " + std::to_string(i + 1) + " cannot be read"});
      pdf::PageText empty;
      empty.number = i + 1;
      pages.push_back(std::move(empty));
      continue;
    }
    pages.push_back(ReadPage(*page, i + 1));
  }
  pdf::BuildDocument(pages, doc);
  for (const std::string& m : sink.messages) doc.warnings.push_back(Warning{"pdf-syntax", m});
  if (sink.dropped > 0) {
    doc.warnings.push_back(Warning{"pdf-syntax", std::to_string(sink.dropped) + " more distinct messages from the PDF reader"});
  }
  return doc;
}

}  // namespace

Result<Document> ExtractPdf(std::string_view bytes, const ExtractOptions& options) {
  InstallMessageHandler();
  MessageSink sink;
  SinkScope scope(&sink);
  try {
    return ExtractPdfUnguarded(bytes, options, sink);
  } catch (const std::bad_alloc&) {
    return MakeError(ErrorKind::kLimitExceeded, "out of memory while reading the PDF");
  } catch (const std::exception& e) {
    return MakeError(ErrorKind::kInternal, std::string("PDF reader failed: ") + e.what());
  } catch (...) {
    return MakeError(ErrorKind::kInternal, "PDF reader failed");
  }
}

}  // namespace vareport
