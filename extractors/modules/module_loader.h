// vareport/extractors/modules/module_loader.h — optional parts of vareport
// built as shared modules and loaded with dlopen only when a page needs them.
//
// Tesseract and Leptonica (libvareport_ocr.so: scanned pages) and what they
// pull in are dozens of shared libraries; linked into the program they cost
// every start tens of milliseconds, for a text document that never uses them.
// The program instead carries small forwarding functions (ocr_loader.cc)
// that load the module on first use.
//
// Where a module is looked for, first hit wins:
//   1. $VAREPORT_MODULE_DIR (when set);
//   2. the folder of the running program (/proc/self/exe): build/vareport;
//   3. that folder's parent: build/tests/vareport_tests, build/fuzz/…;
//   4. <program folder>/../lib/vareport: the installed layout (bin/, lib/vareport/).
//
// Before the OCR module is loaded, OMP_THREAD_LIMIT=1 is put in the
// environment (unless already set): libgomp, which Tesseract uses, reads it
// once when it is loaded, and several documents run at once, one thread each.
//
// Thread-safety: LoadModule may be called from any thread; each module is
// loaded once per process and never unloaded.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"

namespace vareport::modules {

// The entry point `symbol` (an extern "C" function taking nothing) of module
// `file` ("libvareport_ocr.so"), loading it on first call. Errors:
// kUnsupportedFormat "<file> cannot be loaded: <reason>" when the module is
// found nowhere or lacks the symbol (the same answer on every later call).
Result<void*> LoadModule(const std::string& file, const char* symbol);

// Loads every module now (errors ignored: LoadModule reports them on use).
// For a process that forks workers (service/fork_server.h): its children
// then find the modules mapped instead of each loading them again.
void PreloadModules();

// The folders searched, in order, as above (for messages and tests).
std::vector<std::string> ModuleSearchPath();

}  // namespace vareport::modules
