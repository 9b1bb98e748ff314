// Findings: every code of the catalogue ("findings" in catalogue.json),
// computed from what the earlier steps read, with the completeness block.
#include <algorithm>

#include "analysis/steps.h"
#include "core/text.h"

namespace vareport::analysis {
namespace {

const Answer* FindAnswer(const Report& r, const std::string& q) {
  for (const Answer& a : r.answers)
    if (a.question == q) return &a;
  return nullptr;
}

Finding Make(std::string code, std::optional<std::string> component, std::optional<std::string> question,
             Severity severity, std::string message, int page = 0) {
  Finding f;
  f.code = std::move(code);
  f.component = std::move(component);
  f.question = std::move(question);
  f.severity = severity;
  f.message = std::move(message);
  f.page = page;
  return f;
}

}  // namespace

void ComputeFindings(Context& ctx) {
  Report& r = ctx.report;
  const bool checklist = r.kind == "va_checklist";
  std::set<std::string> objective_components;
  for (const Objective& o : r.objectives) objective_components.insert(o.component);

  for (const ComponentRule& c : ctx.rules.components) {
    ComponentSummary s;
    s.id = c.id;
    s.title = c.title;
    s.total = static_cast<int>(c.questions.size());
    bool answered_any = false;
    for (const QuestionRule& q : c.questions)
      if (FindAnswer(r, q.id)) {
        ++s.answered;
        answered_any = true;
      }
    for (const Objective& o : r.objectives) s.objectives += o.component == c.id ? 1 : 0;
    bool printed_any = std::any_of(c.questions.begin(), c.questions.end(), [&](const QuestionRule& q) { return ctx.printed.count(q.id) > 0; });
    s.reported = answered_any || ctx.headed.count(c.id) || ctx.with_content.count(c.id) || s.objectives > 0 || printed_any;
    r.components.push_back(s);
    if (r.kind == "other") continue;  // not a victim-assistance report: nothing to chase

    if (!s.reported) {
      r.findings.push_back(Make("MISSING_COMPONENT", c.id, std::nullopt, Severity::kError,
                                "Nothing is reported for '" + c.title + "': no answer, no narrative, no objective."));
      continue;
    }
    if (checklist) {
      for (const QuestionRule& q : c.questions) {
        if (FindAnswer(r, q.id) || ctx.conflicting.count(q.id)) continue;
        r.findings.push_back(Make("MISSING_ANSWER", c.id, q.id, Severity::kWarning,
                                  "Question left unanswered: " + q.meaning));
      }
    }
    if (s.objectives == 0) {
      r.findings.push_back(Make("NO_OBJECTIVES", c.id, std::nullopt, Severity::kWarning,
                                "'" + c.title + "' is reported but states no objective."));
    }
  }

  for (const std::string& q : ctx.conflicting) {
    const QuestionRule* qr = ctx.rules.FindQuestion(q);
    r.findings.push_back(Make("CONFLICTING_ANSWERS", qr ? qr->component : std::string(), q, Severity::kError,
                              "The question is answered twice, differently (e.g. two boxes ticked): " +
                                  (qr ? qr->meaning : q),
                              ctx.conflict_page[q]));
  }

  for (std::size_t i = 0; i < r.objectives.size(); ++i) {
    const Objective& o = r.objectives[i];
    std::string quoted = "'" + TruncateUtf8(o.text, 90) + "'";
    if (!o.measurable) {
      Finding f = Make("OBJECTIVE_NOT_MEASURABLE", o.component, std::nullopt, Severity::kWarning,
                       "Objective has no quantity to measure: " + quoted, o.evidence.page);
      f.objective = static_cast<int>(i);
      r.findings.push_back(f);
    }
    if (!o.time_bound) {
      Finding f = Make("OBJECTIVE_NOT_TIME_BOUND", o.component, std::nullopt, Severity::kWarning,
                       "Objective has no deadline: " + quoted, o.evidence.page);
      f.objective = static_cast<int>(i);
      r.findings.push_back(f);
    }
  }

  const Answer* total = FindAnswer(r, "data.survivors_total");
  const Answer* female = FindAnswer(r, "data.survivors_female");
  const Answer* male = FindAnswer(r, "data.survivors_male");
  if (total && female && male && female->value.integer + male->value.integer != total->value.integer) {
    r.findings.push_back(Make("FIGURES_INCONSISTENT", std::nullopt, std::nullopt, Severity::kError,
                              "Survivors: " + std::to_string(female->value.integer) + " women and girls + " +
                                  std::to_string(male->value.integer) + " men and boys ≠ " +
                                  std::to_string(total->value.integer) + " in total.",
                              total->evidence.page));
  }

  const Answer* end_year = FindAnswer(r, "coordination.plan_end_year");
  if (end_year && r.reporting_year && r.kind != "national_plan" && end_year->value.integer < *r.reporting_year) {
    r.findings.push_back(Make("PLAN_EXPIRED", "coordination", std::nullopt, Severity::kWarning,
                              "The national plan ended in " + std::to_string(end_year->value.integer) +
                                  ", before the reporting year " + std::to_string(*r.reporting_year) + ".",
                              end_year->evidence.page));
  }

  r.completeness.components_total = static_cast<int>(ctx.rules.components.size());
  r.completeness.questions_total = ctx.rules.QuestionCount();
  r.completeness.questions_answered = static_cast<int>(r.answers.size());
  for (const ComponentSummary& s : r.components) r.completeness.components_reported += s.reported ? 1 : 0;
}

}  // namespace vareport::analysis
