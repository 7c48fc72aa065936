#include "store/copy_database.h"

#include "store/schema.h"
#include "store/str_cat.h"

namespace sitepatrol::store {

namespace {

// Parents before children (foreign keys); the daemon's certificate cache is left out (the
// next probe fills it again).
constexpr std::string_view kTables[] = {
    "urls",
    "runs",
    "run_sites",
    "pages",
    "page_links",
    "page_fetches",
    "link_checks",
    "findings",
    "finding_occurrences",
    "finding_resolutions",
    "baselines",
    "column_state",
    "column_observations",
    "homepage_probes",
    "alerts",
    "interaction_months",
    "run_queue",
    "run_link_verdicts",
    "finding_reviews",
    "recheck_requests",
    "probe_days",
};

// Tables whose `id` the engine assigns: PostgreSQL's sequence must continue after the copy.
constexpr std::string_view kWithIds[] = {"urls",
                                         "runs",
                                         "pages",
                                         "findings",
                                         "homepage_probes",
                                         "alerts",
                                         "finding_reviews",
                                         "recheck_requests"};

Result<long> copy_table(Db& from, Db& to, std::string_view table) {
  // Names come from the list above, never from input.
  auto select = from.prepare(str_cat("SELECT * FROM ", table));
  if (!select) return std::unexpected(select.error());
  long rows = 0;
  std::string insert_sql;
  for (;;) {
    auto row = select->step();
    if (!row) return std::unexpected(row.error());
    if (!*row) break;
    const int columns = select->column_count();
    if (insert_sql.empty()) {
      std::string names, params;
      for (int c = 0; c < columns; ++c) {
        names += str_cat(c ? ", " : "", select->column_name(c));
        params += str_cat(c ? ", " : "", "?", c + 1);
      }
      insert_sql = str_cat("INSERT INTO ", table, " (", names, ") VALUES (", params, ")");
    }
    auto insert = to.prepare(insert_sql);
    if (!insert) return std::unexpected(insert.error());
    // As text: each engine converts it to the column's type (SQLite by its affinity).
    for (int c = 0; c < columns; ++c) {
      if (select->column_is_null(c)) {
        insert->bind_null(c + 1);
      } else {
        insert->bind_text(c + 1, select->column_text(c));
      }
    }
    if (auto ok = insert->run(); !ok) return std::unexpected(ok.error());
    ++rows;
  }
  return rows;
}

}  // namespace

Result<std::vector<CopiedTable>> copy_database(Db& from, Db& to) {
  if (auto ok = migrate(from); !ok) return std::unexpected(ok.error());
  if (auto ok = migrate(to); !ok) return std::unexpected(ok.error());
  {
    auto runs = to.prepare("SELECT count(*) FROM runs");
    if (!runs) return std::unexpected(runs.error());
    auto row = runs->step();
    if (!row) return std::unexpected(row.error());
    if (runs->column_int(0) > 0) {
      return std::unexpected(StoreError{
          str_cat(to.file().string(), " already holds runs; copy into an empty database only")});
    }
  }
  auto tx = Transaction::begin(to);
  if (!tx) return std::unexpected(tx.error());
  std::vector<CopiedTable> copied;
  for (std::string_view table : kTables) {
    auto rows = copy_table(from, to, table);
    if (!rows) {
      return std::unexpected(StoreError{str_cat("copying ", table, ": ", rows.error().message)});
    }
    copied.push_back({std::string(table), *rows});
  }
  if (to.dialect() == Dialect::postgresql) {
    for (std::string_view table : kWithIds) {
      if (auto ok = to.exec(str_cat("SELECT setval(pg_get_serial_sequence('", table,
                                    "', 'id'), coalesce(max(id), 0) + 1, false) FROM ", table));
          !ok) {
        return std::unexpected(ok.error());
      }
    }
  }
  if (auto ok = tx->commit(); !ok) return std::unexpected(ok.error());
  return copied;
}

}  // namespace sitepatrol::store
