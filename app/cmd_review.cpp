// `sitepatrol review false-alarm|accept|withdraw|list`: human review (人工复核, issue 17) from
// the command line, for scripts and for operators without the console. A review sets a
// finding aside (out of verdicts, indices, alerts and --fail-on) while it holds; every action
// is logged with who, when and why (store/review.h, docs/review.md).
#include <CLI/CLI.hpp>

#include <chrono>
#include <iostream>

#include "app/cli_common.h"
#include "app/commands.h"
#include "app/site_selection.h"
#include "checks/dates.h"
#include "crawler/clock.h"
#include "crawler/url.h"
#include "reports/terminal_width.h"
#include "store/database_uri.h"
#include "store/latest_findings.h"

namespace sitepatrol::app {

namespace {

struct ReviewOptions {
  std::string config;
  std::string db;
  std::string site;
  std::string code;
  std::string subject;
  std::string reason;
  std::string until;
  std::string by;
};

// The subject as the store keeps it: a path as the findings table shows it
// ("/files/a.pdf") is taken on the site's origin, and a URL is normalised ("HTTP://Host/x"
// is "http://host/x"); a key ("icp", "message_board") stays as written.
std::string stored_subject(const config::SiteConfig& site, const std::string& subject) {
  if (subject.starts_with('/')) {
    if (auto url = crawler::resolve_url(site.url, subject)) return *url;
  }
  if (subject.find("://") != std::string::npos) {
    if (auto url = crawler::normalize_url(subject)) return *url;
  }
  return subject;
}

// After "no finding ...": the subjects the site's latest patrol has for that code.
void suggest_subjects(store::Store& store, const ReviewOptions& o) {
  auto latest = store::latest_findings(store, {o.site}, store::StatusFilter::current);
  if (!latest) return;
  std::vector<std::string> subjects;
  for (const store::FindingRow& row : latest->rows) {
    if (row.finding.code == o.code) subjects.push_back(row.finding.subject);
  }
  if (subjects.empty()) {
    std::cerr << "  the site has no current " << reports::sanitize_for_terminal(o.code)
              << " finding\n";
    return;
  }
  std::cerr << "  current " << o.code << " subjects of " << o.site << ":\n";
  constexpr std::size_t kShown = 10;
  for (std::size_t i = 0; i < subjects.size() && i < kShown; ++i)
    std::cerr << "    " << reports::sanitize_for_terminal(subjects[i]) << "\n";
  if (subjects.size() > kShown) std::cerr << "    (" << subjects.size() - kShown << " more)\n";
}

std::expected<std::unique_ptr<store::Store>, int> open_store(const ReviewOptions& o,
                                                             std::string* subject = nullptr) {
  auto config = load_config_or_report(o.config);
  if (!config) return std::unexpected(config.error());
  if (!o.site.empty()) {
    auto known = select_sites(*config, {o.site}, Shard{});
    if (!known) {
      std::cerr << "sitepatrol: " << o.config << ": " << known.error() << "\n";
      return std::unexpected(kExitUsage);
    }
    if (subject != nullptr && !known->empty()) *subject = stored_subject(*known->front(), *subject);
  }
  const std::filesystem::path db = database_path(*config, o.db);
  if (!store::is_database_uri(db.native()) && !std::filesystem::exists(db)) {
    std::cerr << "sitepatrol: nothing patrolled yet (database " << db.string()
              << " does not exist)\n";
    return std::unexpected(kExitRuntime);
  }
  return open_store_or_report(db);
}

int record(const ReviewOptions& o, const std::string& verdict) {
  if (verdict != "withdrawn" && o.reason.empty()) {
    std::cerr << "sitepatrol: review: --reason is required (why the finding is set aside)\n";
    return kExitUsage;
  }
  if (!o.until.empty() && !checks::parse_iso_date(o.until)) {
    std::cerr << "sitepatrol: review: --until '" << o.until << "' is not a YYYY-MM-DD day\n";
    return kExitUsage;
  }
  std::string subject = o.subject;
  auto store = open_store(o, &subject);
  if (!store) return store.error();
  store::ReviewRecord review;
  review.site = o.site;
  review.code = o.code;
  review.subject = subject;
  review.verdict = verdict;
  review.reason = o.reason;
  review.expires = o.until;
  review.reviewer = acting_user(o.by);
  review.reviewed_at = crawler::to_rfc3339(std::chrono::system_clock::now());
  auto added = (*store)->add_review(review);
  if (!added) {
    std::cerr << "sitepatrol: review: " << reports::sanitize_for_terminal(added.error().message)
              << "\n";
    if (added.error().message.starts_with("no finding")) suggest_subjects(**store, o);
    return kExitRuntime;
  }
  std::cout << o.site << " " << o.code << " " << reports::sanitize_for_terminal(subject) << ": "
            << (verdict == "withdrawn"     ? "review withdrawn, the finding counts again"
                : verdict == "false_alarm" ? "marked a false alarm, set aside"
                : o.until.empty()          ? "accepted, set aside"
                                           : "accepted until " + o.until + ", set aside")
            << " (review " << added->id << " by " << added->reviewer << ")\n";
  return kExitOk;
}

int list(const ReviewOptions& o) {
  auto store = open_store(o);
  if (!store) return store.error();
  auto log = (*store)->review_log(o.site);
  if (!log) {
    std::cerr << "sitepatrol: database: " << log.error().message << "\n";
    return kExitRuntime;
  }
  if (log->empty()) {
    std::cout << "No reviews.\n";
    return kExitOk;
  }
  for (const store::ReviewRecord& r : *log) {
    std::cout << r.reviewed_at << "  #" << r.id << "  " << r.verdict;
    if (!r.expires.empty()) std::cout << " until " << r.expires;
    std::cout << "  by " << reports::sanitize_for_terminal(r.reviewer) << "\n  " << r.site << " "
              << r.code << " " << reports::sanitize_for_terminal(r.subject) << "\n";
    if (!r.reason.empty()) std::cout << "  " << reports::sanitize_for_terminal(r.reason) << "\n";
  }
  return kExitOk;
}

void add_common(CLI::App& cmd, ReviewOptions& o) {
  cmd.add_option("-c,--config", o.config, "Configuration file (TOML)")->required();
  cmd.add_option("--db", o.db, "SQLite file or postgresql:// URI (default: [patrol] database)");
}

void add_finding(CLI::App& cmd, ReviewOptions& o, bool reason_required) {
  add_common(cmd, o);
  cmd.add_option("-s,--site", o.site, "Site id")->required();
  cmd.add_option("--code", o.code, "Finding code (LINK-BROKEN, SEC-DARKLINK, ...)")->required();
  cmd.add_option("--subject", o.subject,
                 "The finding's subject, as `findings` shows it (a path is on the site)")
      ->required();
  auto* reason = cmd.add_option("--reason", o.reason, "Why (kept in the review log)");
  if (reason_required) reason->required();
  cmd.add_option("--by", o.by, "Who reviews (default: the login name)");
}

}  // namespace

CLI::App* add_review_command(CLI::App& cli, Command* run) {
  auto o = std::make_shared<ReviewOptions>();
  auto* cmd = cli.add_subcommand(
      "review", "Human review: mark findings as false alarms or accepted, with who and why");
  cmd->require_subcommand(1);
  auto* false_alarm = cmd->add_subcommand("false-alarm", "Mark a finding as a false alarm");
  add_finding(*false_alarm, *o, true);
  false_alarm->callback([o, run] { *run = [o] { return record(*o, "false_alarm"); }; });
  auto* accept = cmd->add_subcommand("accept", "Accept a real finding, for a while or for good");
  add_finding(*accept, *o, true);
  accept->add_option("--until", o->until, "Last day the acceptance holds (YYYY-MM-DD)");
  accept->callback([o, run] { *run = [o] { return record(*o, "accepted"); }; });
  auto* withdraw = cmd->add_subcommand("withdraw", "Withdraw a finding's review");
  add_finding(*withdraw, *o, false);
  withdraw->callback([o, run] { *run = [o] { return record(*o, "withdrawn"); }; });
  auto* show = cmd->add_subcommand("list", "The review log, newest first");
  add_common(*show, *o);
  show->add_option("-s,--site", o->site, "Only this site");
  show->callback([o, run] { *run = [o] { return list(*o); }; });
  return cmd;
}

}  // namespace sitepatrol::app
