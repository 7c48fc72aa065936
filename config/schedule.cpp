// [schedule] and [http]: values, defaults and reading (config/schedule.h).
#include "config/schedule.h"

#include <algorithm>
#include <cctype>

#include "config/schedule_section.h"

namespace sitepatrol::config {

const std::vector<CronExpr>& ScheduleConfig::patrol_for(const std::string& site) const {
  if (auto it = sites.find(site); it != sites.end() && it->second.patrol) return *it->second.patrol;
  return patrol;
}

std::optional<std::chrono::seconds> ScheduleConfig::probe_interval_for(
    const std::string& site) const {
  auto it = sites.find(site);
  if (it == sites.end()) return probe_interval;
  if (!it->second.probes) return std::nullopt;
  return it->second.probe_interval.value_or(probe_interval);
}

std::string HttpConfig::address() const {
  const auto colon = listen.rfind(':');
  std::string host = listen.substr(0, colon);
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']')
    host = host.substr(1, host.size() - 2);
  return host;
}

unsigned short HttpConfig::port() const {
  const auto colon = listen.rfind(':');
  return static_cast<unsigned short>(std::stoi(listen.substr(colon + 1)));
}

bool QuietHours::contains(int minute_of_day) const {
  if (start_minute < end_minute) return minute_of_day >= start_minute && minute_of_day < end_minute;
  return minute_of_day >= start_minute || minute_of_day < end_minute;
}

std::optional<std::chrono::seconds> parse_duration(std::string_view text) {
  long long total = 0;
  bool any = false;
  std::size_t i = 0;
  while (i < text.size()) {
    long long n = 0;
    std::size_t digits = 0;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
      n = n * 10 + (text[i++] - '0');
      if (++digits > 9) return std::nullopt;
    }
    if (digits == 0 || i == text.size()) return std::nullopt;
    const char unit = text[i++];
    if (unit == 's') {
      total += n;
    } else if (unit == 'm') {
      total += n * 60;
    } else if (unit == 'h') {
      total += n * 3600;
    } else if (unit == 'd') {
      total += n * 86400;
    } else {
      return std::nullopt;
    }
    any = true;
  }
  if (!any || total <= 0) return std::nullopt;
  return std::chrono::seconds(total);
}

std::optional<QuietHours> parse_quiet_hours(std::string_view text) {
  auto minute = [](std::string_view hm) -> std::optional<int> {
    const auto colon = hm.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 2 || hm.size() - colon != 3)
      return std::nullopt;
    int h = 0;
    int m = 0;
    for (char c : hm.substr(0, colon)) {
      if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
      h = h * 10 + (c - '0');
    }
    for (char c : hm.substr(colon + 1)) {
      if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
      m = m * 10 + (c - '0');
    }
    if (h > 24 || m > 59 || (h == 24 && m != 0)) return std::nullopt;
    return h * 60 + m;
  };
  const auto dash = text.find('-');
  if (dash == std::string_view::npos) return std::nullopt;
  const auto start = minute(text.substr(0, dash));
  const auto end = minute(text.substr(dash + 1));
  if (!start || !end || *start % 1440 == *end % 1440) return std::nullopt;
  return QuietHours{*start % 1440, *end % 1440};
}

namespace detail {

namespace {

// patrol = "cron" or ["cron", ...]; problems at the offending element.
bool read_crons(TableReader& r, std::string_view key, std::vector<CronExpr>& out) {
  const toml::node* n = r.node(key);
  if (!n) return false;
  std::vector<const toml::node*> items;
  if (const auto* array = n->as_array()) {
    // An empty array means no patrols by the daemon (a timer or CronJob runs `crawl`).
    for (const auto& item : *array) items.push_back(&item);
  } else {
    items.push_back(n);
  }
  std::vector<CronExpr> crons;
  for (const toml::node* item : items) {
    const auto* text = item->as_string();
    if (!text) {
      r.problems().add(
          item->source(), r.path_of(key),
          "expected a cron expression (a string), got " + std::string(type_name(*item)));
      return false;
    }
    auto cron = CronExpr::parse(text->get());
    if (!cron) {
      r.problems().add(item->source(), r.path_of(key),
                       "'" + text->get() + "' is not a cron expression: " + cron.error());
      return false;
    }
    crons.push_back(std::move(*cron));
  }
  out = std::move(crons);
  return true;
}

bool is_site(const std::vector<SiteConfig>& sites, std::string_view id) {
  return std::ranges::any_of(sites, [&](const SiteConfig& s) { return s.id == id; });
}

}  // namespace

bool read_duration(TableReader& r, std::string_view key, std::chrono::seconds& out) {
  std::string text;
  if (!r.read(key, text)) return false;
  if (auto d = parse_duration(text)) {
    out = *d;
    return true;
  }
  r.problems().add(r.node(key)->source(), r.path_of(key),
                   "'" + text + "' is not a duration such as \"20m\", \"90s\" or \"1h\"");
  return false;
}

ScheduleConfig default_schedule() {
  ScheduleConfig s;
  s.patrol.push_back(*CronExpr::parse("0 2 * * *"));
  return s;
}

void read_schedule(TableReader& r, ScheduleConfig& out, const std::vector<SiteConfig>& sites) {
  out = default_schedule();
  read_crons(r, "patrol", out.patrol);
  read_duration(r, "probe_interval", out.probe_interval);
  r.read("down_after", out.down_after, 1, 1000);
  r.read("ratio_window_days", out.ratio_window_days, 1, 366);
  r.read("ratio_min_probes", out.ratio_min_probes, 1, 1'000'000);
  if (const auto* table = r.typed<toml::table>("site", "a table of sites ([schedule.site.ID])")) {
    TableReader site_tables(*table, r.path_of("site"), r.problems());
    for (auto&& [id, value] : *table) {
      const std::string key(id.str());
      const auto* site_table = value.as_table();
      if (!site_table) continue;  // reported below as an unknown key's wrong type
      site_tables.node(key);      // known
      if (!is_site(sites, key)) {
        r.problems().add(id.source(), site_tables.path_of(key),
                         "'" + key + "' is not the id of a [[site]]");
        continue;
      }
      TableReader s(*site_table, site_tables.path_of(key), r.problems());
      SiteSchedule& site = out.sites[key];
      std::vector<CronExpr> crons;
      if (read_crons(s, "patrol", crons)) site.patrol = std::move(crons);
      std::chrono::seconds interval{};
      if (read_duration(s, "probe_interval", interval)) site.probe_interval = interval;
      s.read("probes", site.probes);
      s.reject_unknown_keys();
    }
    site_tables.reject_unknown_keys();
  }
  r.reject_unknown_keys();
}

void read_http(TableReader& r, HttpConfig& out) {
  if (r.read("listen", out.listen) && !out.listen.empty()) {
    const auto colon = out.listen.rfind(':');
    const std::string port = colon == std::string::npos ? "" : out.listen.substr(colon + 1);
    const bool port_ok = !port.empty() && port.size() <= 5 &&
                         std::ranges::all_of(port, [](char c) { return c >= '0' && c <= '9'; }) &&
                         std::stoi(port) <= 65535;
    if (!port_ok || colon == 0) {
      r.problems().add(r.node("listen")->source(), r.path_of("listen"),
                       "'" + out.listen + "' is not address:port (e.g. \"127.0.0.1:9469\")");
    }
  }
  r.read("max_connections", out.max_connections, 1, 65536);
  if (read_duration(r, "request_timeout", out.request_timeout) &&
      (out.request_timeout < std::chrono::seconds(1) ||
       out.request_timeout > std::chrono::minutes(10))) {
    r.problems().add(r.node("request_timeout")->source(), r.path_of("request_timeout"),
                     "must be between 1s and 10m");
  }
  r.read("legacy_metrics", out.legacy_metrics);
  r.reject_unknown_keys();
}

}  // namespace detail
}  // namespace sitepatrol::config
