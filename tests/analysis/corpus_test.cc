// Behaviour on the shared corpus of reports with ground truth
// (../shared/corpus, see its README). These tests say so and skip cleanly
// when ../shared is absent. They assert floors that the accuracy work must
// keep: a regression below them fails the build.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "analysis/analyzer.h"
#include "core/text.h"
#include "extractors/extractor.h"
#include "rules/rules_fixture.h"
#include "test_util.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

struct CorpusDoc {
  fs::path file;
  json truth;
};

std::vector<CorpusDoc> Corpus() {
  std::vector<CorpusDoc> out;
  fs::path dir = fs::path(vareport::test::SharedDir()) / "corpus";
  for (const auto& e : fs::directory_iterator(dir / "truth")) {
    std::ifstream in(e.path());
    json t = json::parse(in);
    out.push_back({dir / t["file"].get<std::string>(), t});
  }
  std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.file < b.file; });
  return out;
}

bool Readable(const CorpusDoc& d) {
  std::string f = d.truth["format"];
  return (f == "docx" || f == "pdf") && !d.truth.value("ocr", false);
}

// The document extracted from `d`, once per file for the whole suite (the
// scans among them are read by OCR, which is slow under the sanitizers).
const vareport::Result<vareport::Document>& Extracted(const CorpusDoc& d) {
  static std::map<fs::path, vareport::Result<vareport::Document>> cache;
  auto it = cache.find(d.file);
  if (it == cache.end()) {
    std::string bytes;
    auto read = vareport::ReadFileBytes(d.file.string(), bytes);
    it = cache.emplace(d.file, read.ok() ? vareport::ExtractDocument(bytes)
                                         : vareport::Result<vareport::Document>(read.error()))
             .first;
  }
  return it->second;
}

int CheckedTicks(const std::vector<vareport::Block>& blocks) {
  int n = 0;
  for (const vareport::Block& b : blocks) {
    if (b.kind == vareport::BlockKind::kParagraph) {
      for (const vareport::Tick& t : b.paragraph.ticks) n += t.checked ? 1 : 0;
    } else if (b.kind == vareport::BlockKind::kTable && b.table) {
      for (const vareport::Row& r : b.table->rows)
        for (const vareport::Cell& c : r.cells) n += CheckedTicks(c.blocks);
    }
  }
  return n;
}

std::string Norm(const json& v) {
  if (v.is_number_integer()) return std::to_string(v.get<long long>());
  if (v.is_string()) return vareport::FoldForMatch(v.get<std::string>());
  return v.dump();
}

std::string ReportValue(const vareport::AnswerValue& v) {
  return v.kind == vareport::AnswerValue::Kind::kInteger ? std::to_string(v.integer) : vareport::FoldForMatch(v.text);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(corpus)

BOOST_AUTO_TEST_CASE(every_docx_and_text_pdf_gives_a_document) {
  if (!vareport::test::HaveShared()) {
    BOOST_TEST_MESSAGE("skipped: ../shared/corpus absent");
    return;
  }
  for (const CorpusDoc& d : Corpus()) {
    std::string f = d.truth["format"];
    if (f != "docx" && f != "pdf") continue;
    const auto& doc = Extracted(d);
    BOOST_TEST(doc.ok(), d.file.filename().string() << ": " << (doc.ok() ? "" : doc.error().message));
  }
}

// In Word checklists every answer held in a box shows as exactly one checked
// Tick, and a conflicting answer as two or more.
BOOST_AUTO_TEST_CASE(docx_tick_states_match_the_truth) {
  if (!vareport::test::HaveShared()) {
    BOOST_TEST_MESSAGE("skipped: ../shared/corpus absent");
    return;
  }
  for (const CorpusDoc& d : Corpus()) {
    if (d.truth["format"] != "docx" || d.truth["document"]["kind"] != "va_checklist") continue;
    int expected = 0;
    for (const auto& [q, enc] : d.truth["answer_encoding"].items()) {
      std::string e = enc.value("encoding", "");
      bool boxed = e.rfind("checkbox", 0) == 0 || e == "glyph" || e == "typed-x";
      if (!boxed) continue;
      std::string status = enc.value("status", "answered");
      if (status == "conflict") expected += static_cast<int>(enc.value("marked", json::array()).size());
      else if (status != "unanswered") expected += 1;
    }
    const auto& doc = Extracted(d);
    BOOST_TEST_REQUIRE(doc.ok(), d.file.filename().string());
    BOOST_TEST(CheckedTicks(doc->body) == expected, d.file.filename().string());
  }
}

// Answers on Word and text-layer PDF documents, scored as shared/eval/score does
// (exact value after normalisation; text by containment).
BOOST_AUTO_TEST_CASE(answers_reach_the_floor_on_text_documents) {
  if (!vareport::test::HaveShared()) {
    BOOST_TEST_MESSAGE("skipped: ../shared/corpus absent");
    return;
  }
  const vareport::RuleSet& rules = vareport::test::SourceRules();
  int tp = 0, fp = 0, fn = 0;
  for (const CorpusDoc& d : Corpus()) {
    if (!Readable(d)) continue;
    const auto& doc = Extracted(d);
    if (!doc.ok()) {
      fn += static_cast<int>(d.truth["answers"].size());
      continue;
    }
    vareport::Report r = vareport::Analyze(*doc, rules);
    const json& truth = d.truth["answers"];
    int doc_tp = 0;
    for (const vareport::Answer& a : r.answers) {
      if (!truth.contains(a.question)) {
        ++fp;
        continue;
      }
      std::string want = Norm(truth[a.question]);
      std::string got = ReportValue(a.value);
      bool ok = got == want || (truth[a.question].is_string() && !want.empty() && got.find(want) != std::string::npos);
      if (ok) ++doc_tp;
      else ++fp;
    }
    tp += doc_tp;
    fn += static_cast<int>(truth.size()) - doc_tp;
  }
  double p = tp + fp ? double(tp) / (tp + fp) : 0, rc = tp + fn ? double(tp) / (tp + fn) : 0;
  double f1 = p + rc > 0 ? 2 * p * rc / (p + rc) : 0;
  BOOST_TEST_MESSAGE("answers on text documents: P " << p << " R " << rc << " F1 " << f1);
  BOOST_TEST(f1 >= 0.9);
}

BOOST_AUTO_TEST_SUITE_END()
