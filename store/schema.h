// The database schema as an ordered list of migration steps, and the code that applies them.
//
// The schema version lives in SQLite's `PRAGMA user_version`, in PostgreSQL's
// `schema_version` table. Both engines take the same steps: PostgreSQL's DDL is SQLite's with
// its types widened (postgresql_ddl) and a step's `postgresql_extra` added. Step N takes a database at version N-1
// to version N; `migrate` applies every pending step in one write transaction, so a database
// is never left half-migrated and two processes opening a fresh file at once do not both try
// to create it. A database whose version is newer than the last step this binary knows is
// refused, untouched. Steps are append-only: once released, a step's SQL never changes.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "store/db.h"

namespace sitepatrol::store {

struct Migration {
  int version;           // the schema version after this step
  std::string_view sql;  // a script of statements carrying no values
  std::string_view postgresql_extra = {};  // what PostgreSQL also needs (functions SQLite has)
};

// All steps, in order; the last one's version is the current schema version.
std::span<const Migration> migrations();
int current_schema_version();
// SQLite DDL as PostgreSQL takes it: INTEGER is BIGINT (SQLite's are 64-bit), an INTEGER
// PRIMARY KEY an identity column, REAL double precision, WITHOUT ROWID dropped.
std::string postgresql_ddl(std::string_view sqlite_ddl);

// The version a database is at: 0 for an empty one.
Result<int> schema_version(Db& db);

// Reads the version, refuses a newer database, applies pending steps.
Result<void> migrate(Db& db);
// Same, with an explicit list of steps (tests use it to add a step of their own).
Result<void> migrate(Db& db, std::span<const Migration> steps);

}  // namespace sitepatrol::store
