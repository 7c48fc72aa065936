#include "checks/column_history.h"

#include <set>

namespace sitepatrol::checks {
namespace {

std::uint64_t fnv1a(std::uint64_t h, std::string_view s) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h ^ 0xff;  // a separator, so ("ab","c") and ("a","bc") differ
}

ColumnObservation observe(std::string url, std::string name, std::string key,
                          std::string column_class, const std::vector<Entry>& entries,
                          std::optional<Date> newest,
                          const std::map<std::string, ColumnState>& previous, Date today) {
  ColumnObservation o;
  o.url = std::move(url);
  o.name = std::move(name);
  o.key = std::move(key);
  o.column_class = std::move(column_class);
  o.newest = newest;
  o.entries = static_cast<int>(entries.size());
  std::uint64_t hash = 14695981039346656037ull;
  std::set<std::string> urls;
  for (const Entry& e : entries) {
    hash = fnv1a(fnv1a(hash, e.url), e.title);
    if (urls.insert(e.url).second) o.state.entry_urls.push_back(e.url);
  }
  o.state.list_hash = hash;
  o.state.newest = newest;
  auto before = previous.find(o.url);
  if (before == previous.end()) {
    o.first_seen = true;
    for (const Entry& e : entries) {
      if (e.date && e.date->year() == today.year() && e.date->month() == today.month()) {
        ++o.new_entries;
      }
    }
    return o;
  }
  const std::set<std::string> seen(before->second.entry_urls.begin(),
                                   before->second.entry_urls.end());
  for (const std::string& u : o.state.entry_urls) o.new_entries += seen.contains(u) ? 0 : 1;
  o.dates_suspicious = !entries.empty() && before->second.list_hash == hash && newest &&
                       before->second.newest && *newest > *before->second.newest;
  return o;
}

}  // namespace

std::vector<ColumnObservation> observe_columns(const SiteResult& result,
                                               const std::map<std::string, ColumnState>& previous,
                                               Date today) {
  std::vector<ColumnObservation> out;
  for (const PageSummary& p : result.summaries) {
    if (!p.is_homepage || !p.ok) continue;
    out.push_back(observe(p.url, p.title, "homepage", "news", p.facts.entries,
                          newest_entry(p.facts.entries, today), previous, today));
  }
  for (const Column& c : result.columns) {
    if (!c.fetched) continue;
    out.push_back(observe(c.url, c.name, c.key, c.column_class, c.entries, newest_date(c, today),
                          previous, today));
  }
  return out;
}

}  // namespace sitepatrol::checks
