// The optional modules (extractors/modules/module_loader.h): found beside the
// program, loaded only when a page needs them — a text document never maps
// Tesseract, Leptonica or poppler-glib, a scanned page does. Inputs: samples/.
#include <boost/test/unit_test.hpp>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "extractors/modules/module_loader.h"
#include "test_util.h"

using vareport::Result;
using vareport::ErrorKind;
namespace vm = vareport::modules;

namespace {

// The shared objects `vareport ARGS` loaded: "file=NAME" lines (LD_DEBUG=files, on stderr).
std::string LoadedBy(const std::string& args) {
  const std::string cmd = "LD_DEBUG=files " + vareport::test::ShellQuote(VAREPORT_BINARY) + " " + args +
                          " 2>&1 >/dev/null </dev/null | grep -o 'file=[^ ]*'";
  std::string out;
  FILE* p = ::popen(cmd.c_str(), "r");
  if (p == nullptr) return out;
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  ::pclose(p);
  return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(modules)

BOOST_AUTO_TEST_CASE(modules_are_found_beside_the_program) {
  Result<void*> ocr = vm::LoadModule("libvareport_ocr.so", "vareport_ocr_api");
  BOOST_TEST(ocr.ok(), (ocr ? "" : ocr.error().message));
}

BOOST_AUTO_TEST_CASE(a_missing_module_or_entry_is_an_error_naming_it) {
  Result<void*> none = vm::LoadModule("libvareport_nothing.so", "entry");
  BOOST_REQUIRE(!none);
  BOOST_TEST((none.error().kind == ErrorKind::kUnsupportedFormat));
  BOOST_TEST(none.error().message.find("libvareport_nothing.so cannot be loaded: not found") != std::string::npos);
  BOOST_TEST(!vm::LoadModule("libvareport_nothing.so", "entry"));  // the same answer again
  Result<void*> no_entry = vm::LoadModule("libvareport_ocr.so", "vareport_no_such_entry");
  BOOST_REQUIRE(!no_entry);
  BOOST_TEST(no_entry.error().message == "libvareport_ocr.so cannot be loaded: no vareport_no_such_entry in it");
}

BOOST_AUTO_TEST_CASE(the_environment_folder_is_searched_first) {
  ::setenv("VAREPORT_MODULE_DIR", "/opt/vareport-modules", 1);
  std::vector<std::string> dirs = vm::ModuleSearchPath();
  ::unsetenv("VAREPORT_MODULE_DIR");
  BOOST_REQUIRE(dirs.size() == 4u);
  BOOST_TEST(dirs[0] == "/opt/vareport-modules");
  BOOST_TEST(dirs[3].size() > 13u);
  BOOST_TEST(dirs[3].substr(dirs[3].size() - 13) == "/lib/vareport");
  BOOST_TEST(vm::ModuleSearchPath().size() == 3u);
}

BOOST_AUTO_TEST_CASE(a_text_document_never_loads_ocr_or_form_libraries) {
  const std::string loaded = LoadedBy("extract " + vareport::test::ShellQuote(std::string(VAREPORT_SAMPLES_DIR) +
                                                                            "/es-inline-wingdings/input.docx") +
                                      " --no-render");
  BOOST_TEST(loaded.find("file=libicu") != std::string::npos, loaded);  // LD_DEBUG worked
  for (const char* lib : {"libtesseract", "liblept", "libgomp", "libpoppler-glib", "libglib", "libcairo",
                          "libvareport_ocr"})
    BOOST_TEST(loaded.find(lib) == std::string::npos, lib);  // "file=libglib…", "file=/…/libvareport_ocr.so"
}

BOOST_AUTO_TEST_CASE(a_scanned_page_loads_the_ocr_module) {
  const std::string loaded = LoadedBy(
      "extract " + vareport::test::ShellQuote(std::string(VAREPORT_SAMPLES_DIR) + "/en-national-plan-scan/input.pdf"));
  BOOST_TEST(loaded.find("/libvareport_ocr.so") != std::string::npos, loaded);
  BOOST_TEST(loaded.find("file=libtesseract") != std::string::npos, loaded);
}

BOOST_AUTO_TEST_SUITE_END()
