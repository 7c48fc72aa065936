#include "app/console/estate.h"

#include <algorithm>
#include <map>

#include "crawler/clock.h"
#include "reports/calendar.h"
#include "reports/report_load.h"
#include "store/latest_findings.h"
#include "store/metrics_state.h"

namespace sitepatrol::app::console {

namespace {

using std::chrono::system_clock;

constexpr std::int64_t kDaySeconds = 86'400;
constexpr int kTrendDays = 31;  // the trend line's runs: those of the last month

}  // namespace

std::string estate_month(const config::TimeZone& zone, system_clock::time_point now) {
  const auto local = reports::to_local(crawler::to_rfc3339(now), zone);
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02u", local ? static_cast<int>(local->date.year()) : 1970,
                local ? unsigned(local->date.month()) : 1u);
  return text;
}

namespace {

std::optional<double> share(int probes, int failed) {
  if (probes <= 0) return std::nullopt;
  return 1.0 - static_cast<double>(failed) / probes;
}

void fill_probes(SiteState& s, const std::vector<store::ProbeDay>& days, std::int64_t today) {
  s.daily.assign(kProbeDays, std::nullopt);
  int p7 = 0, f7 = 0, p30 = 0, f30 = 0;
  for (const auto& d : days) {
    const std::int64_t back = today - d.day;  // 0 = today
    if (back < 0 || back >= kProbeDays) continue;
    s.daily[static_cast<std::size_t>(kProbeDays - 1 - back)] = share(d.probes, d.failed);
    p30 += d.probes, f30 += d.failed;
    if (back < 7) p7 += d.probes, f7 += d.failed;
  }
  s.avail7 = share(p7, f7);
  s.avail30 = share(p30, f30);
}

// What run `run` read of each site (of `one` alone when not ""); empty when it cannot be read.
std::map<std::string, store::SiteRunCounts> run_counts(store::Store& store, std::int64_t run,
                                                       const std::string& one) {
  if (!one.empty()) {
    auto counts = store.counts_of_site(run, one);
    if (!counts) return {};
    return {{one, *counts}};
  }
  auto counts = store.site_run_counts(run);
  return counts ? std::move(*counts) : std::map<std::string, store::SiteRunCounts>{};
}

}  // namespace

std::string load_estate_month(const config::Config& config, system_clock::time_point now) {
  const auto zone = config::TimeZone::load(config.report.timezone);
  return estate_month(zone ? *zone : config::TimeZone(), now);
}

namespace {

// Everything of `sites` but availability and certificates (refresh_availability).
std::expected<Estate, std::string> load_states(store::Store& store, const config::Config& config,
                                               const std::vector<const config::SiteConfig*>& sites,
                                               system_clock::time_point now, reports::Lang lang) {
  Estate estate;
  estate.month = load_estate_month(config, now);
  std::vector<std::string> ids;
  for (const auto* site : sites) ids.push_back(site->id);
  const std::string one = sites.size() == 1 ? sites.front()->id : "";  // a site's own page

  // This month, as the report computes it (verdicts, columns, interaction).
  reports::LoadOptions options;
  options.month = estate.month;
  if (sites.size() == 1) options.site = sites.front()->id;
  options.lang = lang == reports::Lang::zh ? "zh" : "en";
  options.generated_at = crawler::to_rfc3339(now);
  options.history_months = 0;
  auto data = reports::load_report_data(store, config, options);
  if (!data) return std::unexpected(data.error());
  estate.report = reports::build_report(*data);
  std::map<std::string, const reports::SiteReport*> month;
  for (const auto& s : estate.report.sites) month[s.data.site.id] = &s;

  // Open findings, and the newest run of each site with how completely it went.
  auto latest = store::latest_findings(store, ids, store::StatusFilter::current);
  if (!latest) return std::unexpected(latest.error().message);
  // How completely that run went: the month's report read it already when it is the
  // month's last run of the site (the usual case); only other runs are read again.
  std::map<std::string, std::pair<store::RunInfo, store::SiteCoverage>> last;
  for (const auto& run : latest->runs) {
    std::optional<std::map<std::string, store::SiteRunCounts>> counts;
    for (const auto& id : run.sites) {
      const auto m = month.find(id);
      if (m != month.end() && m->second->data.last_run_at == run.info.started_at) {
        last[id] = {run.info, m->second->data.coverage};
        continue;
      }
      if (!counts) counts = run_counts(store, run.info.id, one);
      const auto it = counts->find(id);
      last[id] = {run.info, it == counts->end() ? store::SiteCoverage{} : it->second.coverage};
    }
  }
  std::map<std::string, SiteState> by_id;
  for (const auto& row : latest->rows) {
    SiteState& s = by_id[row.finding.site];
    if (row.set_aside()) {
      ++s.reviewed;
    } else {
      ++s.open[static_cast<std::size_t>(row.finding.severity)];
    }
  }
  if (!one.empty()) by_id[one].rows = std::move(latest->rows);

  // The trend: the findings each run of the last kTrendDays listed for the site (0 for a
  // run that covered it and found nothing).
  std::map<std::string, std::vector<int>> trends;
  const std::string from = crawler::to_rfc3339(now - std::chrono::days(kTrendDays));
  const std::string to = crawler::to_rfc3339(now + std::chrono::hours(1));
  auto runs =
      one.empty() ? store.runs_in_period(from, to) : store.site_runs_in_period(from, to, one);
  if (runs && !runs->empty()) {
    std::map<std::pair<std::string, std::int64_t>, int> counts;
    std::int64_t first = runs->front().info.id;
    for (const auto& run : *runs) first = std::min(first, run.info.id);
    if (auto per_run = store.findings_per_run(first - 1, one)) {
      for (const auto& r : *per_run) counts[{r.site, r.run}] = r.count;
    }
    for (const auto& run : *runs) {
      for (const auto& id : run.sites) {
        const auto it = counts.find({id, run.info.id});
        trends[id].push_back(it == counts.end() ? 0 : it->second);
      }
    }
  }

  for (const auto* site : sites) {
    SiteState s = std::move(by_id[site->id]);
    s.site = site;
    if (auto it = month.find(site->id); it != month.end()) s.month = *it->second;
    if (auto it = last.find(site->id); it != last.end()) {
      s.last_run = it->second.first;
      s.last_coverage = it->second.second;
    }
    auto& trend = trends[site->id];
    if (trend.size() > static_cast<std::size_t>(kTrendRuns)) {
      trend.erase(trend.begin(), trend.end() - kTrendRuns);
    }
    s.trend = std::move(trend);
    estate.sites.push_back(std::move(s));
  }
  return estate;
}

}  // namespace

std::expected<Estate, std::string> load_estate(store::Store& store, const config::Config& config,
                                               const std::filesystem::path& database,
                                               const std::vector<const config::SiteConfig*>& sites,
                                               system_clock::time_point now, reports::Lang lang) {
  auto estate = load_states(store, config, sites, now, lang);
  if (estate) refresh_availability(*estate, store, database, now);
  return estate;
}

void refresh_availability(Estate& estate, store::Store& store,
                          const std::filesystem::path& database,
                          std::chrono::system_clock::time_point now) {
  const std::int64_t now_s =
      std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count();
  const std::int64_t today = now_s / kDaySeconds;
  const std::string one = estate.sites.size() == 1 ? estate.sites.front().site->id : "";
  std::map<std::string, std::vector<store::ProbeDay>> probes;
  if (auto days = store.probe_days(today - kProbeDays + 1, one)) {
    for (auto& d : *days) probes[d.site].push_back(std::move(d));
  }
  const auto certs = store::load_cert_not_after(database);
  for (SiteState& s : estate.sites) {
    fill_probes(s, probes[s.site->id], today);
    s.cert_days.reset();
    if (certs) {
      if (auto it = certs->find(s.site->id); it != certs->end()) {
        s.cert_days = static_cast<int>((it->second - now_s) / kDaySeconds);
      }
    }
  }
}

std::expected<void, std::string> patch_estate(Estate& estate, store::Store& store,
                                              const config::Config& config,
                                              const std::filesystem::path& database,
                                              const std::set<std::string>& sites,
                                              std::chrono::system_clock::time_point now,
                                              reports::Lang lang) {
  Estate fresh;  // the changed sites, their availability read once for all of them
  for (const SiteState& s : estate.sites) {
    if (!sites.contains(s.site->id)) continue;
    auto one = load_states(store, config, {s.site}, now, lang);
    if (!one) return std::unexpected(one.error());
    fresh.sites.push_back(std::move(one->sites.front()));
  }
  if (fresh.sites.empty()) return {};
  refresh_availability(fresh, store, database, now);
  auto next = fresh.sites.begin();
  for (SiteState& s : estate.sites) {
    if (next != fresh.sites.end() && s.site == next->site) s = std::move(*next++);
  }
  return {};
}

}  // namespace sitepatrol::app::console
