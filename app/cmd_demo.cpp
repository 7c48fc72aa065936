// `sitepatrol demo`: serves the bundled demonstration government site (app/demo_site/) on
// loopback with our own HTTP server, patrols it with the real crawler, prints the findings
// and writes them to a folder. The first thing a new user runs.
#include <CLI/CLI.hpp>

#include <fstream>
#include <iostream>

#include "app/cli_common.h"
#include "app/commands.h"
#include "app/demo_server.h"
#include "app/patrol_session.h"
#include "reports/findings_csv.h"
#include "reports/findings_json.h"
#include "reports/report_generate.h"

namespace sitepatrol::app {

namespace {

struct DemoOptions {
  std::string site_dir;
  std::string out = "sitepatrol-demo";
};

std::filesystem::path find_site_dir(const std::string& flag) {
  if (!flag.empty()) return flag;
  for (std::filesystem::path p : {std::filesystem::path(SITEPATROL_SOURCE_DIR) / "app/demo_site",
                                  std::filesystem::path("/usr/share/sitepatrol/demo_site")})
    if (std::filesystem::exists(p / "index.html")) return p;
  return {};
}

int run_demo(const DemoOptions& o, const LogOptions& log) {
  const auto root = find_site_dir(o.site_dir);
  if (root.empty()) {
    std::cerr << "sitepatrol: demo: the demo site's files were not found; pass --site-dir\n";
    return kExitUsage;
  }
  DemoServer server(root);
  config::Config config = demo_config(server.port());
  std::error_code ec;
  std::filesystem::create_directories(o.out, ec);
  config.patrol.database = std::filesystem::path(o.out) / "sitepatrol.db";
  std::cerr << "Serving the demo site " << config.sites[0].name << " at " << config.sites[0].url
            << " (loopback port " << server.port() << ")\n"
            << "Patrolling it; the database is " << config.patrol.database.string() << "\n";

  auto lock = lock_database_or_report(config.patrol.database);
  if (!lock) return lock.error();
  auto store = open_store_or_report(config.patrol.database);
  if (!store) return store.error();
  std::vector<const config::SiteConfig*> sites{&config.sites[0]};
  // The demo site's dates are written for a patrol on this day (app/demo_site/DEFECTS.md):
  // the demo judges freshness as of then, so it shows the same findings on any day.
  crawler::FixedClock clock(*crawler::parse_rfc3339(kDemoPatrolTime));
  SessionOptions session;
  session.quiet = log.quiet;
  auto result = run_patrol_session(config, sites, **store, clock, session);
  if (result.exit_code != kExitOk) return result.exit_code;

  store::FindingQuery query;
  query.run = result.run_id;
  auto rows = (*store)->findings(query);
  auto run = (*store)->run(result.run_id);
  if (!rows || !run || !*run) return kExitRuntime;
  PrintOptions print;
  print.sites = site_labels(config);
  print_findings("table", **run, *rows, print);
  const auto dir = std::filesystem::path(o.out);
  std::ofstream json(dir / "findings.json");
  reports::write_findings_json(json, **run, *rows);
  std::ofstream csv(dir / "findings.csv", std::ios::binary);
  reports::write_findings_csv(csv, *rows);
  // Both reports of the run's month, html: the notification and the site's self-inspection.
  std::vector<std::string> written;
  for (bool self : {false, true}) {
    reports::LoadOptions load;
    load.month = (*run)->started_at.substr(0, 7);
    if (self) load.site = config.sites[0].id;
    load.generated_at = reports::report_timestamp();
    const auto path =
        dir / (self ? "self-inspection-" + config.sites[0].id + ".html" : "monthly-report.html");
    std::ofstream html(path, std::ios::binary);
    if (auto ok =
            reports::generate_report(**store, config, load, reports::ReportFormat::html, html);
        !ok || !html) {
      std::cerr << "sitepatrol: demo: writing " << path.string() << " failed\n";
      return kExitRuntime;
    }
    written.push_back(path.string());
  }
  std::cout << "\nWritten: " << (dir / "findings.json").string() << ", "
            << (dir / "findings.csv").string() << "\n"
            << "Monthly report: " << written[0] << "\n"
            << "Self-inspection report: " << written[1] << "\n"
            << "Next: sitepatrol findings --db " << config.patrol.database.string()
            << " --format json\n";
  return kExitOk;
}

}  // namespace

CLI::App* add_demo_command(CLI::App& cli, LogOptions& log, Command* run) {
  auto o = std::make_shared<DemoOptions>();
  auto* cmd = cli.add_subcommand("demo", "Patrol the bundled demonstration government site");
  cmd->add_option("--site-dir", o->site_dir, "The demo site's files (default: bundled)");
  cmd->add_option("-o,--out", o->out, "Folder for the database and the findings files");
  cmd->callback([o, &log, run] { *run = [o, &log] { return run_demo(*o, log); }; });
  return cmd;
}

}  // namespace sitepatrol::app
