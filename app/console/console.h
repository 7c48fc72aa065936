// The web console (issue 17, docs/console.md), served by the daemon's HTTP endpoint beside
// /healthz and /metrics: an overview of every site, a page per site, run and finding, a
// re-check button and human review, in Chinese with an English switch.
//
// Who may do what: [console] in the configuration (config/console.h). Viewers read; operators
// also re-check and review. A user limited to some units sees only their sites (anything else
// is "not found"). Sign-in: a password checked against its Argon2id hash, or the reverse
// proxy's trusted header. Every action is a POST with the session's CSRF token and, when the
// browser sends one, an Origin of this host; sign-in failures are limited per user name and
// per client address.
//
// Threads: handle() may be called from the endpoint's threads at once; the console reads the
// store through one connection of its own, one request at a time.
#pragma once

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

#include "app/console/auth.h"
#include "app/console/estate.h"
#include "app/http_message.h"
#include "config/config.h"
#include "store/store.h"

namespace sitepatrol::app::console {

using ConfigPtr = std::shared_ptr<const config::Config>;

class Console {
 public:
  // `database`: the store's file or URI (opened on the first request that needs it).
  Console(ConfigPtr config, std::filesystem::path database);
  ~Console();
  Console(const Console&) = delete;
  Console& operator=(const Console&) = delete;

  HttpReply handle(const HttpRequest& request);
  // A reloaded configuration (users, sites); signed-in sessions stay.
  void reload(ConfigPtr config);

  // Computes the overview's estate (in Chinese, the default) on a thread of its own, so that
  // the first view after the daemon starts or a patrol ends does not wait for it. Returns at
  // once; asks made while one is computed run once more after it.
  void warm_soon();

  // Tests: the wall clock the pages use (default system_clock::now).
  void set_clock(std::function<std::chrono::system_clock::time_point()> now) {
    now_ = std::move(now);
  }

 private:
  struct Request;  // console.cpp: the request with its viewer and configuration

  HttpReply route(Request& r);
  HttpReply login(const HttpRequest& request, Clock::time_point now);
  HttpReply overview(Request& r);
  HttpReply site(Request& r, const std::string& id, const std::string& rest);
  HttpReply finding(Request& r);
  HttpReply run(Request& r, const std::string& id);
  HttpReply recheck(Request& r, const std::string& id);
  HttpReply review(Request& r);
  // The store, opened when first needed; null (and `error` set) when it cannot be opened.
  store::Store* open_store(std::string& error);
  // Every configured site's state for the overview. Computed whole once, then kept: sites a
  // new run covered or a review touched are computed again alone (up to 50; more, as after
  // the night's patrol, and the whole estate is), availability and certificates are read again
  // after a minute; a new month, language or configuration starts over. The store's lock is
  // held (the cached estate is changed in place and rendered under it).
  std::expected<std::shared_ptr<const Estate>, std::string> whole_estate(
      store::Store& store, const ConfigPtr& config, std::chrono::system_clock::time_point now,
      reports::Lang lang);
  // The configured [report] timezone, read once per configuration.
  const config::TimeZone& zone(const ConfigPtr& config);
  void warm_loop(std::stop_token stop);

  std::filesystem::path database_;
  std::mutex config_mutex_;
  ConfigPtr config_;
  std::mutex store_mutex_;  // held while a request reads or writes the store
  std::unique_ptr<store::Store> store_;
  struct EstateCache {
    std::string key;             // month, language and configuration
    Clock::time_point at;        // availability last read
    std::int64_t review_id = 0;  // the newest review it has seen
    ConfigPtr config;            // the sites it points to
    std::shared_ptr<Estate> estate;
  } cache_;  // guarded by store_mutex_
  struct {
    ConfigPtr config;
    config::TimeZone zone;
  } zone_;  // guarded by store_mutex_
  Sessions sessions_;
  LoginLimiter limiter_;
  std::function<std::chrono::system_clock::time_point()> now_;
  std::mutex warm_mutex_;
  std::condition_variable_any warm_wanted_;
  bool warm_asked_ = false;  // guarded by warm_mutex_
  std::jthread warmer_;      // started by the first warm_soon(); last member: stopped first
};

}  // namespace sitepatrol::app::console
