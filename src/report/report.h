// vareport/report/report.h — the structured model a document is mapped onto:
// what `vareport extract FILE --format json` prints, as defined by
// shared/spec/report-model.md (schema "vareport/1"). Component and question ids
// come from the catalogue (rules/catalogue.xml, kept equal to
// shared/spec/catalogue.json).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace vareport {

// A rectangle on a page, for drawing evidence on the page image: PDF points
// (1/72 inch), origin at the top-left of the page, y growing downwards, with
// the size of the page it is on (so a renderer can scale it to any dpi).
// JSON: {"x0","y0","x1","y1","page_width","page_height"}.
struct EvidenceBox {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double page_width = 0, page_height = 0;
};

// Where an answer, objective or finding was read: a 1-based page (0 when
// unknown, printed as null), the smallest span of text that shows it, and
// where that span sits on the page when it is known (PDF input, or Word input
// located in its PDF rendering).
struct Evidence {
  Evidence() = default;
  Evidence(int page_number, std::string span, std::optional<EvidenceBox> where = std::nullopt)
      : page(page_number), text(std::move(span)), box(where) {}
  int page = 0;
  std::string text;
  std::optional<EvidenceBox> box;
};

// The value of an answer, typed as the question's answer type.
struct AnswerValue {
  enum class Kind { kWord, kInteger, kText };  // kWord: yes|no|partial|unknown
  Kind kind = Kind::kWord;
  std::string text;       // kWord / kText
  long long integer = 0;  // kInteger (numbers and years)
};

struct Answer {
  std::string question;  // "coordination.focal_point"
  AnswerValue value;
  Evidence evidence;
  double confidence = 1.0;  // 0..1
  std::string source;       // how it was read: "tick", "word", "cell", "prose", "form-field"
};

struct Quantity {
  long long value = 0;
  std::string unit;  // the noun after the figure ("survivors", "%")
};

struct Objective {
  std::string component;
  std::string text;
  bool measurable = false;
  bool time_bound = false;
  std::optional<std::string> deadline;  // YYYY-MM-DD
  std::vector<Quantity> quantities;
  Evidence evidence;
};

enum class Severity { kError, kWarning, kInfo };

struct Finding {
  std::string code;                    // a finding code of the catalogue
  std::optional<std::string> component;
  std::optional<std::string> question;
  std::optional<int> objective;        // index into Report::objectives
  Severity severity = Severity::kWarning;
  std::string message;                 // for a reviewer
  int page = 0;                        // where to look, 0 when unknown
};

struct Completeness {
  int components_reported = 0;
  int components_total = 0;
  int questions_answered = 0;
  int questions_total = 0;
};

// Per-component summary for the reviewer's text view (not in the JSON contract).
struct ComponentSummary {
  std::string id;
  std::string title;
  bool reported = false;
  int answered = 0;
  int total = 0;
  int objectives = 0;
};

// How well the reader understood the document (product field "extraction"):
// a reviewer must never be shown a confident-looking report of a document
// that was not understood.
struct Extraction {
  int questions_expected = 0;        // catalogue questions of the document's kind
  int questions_located = 0;         // of those, whose printed text (or answer) was found
  std::vector<int> unusable_pages;   // 1-based pages whose text layer could not be used
  std::string layout = "unknown";    // the layout family recognised, or "unknown"
  bool needs_review = false;         // too little located to be trusted
  std::vector<std::string> reasons;  // one sentence each, why needs_review is set
};

struct Report {
  // source
  std::string file;          // base name as given
  std::string sha256;        // of the input bytes, lower-case hex
  std::string format;        // pdf | docx | doc | odt | rtf
  std::optional<int> pages;
  bool ocr = false;
  std::string language;      // ISO 639-1
  // document
  std::string kind = "unknown";
  std::optional<std::string> state;  // ISO 3166-1 alpha-3
  std::optional<int> reporting_year;
  std::optional<std::string> framework;
  // content
  std::vector<Answer> answers;
  std::vector<Objective> objectives;
  std::vector<Finding> findings;
  Completeness completeness;
  std::vector<ComponentSummary> components;
  std::string rules_version;
  std::vector<std::string> warnings;  // extraction warnings worth a reviewer's eye
  Extraction extraction;
};

const char* SeverityName(Severity s);

}  // namespace vareport
