#include "service/evidence_pages.h"

#include <map>
#include <set>

#include "extractors/legacy/legacy_converter.h"
#include "extractors/pdf/pdf_extractor.h"

namespace vareport::service {
namespace {

EvidenceBox ToEvidenceBox(const TextSpot& s) {
  return EvidenceBox{s.box.x0, s.box.y0, s.box.x1, s.box.y1, s.page_width, s.page_height};
}

// Locates one evidence span; returns whether it was found.
bool Place(Evidence& e, const PageIndex& pages, bool from_rendering) {
  if (e.text.empty()) {
    if (from_rendering) e.page = 0;
    return false;
  }
  std::optional<TextSpot> spot = pages.Locate(e.text, from_rendering ? 0 : e.page);
  if (!spot || (!from_rendering && e.page > 0 && spot->page != e.page)) {
    if (from_rendering) {
      e.page = 0;
      e.box.reset();
    }
    return false;
  }
  e.page = spot->page;
  e.box = ToEvidenceBox(*spot);
  return true;
}

}  // namespace

bool IsWordFamily(Format f) {
  return f == Format::kDocx || f == Format::kDoc || f == Format::kRtf || f == Format::kOdt;
}

Result<std::string> RenderWordFamily(std::string_view bytes, Format format, double time_limit_seconds,
                                     LegacyConverter* converter) {
  std::unique_ptr<LegacyConverter> own;
  if (converter == nullptr) {
    SofficeOptions o;
    if (time_limit_seconds > 0) o.time_limit_seconds = time_limit_seconds;
    own = MakeSofficeConverter(o);
    converter = own.get();
  }
  return converter->RenderPdf(bytes, format);
}

Placement PlaceEvidence(Report& report, const std::vector<PlacedPage>& page_words, bool from_rendering) {
  Placement p;
  const PageIndex pages(page_words);
  auto count = [&](bool found) { ++(found ? p.located : p.not_located); };
  std::map<std::string, int> answer_page;                 // question → page
  std::map<std::string, std::set<int>> component_pages;    // component → pages of its answers
  for (Answer& a : report.answers) {
    count(Place(a.evidence, pages, from_rendering));
    if (a.evidence.page > 0) {
      answer_page.emplace(a.question, a.evidence.page);
      component_pages[a.question.substr(0, a.question.find('.'))].insert(a.evidence.page);
    }
  }
  for (Objective& o : report.objectives) count(Place(o.evidence, pages, from_rendering));
  if (from_rendering) {
    for (Finding& f : report.findings) {
      int page = 0;
      if (f.question) {
        if (auto it = answer_page.find(*f.question); it != answer_page.end()) page = it->second;
      }
      if (page == 0 && f.objective && *f.objective >= 0 &&
          static_cast<std::size_t>(*f.objective) < report.objectives.size())
        page = report.objectives[static_cast<std::size_t>(*f.objective)].evidence.page;
      if (page == 0) {
        if (std::optional<TextSpot> s = pages.Locate(f.message)) page = s->page;
      }
      // A question left blank sits among its component's rows: when every
      // answer of that component is on one page, so is the blank row.
      if (page == 0 && f.question && f.component) {
        auto it = component_pages.find(*f.component);
        if (it != component_pages.end() && it->second.size() == 1) page = *it->second.begin();
      }
      f.page = page;
    }
  }
  return p;
}

void PlacePages(Report& report, std::string_view original, Format format, const std::optional<std::string>& rendering,
                const std::string& why_not, const std::vector<PlacedPage>* pdf_pages) {
  if (format == Format::kPdf) {
    if (pdf_pages != nullptr && !pdf_pages->empty()) {
      PlaceEvidence(report, *pdf_pages, /*from_rendering=*/false);
      return;
    }
    Result<std::vector<PlacedPage>> words = ReadPdfWords(original);
    if (words) PlaceEvidence(report, *words, /*from_rendering=*/false);
    return;
  }
  if (!IsWordFamily(format)) return;
  std::optional<std::vector<PlacedPage>> pages;
  std::string why = why_not;
  if (rendering) {
    Result<std::vector<PlacedPage>> words = ReadPdfWords(*rendering);
    if (words) pages = std::move(*words);
    else why = "the rendering cannot be read: " + words.error().message;
  }
  if (!pages) {
    for (Answer& a : report.answers) a.evidence = Evidence(0, a.evidence.text);
    for (Objective& o : report.objectives) o.evidence = Evidence(0, o.evidence.text);
    for (Finding& f : report.findings) f.page = 0;
    report.warnings.push_back("rendering-unavailable: " + (why.empty() ? std::string("no rendering") : why) +
                              "; evidence pages are unknown");
    return;
  }
  report.pages = static_cast<int>(pages->size());
  const Placement p = PlaceEvidence(report, *pages, /*from_rendering=*/true);
  if (p.not_located > 0)
    report.warnings.push_back("evidence-not-located: " + std::to_string(p.not_located) + " of " +
                              std::to_string(p.located + p.not_located) +
                              " evidence spans were not found in the rendering; their pages are unknown");
}

}  // namespace vareport::service
