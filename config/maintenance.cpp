#include "config/maintenance.h"

#include <algorithm>
#include <cstdio>
#include <ctime>

#include "config/maintenance_section.h"
#include "config/schedule_section.h"

namespace sitepatrol::config {

namespace {

using std::chrono::system_clock;

// A recurring window that started in (now - duration, now] contains now.
std::optional<MaintenanceSpan> occurrence_at(const MaintenanceWindow& w,
                                             system_clock::time_point now) {
  if (!w.cron) {
    if (w.from <= now && now < w.to) return MaintenanceSpan{w.from, w.to, w.text};
    return std::nullopt;
  }
  const auto start = w.cron->next(now - w.duration);
  if (start && *start <= now) return MaintenanceSpan{*start, *start + w.duration, w.text};
  return std::nullopt;
}

}  // namespace

const MaintenanceWindow* maintenance_at(const std::vector<MaintenanceWindow>& windows,
                                        system_clock::time_point now) {
  for (const auto& w : windows)
    if (occurrence_at(w, now)) return &w;
  return nullptr;
}

std::vector<MaintenanceSpan> maintenance_spans(const std::vector<MaintenanceWindow>& windows,
                                               system_clock::time_point begin,
                                               system_clock::time_point end, std::size_t limit) {
  std::vector<MaintenanceSpan> out;
  for (const auto& w : windows) {
    if (!w.cron) {
      if (w.from < end && begin < w.to) out.push_back({w.from, w.to, w.text});
      continue;
    }
    // Starts after begin - duration are the ones still running at begin or later.
    auto start = w.cron->next(begin - w.duration);
    for (std::size_t n = 0; start && *start < end && n < limit; ++n) {
      out.push_back({*start, *start + w.duration, w.text});
      start = w.cron->next(*start);
    }
  }
  std::ranges::sort(out, {}, &MaintenanceSpan::from);
  if (out.size() > limit) out.resize(limit);
  return out;
}

std::optional<system_clock::time_point> parse_local_time(std::string_view text) {
  if (text.size() != 16 && text.size() != 19) return std::nullopt;
  const std::string s(text);
  std::tm tm{};
  int consumed = 0;
  const bool seconds = s.size() == 19;
  const int fields =
      seconds ? std::sscanf(s.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%n", &tm.tm_year, &tm.tm_mon,
                            &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &tm.tm_sec, &consumed)
              : std::sscanf(s.c_str(), "%4d-%2d-%2dT%2d:%2d%n", &tm.tm_year, &tm.tm_mon,
                            &tm.tm_mday, &tm.tm_hour, &tm.tm_min, &consumed);
  if (fields != (seconds ? 6 : 5) || consumed != static_cast<int>(s.size())) return std::nullopt;
  // sscanf accepts signs and spaces inside %2d; the fixed layout rules those out.
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const bool sep = i == 4 || i == 7 || i == 10 || i == 13 || i == 16;
    if (!sep && (c < '0' || c > '9')) return std::nullopt;
  }
  const std::tm asked = tm;
  if (tm.tm_mon < 1 || tm.tm_mon > 12 || tm.tm_mday < 1 || tm.tm_mday > 31 || tm.tm_hour > 23 ||
      tm.tm_min > 59 || tm.tm_sec > 59)
    return std::nullopt;
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  tm.tm_isdst = -1;
  const std::time_t t = std::mktime(&tm);
  if (t == static_cast<std::time_t>(-1)) return std::nullopt;
  if (tm.tm_mday != asked.tm_mday) return std::nullopt;  // 2026-02-30 rolled over
  return system_clock::from_time_t(t);
}

std::string local_minute(system_clock::time_point t) {
  const std::time_t secs = system_clock::to_time_t(t);
  std::tm tm{};
  localtime_r(&secs, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M", &tm);
  return buf;
}

namespace detail {

namespace {

bool read_time(TableReader& r, std::string_view key, system_clock::time_point& out) {
  std::string text;
  if (!r.read(key, text)) return false;
  if (auto t = parse_local_time(text)) {
    out = *t;
    return true;
  }
  r.problems().add(r.node(key)->source(), r.path_of(key),
                   "'" + text + "' is not a local time such as \"2026-12-05T22:00\"");
  return false;
}

void read_window(TableReader& r, MaintenanceWindow& w) {
  const bool fixed = r.node("from") || r.node("to");
  const bool recurring = r.node("cron") || r.node("duration");
  if (fixed == recurring) {
    r.problems().add(r.where(), r.path_of(fixed ? "cron" : "from"),
                     fixed ? "give either from and to, or cron and duration, not both"
                           : "give from and to (local times), or cron and duration");
    return;
  }
  if (fixed) {
    const bool from = read_time(r, "from", w.from);
    const bool to = read_time(r, "to", w.to);
    if (!r.node("from") || !r.node("to")) {
      r.problems().add(r.where(), r.path_of(r.node("from") ? "to" : "from"),
                       "a window with from needs to, and the other way round");
    } else if (from && to && w.to <= w.from) {
      r.problems().add(r.node("to")->source(), r.path_of("to"), "must be later than from");
    }
    w.text = local_minute(w.from) + " – " + local_minute(w.to);
  } else {
    std::string cron;
    if (r.read("cron", cron)) {
      if (auto parsed = CronExpr::parse(cron)) {
        w.cron = std::move(*parsed);
      } else {
        r.problems().add(r.node("cron")->source(), r.path_of("cron"), parsed.error());
      }
    }
    if (!r.node("cron") || !r.node("duration")) {
      r.problems().add(r.where(), r.path_of(r.node("cron") ? "duration" : "cron"),
                       "a window with cron needs a duration, and the other way round");
    } else if (read_duration(r, "duration", w.duration) &&
               w.duration > std::chrono::hours(24 * 31)) {
      r.problems().add(r.node("duration")->source(), r.path_of("duration"), "at most 31 days");
    }
    w.text = cron + " (" +
             (r.node("duration") && r.node("duration")->as_string()
                  ? r.node("duration")->as_string()->get()
                  : std::string("?")) +
             ")";
  }
  r.reject_unknown_keys();
}

}  // namespace

void read_maintenance(TableReader& site, std::vector<MaintenanceWindow>& out) {
  for_each_table(site, "maintenance",
                 [&](TableReader& r, std::size_t) { read_window(r, out.emplace_back()); });
}

}  // namespace detail

}  // namespace sitepatrol::config
