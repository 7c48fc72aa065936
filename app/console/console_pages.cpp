// The console's pages: each loads what it shows from the store (under the store's lock) and
// lays it out with the page makers (overview.h, site_page.h, finding_page.h, run_page.h).
#include <set>
#include <sstream>

#include <spdlog/spdlog.h>
#include "app/console/console.h"
#include "app/console/finding_page.h"
#include "app/console/form.h"
#include "app/console/overview.h"
#include "app/console/request.h"
#include "app/console/run_page.h"
#include "app/console/site_page.h"
#include "crawler/clock.h"
#include "reports/findings_csv.h"
#include "reports/report_generate.h"
#include "reports/report_load.h"
#include "store/latest_findings.h"

namespace sitepatrol::app::console {

namespace {

HttpReply unavailable(const Viewer& viewer, const std::string& error) {
  return html_reply(layout(viewer, tr(viewer.lang, "数据库不可用", "Database unavailable"),
                           "<p class=\"bad\">" + esc(error) + "</p>"),
                    503);
}

HttpReply not_found(const Viewer& viewer) {
  return html_reply(layout(viewer, tr(viewer.lang, "未找到", "Not found"), ""), 404);
}

constexpr auto kAvailabilityLifetime = std::chrono::minutes(1);  // probes go on meanwhile
constexpr std::size_t kPatchLimit = 50;  // more changed sites: the whole estate again

}  // namespace

const config::TimeZone& Console::zone(const ConfigPtr& config) {
  if (zone_.config != config) {
    auto loaded = config::TimeZone::load(config->report.timezone);
    zone_ = {config, loaded ? *loaded : config::TimeZone()};
  }
  return zone_.zone;
}

void Console::warm_soon() {
  {
    std::lock_guard lock(warm_mutex_);
    warm_asked_ = true;
    if (!warmer_.joinable())
      warmer_ = std::jthread([this](std::stop_token stop) { warm_loop(stop); });
  }
  warm_wanted_.notify_one();
}

void Console::warm_loop(std::stop_token stop) {
  for (;;) {
    {
      std::unique_lock lock(warm_mutex_);
      if (!warm_wanted_.wait(lock, stop, [this] { return warm_asked_; })) return;
      warm_asked_ = false;
    }
    ConfigPtr config;
    {
      std::lock_guard lock(config_mutex_);
      config = config_;
    }
    const auto started = Clock::now();
    std::lock_guard lock(store_mutex_);
    std::string error;
    if (store::Store* store = open_store(error)) {
      if (auto estate = whole_estate(*store, config, now_(), Lang::zh); !estate) {
        error = estate.error();
      }
    }
    if (!error.empty()) {
      spdlog::warn("console: the overview could not be computed ahead: {}", error);
      continue;
    }
    const auto ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started).count();
    spdlog::info("console: overview computed ahead in {} ms", ms);
  }
}

std::expected<std::shared_ptr<const Estate>, std::string> Console::whole_estate(
    store::Store& store, const ConfigPtr& config, std::chrono::system_clock::time_point now,
    Lang lang) {
  auto latest = store.latest_runs();
  if (!latest) return std::unexpected(latest.error().message);
  auto reviews = store.review_log("");
  if (!reviews) return std::unexpected(reviews.error().message);
  const std::string key = estate_month(zone(config), now) + (lang == Lang::zh ? " zh " : " en ") +
                          std::to_string(reinterpret_cast<std::uintptr_t>(config.get()));
  const std::int64_t review_id = reviews->empty() ? 0 : reviews->front().id;
  const auto steady_now = Clock::now();
  if (cache_.estate && cache_.key == key) {
    // What changed since: sites whose newest run is another one, and sites reviewed since.
    std::map<std::string, std::int64_t> run_of;
    for (const auto& run : *latest) {
      for (const auto& id : run.sites) run_of[id] = run.info.id;
    }
    std::set<std::string> changed;
    for (const SiteState& s : cache_.estate->sites) {
      const auto it = run_of.find(s.site->id);
      if ((it == run_of.end() ? 0 : it->second) != s.last_run.id) changed.insert(s.site->id);
    }
    for (const auto& review : *reviews) {
      if (review.id <= cache_.review_id) break;  // newest first
      changed.insert(review.site);
    }
    if (changed.size() <= kPatchLimit) {
      if (!changed.empty()) {
        auto patched = patch_estate(*cache_.estate, store, *config, database_, changed, now, lang);
        if (!patched) return std::unexpected(patched.error());
      }
      if (steady_now - cache_.at >= kAvailabilityLifetime) {
        refresh_availability(*cache_.estate, store, database_, now);
        cache_.at = steady_now;
      }
      cache_.review_id = review_id;
      return cache_.estate;
    }
  }
  std::vector<const config::SiteConfig*> all;
  for (const auto& site : config->sites) all.push_back(&site);
  auto estate = load_estate(store, *config, database_, all, now, lang);
  if (!estate) return std::unexpected(estate.error());
  cache_ = {key, steady_now, review_id, config, std::make_shared<Estate>(std::move(*estate))};
  return cache_.estate;
}

HttpReply Console::overview(Request& r) {
  auto q = query_of(r.http);
  OverviewQuery query;
  query.unit = q["unit"];
  query.category = q["category"];
  if (!q["sort"].empty()) query.sort = q["sort"];
  query.descending = q["dir"] == "desc";
  query.allowed_units = r.user->units;
  std::set<std::string> units, categories;
  for (const auto* s : r.sites) units.insert(s->unit), categories.insert(s->category);

  std::lock_guard lock(store_mutex_);
  std::string error;
  store::Store* store = open_store(error);
  if (store == nullptr) return unavailable(r.viewer, error);
  auto estate = whole_estate(*store, r.config, r.now, r.viewer.lang);
  if (!estate) return unavailable(r.viewer, estate.error());
  return html_reply(overview_page(**estate, r.viewer, query, {units.begin(), units.end()},
                                  {categories.begin(), categories.end()}));
}

HttpReply Console::site(Request& r, const std::string& id, const std::string& tail) {
  const config::SiteConfig* site = r.visible(id);
  if (site == nullptr) return not_found(r.viewer);
  std::lock_guard lock(store_mutex_);
  std::string error;
  store::Store* store = open_store(error);
  if (store == nullptr) return unavailable(r.viewer, error);

  if (tail.starts_with("/report/")) {
    reports::LoadOptions options;
    options.month = tail.substr(8);
    if (!reports::month_bounds(options.month)) return not_found(r.viewer);
    options.site = id;
    options.lang = r.viewer.lang == Lang::zh ? "zh" : "en";
    options.generated_at = crawler::to_rfc3339(r.now);
    std::ostringstream out;
    auto written =
        reports::generate_report(*store, *r.config, options, reports::ReportFormat::html, out);
    if (!written) return unavailable(r.viewer, written.error());
    HttpReply reply = html_reply(out.str());
    // The report is a document of its own, with its style inline and no script at all.
    for (auto& [name, value] : reply.headers) {
      if (name == "Content-Security-Policy") {
        value =
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'";
      }
    }
    return reply;
  }
  if (tail == "/findings.csv") {
    auto latest = store::latest_findings(*store, {id}, store::StatusFilter::current);
    if (!latest) return unavailable(r.viewer, latest.error().message);
    std::ostringstream out;
    reports::write_findings_csv(out, latest->rows, r.viewer.lang);
    HttpReply reply = text_reply(200, out.str());
    reply.headers[0].second = "text/csv; charset=utf-8";
    reply.headers.emplace_back("Content-Disposition",
                               "attachment; filename=\"" + id + "-findings.csv\"");
    return reply;
  }
  if (!tail.empty()) return not_found(r.viewer);

  SiteView view;
  view.config = r.config.get();
  auto estate = load_estate(*store, *r.config, database_, {site}, r.now, r.viewer.lang);
  if (!estate) return unavailable(r.viewer, estate.error());
  view.estate = std::move(*estate);
  view.rows = std::move(view.estate.sites.front().rows);
  if (auto log = store->review_log(id)) view.reviews = std::move(*log);
  if (auto recheck = store->latest_recheck(id)) view.recheck = *recheck;
  if (auto months = store->site_months(id)) view.months = std::move(*months);
  auto q = query_of(r.http);
  return html_reply(site_page(view, r.viewer, SiteQuery{q["family"], q["severity"]}, r.now));
}

HttpReply Console::finding(Request& r) {
  auto q = query_of(r.http);
  const config::SiteConfig* site = r.visible(q["site"]);
  if (site == nullptr) return not_found(r.viewer);
  FindingView view;
  view.site_name = site->name;
  view.key.site = site->id;
  view.key.code = q["code"];
  view.key.subject = q["subject"];

  std::lock_guard lock(store_mutex_);
  view.zone = zone(r.config);
  std::string error;
  store::Store* store = open_store(error);
  if (store == nullptr) return unavailable(r.viewer, error);
  auto latest = store::latest_findings(*store, {site->id}, store::StatusFilter::current);
  if (!latest) return unavailable(r.viewer, latest.error().message);
  for (auto& row : latest->rows) {
    if (row.finding.code == view.key.code && row.finding.subject == view.key.subject) {
      view.row = std::move(row);
      break;
    }
  }
  auto history = store->finding_history(site->id, view.key.code, view.key.subject, 100);
  if (!history) return unavailable(r.viewer, history.error().message);
  view.history = std::move(*history);
  if (!view.row && view.history.empty()) return not_found(r.viewer);
  if (auto recheck = store->latest_recheck(site->id)) view.recheck = *recheck;
  if (auto log = store->review_log(site->id)) {
    for (auto& rec : *log) {
      if (rec.code == view.key.code && rec.subject == view.key.subject) {
        view.reviews.push_back(std::move(rec));
      }
    }
  }
  return html_reply(finding_page(view, r.viewer));
}

HttpReply Console::run(Request& r, const std::string& id_text) {
  std::int64_t id = 0;
  for (char c : id_text) {
    if (c < '0' || c > '9' || id > 1'000'000'000'000) return not_found(r.viewer);
    id = id * 10 + (c - '0');
  }
  std::lock_guard lock(store_mutex_);
  std::string error;
  store::Store* store = open_store(error);
  if (store == nullptr) return unavailable(r.viewer, error);
  auto info = store->run(id);
  if (!info) return unavailable(r.viewer, info.error().message);
  if (!*info || id == 0) return not_found(r.viewer);
  RunView view;
  view.run = **info;
  view.zone = zone(r.config);
  for (const auto* s : r.sites) view.names[s->id] = s->name;
  if (auto counts = store->site_run_counts(id)) {
    for (auto& [site, c] : *counts) {
      if (view.names.contains(site)) view.sites.emplace(site, c);
    }
  }
  if (view.sites.empty()) return not_found(r.viewer);  // none of the viewer's sites
  if (auto counts = store->finding_counts(id)) {
    for (auto& c : *counts) {
      if (view.names.contains(c.site)) view.counts.push_back(std::move(c));
    }
  }
  return html_reply(run_page(view, r.viewer));
}

}  // namespace sitepatrol::app::console
