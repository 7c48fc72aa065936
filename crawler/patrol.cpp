#include "crawler/patrol.h"

#include <spdlog/spdlog.h>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>

#include <thread>

#include "checks/feature_names.h"
#include "crawler/curl_fetcher.h"
#include "crawler/descriptor_limit.h"
#include "crawler/host_gate.h"
#include "crawler/site_crawl.h"
#include "crawler/site_window.h"
#include "crawler/store_writer.h"
#include "crawler/url.h"

namespace sitepatrol::crawler {

namespace asio = boost::asio;

namespace {

// Open connections: one per transfer in flight, plus room to keep every site in flight's
// connections open between its requests (otherwise, with more sites than slots, each request
// would find its host's connection closed to make room, and open a new one: a TCP and TLS
// handshake per page). Bounded by half the file descriptors the process may open.
long connection_budget(const config::PatrolConfig& p, int sites_in_flight, long descriptors) {
  const long wanted = static_cast<long>(p.concurrency) +
                      static_cast<long>(sites_in_flight) * std::max(1, p.per_host_concurrency);
  return std::max<long>(p.concurrency, std::min(wanted, descriptors / 2));
}

CurlOptions curl_options(const config::PatrolConfig& p, long max_connections) {
  CurlOptions o;
  o.user_agent = p.user_agent;
  o.timeout = std::chrono::seconds(p.timeout_s);
  o.connect_timeout = std::chrono::seconds(std::min(p.connect_timeout_s, p.timeout_s));
  o.low_speed_limit = p.low_speed_bytes_per_s;
  o.low_speed_time_s = p.low_speed_time_s;
  o.resolve = p.resolve;
  o.ca_bundle = p.ca_bundle;
  o.max_host_connections = p.per_host_concurrency;
  o.max_total_connections = max_connections;
  return o;
}

int parse_threads(const config::PatrolConfig& p) {
  if (p.parse_threads > 0) return p.parse_threads;
  return std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace

void PatrolProgress::site_started(const std::string& id) {
  std::lock_guard lock(mutex_);
  SiteProgress site;
  site.id = id;
  site.started = std::chrono::steady_clock::now();
  site.running = true;
  sites_.push_back(std::move(site));
}

void PatrolProgress::site_finished(const std::string& id, int pages) {
  std::lock_guard lock(mutex_);
  for (auto& site : sites_)
    if (site.id == id && site.running) {
      site.finished = std::chrono::steady_clock::now();
      site.running = false;
      site.done = true;
      site.pages = pages;
    }
}

std::vector<SiteProgress> PatrolProgress::sites() const {
  std::lock_guard lock(mutex_);
  return sites_;
}

Patrol::Patrol(const config::Config& config, store::Store& store, const Clock& clock)
    : config_(config), store_(store), clock_(clock) {}

PatrolResult Patrol::run(const std::vector<const config::SiteConfig*>& sites,
                         PatrolProgress* progress, const std::atomic<bool>* cancel) {
  PatrolResult result;
  const auto started = clock_.now();
  std::vector<std::string> ids;
  for (const auto* s : sites) ids.push_back(s->id);
  auto run_id = store_.begin_run(to_rfc3339(started), ids);
  if (!run_id) {
    result.error = run_id.error().message;
    return result;
  }
  result.run_id = *run_id;

  // Outlives the I/O loop: a check dropped with it gives its claim back (link_verdicts.h).
  LinkVerdicts own_verdicts;
  asio::io_context io(1);
  auto guard = asio::make_work_guard(io);
  asio::thread_pool parse_pool(parse_threads(config_.patrol));
  const auto& p = config_.patrol;
  const int sites_in_flight = sites_in_flight_of(p);
  const long descriptors = raise_descriptor_limit();  // once per patrol, before any socket
  CurlFetcher fetcher(io, curl_options(p, connection_budget(p, sites_in_flight, descriptors)));
  HostGate gate(io, p.concurrency, p.per_host_concurrency,
                std::chrono::milliseconds(p.per_host_delay_ms));
  store_.expect_sites_in_flight(static_cast<int>(
      std::min<std::size_t>(static_cast<std::size_t>(sites_in_flight), sites.size())));
  StoreWriter writer(store_, result.run_id, io.get_executor());
  const checks::FeatureNamer feature_namer(config_.features);

  RunContext context{io,
                     fetcher,
                     gate,
                     parse_pool,
                     writer,
                     config_,
                     feature_namer,
                     registered_hosts(config_),
                     registered_origins(config_),
                     started,
                     progress};
  context.cancel = cancel;
  context.verdicts = shared_verdicts_ != nullptr ? shared_verdicts_ : &own_verdicts;
  context.verdicts_in_store = verdicts_in_store_;
  context.host_permits = host_permits_;
  // Before the I/O loop goes: no answer of another slot's patrol may be posted to it after.
  struct ForgetWaiters {
    LinkVerdicts& verdicts;
    const void* owner;
    store::HostPermits* permits;
    ~ForgetWaiters() {
      verdicts.forget(owner);
      if (permits != nullptr) permits->forget(owner);
    }
  } forget_waiters{*context.verdicts, &context, host_permits_};
  // 32 pages a parse thread: enough to keep the pool busy, few enough to hold little memory.
  ParseBacklog backlog(gate, 32 * static_cast<std::size_t>(parse_threads(p)));
  context.parse_backlog = &backlog;
  writer.hold_while_behind([&gate](bool on) { gate.hold(on); });
  if (progress) progress->sites_total = static_cast<int>(sites.size());

  std::size_t remaining = sites.size();
  asio::steady_timer time_limit(io);
  std::optional<std::string> failed;  // a site's memory could not be read
  auto on_done = [&](const store::RunTotals& t) {
    result.totals.sites += t.sites;
    result.totals.pages += t.pages;
    result.totals.links_checked += t.links_checked;
    result.totals.excluded += t.excluded;
    if (--remaining == 0) {
      guard.reset();
      time_limit.cancel();
    }
  };
  auto on_failed = [&](std::string message) {
    failed = std::move(message);
    io.stop();
  };
  SiteWindow window(context, sites, sites_in_flight, on_done, on_failed);
  if (remaining == 0) guard.reset();
  asio::post(io, [&] { window.start(); });

  // Cancellation (SIGINT/SIGTERM from the app) is polled, so no signal handler touches curl.
  bool cancelled = false;
  asio::steady_timer poll(io);
  std::function<void()> watch = [&] {
    poll.expires_after(std::chrono::milliseconds(100));
    poll.async_wait([&](const boost::system::error_code& ec) {
      if (ec) return;
      if (cancel && cancel->load()) {
        cancelled = true;
        io.stop();
        return;
      }
      if (remaining > 0) watch();
    });
  };
  if (cancel) watch();

  // [patrol] max_run_time: the walks stop taking pages and links; what is in flight ends and
  // the run finishes, its unfinished sites covered partially (time_limit).
  if (p.max_run_time.count() > 0 && remaining > 0) {
    time_limit.expires_after(p.max_run_time);
    time_limit.async_wait([&](const boost::system::error_code& ec) {
      if (ec) return;
      spdlog::warn("patrol reached max_run_time ({} s); finishing what is in flight",
                   p.max_run_time.count());
      context.time_up = true;
    });
  }

  io.run();
  poll.cancel();
  time_limit.cancel();
  // Cancelled: pages still queued for parsing are dropped, and the ones being parsed see the
  // flag and stop (ParseOptions::stop), so SIGTERM does not wait for a hostile page.
  if (cancelled || failed) parse_pool.stop();
  parse_pool.join();

  if (auto error = writer.close()) {
    result.error = *error;
    return result;
  }
  if (failed) {
    result.error = *failed;
    return result;
  }
  if (cancelled) {
    // Info, not warn: the command line says it once itself, after the progress line is gone.
    spdlog::info("patrol cancelled; run {} stays unfinished and will be marked aborted",
                 result.run_id);
    return result;
  }
  if (auto r = store_.finish_run(result.run_id, to_rfc3339(clock_.now()), result.totals); !r) {
    result.error = r.error().message;
    return result;
  }
  result.finished = true;
  return result;
}

}  // namespace sitepatrol::crawler
