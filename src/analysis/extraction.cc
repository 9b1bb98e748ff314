// How well the reader understood a document, and whether it is a victim-
// assistance report at all. A reviewer must never be shown a confident-looking
// report of a document that was not understood: `needs_review` is set, with
// one sentence per reason, when too little was located to be trusted — a
// checklist with fewer than half of its questions located, or most of the
// located ones without a readable answer; an Article 7 report or plan with
// fewer than half of the components' sections found; a plan with no
// objective; pages whose text layer was unusable; a kind not recognised.
#include <algorithm>

#include "analysis/phrases.h"
#include "analysis/steps.h"
#include "core/text.h"

namespace vareport::analysis {
namespace {

constexpr int kMinVaTerms = 3;        // occurrences of victim-assistance words in a VA report, at least
constexpr std::size_t kFrontUnits = 8;  // the title and cover: where a VA report says what it is

std::string Plural(int n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

void RecogniseReport(Context& ctx) {
  Report& r = ctx.report;
  int terms = 0, front_terms = 0;
  for (std::size_t i = 0; i < ctx.units.size(); ++i) {
    std::string f = FoldForMatch(UnitText(ctx.units[i]));
    for (const auto& [lang, lx] : ctx.rules.lexicons)
      for (const std::string& t : lx.va_terms)
        if (ContainsPhrase(f, t)) {
          ++terms;
          if (i < kFrontUnits) ++front_terms;
        }
    if (terms >= kMinVaTerms) break;
  }
  // A VA kind named in a title that speaks of victims or mines ("Victim Assistance Checklist").
  const bool va_kind = r.kind == "va_checklist" || r.kind == "article7_report" || r.kind == "national_plan";
  const bool titled = r.kind != "unknown" && front_terms > 0;
  // The catalogue's structure: components' sections, printed questions, objectives.
  const bool structured = ctx.headed.size() >= 3 || ctx.printed.size() >= 3 || !r.objectives.empty() ||
                          (va_kind && !ctx.headed.empty());
  if (terms >= kMinVaTerms || titled || (structured && va_kind) || ((structured || !ctx.headed.empty() || !ctx.printed.empty()) && terms > 0)) return;
  // Not a victim-assistance report: nothing of the model applies to it.
  r.kind = "other";
  r.answers.clear();
  r.objectives.clear();
  ctx.printed.clear();
  ctx.conflicting.clear();
  ctx.headed.clear();
  ctx.with_content.clear();
  if (!ctx.state_labelled) r.state.reset();
  if (!ctx.year_labelled) r.reporting_year.reset();
  if (r.framework && *r.framework != "none") r.framework.reset();
}

void AssessExtraction(Context& ctx) {
  Report& r = ctx.report;
  Extraction& x = r.extraction;
  int questions = 0;
  for (const ComponentRule& c : ctx.rules.components) questions += static_cast<int>(c.questions.size());
  const int components = static_cast<int>(ctx.rules.components.size());
  std::set<std::string> located = ctx.printed;
  for (const Answer& a : r.answers) located.insert(a.question);
  for (const std::string& q : ctx.conflicting) located.insert(q);
  x.questions_expected = r.kind == "other" ? 0 : questions;
  x.questions_located = static_cast<int>(located.size());
  x.unusable_pages = ctx.doc.unusable_pages;

  // The layout family, from what the reader relied on.
  if (r.kind == "other") x.layout = "unknown";
  else if (ctx.grouped_plan_rows > 0) x.layout = "results-framework-grouped";
  else if (ctx.plan_rows > 0) x.layout = "results-framework";
  else if (ctx.run_in_headings >= 3) x.layout = "memo";
  else if (ctx.span_answers > ctx.table_answers && ctx.span_answers >= 5) x.layout = "paragraph-form";
  else if (ctx.table_answers >= 5) x.layout = "grid";
  else if (ctx.headed.size() >= 3) x.layout = "narrative";
  else x.layout = "unknown";

  auto reason = [&](std::string text) { x.reasons.push_back(std::move(text)); };
  const int headed = static_cast<int>(ctx.headed.size());
  if (r.kind == "other") {
    reason("not recognised as a victim-assistance report");
  } else if (r.kind == "unknown") {
    reason("the kind of document (checklist, Article 7 report, national plan) was not recognised");
  }
  if (r.kind == "va_checklist") {
    int answered = 0;
    for (const std::string& q : located)
      if (std::any_of(r.answers.begin(), r.answers.end(), [&](const Answer& a) { return a.question == q; })) ++answered;
    if (2 * x.questions_located < x.questions_expected) {
      reason("only " + std::to_string(x.questions_located) + " of " + std::to_string(x.questions_expected) +
             " checklist questions were located");
    } else if (3 * answered < 2 * x.questions_located) {
      reason(std::to_string(x.questions_located - answered) + " of " + std::to_string(x.questions_located) +
             " located questions have no readable answer");
    }
  } else if (r.kind == "article7_report" || r.kind == "national_plan" || r.kind == "statement") {
    int sections = std::max(headed, static_cast<int>(ctx.with_content.size()));
    if (2 * sections < components) {
      reason("only " + std::to_string(sections) + " of " + std::to_string(components) +
             " components' sections were found");
    }
    if (r.kind == "national_plan" && r.objectives.empty()) reason("no objective was found in a national plan");
    if (r.kind == "article7_report" && 3 * static_cast<int>(r.answers.size()) < questions) {
      reason("only " + Plural(static_cast<int>(r.answers.size()), "question was", "questions were") +
             " answered by the narrative");
    }
  }
  if (!x.unusable_pages.empty() && !r.ocr) {
    reason(Plural(static_cast<int>(x.unusable_pages.size()), "page has", "pages have") + " no usable text layer");
  }
  x.needs_review = !x.reasons.empty();
}

}  // namespace vareport::analysis
