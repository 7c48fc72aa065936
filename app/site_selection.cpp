#include "app/site_selection.h"

#include <charconv>
#include <cstdint>

namespace sitepatrol::app {

namespace {

std::uint32_t fnv1a(const std::string& s) {
  std::uint32_t h = 2166136261u;
  for (unsigned char c : s) {
    h ^= c;
    h *= 16777619u;
  }
  return h;
}

}  // namespace

std::expected<Shard, std::string> parse_shard(const std::string& text) {
  const auto slash = text.find('/');
  Shard s;
  if (slash == std::string::npos) return std::unexpected("--shard: expected K/N, e.g. 0/4");
  auto a = std::from_chars(text.data(), text.data() + slash, s.k);
  auto b = std::from_chars(text.data() + slash + 1, text.data() + text.size(), s.n);
  if (a.ec != std::errc{} || a.ptr != text.data() + slash || b.ec != std::errc{} ||
      b.ptr != text.data() + text.size())
    return std::unexpected("--shard: expected K/N with whole numbers, got '" + text + "'");
  if (s.n == 0 || s.k >= s.n)
    return std::unexpected("--shard: K must be between 0 and N-1, got '" + text + "'");
  return s;
}

std::expected<std::vector<const config::SiteConfig*>, std::string> select_sites(
    const config::Config& config, const std::vector<std::string>& ids, const Shard& shard) {
  for (const auto& id : ids) {
    bool known = false;
    for (const auto& s : config.sites) known = known || s.id == id;
    if (!known) return std::unexpected("--site: no site with id '" + id + "' in the configuration");
  }
  std::vector<const config::SiteConfig*> out;
  for (const auto& s : config.sites) {
    bool named = ids.empty();
    for (const auto& id : ids) named = named || s.id == id;
    if (named && fnv1a(s.id) % shard.n == shard.k) out.push_back(&s);
  }
  return out;
}

}  // namespace sitepatrol::app
