// Page style sheets parsed once per thread (see page_styles.h).
#include "crawler/page_styles.h"

#include <array>
#include <string>

#include "checks/visibility.h"

namespace sitepatrol::crawler {
namespace {

constexpr std::size_t kSlots = 4;  // a patrol's parse threads see a few templates at once

std::shared_ptr<const checks::Stylesheet> parse(std::span<const std::string_view> styles) {
  auto sheet = std::make_shared<checks::Stylesheet>();
  for (std::string_view css : styles) sheet->add(css, checks::is_visibility_property);
  return sheet;
}

// The blocks, each after its length: ["a", "b"] and ["ab"] differ, and so do blocks that
// hold the bytes a separator would be (a hostile page's NUL).
std::string key_of(std::span<const std::string_view> styles) {
  std::string key;
  for (std::string_view css : styles) {
    key.append(std::to_string(css.size())).push_back(':');
    key.append(css);
  }
  return key;
}

struct Slot {
  std::string key;
  std::shared_ptr<const checks::Stylesheet> sheet;
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
  std::string key = key_of(styles);
  for (const Slot& slot : cache.slots) {
    if (slot.sheet && slot.key == key) return slot.sheet;
  }
  Slot& slot = cache.slots[cache.next];
  cache.next = (cache.next + 1) % kSlots;
  slot.key = std::move(key);
  slot.sheet = parse(styles);
  return slot.sheet;
}

}  // namespace sitepatrol::crawler
