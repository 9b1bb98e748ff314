#include "report/report_text.h"

#include <map>
#include <sstream>

namespace vareport {

std::string ToText(const Report& r) {
  std::ostringstream out;
  out << r.file << "\n";
  out << "  " << r.kind << " | State: " << r.state.value_or("?") << " | year: "
      << (r.reporting_year ? std::to_string(*r.reporting_year) : "?") << " | plan: " << r.framework.value_or("?")
      << " | language: " << r.language << " | format: " << r.format << (r.ocr ? " (OCR)" : "") << "\n";
  out << "  completeness: " << r.completeness.components_reported << "/" << r.completeness.components_total
      << " components, " << r.completeness.questions_answered << "/" << r.completeness.questions_total
      << " questions answered, " << r.objectives.size() << " objectives\n\n";
  std::map<std::string, int> flags;
  for (const Finding& f : r.findings)
    if (f.component) ++flags[*f.component];
  for (const ComponentSummary& c : r.components) {
    char line[256];
    std::snprintf(line, sizeof line, "  %-16s %-9s %2d/%-2d answered  %2d objectives  %2d flags\n", c.id.c_str(),
                  c.reported ? "reported" : "MISSING", c.answered, c.total, c.objectives, flags[c.id]);
    out << line;
  }
  if (!r.findings.empty()) {
    out << "\n  flags:\n";
    for (const Finding& f : r.findings) {
      out << "  - " << f.code;
      if (f.question) out << " " << *f.question;
      else if (f.component) out << " " << *f.component;
      if (f.page > 0) out << " (p. " << f.page << ")";
      out << ": " << f.message << "\n";
    }
  }
  for (const std::string& w : r.warnings) out << "  warning: " << w << "\n";
  return out.str();
}

}  // namespace vareport
