// `sitepatrol db copy`: an installation's whole history from one database into another,
// typically a SQLite file into PostgreSQL (docs/postgresql.md). Both are migrated to the
// current schema first; the target must hold no run yet. Every table is copied row by row
// with its ids, in one transaction on the target, so a failed copy leaves it as it was.
// One thread.
#pragma once

#include <string>
#include <vector>

#include "store/db.h"

namespace sitepatrol::store {

struct CopiedTable {
  std::string table;
  long rows = 0;
};

Result<std::vector<CopiedTable>> copy_database(Db& from, Db& to);

}  // namespace sitepatrol::store
