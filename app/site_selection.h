// Choosing the sites of a patrol: `--site ID` (repeatable) and `--shard K/N`, which keeps
// the sites whose id hashes to K modulo N (K counts from 0), so N machines with K = 0..N-1
// share the registered sites without overlap. The hash is FNV-1a of the id: stable across
// machines and releases.
#pragma once

#include <expected>
#include <string>
#include <vector>

#include "config/config.h"

namespace sitepatrol::app {

struct Shard {
  unsigned k = 0;
  unsigned n = 1;
};

// "2/5" -> {2, 5}; an error message when malformed or K >= N.
std::expected<Shard, std::string> parse_shard(const std::string& text);

std::expected<std::vector<const config::SiteConfig*>, std::string> select_sites(
    const config::Config& config, const std::vector<std::string>& ids, const Shard& shard);

}  // namespace sitepatrol::app
