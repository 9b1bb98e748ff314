// The exports staff open: the XLSX is checked by reading the file back (ZIP +
// XML, through the project's bounded ZipReader and libxml2), not by trusting
// the writer; CSV follows RFC 4180 with a BOM; JSON parses.
#include <boost/test/unit_test.hpp>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/text.h"
#include "extractors/internal/zip_reader.h"
#include "rules/rule_loader.h"
#include "service/export.h"
#include "store/sqlite_store.h"
#include "store/test_store_util.h"
#include "test_util.h"

namespace fs = std::filesystem;
using namespace vareport;
using vareport::test::SampleReport;
using vareport::test::TempDir;

namespace {

std::string ReadAll(const std::string& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// A store with three submissions: KHM 2024 (checklist), PER 2023, KHM 2024 (plan), and one failed file.
std::unique_ptr<store::Store> MakeStore(const std::string& path) {
  auto s = store::OpenSqliteStore(path);
  BOOST_TEST_REQUIRE(s.ok());
  auto& db = *s;
  std::vector<store::NewJob> jobs;
  for (const char* name : {"khm", "per", "khm-plan", "broken"}) {
    store::NewJob j;
    j.path = std::string("/in/") + name + ".docx";
    j.sha256 = std::string(64, name[0]) + name;
    j.format = "docx";
    jobs.push_back(j);
  }
  BOOST_TEST_REQUIRE(db->Enqueue(jobs).ok());
  auto claimed = db->Claim(4, std::nullopt);
  BOOST_TEST_REQUIRE(claimed->size() == 4u);
  BOOST_TEST_REQUIRE(db->CompleteJob(claimed->at(0).id, {SampleReport("a", "KHM", 2024), 1}).ok());
  BOOST_TEST_REQUIRE(db->CompleteJob(claimed->at(1).id, {SampleReport("b", "PER", 2023), 1}).ok());
  Report plan = SampleReport("c", "KHM", 2024);
  plan.kind = "national_plan";
  plan.components[1].reported = true;  // rehabilitation: reported, no printed questions
  BOOST_TEST_REQUIRE(db->CompleteJob(claimed->at(2).id, {plan, 1}).ok());
  BOOST_TEST_REQUIRE(db->FailJob(claimed->at(3).id, "unreadable-input", "truncated ZIP archive").ok());
  return std::move(db);
}

// Reads a worksheet's cells: "A1" → text (shared strings resolved) or number as printed.
std::map<std::string, std::string> ReadSheet(const std::string& xml, const std::vector<std::string>& shared) {
  std::map<std::string, std::string> cells;
  xmlDocPtr doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "sheet.xml", nullptr, XML_PARSE_NONET);
  BOOST_TEST_REQUIRE(doc != nullptr);
  std::vector<xmlNodePtr> stack = {xmlDocGetRootElement(doc)};
  while (!stack.empty()) {
    xmlNodePtr n = stack.back();
    stack.pop_back();
    for (xmlNodePtr c = n->children; c; c = c->next)
      if (c->type == XML_ELEMENT_NODE) stack.push_back(c);
    if (n->type != XML_ELEMENT_NODE || std::string(reinterpret_cast<const char*>(n->name)) != "c") continue;
    xmlChar* r = xmlGetProp(n, BAD_CAST "r");
    xmlChar* t = xmlGetProp(n, BAD_CAST "t");
    std::string value;
    for (xmlNodePtr v = n->children; v; v = v->next) {
      if (v->type == XML_ELEMENT_NODE && std::string(reinterpret_cast<const char*>(v->name)) == "v") {
        xmlChar* content = xmlNodeGetContent(v);
        value = reinterpret_cast<const char*>(content);
        xmlFree(content);
      }
    }
    if (t && std::string(reinterpret_cast<const char*>(t)) == "s") value = shared.at(std::stoul(value));
    cells[reinterpret_cast<const char*>(r)] = value;
    xmlFree(r);
    if (t) xmlFree(t);
  }
  xmlFreeDoc(doc);
  return cells;
}

std::vector<std::string> ReadSharedStrings(const std::string& xml) {
  std::vector<std::string> out;
  xmlDocPtr doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "sst.xml", nullptr, XML_PARSE_NONET);
  BOOST_TEST_REQUIRE(doc != nullptr);
  for (xmlNodePtr si = xmlDocGetRootElement(doc)->children; si; si = si->next) {
    if (si->type != XML_ELEMENT_NODE) continue;
    xmlChar* content = xmlNodeGetContent(si);  // <si><t>…</t></si>, rich runs concatenated
    out.push_back(reinterpret_cast<const char*>(content));
    xmlFree(content);
  }
  xmlFreeDoc(doc);
  return out;
}

std::vector<std::string> SheetNames(const std::string& workbook_xml) {
  std::vector<std::string> names;
  xmlDocPtr doc = xmlReadMemory(workbook_xml.data(), static_cast<int>(workbook_xml.size()), "wb.xml", nullptr, XML_PARSE_NONET);
  BOOST_TEST_REQUIRE(doc != nullptr);
  std::vector<xmlNodePtr> stack = {xmlDocGetRootElement(doc)};
  while (!stack.empty()) {
    xmlNodePtr n = stack.back();
    stack.pop_back();
    for (xmlNodePtr c = n->last; c; c = c->prev)
      if (c->type == XML_ELEMENT_NODE) stack.push_back(c);
    if (std::string(reinterpret_cast<const char*>(n->name)) == "sheet") {
      xmlChar* name = xmlGetProp(n, BAD_CAST "name");
      names.push_back(reinterpret_cast<const char*>(name));
      xmlFree(name);
    }
  }
  xmlFreeDoc(doc);
  return names;
}

std::string Part(internal::ZipReader& z, const std::string& name) {
  auto r = z.Read(name);
  BOOST_TEST_REQUIRE(r.ok(), name);
  return r.value();
}

}  // namespace

// The suite is named "export" (the CTest entry), a C++ keyword: opened by hand
// as BOOST_AUTO_TEST_SUITE would, with the name given as a string.
namespace export_suite {
BOOST_AUTO_TU_REGISTRAR(export_suite)("export", __FILE__, __LINE__, boost::unit_test::decorator::collector_t::instance());

const RuleSet& Rules() {
  static const RuleSet rules = [] {
    Result<RuleSet> r = LoadRules(test::RulesDir());
    BOOST_TEST_REQUIRE(r.ok());
    return std::move(r.value());
  }();
  return rules;
}

BOOST_AUTO_TEST_CASE(xlsx_reads_back) {
  TempDir dir("export");
  auto db = MakeStore(dir / "v.db");
  auto tables = service::BuildTables(*db, Rules(), std::nullopt);
  BOOST_TEST_REQUIRE(tables.ok());
  BOOST_TEST_REQUIRE(service::WriteXlsx(*tables, dir / "out.xlsx").ok());

  const std::string bytes = ReadAll(dir / "out.xlsx");
  auto zip = internal::ZipReader::Open(bytes, internal::ZipLimits{});
  BOOST_TEST_REQUIRE(zip.ok());
  auto& z = **zip;
  const std::vector<std::string> names = SheetNames(Part(z, "xl/workbook.xml"));
  const std::vector<std::string> expected = {"Submissions", "Answers", "Objectives", "Findings",
                                             "Completeness 2024", "Files", "Technical"};
  BOOST_TEST(names == expected, boost::test_tools::per_element());
  const std::vector<std::string> shared = ReadSharedStrings(Part(z, "xl/sharedStrings.xml"));

  // Headers in words, States by name beside ISO3, no technical column.
  auto subs = ReadSheet(Part(z, "xl/worksheets/sheet1.xml"), shared);
  BOOST_TEST(subs["A1"] == "Submission");
  BOOST_TEST(subs["B1"] == "File");
  BOOST_TEST(subs["C1"] == "ISO3");
  BOOST_TEST(subs["D1"] == "State");
  BOOST_TEST(subs["E1"] == "Reporting year");
  BOOST_TEST(subs["P1"] == "Read on");
  BOOST_TEST(subs.count("Q1") == 0u);  // SHA-256, rules version, full path: on "Technical"
  for (const auto& [ref, text] : subs) BOOST_TEST(text.find("rules-v1") == std::string::npos, ref);
  BOOST_TEST(subs["A2"] == "1");
  BOOST_TEST(subs["C2"] == "KHM");
  BOOST_TEST(subs["D2"] == "Cambodia");
  BOOST_TEST(subs["E3"] == "2023");
  BOOST_TEST(subs["D3"] == "Peru");
  BOOST_TEST(subs["C4"] == "KHM");

  auto answers = ReadSheet(Part(z, "xl/worksheets/sheet2.xml"), shared);
  BOOST_TEST(answers["F1"] == "Component");
  BOOST_TEST(answers["G1"] == "Component title");
  BOOST_TEST(answers["H1"] == "Question");
  BOOST_TEST(answers["G2"] == "National ownership, coordination and planning");
  BOOST_TEST(answers["H2"] == "coordination.focal_point");
  BOOST_TEST(!answers["I2"].empty());  // the question in words, from the catalogue
  BOOST_TEST(answers["J2"] == "yes");
  BOOST_TEST(answers["K2"] == "2");
  BOOST_TEST(answers["N2"] == "☒ Yes  ☐ No  Is a government entity …");

  // Dates as dates: the deadline is a date serial with a date format, not text.
  const std::string objectives_xml = Part(z, "xl/worksheets/sheet3.xml");
  auto objectives = ReadSheet(objectives_xml, shared);
  BOOST_TEST(objectives["J1"] == "Deadline");
  BOOST_TEST(objectives["J2"] == "46387");  // 2026-12-31
  BOOST_TEST(objectives["K2"] == "1200 survivors");
  BOOST_TEST(Part(z, "xl/styles.xml").find("formatCode=\"yyyy-mm-dd\"") != std::string::npos);

  auto findings = ReadSheet(Part(z, "xl/worksheets/sheet4.xml"), shared);
  BOOST_TEST(findings["F2"] == "MISSING_ANSWER");
  BOOST_TEST(findings["L2"] == "3");
  BOOST_TEST(findings["M1"] == "What to chase");
  BOOST_TEST(findings["M2"] == "Question left blank, \"plan\", à compléter");

  // Completeness 2024: every State Party of the roster; KHM from two files;
  // the others marked as having sent nothing; PER reported for 2023, not 2024.
  auto matrix = ReadSheet(Part(z, "xl/worksheets/sheet5.xml"), shared);
  BOOST_TEST(matrix["A1"] == "ISO3");
  BOOST_TEST(matrix["B1"] == "State Party");
  BOOST_TEST(matrix["G1"] == "National ownership, coordination and planning");
  BOOST_TEST(matrix["J1"] == "Physical rehabilitation, prosthetics and assistive devices");
  BOOST_TEST(matrix["A2"] == "AFG");
  BOOST_TEST(matrix["D2"] == "nothing received");
  BOOST_TEST(matrix["E2"] == "0");
  BOOST_TEST(matrix["A8"] == "KHM");
  BOOST_TEST(matrix["B8"] == "Cambodia");
  BOOST_TEST(matrix["D8"] == "received");
  BOOST_TEST(matrix["E8"] == "2");
  BOOST_TEST(matrix["G8"] == "partial");
  BOOST_TEST(matrix["J8"] == "reported");
  BOOST_TEST(matrix["H8"] == "missing");
  const std::size_t roster = Rules().states_parties.size();
  BOOST_TEST(matrix.count("A" + std::to_string(roster + 1)) == 1u);
  BOOST_TEST(matrix.count("A" + std::to_string(roster + 2)) == 0u);
  for (const auto& [ref, text] : matrix)
    if (ref[0] == 'D' && ref != "D1" && ref != "D8") BOOST_TEST(text == "nothing received", ref);
  // Which files fed a cell: its comment.
  bool comments = false;
  for (const char* name : {"xl/comments1.xml", "xl/comments2.xml"}) {
    auto part = z.Read(name);
    if (part.ok() && part.value().find("From: report-KHM.docx") != std::string::npos) comments = true;
  }
  BOOST_TEST(comments);

  auto files = ReadSheet(Part(z, "xl/worksheets/sheet6.xml"), shared);
  BOOST_TEST(files["C5"] == "broken.docx");
  BOOST_TEST(files["D5"] == "failed");
  BOOST_TEST(files["F5"] == "truncated ZIP archive");

  auto tech = ReadSheet(Part(z, "xl/worksheets/sheet7.xml"), shared);
  BOOST_TEST(tech["A1"] == "Sheet");
  BOOST_TEST(tech["D1"] == "SHA-256");
  BOOST_TEST(tech["A2"] == "Submissions");
  BOOST_TEST(tech["E2"] == "rules-v1");
  BOOST_TEST(tech["F2"] == "/in/khm.docx");

  // Formatted for a person: frozen header, filters, widths, colours.
  const std::string sheet1 = Part(z, "xl/worksheets/sheet1.xml");
  BOOST_TEST(sheet1.find("state=\"frozen\"") != std::string::npos);
  BOOST_TEST(sheet1.find("<autoFilter ref=\"A1:P4\"") != std::string::npos);
  BOOST_TEST(sheet1.find("<col ") != std::string::npos);
  const std::string styles = Part(z, "xl/styles.xml");
  BOOST_TEST(styles.find("FFC6EFCE") != std::string::npos);
  BOOST_TEST(styles.find("FFFFC7CE") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(completeness_year_can_be_chosen) {
  TempDir dir("export");
  auto db = MakeStore(dir / "v.db");
  auto tables = service::BuildTables(*db, Rules(), 2023);
  BOOST_TEST_REQUIRE(tables.ok());
  const service::Table& m = tables->at(4);
  BOOST_TEST(m.name == "completeness 2023");
  BOOST_TEST_REQUIRE(m.rows.size() == Rules().states_parties.size());
  std::vector<std::string> received;
  for (const auto& row : m.rows)
    if (row[4].number > 0) received.push_back(row[0].text);
  BOOST_TEST(received == std::vector<std::string>{"PER"}, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(csv_is_rfc4180_with_a_bom) {
  BOOST_TEST(service::CsvRecord({"a", "b,c", "say \"hi\"", "two\nlines", ""}) ==
             "a,\"b,c\",\"say \"\"hi\"\"\",\"two\nlines\",\r\n");
  TempDir dir("export");
  auto db = MakeStore(dir / "v.db");
  auto tables = service::BuildTables(*db, Rules(), std::nullopt);
  BOOST_TEST_REQUIRE(service::WriteCsv(*tables, dir / "csv").ok());
  for (const char* f : {"submissions", "answers", "objectives", "findings", "completeness", "completeness_files", "files"})
    BOOST_TEST(fs::exists(dir / (std::string("csv/") + f + ".csv")), f);
  // CSV keeps machine names and every column, technical ones included.
  const std::string findings = ReadAll(dir / "csv/findings.csv");
  BOOST_TEST(findings.rfind("\xEF\xBB\xBFsubmission_id,state,state_name,reporting_year,file,code,", 0) == 0u);
  BOOST_TEST(findings.find("\"Question left blank, \"\"plan\"\", à compléter\"\r\n") != std::string::npos);
  const std::string subs = ReadAll(dir / "csv/submissions.csv");
  BOOST_TEST(subs.find(",rules_version,sha256,path\r\n") != std::string::npos);
  BOOST_TEST(subs.find("rules-v1") != std::string::npos);
  const std::string cells = ReadAll(dir / "csv/completeness_files.csv");
  BOOST_TEST(cells.find("KHM,2024,coordination,partial,1,report-KHM.docx\r\n") != std::string::npos, cells);
  BOOST_TEST(cells.find("KHM,2024,rehabilitation,reported,3,report-KHM.docx\r\n") != std::string::npos, cells);
}

BOOST_AUTO_TEST_CASE(file_names_that_are_not_utf8_do_not_break_the_exports) {
  // A file name is bytes: "bad\xFF.pdf" with a control character is still
  // written as valid UTF-8 text that XML (XLSX) accepts.
  TempDir dir("export");
  service::Table t;
  t.name = "files";
  t.headers = {"path"};
  service::Cell c;
  c.text = "batch/bad\xFF\x01name.pdf";
  t.rows.push_back({c});
  BOOST_TEST_REQUIRE(service::WriteCsv({t}, dir / "csv").ok());
  const std::string csv = ReadAll(dir / "csv/files.csv");
  BOOST_TEST(vareport::IsValidUtf8(csv));
  BOOST_TEST(csv.find('\x01') == std::string::npos);
  BOOST_TEST(csv.find("batch/bad\xEF\xBF\xBD?name.pdf") != std::string::npos, csv);
  BOOST_TEST_REQUIRE(service::WriteXlsx({t}, dir / "f.xlsx").ok());
}

BOOST_AUTO_TEST_CASE(json_export_parses) {
  TempDir dir("export");
  auto db = MakeStore(dir / "v.db");
  std::ostringstream out;
  BOOST_TEST_REQUIRE(service::WriteJson(*db, out).ok());
  auto j = nlohmann::json::parse(out.str());
  BOOST_TEST(j["schema"] == "vareport-export/1");
  BOOST_TEST(j["submissions"].size() == 3u);
  BOOST_TEST(j["submissions"][0]["report"]["document"]["state"] == "KHM");
  BOOST_TEST(j["submissions"][0]["report"]["schema"] == "vareport/1");
  BOOST_TEST(j["submissions"][0]["rendering_sha256"].is_null());
  BOOST_TEST(j["files"].size() == 4u);
  BOOST_TEST(j["files"][3]["error"] == "truncated ZIP archive");
}

BOOST_AUTO_TEST_SUITE_END()
