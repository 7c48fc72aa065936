// `sitepatrol report`: the monthly notification report over all sites, or with --site that
// site's self-inspection report, as html, md, csv or json (README "Commands"; reports/).
#include <CLI/CLI.hpp>

#include <fstream>
#include <iostream>

#include "app/cli_common.h"
#include "store/database_uri.h"
#include "app/commands.h"
#include "reports/report_generate.h"

namespace sitepatrol::app {

namespace {

struct ReportOptions {
  std::string config;
  std::string db;
  std::string month;
  std::string site;
  std::string format = "html";
  std::string lang = "zh";
  std::string out;
};

int run_report(const ReportOptions& o) {
  auto config = load_config_or_report(o.config);
  if (!config) return config.error();
  if (!reports::month_bounds(o.month)) {
    std::cerr << "sitepatrol: report: --month: expected YYYY-MM, got '" << o.month << "'\n";
    return kExitUsage;
  }
  if (!o.site.empty()) {
    std::vector<std::string> known;
    for (const auto& s : config->sites) known.push_back(s.id);
    if (!sites_known_or_report("report", {o.site}, known, o.config)) return kExitUsage;
  }
  const auto db = database_path(*config, o.db);
  if (!store::is_database_uri(db.native()) && !std::filesystem::exists(db)) {
    std::cerr << "sitepatrol: database " << db.string() << " does not exist; run `crawl` first\n";
    return kExitRuntime;
  }
  auto store = open_store_or_report(db);
  if (!store) return store.error();

  reports::LoadOptions load;
  load.month = o.month;
  if (!o.site.empty()) load.site = o.site;
  load.lang = o.lang;
  load.generated_at = reports::report_timestamp();
  const auto format = *reports::parse_report_format(o.format);

  std::ofstream file;
  if (!o.out.empty() && o.out != "-") {
    file.open(o.out, std::ios::binary | std::ios::trunc);
    if (!file) {
      std::cerr << "sitepatrol: report: cannot write " << o.out << "\n";
      return kExitRuntime;
    }
  }
  std::ostream& out = file.is_open() ? file : std::cout;
  if (auto ok = reports::generate_report(**store, *config, load, format, out); !ok) {
    std::cerr << "sitepatrol: database: " << ok.error() << "\n";
    return kExitRuntime;
  }
  out.flush();
  if (!out) {
    std::cerr << "sitepatrol: report: writing " << (o.out.empty() ? "stdout" : o.out)
              << " failed\n";
    return kExitRuntime;
  }
  return kExitOk;
}

}  // namespace

CLI::App* add_report_command(CLI::App& cli, Command* run) {
  auto o = std::make_shared<ReportOptions>();
  auto* cmd = cli.add_subcommand(
      "report", "Monthly notification report, or with --site a self-inspection report");
  cmd->add_option("-c,--config", o->config, "Configuration file (TOML)")->required();
  cmd->add_option("--db", o->db, "SQLite file or postgresql:// URI (default: [patrol] database)");
  cmd->add_option("-m,--month", o->month, "The month reported, YYYY-MM (UTC)")->required();
  cmd->add_option("-s,--site", o->site, "Self-inspection report of this site id");
  cmd->add_option("-f,--format", o->format, "html (default), md, csv or json")
      ->check(CLI::IsMember({"html", "md", "csv", "json"}));
  cmd->add_option("--lang", o->lang, "zh (default) or en")->check(CLI::IsMember({"zh", "en"}));
  cmd->add_option("-o,--output", o->out, "Write to this file (default: stdout)");
  cmd->callback([o, run] { *run = [o] { return run_report(*o); }; });
  return cmd;
}

}  // namespace sitepatrol::app
