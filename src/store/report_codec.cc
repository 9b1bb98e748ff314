#include "store/report_codec.h"

#include <exception>

#include "report/report_json.h"

namespace vareport::store {
namespace {

using nlohmann::json;

std::optional<std::string> OptString(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return std::nullopt;
  return it->get<std::string>();
}

std::optional<int> OptInt(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return std::nullopt;
  return it->get<int>();
}

std::string Str(const json& j, const char* key) {
  auto it = j.find(key);
  return it == j.end() || it->is_null() ? std::string() : it->get<std::string>();
}

Evidence EvidenceOf(const json& j) {
  Evidence e;
  auto it = j.find("evidence");
  if (it == j.end() || !it->is_object()) return e;
  e.page = OptInt(*it, "page").value_or(0);
  e.text = Str(*it, "text");
  if (auto b = it->find("box"); b != it->end() && b->is_object()) {
    EvidenceBox box;
    box.x0 = b->value("x0", 0.0);
    box.y0 = b->value("y0", 0.0);
    box.x1 = b->value("x1", 0.0);
    box.y1 = b->value("y1", 0.0);
    box.page_width = b->value("page_width", 0.0);
    box.page_height = b->value("page_height", 0.0);
    e.box = box;
  }
  return e;
}

Severity SeverityOf(const std::string& s) {
  if (s == "error") return Severity::kError;
  if (s == "info") return Severity::kInfo;
  return Severity::kWarning;
}

}  // namespace

json EncodeReport(const Report& report) {
  json j = ToJson(report);
  json comps = json::array();
  for (const ComponentSummary& c : report.components) {
    comps.push_back({{"id", c.id},
                     {"title", c.title},
                     {"reported", c.reported},
                     {"answered", c.answered},
                     {"total", c.total},
                     {"objectives", c.objectives}});
  }
  j["components"] = std::move(comps);
  return j;
}

Result<Report> DecodeReport(std::string_view json_text) {
  json j = json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return MakeError(ErrorKind::kInternal, "invalid report JSON: not JSON");
  return DecodeReportJson(j);
}

Result<Report> DecodeReportJson(const json& j) {
  try {
    if (!j.is_object()) return MakeError(ErrorKind::kInternal, "invalid report JSON: not an object");
    Report r;
    const json& src = j.at("source");
    r.file = Str(src, "file");
    r.sha256 = Str(src, "sha256");
    r.format = Str(src, "format");
    r.pages = OptInt(src, "pages");
    r.ocr = src.value("ocr", false);
    r.language = Str(src, "language");
    const json& doc = j.at("document");
    r.kind = doc.value("kind", std::string("unknown"));
    r.state = OptString(doc, "state");
    r.reporting_year = OptInt(doc, "reporting_year");
    r.framework = OptString(doc, "framework");
    for (const json& a : j.value("answers", json::array())) {
      Answer x;
      x.question = a.at("question").get<std::string>();
      const json& v = a.at("value");
      if (v.is_number_integer()) {
        x.value.kind = AnswerValue::Kind::kInteger;
        x.value.integer = v.get<long long>();
      } else {
        std::string s = v.is_null() ? std::string() : v.get<std::string>();
        bool word = s == "yes" || s == "no" || s == "partial" || s == "unknown";
        x.value.kind = word ? AnswerValue::Kind::kWord : AnswerValue::Kind::kText;
        x.value.text = std::move(s);
      }
      x.evidence = EvidenceOf(a);
      x.confidence = a.value("confidence", 1.0);
      x.source = Str(a, "source");
      r.answers.push_back(std::move(x));
    }
    for (const json& o : j.value("objectives", json::array())) {
      Objective x;
      x.component = Str(o, "component");
      x.text = Str(o, "text");
      x.measurable = o.value("measurable", false);
      x.time_bound = o.value("time_bound", false);
      x.deadline = OptString(o, "deadline");
      for (const json& q : o.value("quantities", json::array()))
        x.quantities.push_back(Quantity{q.at("value").get<long long>(), Str(q, "unit")});
      x.evidence = EvidenceOf(o);
      r.objectives.push_back(std::move(x));
    }
    for (const json& f : j.value("findings", json::array())) {
      Finding x;
      x.code = f.at("code").get<std::string>();
      x.component = OptString(f, "component");
      x.question = OptString(f, "question");
      x.objective = OptInt(f, "objective");
      x.severity = SeverityOf(Str(f, "severity"));
      x.message = Str(f, "message");
      x.page = OptInt(f, "page").value_or(0);
      r.findings.push_back(std::move(x));
    }
    if (auto it = j.find("completeness"); it != j.end() && it->is_object()) {
      r.completeness.components_reported = it->value("components_reported", 0);
      r.completeness.components_total = it->value("components_total", 0);
      r.completeness.questions_answered = it->value("questions_answered", 0);
      r.completeness.questions_total = it->value("questions_total", 0);
    }
    r.rules_version = Str(j, "rules_version");
    for (const json& w : j.value("warnings", json::array())) r.warnings.push_back(w.get<std::string>());
    if (auto x = j.find("extraction"); x != j.end() && x->is_object()) {
      r.extraction.questions_expected = x->value("questions_expected", 0);
      r.extraction.questions_located = x->value("questions_located", 0);
      r.extraction.unusable_pages = x->value("unusable_pages", std::vector<int>{});
      r.extraction.layout = x->value("layout", std::string("unknown"));
      r.extraction.needs_review = x->value("needs_review", false);
      r.extraction.reasons = x->value("reasons", std::vector<std::string>{});
    }
    for (const json& c : j.value("components", json::array())) {
      ComponentSummary s;
      s.id = c.at("id").get<std::string>();
      s.title = Str(c, "title");
      s.reported = c.value("reported", false);
      s.answered = c.value("answered", 0);
      s.total = c.value("total", 0);
      s.objectives = c.value("objectives", 0);
      r.components.push_back(std::move(s));
    }
    return r;
  } catch (const std::exception& e) {
    return MakeError(ErrorKind::kInternal, std::string("invalid report JSON: ") + e.what());
  }
}

std::string_view ComponentStatus(const ComponentSummary& c) {
  if (!c.reported) return "missing";
  return c.answered < c.total ? "partial" : "reported";
}

}  // namespace vareport::store
