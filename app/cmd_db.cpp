// `sitepatrol db migrate` and `sitepatrol db copy --to URI` (docs/postgresql.md).
#include <CLI/CLI.hpp>

#include <iostream>

#include "app/cli_common.h"
#include "app/commands.h"
#include "store/copy_database.h"
#include "store/database_uri.h"
#include "store/schema.h"

namespace sitepatrol::app {

namespace {

struct DbOptions {
  std::string config;
  std::string db;
  std::string to;
};

// The database of `--db`, else of the configuration's `database`.
std::expected<std::string, int> database_of(const DbOptions& o) {
  if (!o.db.empty()) return o.db;
  if (o.config.empty()) {
    std::cerr << "sitepatrol: give -c FILE or --db DATABASE\n";
    return std::unexpected(kExitUsage);
  }
  auto config = load_config_or_report(o.config);
  if (!config) return std::unexpected(config.error());
  return config->patrol.database.string();
}

int run_migrate(const DbOptions& o) {
  auto database = database_of(o);
  if (!database) return database.error();
  auto db = store::Db::connect(*database);
  auto before = db ? store::schema_version(*db) : store::Result<int>(std::unexpected(db.error()));
  if (before) {
    if (auto ok = store::migrate(*db); !ok) before = std::unexpected(ok.error());
  }
  if (!before) {
    std::cerr << "sitepatrol: database " << store::without_password(*database) << ": "
              << before.error().message << "\n";
    return kExitRuntime;
  }
  std::cout << store::without_password(*database) << ": schema version " << *before << " -> "
            << store::current_schema_version() << "\n";
  return kExitOk;
}

int run_copy(const DbOptions& o) {
  auto database = database_of(o);
  if (!database) return database.error();
  auto from = store::Db::connect(*database);
  auto to =
      from ? store::Db::connect(o.to) : store::Result<store::Db>(std::unexpected(from.error()));
  auto copied = to ? store::copy_database(*from, *to)
                   : store::Result<std::vector<store::CopiedTable>>(std::unexpected(to.error()));
  if (!copied) {
    std::cerr << "sitepatrol: db copy: " << copied.error().message << "\n";
    return kExitRuntime;
  }
  long total = 0;
  for (const auto& t : *copied) {
    std::cout << t.table << ": " << t.rows << "\n";
    total += t.rows;
  }
  std::cout << total << " rows copied from " << store::without_password(*database) << " to "
            << store::without_password(o.to) << "\n";
  return kExitOk;
}

}  // namespace

CLI::App* add_db_command(CLI::App& cli, Command* run) {
  auto* group = cli.add_subcommand("db", "Database tools: migrate, copy to PostgreSQL");
  group->require_subcommand(1);
  auto m = std::make_shared<DbOptions>();
  auto* migrate = group->add_subcommand("migrate", "Bring the database's schema up to date");
  migrate->add_option("-c,--config", m->config, "Configuration file (TOML)");
  migrate->add_option("--db", m->db,
                      "SQLite file or postgresql:// URI (default: [patrol] database)");
  migrate->callback([m, run] { *run = [m] { return run_migrate(*m); }; });
  auto c = std::make_shared<DbOptions>();
  auto* copy = group->add_subcommand("copy", "Copy every run and finding into an empty database");
  copy->add_option("-c,--config", c->config, "Configuration file (TOML)");
  copy->add_option("--db", c->db, "The database copied from (default: [patrol] database)");
  copy->add_option("--to", c->to,
                   "The database copied into, e.g. postgresql://sitepatrol@db/sitepatrol")
      ->required();
  copy->callback([c, run] { *run = [c] { return run_copy(*c); }; });
  return group;
}

}  // namespace sitepatrol::app
