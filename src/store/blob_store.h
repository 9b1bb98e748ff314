// vareport/store/blob_store.h — the submitted originals, content-addressed.
//
// Each original is kept once, named by the SHA-256 of its bytes, under a root
// folder beside the database (`<db>.files/`): `<root>/ab/cdef…` for the hash
// "abcdef…". A blob is written to `<root>/tmp/`, fsync'ed, renamed into place
// and its folder fsync'ed, so after a crash a blob is either whole or absent;
// leftovers in tmp/ (a write cut short) are never read and may be deleted.
//
// On a shared store (PostgreSQL, store/open_store.h) the originals live in
// the database's blobs table, so a worker on another machine needs no shared
// disk; the root folder is then this machine's cache of them: Put writes
// both, Fetch copies a blob from the database into the cache when it is not
// there yet and returns its path (what a worker child reads).
//
// Thread-safety: Put, Has, PathFor, Fetch and Read may be called
// concurrently, from threads or processes (rename is atomic; two writers of
// the same content write the same bytes; the database connection is behind
// a mutex). Copies share the database connection.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "core/result.h"
#include "store/store.h"

namespace vareport::store {

// SHA-256 of `bytes`, lower-case hex (OpenSSL EVP).
std::string Sha256Hex(std::string_view bytes);

class BlobStore {
 public:
  // `root` is created on the first Put.
  explicit BlobStore(std::string root);
  // Blobs kept in `db` (its blobs table), `cache_root` this machine's copies.
  BlobStore(std::string cache_root, std::unique_ptr<Store> db);

  // The root folder of the blob store of the database at `db_path`: "<db_path>.files".
  static std::string RootFor(const std::string& db_path);

  // Stores `bytes` (if not already there) and returns their SHA-256.
  // Errors: kInternal "cannot write blob: <reason>" (disk full, permissions)
  // or the database's error.
  Result<std::string> Put(std::string_view bytes) const;

  // In the folder, or in the database.
  bool Has(std::string_view sha256) const;
  // Where the blob of `sha256` is (or would be) in the folder.
  std::string PathFor(std::string_view sha256) const;
  // PathFor, after copying the blob from the database when it is not in the
  // folder. Errors: kUnreadableInput "original not in the store: <sha>";
  // the database's or the disk's error.
  Result<std::string> Fetch(std::string_view sha256) const;
  // Reads a blob. Errors: kUnreadableInput "original not in the store: <sha>".
  Status Read(std::string_view sha256, std::string& out) const;

  const std::string& root() const { return root_; }
  // True when the blobs are kept in a database (the folder is a cache).
  bool in_database() const { return remote_ != nullptr; }

 private:
  struct Remote {
    std::mutex mu;
    std::unique_ptr<Store> db;
  };
  Status WriteLocal(const std::string& sha, std::string_view bytes) const;
  bool HasLocal(std::string_view sha256) const;
  // Reads the local copy into `bytes`; false when there is none, it cannot be
  // read, or (shared store) its bytes no longer have their SHA-256 — then the
  // copy is removed, for Fetch to bring it again.
  bool ReadLocal(std::string_view sha256, std::string& bytes) const;

  std::string root_;
  std::shared_ptr<Remote> remote_;
};

}  // namespace vareport::store
