// vareport/core/data_dir.h — where a folder of data the binary reads (rules/,
// web/) lives: the source tree's when the executable runs from a build tree
// (a CMakeCache.txt beside or above it), so an edit needs no install; else the
// installed copy; an environment variable overrides both.
#pragma once

#include <string>

namespace vareport {

// `$env_var` when set and non-empty; else `source_dir` from a build tree;
// else `install_dir` when it exists; else `source_dir`. Never fails.
std::string DataDir(const char* env_var, const std::string& source_dir, const std::string& install_dir);

}  // namespace vareport
