// `sitepatrol check URL...`: an ad-hoc patrol of sites given on the command line, with
// built-in defaults and a temporary database that is removed afterwards.
#include <CLI/CLI.hpp>
#include <unistd.h>

#include <iostream>

#include "app/cli_common.h"
#include "app/commands.h"
#include "app/patrol_session.h"
#include "config/proxy.h"

namespace sitepatrol::app {

namespace {

struct CheckOptions {
  std::vector<std::string> urls;
  std::string format = "table";
  std::string fail_on;
  int timeout_s = 15;
  int max_pages = 500;
  std::vector<std::string> resolve;
  std::vector<std::string> allowed_domains;  // as [[site]] allowed_domains, for every URL
  bool allow_private = false;
  bool no_external = false;
  std::string proxy;  // config/proxy.h
};

// A temporary database file, removed with its WAL files when the check ends.
struct TempDatabase {
  TempDatabase() {
    char name[] = "/tmp/sitepatrol-check-XXXXXX";
    int fd = ::mkstemp(name);
    if (fd >= 0) ::close(fd);
    path = name;
  }
  ~TempDatabase() {
    std::error_code ec;
    for (const char* suffix : {"", "-wal", "-shm"})
      std::filesystem::remove(path.string() + suffix, ec);
  }
  std::filesystem::path path;
};

// kExitSiteDown (after naming each site that was down, on stderr) when a site's homepage did
// not answer, else `code`: a script must not read "exit 0" as "the site is fine" when
// nothing could be checked.
int sites_down_or(store::Store& store, std::int64_t run_id, int code) {
  auto sites = store.site_run_counts(run_id);
  if (!sites) return code;
  int result = code;
  for (const auto& [id, counts] : *sites) {
    if (counts.coverage.state != "down") continue;
    std::cerr << "sitepatrol: check: site '" << id << "' is down (" << counts.coverage.reason
              << ")\n";
    result = kExitSiteDown;
  }
  return result;
}

int run_check(const CheckOptions& o, const LogOptions& log) {
  auto config = config::config_for_urls(o.urls, o.allowed_domains);
  if (!config) {
    std::cerr << "sitepatrol: check: " << config.error().to_string() << "\n";
    return kExitUsage;
  }
  config->patrol.timeout_s = o.timeout_s;
  config->patrol.max_pages_per_site = o.max_pages;
  config->patrol.resolve = o.resolve;
  config->patrol.allow_private_networks = o.allow_private;
  config->patrol.check_external_links = !o.no_external;
  config->patrol.proxy = o.proxy;
  if (auto why = config::check_proxy_url(config->patrol.proxy); !why.empty()) {
    std::cerr << "sitepatrol: check: --proxy: " << why << "\n";
    return kExitUsage;
  }
  SessionOptions session;
  session.quiet = log.quiet;
  if (!o.fail_on.empty()) {
    session.fail_on = parse_fail_on(o.fail_on);
    if (!session.fail_on) return kExitUsage;
  }
  TempDatabase db;
  auto store = open_store_or_report(db.path);
  if (!store) return store.error();
  std::vector<const config::SiteConfig*> sites;
  for (const auto& s : config->sites) sites.push_back(&s);
  crawler::SystemClock clock;
  auto result = run_patrol_session(*config, sites, **store, clock, session);
  if (result.exit_code != kExitOk && result.exit_code != kExitFindings) return result.exit_code;

  store::FindingQuery query;
  query.run = result.run_id;
  auto rows = (*store)->findings(query);
  auto run = (*store)->run(result.run_id);
  if (!rows || !run || !*run) return kExitRuntime;
  PrintOptions print;
  print.sites = site_labels(*config);  // subjects and pages relative to each site
  print_findings(o.format, **run, *rows, print);
  return sites_down_or(**store, result.run_id, result.exit_code);
}

}  // namespace

CLI::App* add_check_command(CLI::App& cli, LogOptions& log, Command* run) {
  auto o = std::make_shared<CheckOptions>();
  auto* cmd = cli.add_subcommand("check", "Patrol the sites at these URLs now (no configuration)");
  cmd->add_option("urls", o->urls, "Homepage URLs")->required();
  cmd->add_option("-f,--format", o->format, "json, csv or table")
      ->check(CLI::IsMember({"json", "csv", "table"}));
  cmd->add_option("--fail-on", o->fail_on,
                  "Exit 1 when findings at or above LEVEL exist (info, warning, error, "
                  "critical)");
  cmd->add_option("--allowed-domain", o->allowed_domains,
                  "Links to this domain and its subdomains are approved, not LINK-UNAPPROVED "
                  "(repeatable)")
      ->allow_extra_args(false);  // one domain each time: the URLs follow
  cmd->add_option("--timeout", o->timeout_s, "Seconds a page or link may take")
      ->check(CLI::Range(1, 300));
  cmd->add_option("--max-pages", o->max_pages, "Pages per site")->check(CLI::Range(1, 1000000));
  cmd->add_option("--resolve", o->resolve, "host:port:address, like curl --resolve");
  cmd->add_flag("--allow-private", o->allow_private, "Follow links to private addresses");
  cmd->add_option("--proxy", o->proxy,
                  "Every request through this proxy: http://, https://, socks5:// or socks5h://");
  cmd->add_flag("--no-external", o->no_external, "Do not fetch links to other hosts");
  cmd->callback([o, &log, run] { *run = [o, &log] { return run_check(*o, log); }; });
  return cmd;
}

}  // namespace sitepatrol::app
