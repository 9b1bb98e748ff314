#include "store/open_store.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>

#include "store/sql/connection.h"

namespace vareport::store {

bool IsSharedDb(const std::string& db) { return sql::IsPostgresUri(db); }

std::string DbLabel(const std::string& db) { return IsSharedDb(db) ? sql::RedactPostgresUri(db) : db; }

Result<BlobStore> OpenBlobs(const std::string& db, const StoreOptions& options) {
  if (!IsSharedDb(db)) return BlobStore(BlobStore::RootFor(db));
  Result<std::unique_ptr<Store>> conn = OpenStore(db, options);
  if (!conn) return conn.error();
  std::string root;
  if (const char* dir = std::getenv("VAREPORT_CACHE_DIR"); dir && *dir) {
    root = dir;
  } else {
    std::string base;
    if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x) base = std::string(x) + "/vareport";
    else if (const char* h = std::getenv("HOME"); h && *h && ::access(h, W_OK) == 0) base = std::string(h) + "/.cache/vareport";
    else base = "/tmp/vareport-cache-" + std::to_string(::getuid());
    root = base + "/" + Sha256Hex(DbLabel(db)).substr(0, 16);
    // The fallback under /tmp is a folder any user could create first:
    // use it only when it is this user's own and closed to others.
    if (base.rfind("/tmp/", 0) == 0) {
      ::mkdir(base.c_str(), 0700);
      struct stat st {};
      if (::lstat(base.c_str(), &st) != 0 || !S_ISDIR(st.st_mode) || st.st_uid != ::getuid() || (st.st_mode & 077) != 0)
        return MakeError(ErrorKind::kUnreadableInput, "no private cache folder for the shared store's originals (" + base +
                                                          " is not this user's own): set VAREPORT_CACHE_DIR");
    }
  }
  return BlobStore(root, std::move(*conn));
}

}  // namespace vareport::store
