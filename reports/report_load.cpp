#include "reports/report_load.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>

namespace sitepatrol::reports {

namespace {

SiteInfo site_info(const config::SiteConfig& s) {
  SiteInfo info;
  info.id = s.id;
  info.name = s.name;
  info.url = s.url;
  info.category = s.category;
  info.unit = s.unit;
  info.baseline = s.baseline;
  for (const config::ColumnConfig& c : s.columns) info.column_classes[c.url] = c.column_class;
  return info;
}

// Every finding of one run (new, open and resolved), by site: one query a run, whatever the
// number of sites.
using RunFindings = std::map<std::string, std::vector<store::FindingRow>>;

std::expected<RunFindings, std::string> findings_of(store::Store& store, std::int64_t run,
                                                    const std::optional<std::string>& site) {
  store::FindingQuery q;
  q.run = run;
  if (site) q.sites = {*site};
  q.status = store::StatusFilter::all;
  auto rows = store.findings(q);
  if (!rows) return std::unexpected(rows.error().message);
  RunFindings by_site;
  for (store::FindingRow& row : *rows) by_site[row.finding.site].push_back(std::move(row));
  return by_site;
}

// Fills one site's month from the runs that covered it (oldest first, at least one), given
// each run's findings and the last run's counts.
//
// load_month adds the column statistics (column_stats), the interaction figures
// (interaction_stats) and the daemon's probes (probe_availability).
void fill_site_month(SiteMonth& month, const std::vector<const store::PeriodRun*>& runs,
                     const std::map<std::int64_t, RunFindings>& findings,
                     const std::map<std::string, store::SiteRunCounts>& last_counts) {
  const std::string& id = month.site.id;
  month.runs = static_cast<int>(runs.size());
  for (const store::PeriodRun* run : runs) {
    const RunFindings& of_run = findings.at(run->info.id);
    auto it = of_run.find(id);
    if (it == of_run.end()) continue;
    bool down = false;
    for (const store::FindingRow& row : it->second) {
      if (row.status == "resolved") {
        month.resolved.push_back(ResolvedFinding{row, run->info.finished_at});
        continue;
      }
      // A "down" a review calls a false alarm is not a run the site was down.
      down = down || (row.finding.code == "AVAIL-DOWN" && !row.set_aside());
      if (run != runs.back()) continue;
      // A finding a human review sets aside stays listed, apart, and out of every count.
      (row.set_aside() ? month.reviewed : month.current).push_back(row);
    }
    month.runs_down += down ? 1 : 0;
  }
  // A finding resolved and back by the month's end is open, not resolved; of several
  // resolutions of one identity the last counts.
  std::set<std::pair<std::string, std::string>> seen;
  for (const auto& row : month.current) seen.emplace(row.finding.code, row.finding.subject);
  for (const auto& row : month.reviewed) seen.emplace(row.finding.code, row.finding.subject);
  std::vector<ResolvedFinding> resolved;
  for (auto it = month.resolved.rbegin(); it != month.resolved.rend(); ++it) {
    if (seen.emplace(it->row.finding.code, it->row.finding.subject).second) {
      resolved.push_back(std::move(*it));
    }
  }
  month.resolved = std::move(resolved);

  month.last_run_at = runs.back()->info.started_at;
  if (auto it = last_counts.find(id); it != last_counts.end()) {
    month.pages = it->second.pages;
    month.links_checked = it->second.links_checked;
    month.attachments = it->second.attachments;
    month.attachments_failed = it->second.attachments_failed;
    month.coverage = it->second.coverage;
  }
}

// The Beijing day of an RFC 3339 UTC time ("2026-11-24T18:30:00Z" is the 25th there).
std::optional<checks::Date> china_day(const std::string& rfc3339) {
  auto date = checks::parse_iso_date(rfc3339.substr(0, 10));
  if (!date) return std::nullopt;
  const int hour = rfc3339.size() >= 13 ? std::atoi(rfc3339.substr(11, 2).c_str()) : 0;
  return hour >= 16 ? checks::Date{std::chrono::sys_days{*date} + std::chrono::days{1}} : *date;
}

// The site's columns as the month's last run saw them (freshness column history), judged by
// that run's findings. Empty when the store has no history of that run.
std::expected<std::vector<ColumnStat>, std::string> column_stats(
    store::Store& store, const std::string& site, const store::PeriodRun& last,
    const std::vector<store::FindingRow>& current) {
  auto history = store.run_columns(site, last.info.id);
  if (!history) return std::unexpected(history.error().message);
  std::set<std::pair<std::string, std::string>> raised;
  for (const auto& row : current) raised.emplace(row.finding.code, row.finding.subject);
  const auto today = china_day(last.info.started_at);
  std::vector<ColumnStat> out;
  for (const store::ColumnHistoryRow& row : *history) {
    if (row.run != last.info.id || row.column.key == "homepage") continue;
    ColumnStat c;
    c.key = row.column.key;
    c.name = row.column.name;
    c.url = row.column.url;
    c.column_class = row.column.column_class;
    if (row.column.newest && today) c.age_days = checks::days_between(*row.column.newest, *today);
    c.stale = raised.contains({"FRESH-COLUMN", c.url});
    c.empty = raised.contains({"COLUMN-EMPTY", c.url});
    out.push_back(std::move(c));
  }
  return out;
}

// The interaction figures of the twelve months up to `month` (messages, replies) and of its
// calendar year up to it (interviews, solicitations), from the stored interaction months.
// nullopt when the site has none stored (no interaction check has run on it).
std::expected<std::optional<InteractionStats>, std::string> interaction_stats(
    store::Store& store, const std::string& site, const std::string& month) {
  auto months = store.interaction_months(site);
  if (!months) return std::unexpected(months.error().message);
  const std::string year_ago = month_before(month, 12);
  InteractionStats out;
  double reply_days = 0;
  int timed = 0;
  bool any = false;
  for (const checks::InteractionMonth& m : *months) {
    if (m.month > month) continue;
    if (m.month > year_ago) {
      any = true;
      out.messages += m.messages;
      out.answered += m.answered;
      if (m.median_reply_days && m.answered > 0) {
        reply_days += *m.median_reply_days * m.answered;
        timed += m.answered;
      }
    }
    if (m.month.substr(0, 4) == month.substr(0, 4)) {
      any = true;
      out.interviews_this_year += m.interviews;
      out.solicitations += m.solicitations;
      out.solicitations_with_feedback += m.solicitations - m.solicitations_no_feedback;
    }
  }
  if (timed > 0) out.mean_reply_days = reply_days / timed;
  if (!any) return std::optional<InteractionStats>();
  return std::optional<InteractionStats>(out);
}

std::int64_t unix_ms(const std::string& rfc3339_midnight) {
  auto date = checks::parse_iso_date(rfc3339_midnight.substr(0, 10));
  if (!date) return 0;
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::sys_days{*date}.time_since_epoch())
      .count();
}

// The daemon's probes of each site's homepage within the month, from their daily rollup
// (store.h ProbeDay; the raw probes are pruned after a week, the rollup is kept). Month bounds
// are UTC midnights, as the rollup's days are. Empty without a daemon, or from a store that
// keeps no rollup (no availability figure then, not an error).
std::map<std::string, ProbeAvailability> probe_availability(
    store::Store& store, const std::pair<std::string, std::string>& bounds,
    const std::optional<std::string>& site) {
  constexpr std::int64_t kDayMs = 86'400'000;
  const std::int64_t from = unix_ms(bounds.first) / kDayMs;
  const std::int64_t to = unix_ms(bounds.second) / kDayMs;
  std::map<std::string, ProbeAvailability> out;
  auto days = store.probe_days(from, site.value_or(""));
  if (!days) return out;
  for (const store::ProbeDay& d : *days) {
    if (d.day >= to) continue;
    ProbeAvailability& a = out[d.site];
    a.probes += d.probes;
    a.failed += d.failed;
  }
  return out;
}

}  // namespace

std::optional<std::pair<std::string, std::string>> month_bounds(const std::string& month) {
  int y = 0, m = 0;
  char tail = 0;
  if (month.size() != 7 || month[4] != '-' ||
      std::sscanf(month.c_str(), "%4d-%2d%c", &y, &m, &tail) != 2 || y < 1970 || m < 1 || m > 12) {
    return std::nullopt;
  }
  char from[32];
  char to[32];
  std::snprintf(from, sizeof from, "%04d-%02d-01T00:00:00Z", y, m);
  std::snprintf(to, sizeof to, "%04d-%02d-01T00:00:00Z", m == 12 ? y + 1 : y, m == 12 ? 1 : m + 1);
  return std::make_pair(std::string(from), std::string(to));
}

std::string month_before(const std::string& month, int months) {
  int y = 0, m = 0;
  std::sscanf(month.c_str(), "%4d-%2d", &y, &m);
  int index = y * 12 + (m - 1) - months;
  char out[16];
  std::snprintf(out, sizeof out, "%04d-%02d", index / 12, index % 12 + 1);
  return out;
}

// The site's maintenance windows overlapping the month, which begins and ends at local
// midnight like the windows themselves.
static std::vector<config::MaintenanceSpan> maintenance_in(const config::SiteConfig& site,
                                                           const std::string& month) {
  if (site.maintenance.empty()) return {};
  const auto begin = config::parse_local_time(month + "-01T00:00");
  const std::string next = month_before(month, -1);
  const auto end = config::parse_local_time(next + "-01T00:00");
  if (!begin || !end) return {};
  return config::maintenance_spans(site.maintenance, *begin, *end);
}

std::expected<MonthData, std::string> load_month(store::Store& store, const config::Config& config,
                                                 const std::string& month,
                                                 const std::optional<std::string>& site) {
  auto bounds = month_bounds(month);
  if (!bounds) return std::unexpected("not a month (YYYY-MM): '" + month + "'");
  auto runs = site ? store.site_runs_in_period(bounds->first, bounds->second, *site)
                   : store.runs_in_period(bounds->first, bounds->second);
  if (!runs) return std::unexpected(runs.error().message);
  MonthData data;
  data.month = month;
  data.runs = static_cast<int>(runs->size());
  std::map<std::int64_t, RunFindings> findings;
  std::map<std::int64_t, std::map<std::string, store::SiteRunCounts>> counts;
  std::map<std::string, std::vector<const store::PeriodRun*>> runs_of;  // site -> covering runs
  for (const store::PeriodRun& run : *runs) {
    for (const std::string& id : run.sites) runs_of[id].push_back(&run);
  }
  const auto probes = probe_availability(store, *bounds, site);
  for (const config::SiteConfig& s : config.sites) {
    if (site && s.id != *site) continue;
    const auto found = runs_of.find(s.id);
    if (found == runs_of.end()) continue;
    const std::vector<const store::PeriodRun*>& covering = found->second;
    for (const store::PeriodRun* run : covering) {
      if (findings.contains(run->info.id)) continue;
      auto rows = findings_of(store, run->info.id, site);
      if (!rows) return std::unexpected(rows.error());
      findings.emplace(run->info.id, std::move(*rows));
    }
    const std::int64_t last = covering.back()->info.id;
    if (!counts.contains(last)) {
      if (site) {  // one site: its own counts, not the whole run's
        auto c = store.counts_of_site(last, *site);
        if (!c) return std::unexpected(c.error().message);
        counts[last].emplace(*site, std::move(*c));
      } else {
        auto c = store.site_run_counts(last);
        if (!c) return std::unexpected(c.error().message);
        counts.emplace(last, std::move(*c));
      }
    }
    SiteMonth m;
    m.site = site_info(s);
    fill_site_month(m, covering, findings, counts.at(last));
    auto columns = column_stats(store, s.id, *covering.back(), m.current);
    if (!columns) return std::unexpected(columns.error());
    if (!columns->empty()) m.columns = std::move(*columns);
    auto interaction = interaction_stats(store, s.id, month);
    if (!interaction) return std::unexpected(interaction.error());
    m.interaction = *interaction;
    if (auto p = probes.find(s.id); p != probes.end() && p->second.probes > 0) {
      m.probes = p->second;
    }
    m.maintenance = maintenance_in(s, month);
    data.sites.push_back(std::move(m));
  }
  return data;
}

std::expected<ReportData, std::string> load_report_data(store::Store& store,
                                                        const config::Config& config,
                                                        const LoadOptions& options) {
  ReportData data;
  data.generated_at = options.generated_at;
  data.lang = options.lang;
  data.site = options.site;
  data.weights = config.indices;
  data.notice = config.report;
  auto month = load_month(store, config, options.month, options.site);
  if (!month) return std::unexpected(month.error());
  data.month = std::move(*month);
  for (int back = options.history_months; back >= 1; --back) {
    auto earlier = load_month(store, config, month_before(options.month, back), options.site);
    if (!earlier) return std::unexpected(earlier.error());
    if (earlier->sites.empty()) continue;
    if (back == 1) data.previous = *earlier;
    if (back == 12) data.year_ago = *earlier;
    data.history.push_back(std::move(*earlier));
  }
  return data;
}

}  // namespace sitepatrol::reports
