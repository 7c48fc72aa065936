#include "config/time_zone.h"

#include <algorithm>
#include <chrono>
#include <fstream>

namespace sitepatrol::config {

namespace {

constexpr std::size_t kMaxTzif = 1 << 20;  // real files are a few KiB

std::int64_t be(std::string_view s, std::size_t at, int bytes) {
  std::uint64_t v = 0;
  for (int i = 0; i < bytes; ++i) v = (v << 8) | static_cast<unsigned char>(s[at + i]);
  if (bytes == 4) return static_cast<std::int32_t>(static_cast<std::uint32_t>(v));
  return static_cast<std::int64_t>(v);
}

bool valid_name(std::string_view name) {
  if (name.empty() || name.size() > 64 || name.front() == '/' || name.front() == '.') {
    return false;
  }
  if (name.find("..") != std::string_view::npos) return false;
  return std::all_of(name.begin(), name.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/' ||
           c == '_' || c == '-' || c == '+';
  });
}

// [+-]hh[:mm[:ss]] as seconds; advances `s`.
bool read_hms(std::string_view& s, int& out) {
  int sign = 1;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    sign = s[0] == '-' ? -1 : 1;
    s.remove_prefix(1);
  }
  int parts[3] = {0, 0, 0};
  for (int i = 0; i < 3; ++i) {
    if (s.empty() || s[0] < '0' || s[0] > '9') return i > 0;
    int v = 0;
    while (!s.empty() && s[0] >= '0' && s[0] <= '9') {
      v = v * 10 + (s[0] - '0');
      s.remove_prefix(1);
      if (v > 999) return false;
    }
    parts[i] = v;
    out = sign * (parts[0] * 3600 + parts[1] * 60 + parts[2]);
    if (s.empty() || s[0] != ':') return true;
    s.remove_prefix(1);
  }
  return true;
}

// "CST" or "<+08>"; advances `s`.
bool read_abbr(std::string_view& s, std::string& out) {
  std::size_t n = 0;
  if (!s.empty() && s[0] == '<') {
    n = s.find('>');
    if (n == std::string_view::npos) return false;
    out = std::string(s.substr(1, n - 1));
    s.remove_prefix(n + 1);
    return true;
  }
  while (n < s.size() && ((s[n] >= 'A' && s[n] <= 'Z') || (s[n] >= 'a' && s[n] <= 'z'))) ++n;
  if (n < 3) return false;
  out = std::string(s.substr(0, n));
  s.remove_prefix(n);
  return true;
}

// ",Mm.w.d[/time]"; advances `s`.
bool read_date_rule(std::string_view& s, int& month, int& week, int& weekday, int& time) {
  if (s.size() < 2 || s[0] != ',' || s[1] != 'M') return false;
  s.remove_prefix(2);
  int v[3] = {0, 0, 0};
  for (int i = 0; i < 3; ++i) {
    if (s.empty() || s[0] < '0' || s[0] > '9') return false;
    while (!s.empty() && s[0] >= '0' && s[0] <= '9') {
      v[i] = v[i] * 10 + (s[0] - '0');
      s.remove_prefix(1);
      if (v[i] > 99) return false;
    }
    if (i < 2) {
      if (s.empty() || s[0] != '.') return false;
      s.remove_prefix(1);
    }
  }
  if (v[0] < 1 || v[0] > 12 || v[1] < 1 || v[1] > 5 || v[2] > 6) return false;
  month = v[0];
  week = v[1];
  weekday = v[2];
  if (!s.empty() && s[0] == '/') {
    s.remove_prefix(1);
    return read_hms(s, time);
  }
  return true;
}

// Seconds since the epoch of local midnight starting the rule's day in `year` (as if UTC).
std::int64_t rule_day(int year, int month, int week, int weekday) {
  using namespace std::chrono;
  const sys_days first = sys_days(std::chrono::year(year) / std::chrono::month(month) / 1);
  const int first_weekday = static_cast<int>(std::chrono::weekday(first).c_encoding());
  int day = (weekday - first_weekday + 7) % 7 + (week - 1) * 7;
  const int length = static_cast<int>(
      unsigned((std::chrono::year(year) / std::chrono::month(month) / last).day()));
  while (day >= length) day -= 7;
  return (first + days(day)).time_since_epoch().count() * 86400LL;
}

}  // namespace

TimeZone::TimeZone() : name_("UTC") { types_.push_back(Type{0, false, "UTC"}); }

std::expected<TimeZone, std::string> TimeZone::load(std::string_view name,
                                                    const std::string& folder) {
  if (!valid_name(name))
    return std::unexpected("not a time zone name: '" + std::string(name) + "'");
  std::ifstream in(folder + "/" + std::string(name), std::ios::binary);
  if (!in) {
    return std::unexpected("no time zone '" + std::string(name) + "' in " + folder +
                           " (is tzdata installed?)");
  }
  std::string bytes(kMaxTzif + 1, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  if (bytes.size() > kMaxTzif)
    return std::unexpected(folder + "/" + std::string(name) + ": too large");
  return parse(name, bytes);
}

std::expected<TimeZone, std::string> TimeZone::parse(std::string_view name, std::string_view s) {
  const std::string bad = "'" + std::string(name) + "' is not a valid tz database file";
  auto header = [&](std::size_t at, std::int64_t(&counts)[6]) {
    if (s.size() < at + 44 || s.substr(at, 4) != "TZif") return false;
    for (int i = 0; i < 6; ++i) counts[i] = be(s, at + 20 + 4 * i, 4);
    return std::all_of(std::begin(counts), std::end(counts),
                       [](std::int64_t c) { return c >= 0 && c < 100000; });
  };
  // counts: isutcnt, isstdcnt, leapcnt, timecnt, typecnt, charcnt
  auto block_size = [](const std::int64_t(&c)[6], int time_bytes) {
    return static_cast<std::size_t>(c[3] * time_bytes + c[3] + c[4] * 6 + c[5] +
                                    c[2] * (time_bytes + 4) + c[1] + c[0]);
  };
  std::int64_t counts[6];
  if (!header(0, counts)) return std::unexpected(bad);
  std::size_t at = 44;
  int time_bytes = 4;
  if (s[4] >= '2') {  // skip the 32-bit block for the 64-bit one
    at += block_size(counts, 4);
    if (!header(at, counts)) return std::unexpected(bad);
    at += 44;
    time_bytes = 8;
  }
  if (s.size() < at + block_size(counts, time_bytes) || counts[4] == 0) {
    return std::unexpected(bad);
  }
  const std::size_t block = at;
  TimeZone z;
  z.name_ = std::string(name);
  z.types_.clear();
  const auto timecnt = static_cast<std::size_t>(counts[3]);
  const auto typecnt = static_cast<std::size_t>(counts[4]);
  const auto charcnt = static_cast<std::size_t>(counts[5]);
  for (std::size_t i = 0; i < timecnt; ++i) {
    z.transitions_.push_back(be(s, at + i * time_bytes, time_bytes));
  }
  at += timecnt * time_bytes;
  for (std::size_t i = 0; i < timecnt; ++i) {
    const auto index = static_cast<std::uint8_t>(s[at + i]);
    if (index >= typecnt) return std::unexpected(bad);
    z.indices_.push_back(index);
  }
  at += timecnt;
  const std::string_view chars = s.substr(at + typecnt * 6, charcnt);
  for (std::size_t i = 0; i < typecnt; ++i) {
    Type t;
    t.offset = static_cast<int>(be(s, at + i * 6, 4));
    t.dst = s[at + i * 6 + 4] != 0;
    const auto abbr = static_cast<unsigned char>(s[at + i * 6 + 5]);
    if (abbr < chars.size())
      t.abbr = std::string(chars.substr(abbr, chars.find('\0', abbr) - abbr));
    z.types_.push_back(std::move(t));
  }
  at = block + block_size(counts, time_bytes);
  if (time_bytes == 8 && at < s.size() && s[at] == '\n') {
    const auto end = s.find('\n', at + 1);
    if (end != std::string_view::npos) parse_rule(s.substr(at + 1, end - at - 1), z.rule_);
  }
  return z;
}

bool TimeZone::parse_rule(std::string_view s, Rule& out) {
  Rule r;
  int offset = 0;
  if (!read_abbr(s, r.standard.abbr) || !read_hms(s, offset)) return false;
  r.standard.offset = -offset;  // POSIX offsets are west of Greenwich
  if (!s.empty()) {
    if (!read_abbr(s, r.daylight.abbr)) return false;
    r.daylight.dst = true;
    r.daylight.offset = r.standard.offset + 3600;
    if (!s.empty() && s[0] != ',') {
      if (!read_hms(s, offset)) return false;
      r.daylight.offset = -offset;
    }
    if (!read_date_rule(s, r.start_month, r.start_week, r.start_weekday, r.start_time) ||
        !read_date_rule(s, r.end_month, r.end_week, r.end_weekday, r.end_time) || !s.empty()) {
      return false;
    }
    r.has_dst = true;
  }
  r.valid = true;
  out = std::move(r);
  return true;
}

ZoneOffset TimeZone::from_rule(std::int64_t t) const {
  const Rule& r = rule_;
  if (!r.has_dst) return ZoneOffset{r.standard.offset, r.standard.abbr};
  using namespace std::chrono;
  const int year = static_cast<int>(
      year_month_day(floor<days>(sys_seconds(seconds(t + r.standard.offset)))).year());
  // Transition moments in UTC: the start is given in standard time, the end in daylight time.
  const std::int64_t start = rule_day(year, r.start_month, r.start_week, r.start_weekday) +
                             r.start_time - r.standard.offset;
  const std::int64_t end =
      rule_day(year, r.end_month, r.end_week, r.end_weekday) + r.end_time - r.daylight.offset;
  const bool dst = start < end ? (t >= start && t < end) : (t >= start || t < end);
  const Type& type = dst ? r.daylight : r.standard;
  return ZoneOffset{type.offset, type.abbr};
}

ZoneOffset TimeZone::offset_at(std::int64_t t) const {
  if (!transitions_.empty() && t >= transitions_.back() && rule_.valid) return from_rule(t);
  if (transitions_.empty() && rule_.valid) return from_rule(t);
  const auto after = std::upper_bound(transitions_.begin(), transitions_.end(), t);
  std::size_t type = 0;
  if (after != transitions_.begin()) {
    type = indices_[static_cast<std::size_t>(after - transitions_.begin()) - 1];
  } else {
    // Before the first transition: the first standard-time type.
    for (std::size_t i = 0; i < types_.size(); ++i) {
      if (!types_[i].dst) {
        type = i;
        break;
      }
    }
  }
  return ZoneOffset{types_[type].offset, types_[type].abbr};
}

}  // namespace sitepatrol::config
