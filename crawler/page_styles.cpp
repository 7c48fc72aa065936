// Page style sheets parsed once per thread (see page_styles.h).
#include "crawler/page_styles.h"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "checks/visibility.h"

namespace sitepatrol::crawler {
namespace {

constexpr std::size_t kSlots = 4;  // a patrol's parse threads see a few templates at once

std::shared_ptr<const checks::Stylesheet> parse(std::span<const std::string_view> styles) {
  auto sheet = std::make_shared<checks::Stylesheet>();
  for (std::string_view css : styles) sheet->add(css, checks::is_visibility_property);
  return sheet;
}

struct Slot {
  std::vector<std::string> blocks;  // each <style>'s content: ["a", "b"] and ["ab"] differ
  std::shared_ptr<const checks::Stylesheet> sheet;

  // Compared where they are, block by block: a hit copies nothing of the page.
  bool holds(std::span<const std::string_view> styles) const {
    return sheet && std::ranges::equal(blocks, styles);
  }
};

struct Cache {
  std::array<Slot, kSlots> slots;
  std::size_t next = 0;  // the slot the next new sheet takes, round robin
};

}  // namespace

std::shared_ptr<const checks::Stylesheet> page_styles(std::span<const std::string_view> styles) {
  std::size_t bytes = 0;
  for (std::string_view css : styles) bytes += css.size();
  if (bytes > kMaxCachedStyleBytes) return parse(styles);
  thread_local Cache cache;
  for (const Slot& slot : cache.slots) {
    if (slot.holds(styles)) return slot.sheet;
  }
  Slot& slot = cache.slots[cache.next];
  cache.next = (cache.next + 1) % kSlots;
  slot.blocks.assign(styles.begin(), styles.end());
  slot.sheet = parse(styles);
  return slot.sheet;
}

}  // namespace sitepatrol::crawler
