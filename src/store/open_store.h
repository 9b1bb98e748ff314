// vareport/store/open_store.h — opens the store a `--db` value names:
//   a file path                        the embedded SQLite store (sqlite_store.h),
//                                      originals in "<path>.files/";
//   postgresql://… or postgres://…     a shared PostgreSQL store (libpq
//                                      connection URI, PostgreSQL docs §34.1.1),
//                                      originals in its blobs table, this
//                                      machine's copies in a cache folder.
// Both are the one SQL store (sql_store.cc) with the same tables and columns
// (schema.md); migrations are numbered and each runs in one transaction.
// The password of a PostgreSQL URI comes from PGPASSWORD or ~/.pgpass
// (libpq reads both); a URI that contains one is refused.
#pragma once

#include <memory>
#include <string>

#include "core/result.h"
#include "store/blob_store.h"
#include "store/store.h"

namespace vareport::store {

// The schema version this build writes (the number of migrations), on both engines.
int StoreSchemaVersion();

// True when `db` is a PostgreSQL URI (then the store is shared).
bool IsSharedDb(const std::string& db);

// `db` for messages: a file path as is, a URI without its query (user, host, port, database).
std::string DbLabel(const std::string& db);

// Opens and migrates the store `db` names (see above).
// Errors: kUnreadableInput for a bad or password-carrying URI ("database URI
// … contains a password: …"); kUnavailable "cannot connect to URI: <libpq's
// reason>" (refused, wrong password, no such database) or "cannot open
// database PATH: …"; kUnsupportedFormat "database schema N is newer than
// this vareport (M)".
Result<std::unique_ptr<Store>> OpenStore(const std::string& db, const StoreOptions& options = {});

// PostgreSQL alone (OpenStore dispatches here for a URI).
Result<std::unique_ptr<Store>> OpenPostgresStore(const std::string& uri, const StoreOptions& options = {});

// The blob store of `db`: "<db>.files/" for SQLite; for PostgreSQL the
// database's blobs table through a connection of its own, cached on this
// machine in $VAREPORT_CACHE_DIR, else $XDG_CACHE_HOME/vareport/<hash of the
// URI>, else ~/.cache/…, else /tmp/vareport-cache-<uid>/….
// Errors: those of OpenStore.
Result<BlobStore> OpenBlobs(const std::string& db, const StoreOptions& options = {});

}  // namespace vareport::store
