#include "store/open_store.h"

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
  }
  return BlobStore(root, std::move(*conn));
}

}  // namespace vareport::store
