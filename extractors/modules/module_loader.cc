#include "extractors/modules/module_loader.h"

#include <dlfcn.h>
#include <unistd.h>

#include <cstdlib>
#include <map>
#include <mutex>

namespace vareport::modules {
namespace {

std::string ProgramDir() {
  char buf[4096];
  const ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return ".";
  std::string path(buf, static_cast<std::size_t>(n));
  const std::size_t slash = path.rfind('/');
  return slash == std::string::npos ? "." : (slash == 0 ? "/" : path.substr(0, slash));
}

std::string Parent(const std::string& dir) {
  const std::size_t slash = dir.rfind('/');
  if (slash == std::string::npos) return "..";
  return slash == 0 ? "/" : dir.substr(0, slash);
}

struct Loaded {
  void* handle = nullptr;
  std::string error;
};

}  // namespace

std::vector<std::string> ModuleSearchPath() {
  std::vector<std::string> dirs;
  if (const char* env = std::getenv("VAREPORT_MODULE_DIR"); env != nullptr && *env != '\0') dirs.emplace_back(env);
  const std::string self = ProgramDir();
  dirs.push_back(self);
  dirs.push_back(Parent(self));
  dirs.push_back(Parent(self) + "/lib/vareport");
  return dirs;
}

Result<void*> LoadModule(const std::string& file, const char* symbol) {
  static std::mutex mu;
  static std::map<std::string, Loaded> cache;
  std::lock_guard<std::mutex> lock(mu);
  auto it = cache.find(file);
  if (it == cache.end()) {
    Loaded l;
    // libgomp (Tesseract's OpenMP) reads its thread limit once, when loaded.
    if (file.find("ocr") != std::string::npos) ::setenv("OMP_THREAD_LIMIT", "1", /*overwrite=*/0);
    std::string tried;
    for (const std::string& dir : ModuleSearchPath()) {
      const std::string path = dir + "/" + file;
      if (::access(path.c_str(), R_OK) != 0) {
        tried += (tried.empty() ? "" : ", ") + dir;
        continue;
      }
      l.handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
      if (l.handle == nullptr) {
        const char* why = ::dlerror();
        l.error = file + " cannot be loaded: " + (why != nullptr ? why : path);
      }
      break;
    }
    if (l.handle == nullptr && l.error.empty()) l.error = file + " cannot be loaded: not found in " + tried;
    it = cache.emplace(file, std::move(l)).first;
  }
  if (it->second.handle == nullptr) return MakeError(ErrorKind::kUnsupportedFormat, it->second.error);
  void* entry = ::dlsym(it->second.handle, symbol);
  if (entry == nullptr) return MakeError(ErrorKind::kUnsupportedFormat, file + " cannot be loaded: no " + symbol + " in it");
  return entry;
}

void PreloadModules() {
  (void)LoadModule("libvareport_ocr.so", "vareport_ocr_api");
}

}  // namespace vareport::modules
