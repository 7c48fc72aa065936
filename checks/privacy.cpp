#include "checks/privacy.h"

#include <string>
#include <vector>

#include "checks/emit.h"
#include "checks/personal_data.h"

namespace sitepatrol::checks {
namespace {

constexpr std::size_t kShown = 3;  // masked examples per kind

// Appends one kind to the English text and, as `<key>` (count) and `<key>_shown` (masked
// examples, ", "-separated, "…" last when more), to the detail's values.
void describe(Detail& detail, std::string_view key, const std::vector<std::string>& numbers,
              std::string_view one, std::string_view many, std::string (*mask)(std::string_view)) {
  if (numbers.empty()) return;
  std::string shown;
  for (std::size_t i = 0; i < numbers.size() && i < kShown; ++i) {
    shown += (i ? ", " : "") + mask(numbers[i]);
  }
  if (numbers.size() > kShown) shown += ", …";
  detail.text += detail.text.empty() ? "unmasked personal data: " : ", ";
  detail.text +=
      std::to_string(numbers.size()) + " " + std::string(numbers.size() == 1 ? one : many);
  detail.text += " (" + shown + ")";
  detail.args.push_back({std::string(key), std::to_string(numbers.size())});
  detail.args.push_back({std::string(key) + "_shown", shown});
}

}  // namespace

void check_privacy(const SiteContext& ctx, const PageResult& page, Findings& out) {
  if (page.error != FetchError::none || page.status != 200 || page.text.empty()) return;
  const PersonalData found = find_personal_data(page.text);
  if (found.empty()) return;
  Detail detail{"", "content.personal_data"};
  describe(detail, "resident_ids", found.resident_ids, "resident ID number", "resident ID numbers",
           mask_resident_id);
  describe(detail, "bank_cards", found.bank_cards, "bank card number", "bank card numbers",
           mask_bank_card);
  describe(detail, "mobiles", found.mobiles, "mobile number beside names",
           "mobile numbers beside names", mask_mobile);
  emit(ctx, out, "CONTENT-PRIVACY", Severity::critical, page.url, page.url, detail);
}

}  // namespace sitepatrol::checks
