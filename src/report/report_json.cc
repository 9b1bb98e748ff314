#include "report/report_json.h"

namespace vareport {
namespace {

template <typename T>
nlohmann::json OrNull(const std::optional<T>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

nlohmann::json EvidenceJson(const Evidence& e) {
  nlohmann::json j = {{"page", e.page > 0 ? nlohmann::json(e.page) : nlohmann::json(nullptr)}, {"text", e.text}};
  if (e.box) {
    j["box"] = {{"x0", e.box->x0},
                {"y0", e.box->y0},
                {"x1", e.box->x1},
                {"y1", e.box->y1},
                {"page_width", e.box->page_width},
                {"page_height", e.box->page_height}};
  }
  return j;
}

nlohmann::json ValueJson(const AnswerValue& v) {
  if (v.kind == AnswerValue::Kind::kInteger) return v.integer;
  return v.text;
}

}  // namespace

nlohmann::json ToJson(const Report& r) {
  nlohmann::json j;
  j["schema"] = "vareport/1";
  j["source"] = {{"file", r.file},   {"sha256", r.sha256},         {"format", r.format},
                 {"pages", OrNull(r.pages)}, {"ocr", r.ocr}, {"language", r.language}};
  j["document"] = {{"kind", r.kind},
                   {"state", OrNull(r.state)},
                   {"reporting_year", OrNull(r.reporting_year)},
                   {"framework", OrNull(r.framework)}};
  nlohmann::json answers = nlohmann::json::array();
  for (const Answer& a : r.answers) {
    answers.push_back({{"question", a.question},
                       {"value", ValueJson(a.value)},
                       {"evidence", EvidenceJson(a.evidence)},
                       {"confidence", a.confidence},
                       {"source", a.source}});
  }
  j["answers"] = std::move(answers);
  nlohmann::json objectives = nlohmann::json::array();
  for (const Objective& o : r.objectives) {
    nlohmann::json q = nlohmann::json::array();
    for (const Quantity& x : o.quantities) q.push_back({{"value", x.value}, {"unit", x.unit}});
    objectives.push_back({{"component", o.component},
                          {"text", o.text},
                          {"measurable", o.measurable},
                          {"time_bound", o.time_bound},
                          {"deadline", OrNull(o.deadline)},
                          {"quantities", std::move(q)},
                          {"evidence", EvidenceJson(o.evidence)}});
  }
  j["objectives"] = std::move(objectives);
  nlohmann::json findings = nlohmann::json::array();
  for (const Finding& f : r.findings) {
    findings.push_back({{"code", f.code},
                        {"component", OrNull(f.component)},
                        {"question", OrNull(f.question)},
                        {"objective", OrNull(f.objective)},
                        {"severity", SeverityName(f.severity)},
                        {"message", f.message},
                        {"page", f.page > 0 ? nlohmann::json(f.page) : nlohmann::json(nullptr)}});
  }
  j["findings"] = std::move(findings);
  j["completeness"] = {{"components_reported", r.completeness.components_reported},
                       {"components_total", r.completeness.components_total},
                       {"questions_answered", r.completeness.questions_answered},
                       {"questions_total", r.completeness.questions_total}};
  j["rules_version"] = r.rules_version;
  if (!r.warnings.empty()) j["warnings"] = r.warnings;
  j["extraction"] = {{"questions_expected", r.extraction.questions_expected},
                     {"questions_located", r.extraction.questions_located},
                     {"unusable_pages", r.extraction.unusable_pages},
                     {"layout", r.extraction.layout},
                     {"needs_review", r.extraction.needs_review},
                     {"reasons", r.extraction.reasons}};
  return j;
}

}  // namespace vareport
