// vareport/service/discover.h — turns the paths given to `vareport ingest`
// into jobs: every file becomes one job, whatever it holds.
//
//   * a file is one job, keyed by its absolute path and the SHA-256 of its bytes;
//   * a folder is walked recursively (symbolic links not followed; hidden
//     files, "~$" Word lock files, Thumbs.db and desktop.ini skipped);
//   * a ".zip" archive (by name) is opened with the bounded ZipReader
//     (extractors/internal/zip_reader.h: entry count, entry and total size and
//     compression-ratio limits; entries whose names could escape a folder —
//     "..", absolute, drive letters — are left out); each entry is one job named
//     "archive.zip!/dir/file.docx"; a ".zip" inside an archive is opened in
//     turn, up to `max_zip_depth` levels;
//   * a file that cannot be read, is too large or is a damaged archive is
//     still one job, recorded failed with the reason;
//   * a file that is not a supported format (DetectFormat: not a PDF or Word
//     document — a README, a .tsv, a .json) is no job: it is skipped, counted
//     and recorded with its reason (Store::RecordSkipped; `status --skipped`);
//   * the store's own files — the database, its -wal, -shm and -journal, its
//     .lock and the `<db>.files/` folder of originals — are never inputs, even
//     when the store sits inside the folder being ingested.
// The bytes of each file are put in the BlobStore before its job is
// enqueued, so a queued job's original is always there.
//
// Side effects: reads the file system, writes the BlobStore and the Store.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "service/progress.h"
#include "store/blob_store.h"
#include "store/store.h"

namespace vareport::service {

struct DiscoverOptions {
  std::size_t max_file_bytes = 256u << 20;  // larger files fail with kLimitExceeded
  int max_zip_depth = 2;                    // archives inside archives
  std::size_t batch = 100;                  // jobs per enqueue transaction
  std::string store_path;                   // the database's path: its files are never inputs; empty: none
  const std::atomic<bool>* interrupted = nullptr;  // set: stop taking files (what was found is enqueued)
};

struct DiscoverSummary {
  std::int64_t files = 0;       // files and ZIP entries found
  std::int64_t queued = 0;      // new jobs to process
  std::int64_t duplicates = 0;  // new jobs whose content another job has
  std::int64_t failed = 0;      // new jobs failed at once (unreadable, too large, damaged archive)
  std::int64_t known = 0;       // already in the store: nothing added
  std::int64_t skipped = 0;     // not a supported format: no job (Store::ListSkipped)
};

// Walks `inputs` and enqueues their files. Errors: kUnreadableInput when an
// input does not exist (nothing is enqueued then); store and blob errors.
Result<DiscoverSummary> DiscoverAndEnqueue(const std::vector<std::string>& inputs, store::Store& db,
                                           store::BlobStore& blobs, ProgressSink& progress,
                                           const DiscoverOptions& options = {});

// True for names that folder walks skip: ".hidden", "~$lock.docx", "Thumbs.db", "desktop.ini".
bool IsSkippedName(const std::string& file_name);

// True when `path` (absolute, canonical) is one of the store's own files for
// the database at `db_path` (absolute, canonical): see above.
bool IsStoreFile(const std::string& path, const std::string& db_path);

}  // namespace vareport::service
