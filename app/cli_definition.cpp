#include "app/cli_definition.h"

#include <CLI/CLI.hpp>

#include <string>

#include "app/cli_common.h"
#include "app/help_text.h"

namespace sitepatrol::app {

namespace {

// A list option with nothing in it by default would show "=[]"; --help says nothing instead.
void hide_empty_defaults(CLI::App& app) {
  for (CLI::Option* opt : app.get_options())
    if (opt->get_default_str() == "[]") opt->default_str("");
  for (CLI::App* sub : app.get_subcommands({})) hide_empty_defaults(*sub);
}

}  // namespace

void define_cli(CLI::App& cli, LogOptions& log, Command* run) {
  cli.name("sitepatrol");
  cli.description("sitepatrol: patrols government websites for broken links, downtime and more");
  cli.set_version_flag("-V,--version", std::string("sitepatrol ") + SITEPATROL_VERSION);
  cli.require_subcommand(1);
  cli.fallthrough();  // global options may also follow the subcommand
  // Every option's default value shows in --help ("[15]"); subcommands inherit this.
  cli.option_defaults()->always_capture_default();
  cli.add_option("--log-level", log.level,
                 "trace, debug, info, warn, error, off (default: warn on the terminal, info "
                 "with --log-file)");
  cli.add_flag("-q,--quiet", log.quiet, "No progress line, no summary; errors only");
  cli.add_option("--log-file", log.file, "Write logs to this rotating file instead of stderr");

  add_crawl_command(cli, log, run);
  add_findings_command(cli, run);
  add_check_command(cli, log, run);
  add_config_command(cli, run);
  add_demo_command(cli, log, run);
  add_baseline_command(cli, run);
  add_review_command(cli, run);
  add_recheck_command(cli, run);
  add_hash_password_command(cli, run);
  add_report_command(cli, run);
  add_daemon_command(cli, log, run);
  add_alert_command(cli, run);
  add_run_command(cli, run);
  add_worker_command(cli, run);
  add_db_command(cli, run);
  add_help_footers(cli);
  hide_empty_defaults(cli);
}

}  // namespace sitepatrol::app
