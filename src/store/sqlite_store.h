// vareport/store/sqlite_store.h — the embedded Store: one SQLite database
// file (Debian's libsqlite3), queryable with the `sqlite3` shell.
//
// The SQL is shared with the PostgreSQL store (store/sql_store.cc over
// store/sql/connection.h). Opening a database sets WAL journaling (readers never block the writer),
// synchronous=FULL (a commit survives a power cut), foreign keys on and a busy
// timeout, then brings the schema up to date: each migration runs in its own
// transaction and bumps `PRAGMA user_version`, so a crash mid-migration leaves
// the previous version intact. The tables are described in
// src/store/schema.md.
//
// Thread-safety: one SqliteStore per thread (the connection is opened with
// SQLITE_OPEN_NOMUTEX). Several processes may open the same file: writers
// wait up to `busy_timeout_ms` for each other.
#pragma once

#include <memory>
#include <string>

#include "store/store.h"

namespace vareport::store {

using SqliteOptions = StoreOptions;

// The schema version this build writes (the number of migrations; the same
// on PostgreSQL: StoreSchemaVersion in store/open_store.h).
int SqliteSchemaVersion();

// Opens (creating if needed) the database at `path` and migrates it.
// Errors: kInternal "cannot open database PATH: …"; kUnsupportedFormat when
// the file's schema is newer than this build ("database schema 3 is newer
// than this vareport (2)") or it is not a SQLite database.
Result<std::unique_ptr<Store>> OpenSqliteStore(const std::string& path, const SqliteOptions& options = {});

}  // namespace vareport::store
