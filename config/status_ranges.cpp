// Status ranges (see status_ranges.h).
#include "config/status_ranges.h"

#include <algorithm>
#include <charconv>

namespace sitepatrol::config {
namespace {

std::optional<int> status_number(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  int v = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size() || v < 100 || v > 999) {
    return std::nullopt;
  }
  return v;
}

}  // namespace

std::optional<StatusRange> parse_status_range(std::string_view text) {
  std::size_t sep = text.find("..=");
  std::size_t skip = 3;
  if (sep == std::string_view::npos) {
    sep = text.find('-');
    skip = 1;
  }
  if (sep == std::string_view::npos) {
    auto v = status_number(text);
    if (!v) return std::nullopt;
    return StatusRange{*v, *v};
  }
  auto lo = status_number(text.substr(0, sep));
  auto hi = status_number(text.substr(sep + skip));
  if (!lo || !hi || *lo > *hi) return std::nullopt;
  return StatusRange{*lo, *hi};
}

std::string check_status_range(std::string& text) {
  if (parse_status_range(text)) return "";
  return "'" + text +
         "' is not a status or range of statuses (\"403\", \"200-299\", \"200..=204\"; 100 to "
         "999, low end first)";
}

bool status_in(std::span<const StatusRange> ranges, int status) {
  return std::ranges::any_of(
      ranges, [status](const StatusRange& r) { return r.lo <= status && status <= r.hi; });
}

}  // namespace sitepatrol::config
