#include "app/daemon.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <deque>
#include <iostream>
#include <list>
#include <set>
#include <thread>

#include "alerts/dispatcher.h"
#include "alerts/rules.h"
#include "app/console/console.h"
#include "app/daemon_maintenance.h"
#include "app/daemon_prober.h"
#include "app/daemon_ratio_store.h"
#include "app/daemon_rechecks.h"
#include "app/daemon_scheduler.h"
#include "app/http_endpoint.h"
#include "app/maintenance_store.h"
#include "crawler/patrol.h"
#include "store/metrics_state.h"
#include "store/patrol_lock.h"

namespace sitepatrol::app {

namespace {

using std::chrono::system_clock;
using ConfigPtr = std::shared_ptr<const config::Config>;

constexpr std::size_t kMaxBuffered = 10'000;  // probes or alerts held while the store fails
constexpr auto kTick = std::chrono::milliseconds(500);
constexpr auto kHomepageScan = std::chrono::seconds(2);
constexpr auto kRecheckPoll = std::chrono::seconds(1);  // how soon a re-check request is seen

std::vector<const config::SiteConfig*> pick(const config::Config& config,
                                            const std::vector<std::string>& ids) {
  std::vector<const config::SiteConfig*> out;
  for (const auto& id : ids) {
    auto it = std::ranges::find(config.sites, id, &config::SiteConfig::id);
    if (it != config.sites.end()) out.push_back(&*it);
  }
  return out;
}

// The endpoint's bounds: [http] max_connections and request_timeout; the console's forms are
// small, so a small body limit keeps a flood of POSTs cheap. Two threads, so that a sign-in's
// password hash (a tenth of a second) does not hold up /metrics.
EndpointLimits endpoint_limits(const config::HttpConfig& http) {
  EndpointLimits limits;
  limits.max_connections = static_cast<std::size_t>(http.max_connections);
  limits.header_timeout = limits.body_timeout = limits.write_timeout = http.request_timeout;
  limits.max_body_bytes = 64 * 1024;
  limits.threads = 2;
  return limits;
}

// A worker thread running one job; the main loop polls done().
struct Job {
  std::thread thread;
  std::atomic<bool> finished{false};
  bool active() const { return thread.joinable(); }
  bool done() const { return finished.load(); }
  void join() {
    if (thread.joinable()) thread.join();
    finished = false;
  }
};

}  // namespace

struct Daemon::Impl {
  Impl(ConfigPtr c, DaemonOptions o, const crawler::Clock& clk, DaemonMetrics& m)
      : config(std::move(c)), options(std::move(o)), clock(clk), metrics(m) {}

  ConfigPtr config;
  DaemonOptions options;
  const crawler::Clock& clock;
  DaemonMetrics& metrics;
  std::filesystem::path database;

  std::atomic<bool> stop{false};
  std::atomic<bool> reload{false};
  std::mutex wake_mutex;
  std::condition_variable wake;

  std::unique_ptr<store::Store> store;  // the main loop's connection

  // Probes: a batch per due time, each on a thread of its own; a site is in one batch at a
  // time (`probing`), so a hanging site skips its own next probes, nobody else's.
  std::list<Job> probe_jobs;
  std::set<std::string> probing;
  std::mutex probe_mutex;
  std::vector<store::ProbeRecord> probe_results;  // guarded by probe_mutex
  std::atomic<bool> probes_in{false};
  std::deque<store::ProbeRecord> unsaved_probes;

  // Patrol.
  Job patrol_job;
  crawler::PatrolProgress progress;
  crawler::PatrolResult patrol_result;
  std::string patrol_busy;  // why the last patrol did not start: another one holds the lock
  std::atomic<std::int64_t> patrol_run{0};
  std::atomic<bool> cancel_patrol{false};
  system_clock::time_point patrol_started;
  system_clock::time_point last_homepage_scan;
  system_clock::time_point last_run_check;
  system_clock::time_point last_recheck_poll;
  Rechecks rechecks;               // re-check requests taken into the scheduler (issue 17)
  std::int64_t last_seen_run = 0;  // newest finished run whose alerts were raised
  ConfigPtr patrol_config;
  std::map<std::string, std::int64_t> patrol_certs;  // homepage certificate expiry, by site

  // Alerts.
  std::deque<alerts::Alert> unqueued_alerts;
  AlertHold held_alerts;  // alerts of sites in a maintenance window
  std::thread alert_thread;
  std::mutex channels_mutex;
  std::vector<config::AlertChannel> channels;
  std::atomic<std::int64_t> alerts_pending{0};
  std::atomic<bool> alert_kick{false};

  std::unique_ptr<console::Console> console;  // the web console, when [console] enables it
  std::unique_ptr<HttpEndpoint> http;

  void notify() {
    std::lock_guard lock(wake_mutex);
    wake.notify_all();
  }

  int run();
  void do_reload(Scheduler& scheduler);
  void start_probes(const std::vector<std::string>& ids);
  void collect_probes();
  void save_probes();
  void start_patrol(const std::vector<std::string>& ids);
  void collect_patrol(Scheduler& scheduler);
  void scan_homepage_links();
  void watch_other_runs();
  void alert_run(std::int64_t run_id, const std::vector<config::SiteConfig>& sites);
  void refresh_site_metrics();
  void queue(alerts::Alert alert);
  void flush_alerts();
  void alert_loop(alerts::CurlSenderOptions options);
  void prune();
};

Daemon::Daemon(ConfigPtr config, DaemonOptions options, const crawler::Clock& clock)
    : impl_(std::make_unique<Impl>(std::move(config), std::move(options), clock, metrics_)) {}

Daemon::~Daemon() { request_stop(); }

void Daemon::request_stop() {
  impl_->stop = true;
  impl_->cancel_patrol = true;
  impl_->notify();
}

void Daemon::request_reload() {
  impl_->reload = true;
  impl_->notify();
}

int Daemon::run() { return impl_->run(); }

int Daemon::Impl::run() {
  database = options.database.empty() ? config->patrol.database : options.database;
  auto opened = store::open_store(database.string());
  if (!opened) {
    std::cerr << "sitepatrol: database: " << opened.error().message << "\n";
    return 3;
  }
  store = std::move(*opened);
  // A re-check a stopped daemon was running will never end: say so (docs/recheck.md).
  if (auto failed = store->fail_running_rechecks(crawler::to_rfc3339(clock.now()),
                                                 "the daemon stopped before the patrol ended");
      failed && *failed > 0) {
    spdlog::warn("{} re-check(s) left running by a stopped daemon marked failed", *failed);
  }
  refresh_site_metrics();  // the gauges a restart must not blank, before /metrics is served
  if (!config->http.listen.empty()) {
    if (config->console.served()) console = std::make_unique<console::Console>(config, database);
    try {
      http = std::make_unique<HttpEndpoint>(
          [this, legacy = config->http.legacy_metrics](const HttpRequest& request) {
            HttpReply reply;
            if (request.path() == "/healthz") {
              reply.headers = {{"Content-Type", "text/plain; charset=utf-8"}};
              reply.body = "ok\n";
            } else if (request.path() == "/metrics") {
              reply.headers = {{"Content-Type", "text/plain; version=0.0.4; charset=utf-8"}};
              reply.body = metrics.render(legacy);
            } else if (console) {
              return console->handle(request);
            } else {
              reply.status = 404;
              reply.headers = {{"Content-Type", "text/plain; charset=utf-8"}};
              reply.body = "not found; try /healthz or /metrics\n";
            }
            return reply;
          },
          config->http.address(), config->http.port(), endpoint_limits(config->http));
    } catch (const std::exception& e) {
      std::cerr << "sitepatrol: [http] listen " << config->http.listen << ": " << e.what() << "\n";
      return 3;
    }
    std::cerr << "sitepatrol daemon: metrics on " << http->base_url() << "/metrics\n";
    if (console) {
      std::cerr << "sitepatrol daemon: console on " << http->base_url() << "/\n";
      console->warm_soon();  // the overview's first view need not wait for it
    }
  }
  {
    std::lock_guard lock(channels_mutex);
    channels = config->alerts;
  }
  alert_thread =
      std::thread([this, options = alerts::sender_options(*config)] { alert_loop(options); });
  spdlog::info("daemon started: {} sites, {} alert channels, database {}", config->sites.size(),
               config->alerts.size(), database.string());
  std::cerr << "sitepatrol daemon: started with " << config->sites.size() << " sites\n";

  // Runs finished before the daemon started are history, not news.
  if (auto latest = store->run(std::nullopt); latest && *latest) last_seen_run = (*latest)->id;
  Scheduler scheduler(*config, clock.now());
  auto last_prune = system_clock::time_point{};
  while (!stop) {
    const auto now = clock.now();
    if (reload.exchange(false)) do_reload(scheduler);

    collect_probes();
    if (!unsaved_probes.empty()) save_probes();
    if (auto due = scheduler.take_due_probes(now); !due.empty()) {
      std::vector<std::string> start;
      for (auto& id : due) {
        if (probing.contains(id)) {
          spdlog::warn("probe of {} skipped: the previous one has not answered yet", id);
        } else {
          start.push_back(std::move(id));
        }
      }
      if (!start.empty()) start_probes(start);
    }

    if (patrol_job.done()) collect_patrol(scheduler);
    // Re-check requests wait for no patrol to run, so the patrol they get is a fresh one.
    if (!patrol_job.active() && now - last_recheck_poll >= kRecheckPoll) {
      rechecks.take(*store, scheduler, crawler::to_rfc3339(now));
      last_recheck_poll = now;
    }
    const int skipped_before = scheduler.skipped();
    if (auto ids = scheduler.take_patrol(now); !ids.empty()) start_patrol(ids);
    for (int i = skipped_before; i < scheduler.skipped(); ++i) metrics.patrol_skipped();
    if (patrol_job.active() && now - last_homepage_scan >= kHomepageScan) scan_homepage_links();
    if (!patrol_job.active() && now - last_run_check >= kHomepageScan) watch_other_runs();

    for (const auto& site : config->sites)
      metrics.set_maintenance(site.id, config::maintenance_at(site.maintenance, now) != nullptr);
    for (auto& alert : held_alerts.release(*config, now)) queue(std::move(alert));
    flush_alerts();
    if (now - last_prune > std::chrono::hours(1)) {
      prune();
      last_prune = now;
    }
    metrics.set_gauges(alerts_pending.load(), static_cast<std::int64_t>(scheduler.queued()),
                       patrol_job.active() ? progress.queued.load() : 0);

    auto until = now + kTick;
    if (auto next = scheduler.next_event(); next && *next < until) until = *next;
    std::unique_lock lock(wake_mutex);
    wake.wait_until(lock, until, [&] {
      return stop.load() || reload.load() || probes_in.load() || patrol_job.done();
    });
  }

  // Stopping: cancel the patrol, drop probes in flight, stop delivering.
  cancel_patrol = true;
  notify();
  spdlog::info("daemon stopping");
  for (auto& job : probe_jobs) job.join();
  // A patrol that finished as the stop came is collected like any other: its alerts go to the
  // outbox for the next start to deliver (runs found finished at start are history, so they
  // would be lost). One cut short is recorded as aborted.
  if (patrol_job.active()) collect_patrol(scheduler);
  if (alert_thread.joinable()) alert_thread.join();
  if (http) http->stop();
  std::cerr << "sitepatrol daemon: stopped\n";
  return 0;
}

void Daemon::Impl::do_reload(Scheduler& scheduler) {
  auto loaded = config::load_config(options.config_file);
  if (!loaded) {
    metrics.reload(false);
    spdlog::error("reload: {}; keeping the running configuration", loaded.error().to_string());
    std::cerr << "sitepatrol daemon: reload failed: " << loaded.error().to_string() << "\n";
    return;
  }
  if (options.database.empty() && loaded->patrol.database != database) {
    spdlog::warn("reload: [patrol] database changed; it takes effect after a restart");
  }
  if (loaded->http.listen != config->http.listen) {
    spdlog::warn("reload: [http] listen changed; it takes effect after a restart");
  }
  config = std::make_shared<const config::Config>(std::move(*loaded));
  scheduler.reconfigure(*config, clock.now());
  if (console) console->reload(config);
  {
    std::lock_guard lock(channels_mutex);
    channels = config->alerts;
  }
  metrics.reload(true);
  spdlog::info("configuration reloaded: {} sites, {} alert channels", config->sites.size(),
               config->alerts.size());
  std::cerr << "sitepatrol daemon: configuration reloaded (" << config->sites.size() << " sites, "
            << config->alerts.size() << " alert channels)\n";
}

void Daemon::Impl::start_probes(const std::vector<std::string>& ids) {
  for (const auto& id : ids) probing.insert(id);
  Job& job = probe_jobs.emplace_back();
  job.thread = std::thread([this, &job, ids, cfg = config] {
    try {
      probe_homepages(
          *cfg, pick(*cfg, ids), [this] { return alerts::unix_ms(clock.now()); },
          [this](store::ProbeRecord r) {
            {
              std::lock_guard lock(probe_mutex);
              probe_results.push_back(std::move(r));
            }
            probes_in = true;
            notify();
          },
          &stop);
    } catch (const std::exception& e) {
      // Out of descriptors or memory: these probes are lost, the next ones run on time.
      spdlog::error("probes of {} site(s) could not run: {}", ids.size(), e.what());
    }
    job.finished = true;
    notify();
  });
}

void Daemon::Impl::collect_probes() {
  std::vector<store::ProbeRecord> results;
  {
    std::lock_guard lock(probe_mutex);
    results.swap(probe_results);
    probes_in = false;
  }
  for (auto& p : results) {
    probing.erase(p.site);
    // A probe in a maintenance window is not availability: counted, never stored.
    if (const auto* window = in_maintenance(*config, p.site, alerts::from_unix_ms(p.at_ms))) {
      metrics.probe_in_maintenance(p.site, p.elapsed_ms);
      spdlog::info("probe {} in maintenance window {}: not counted", p.site, window->text);
      continue;
    }
    metrics.probe(p.site, p.up, p.elapsed_ms);
    if (!p.up) spdlog::warn("probe {}: {} is down: {}", p.site, p.url, p.error);
    if (unsaved_probes.size() < kMaxBuffered) unsaved_probes.push_back(std::move(p));
  }
  // Finished batches; a site dropped without an answer (stop) is free again.
  std::erase_if(probe_jobs, [](Job& job) {
    if (!job.done()) return false;
    job.join();
    return true;
  });
  if (probe_jobs.empty()) probing.clear();
}

void Daemon::Impl::save_probes() {
  while (!unsaved_probes.empty()) {
    const auto& probe = unsaved_probes.front();
    if (auto ok = store->save_probe(probe); !ok) {
      metrics.store_error();
      spdlog::error("saving a probe of {}: {}; will retry", probe.site, ok.error().message);
      return;
    }
    const auto site = std::ranges::find(config->sites, probe.site, &config::SiteConfig::id);
    const std::string id = probe.site;
    unsaved_probes.pop_front();
    if (site == config->sites.end()) continue;
    auto recent = store->recent_probes(id, config->schedule.down_after + 1);
    // Back up after a streak of failures: read the whole streak, for when the outage began.
    if (recent && recent->size() > 1 && recent->front().up && !(*recent)[1].up)
      recent = store->recent_probes(id, alerts::kOutageLookback);
    if (!recent) {
      metrics.store_error();
      spdlog::error("reading probes of {}: {}", id, recent.error().message);
      continue;
    }
    if (auto alert = alerts::probe_alert(*site, *recent, config->schedule.down_after)) {
      spdlog::warn("{}: {}", alert->event, alert->text);
      queue(std::move(*alert));
    }
  }
}

void Daemon::Impl::start_patrol(const std::vector<std::string>& ids) {
  cancel_patrol = stop.load();
  patrol_run = 0;
  progress.queued = 0;
  patrol_started = clock.now();
  last_homepage_scan = patrol_started;
  patrol_config = config;
  metrics.patrol_started();
  spdlog::info("patrol of {} site(s) starting", ids.size());
  patrol_busy.clear();
  patrol_certs.clear();  // what an aborted or failed patrol saw is not kept
  patrol_job.thread = std::thread([this, ids, cfg = config] {
    crawler::PatrolResult result;
    // A `sitepatrol crawl` on the same database may be running: then this patrol waits for
    // its next time rather than touching the other one's run (store/patrol_lock.h).
    try {
      auto lock = store::PatrolLock::acquire(database, crawler::to_rfc3339(clock.now()));
      auto opened = lock ? store::open_store(database.string())
                         : store::Result<std::unique_ptr<store::Store>>(nullptr);
      if (!lock) {
        if (lock.error().error == store::LockError::busy) {
          patrol_busy = lock.error().message;
        } else {
          result.error = lock.error().message;
        }
      } else if (!opened) {
        result.error = opened.error().message;
      } else {
        RatioStore ratio(
            **opened, *cfg, [this] { return clock.now(); }, &patrol_run, &patrol_certs);
        MaintenanceStore marked(ratio, *cfg, [this] { return clock.now(); });
        crawler::Patrol patrol(*cfg, marked, clock);
        auto sites = pick(*cfg, ids);
        result = patrol.run(sites, &progress, &cancel_patrol);
      }
    } catch (const std::exception& e) {  // out of descriptors or memory: this patrol fails
      result.error = e.what();
    }
    patrol_result = std::move(result);
    patrol_job.finished = true;
    notify();
  });
}

void Daemon::Impl::collect_patrol(Scheduler& scheduler) {
  patrol_job.join();
  scheduler.patrol_finished();
  const auto seconds = std::chrono::duration<double>(clock.now() - patrol_started).count();
  const auto& r = patrol_result;
  if (console) console->warm_soon();  // the night's findings: the overview computed ahead
  if (rechecks.running()) {
    const bool failed = !patrol_busy.empty() || !r.error.empty();
    const std::string outcome = !patrol_busy.empty() ? "skipped: " + patrol_busy
                                : !r.error.empty()   ? "failed: " + r.error
                                : r.finished         ? "finished"
                                                     : "aborted";
    rechecks.finish(*store, r.run_id != 0 ? r.run_id : patrol_run.load(), failed, outcome,
                    crawler::to_rfc3339(clock.now()));
  }
  if (!patrol_busy.empty()) {
    metrics.patrol_ended("skipped", seconds, 0, 0);
    spdlog::warn("patrol skipped: {}; the next one runs at its time", patrol_busy);
    std::cerr << "sitepatrol daemon: patrol skipped: " << patrol_busy << "\n";
    return;
  }
  if (!r.error.empty()) {
    metrics.patrol_ended("failed", seconds, 0, 0);
    metrics.store_error();
    spdlog::error("patrol failed: {}; the next one runs at its time", r.error);
    std::cerr << "sitepatrol daemon: patrol failed: " << r.error << "\n";
    return;
  }
  if (!r.finished) {
    metrics.patrol_ended("aborted", seconds, 0, 0);
    return;
  }
  metrics.patrol_ended("finished", seconds, r.totals.pages, r.totals.links_checked);
  if (auto ok = store::save_cert_not_after(database, patrol_certs); !ok) {
    metrics.store_error();
    spdlog::error("saving certificate expiry dates: {}", ok.error().message);
  }
  for (const auto& [site, t] : patrol_certs) metrics.set_cert_not_after(site, t);
  patrol_certs.clear();
  spdlog::info("patrol run {} finished: {} pages, {} links", r.run_id, r.totals.pages,
               r.totals.links_checked);
  alert_run(r.run_id, patrol_config->sites);
  std::cerr << "sitepatrol daemon: patrol run " << r.run_id << " finished\n";
}

// The findings of a finished run: metrics, and the alerts they raise.
void Daemon::Impl::alert_run(std::int64_t run_id, const std::vector<config::SiteConfig>& sites) {
  last_seen_run = std::max(last_seen_run, run_id);
  store::FindingQuery query;
  query.run = run_id;
  query.status = store::StatusFilter::all;
  auto rows = store->findings(query);
  if (!rows) {
    metrics.store_error();
    spdlog::error("reading the findings of run {}: {}", run_id, rows.error().message);
    return;
  }
  refresh_site_metrics();
  for (auto& alert : alerts::run_alerts(run_id, *rows, sites, clock.now())) queue(std::move(alert));
}

// The per-site gauges from the store: each site's open findings as of the newest finished
// run that covered it, when a run last examined it, its certificate's expiry. At start and
// after each finished run (whoever ran it).
void Daemon::Impl::refresh_site_metrics() {
  auto state = store::load_metrics_state(database);
  if (!state) {
    spdlog::warn("reading the sites' state for /metrics: {}", state.error().message);
    return;
  }
  std::map<std::int64_t, std::vector<std::string>> sites_of_run;
  for (const auto& site : config->sites) {
    if (auto it = state->latest_run.find(site.id); it != state->latest_run.end())
      sites_of_run[it->second].push_back(site.id);
    if (auto it = state->last_success.find(site.id); it != state->last_success.end())
      metrics.set_last_success(site.id, it->second);
    if (auto it = state->cert_not_after.find(site.id); it != state->cert_not_after.end())
      metrics.set_cert_not_after(site.id, it->second);
  }
  for (const auto& [run, ids] : sites_of_run) {
    store::FindingQuery query;
    query.run = run;
    query.sites = ids;
    query.status = store::StatusFilter::all;
    auto rows = store->findings(query);
    if (!rows) {
      metrics.store_error();
      spdlog::error("reading the findings of run {}: {}", run, rows.error().message);
      continue;
    }
    std::map<std::string, DaemonMetrics::FindingCounts> counts;
    for (const auto& id : ids) counts[id];  // a site with none shows none, not old counts
    for (const auto& row : *rows) {
      if (row.status == "resolved" || row.set_aside()) continue;  // set aside: reviewed
      ++counts[row.finding.site]
              [{row.finding.code, std::string(checks::to_string(row.finding.severity))}];
    }
    for (auto& [id, c] : counts) metrics.set_findings(id, std::move(c));
  }
}

// A patrol run by `sitepatrol crawl` (a timer, a CronJob) on the same database is alerted on
// like the daemon's own.
void Daemon::Impl::watch_other_runs() {
  last_run_check = clock.now();
  auto latest = store->run(std::nullopt);
  if (!latest || !*latest || (*latest)->id <= last_seen_run) return;
  spdlog::info("run {} finished by another process; raising its alerts", (*latest)->id);
  alert_run((*latest)->id, config->sites);
}

void Daemon::Impl::scan_homepage_links() {
  last_homepage_scan = clock.now();
  const std::int64_t run = patrol_run.load();
  if (run == 0) return;
  store::FindingQuery query;
  query.run = run;
  query.status = store::StatusFilter::new_only;
  auto rows = store->findings(query);
  if (!rows) {
    spdlog::debug("reading the findings of running run {}: {}", run, rows.error().message);
    return;
  }
  for (auto& alert : alerts::run_alerts(run, *rows, patrol_config->sites, clock.now(), true))
    queue(std::move(alert));
}

void Daemon::Impl::queue(alerts::Alert alert) {
  if (held_alerts.hold(alert, *config, clock.now())) return;
  if (unqueued_alerts.size() < kMaxBuffered) unqueued_alerts.push_back(std::move(alert));
  flush_alerts();
}

void Daemon::Impl::flush_alerts() {
  if (unqueued_alerts.empty()) return;
  std::vector<config::AlertChannel> current;
  {
    std::lock_guard lock(channels_mutex);
    current = channels;
  }
  bool added = false;
  while (!unqueued_alerts.empty()) {
    auto n = alerts::enqueue(*store, unqueued_alerts.front(), current, clock.now());
    if (!n) {
      metrics.store_error();
      spdlog::error("queueing an alert: {}; will retry", n.error().message);
      return;
    }
    added = added || *n > 0;
    unqueued_alerts.pop_front();
  }
  if (added) {
    alert_kick = true;
    notify();
  }
}

void Daemon::Impl::alert_loop(alerts::CurlSenderOptions options) {
  auto opened = store::open_store(database.string());
  if (!opened) {
    spdlog::error("alerts: cannot open the database: {}", opened.error().message);
    return;
  }
  options.stop = &stop;
  alerts::CurlSender sender(options);
  alerts::Dispatcher dispatcher(**opened, sender);
  auto observer = [this](const std::string& channel, const std::string& event,
                         const std::string& error) {
    metrics.alert_attempt(channel, error.empty());
    if (error.empty()) {
      spdlog::info("alert {} sent to {}", event, channel);
    } else {
      spdlog::warn("alert {} to {} failed: {}", event, channel, error);
    }
  };
  while (!stop) {
    std::vector<config::AlertChannel> current;
    {
      std::lock_guard lock(channels_mutex);
      current = channels;
    }
    const auto report = dispatcher.deliver(current, clock.now(), &stop, observer);
    if (!report.store_error.empty()) {
      metrics.store_error();
      spdlog::error("alerts: {}", report.store_error);
    }
    if (auto pending = (*opened)->due_alerts(INT64_MAX))
      alerts_pending = static_cast<std::int64_t>(pending->size());
    std::unique_lock lock(wake_mutex);
    wake.wait_for(lock, std::chrono::seconds(1),
                  [&] { return stop.load() || alert_kick.exchange(false); });
  }
}

void Daemon::Impl::prune() {
  const auto keep = std::chrono::hours(24 * (config->schedule.ratio_window_days + 1));
  if (auto n = store->prune_probes(alerts::unix_ms(clock.now() - keep)); !n) {
    metrics.store_error();
    spdlog::warn("pruning old probes: {}", n.error().message);
  }
}

}  // namespace sitepatrol::app
