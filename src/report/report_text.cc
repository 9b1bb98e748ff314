#include "report/report_text.h"

#include <cstdio>
#include <map>
#include <set>
#include <sstream>

namespace vareport {
namespace {

// "1 flag", "2 flags", "0 flags".
std::string Count(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string ValueText(const AnswerValue& v) {
  return v.kind == AnswerValue::Kind::kInteger ? std::to_string(v.integer) : v.text;
}

// Pages a warning says were read by OCR: "ocr-…: page N …" (extractors/pdf).
std::set<int> OcrPages(const Report& r) {
  std::set<int> pages;
  for (const std::string& w : r.warnings) {
    if (w.rfind("ocr-", 0) != 0) continue;
    const std::size_t at = w.find("page ");
    if (at == std::string::npos) continue;
    const int page = std::atoi(w.c_str() + at + 5);
    if (page > 0) pages.insert(page);
  }
  return pages;
}

// " (p. 3)", " (p. 3, a scanned page read by OCR)", " (page unknown)".
std::string Where(int page, const Report& r, const std::set<int>& ocr_pages) {
  if (page <= 0) return " (page unknown)";
  std::string out = " (p. " + std::to_string(page);
  bool unusable = false;
  for (int u : r.extraction.unusable_pages) unusable = unusable || u == page;
  if (unusable) out += ", a page whose text could not be used";
  else if (ocr_pages.count(page) || (r.ocr && ocr_pages.empty())) out += ", a scanned page read by OCR: check the scan";
  return out + ")";
}

}  // namespace

std::string ToText(const Report& r) {
  std::ostringstream out;
  const std::set<int> ocr_pages = OcrPages(r);
  out << r.file << "\n";
  // A report that was not understood says so before anything else.
  if (r.extraction.needs_review) {
    out << "  NEEDS REVIEW: this document was not read with confidence; check it by hand";
    if (r.extraction.questions_expected > 0)
      out << " (" << r.extraction.questions_located << " of " << r.extraction.questions_expected
          << " questions located)";
    out << "\n";
    for (const std::string& why : r.extraction.reasons) out << "    - " << why << "\n";
  }
  out << "  " << r.kind << " | State: " << r.state.value_or("?") << " | year: "
      << (r.reporting_year ? std::to_string(*r.reporting_year) : "?") << " | plan: " << r.framework.value_or("?")
      << " | language: " << r.language << " | format: " << r.format << (r.ocr ? " (OCR)" : "");
  if (r.pages) out << " | " << Count(static_cast<std::size_t>(*r.pages), "page", "pages");
  out << "\n";
  out << "  completeness: " << r.completeness.components_reported << "/" << r.completeness.components_total
      << " components, " << r.completeness.questions_answered << "/" << r.completeness.questions_total
      << " questions answered, " << Count(r.objectives.size(), "objective", "objectives") << "\n\n";
  std::map<std::string, int> flags;
  for (const Finding& f : r.findings)
    if (f.component) ++flags[*f.component];
  for (const ComponentSummary& c : r.components) {
    char line[256];
    std::snprintf(line, sizeof line, "  %-16s %-9s %2d/%-2d answered  %-13s  %s\n", c.id.c_str(),
                  c.reported ? "reported" : "MISSING", c.answered, c.total,
                  Count(static_cast<std::size_t>(c.objectives), "objective", "objectives").c_str(),
                  Count(static_cast<std::size_t>(flags[c.id]), "flag", "flags").c_str());
    out << line;
  }
  if (!r.answers.empty()) {
    out << "\n  answers (" << r.answers.size() << "):\n";
    for (const Answer& a : r.answers)
      out << "  - " << a.question << ": " << ValueText(a.value) << Where(a.evidence.page, r, ocr_pages) << "\n";
  }
  if (!r.findings.empty()) {
    out << "\n  flags (" << r.findings.size() << "):\n";
    for (const Finding& f : r.findings) {
      out << "  - " << f.code;
      if (f.question) out << " " << *f.question;
      else if (f.component) out << " " << *f.component;
      // A finding about the whole document or a whole component (nothing
      // reported) has no page to show; one about a question or an objective
      // without a page says so.
      if (f.page > 0 || f.question || f.objective) out << Where(f.page, r, ocr_pages);
      out << ": " << f.message << "\n";
    }
  }
  for (const std::string& w : r.warnings) out << "  warning: " << w << "\n";
  return out.str();
}

}  // namespace vareport
