#include "core/data_dir.h"

#include <cstdlib>
#include <filesystem>

namespace vareport {

std::string DataDir(const char* env_var, const std::string& source_dir, const std::string& install_dir) {
  namespace fs = std::filesystem;
  if (const char* env = std::getenv(env_var); env != nullptr && *env != '\0') return env;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  bool in_build_tree = false;
  for (fs::path d = exe.parent_path(); !ec && !d.empty() && d != d.root_path(); d = d.parent_path()) {
    if (fs::exists(d / "CMakeCache.txt", ec)) {
      in_build_tree = true;
      break;
    }
  }
  if (in_build_tree && fs::is_directory(source_dir, ec)) return source_dir;
  if (fs::is_directory(install_dir, ec)) return install_dir;
  return source_dir;
}

}  // namespace vareport
