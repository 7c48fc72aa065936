// The subcommands of `sitepatrol` (README "Commands"). Each registers its options on the
// CLI11 app and returns the function that runs it, which returns the process exit code.
#pragma once

#include <functional>
#include <memory>

namespace CLI {
class App;
}

namespace sitepatrol::app {

struct LogOptions;
using Command = std::function<int()>;

// Each adds a subcommand to `cli` and sets `*run` to what runs it when chosen.
CLI::App* add_crawl_command(CLI::App& cli, LogOptions& log, Command* run);
CLI::App* add_findings_command(CLI::App& cli, Command* run);
CLI::App* add_check_command(CLI::App& cli, LogOptions& log, Command* run);
CLI::App* add_config_command(CLI::App& cli, Command* run);
CLI::App* add_demo_command(CLI::App& cli, LogOptions& log, Command* run);
CLI::App* add_baseline_command(CLI::App& cli, Command* run);
CLI::App* add_report_command(CLI::App& cli, Command* run);
// The daemon and its alert channels (issue 7).
CLI::App* add_daemon_command(CLI::App& cli, LogOptions& log, Command* run);
CLI::App* add_alert_command(CLI::App& cli, Command* run);
// Workers that share a run (issue 16): `run start`, `worker`.
CLI::App* add_run_command(CLI::App& cli, Command* run);
CLI::App* add_worker_command(CLI::App& cli, Command* run);
// `db migrate`, `db copy` (docs/postgresql.md).
CLI::App* add_db_command(CLI::App& cli, Command* run);
// `review false-alarm|accept|withdraw|list` (issue 17, docs/review.md).
CLI::App* add_review_command(CLI::App& cli, Command* run);
// `recheck --site ID [--wait]`: the daemon patrols one site now (docs/recheck.md).
CLI::App* add_recheck_command(CLI::App& cli, Command* run);
// `hash-password`: a console user's password hash (issue 17, docs/console.md).
CLI::App* add_hash_password_command(CLI::App& cli, Command* run);

}  // namespace sitepatrol::app
