// vareport/store/blob_store.h — the submitted originals, content-addressed.
//
// Each original is kept once, named by the SHA-256 of its bytes, under a root
// folder beside the database (`<db>.files/`): `<root>/ab/cdef…` for the hash
// "abcdef…". A blob is written to `<root>/tmp/`, fsync'ed, renamed into place
// and its folder fsync'ed, so after a crash a blob is either whole or absent;
// leftovers in tmp/ (a write cut short) are never read and may be deleted.
//
// Thread-safety: Put, Has, PathFor and Read may be called concurrently, from
// threads or processes (rename is atomic; two writers of the same content
// write the same bytes).
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"

namespace vareport::store {

// SHA-256 of `bytes`, lower-case hex (OpenSSL EVP).
std::string Sha256Hex(std::string_view bytes);

class BlobStore {
 public:
  // `root` is created on the first Put.
  explicit BlobStore(std::string root);

  // The root folder of the blob store of the database at `db_path`: "<db_path>.files".
  static std::string RootFor(const std::string& db_path);

  // Stores `bytes` (if not already there) and returns their SHA-256.
  // Errors: kInternal "cannot write blob: <reason>" (disk full, permissions).
  Result<std::string> Put(std::string_view bytes);

  bool Has(std::string_view sha256) const;
  // Where the blob of `sha256` is (or would be).
  std::string PathFor(std::string_view sha256) const;
  // Reads a blob. Errors: kUnreadableInput "original not in the store: <sha>".
  Status Read(std::string_view sha256, std::string& out) const;

  const std::string& root() const { return root_; }

 private:
  std::string root_;
};

}  // namespace vareport::store
