#include "crawler/site_memory.h"

namespace sitepatrol::crawler {

std::expected<SiteMemory, std::string> read_site_memory(store::Store& store,
                                                        const std::string& site) {
  auto stored = store.validators(site);
  if (!stored) return std::unexpected(stored.error().message);
  auto baselines = store.baselines(site);
  if (!baselines) return std::unexpected(baselines.error().message);
  auto columns = store.column_states(site);
  if (!columns) return std::unexpected(columns.error().message);
  SiteMemory memory;
  memory.columns = std::move(*columns);
  for (auto& [url, page] : *stored)
    memory.validators.emplace(url, Validators{page.etag, page.last_modified});
  memory.baselines = std::move(*baselines);
  return memory;
}

}  // namespace sitepatrol::crawler
