#include "checks/privacy.h"

#include <string>
#include <vector>

#include "checks/emit.h"
#include "checks/personal_data.h"

namespace sitepatrol::checks {
namespace {

constexpr std::size_t kShown = 3;  // masked examples per kind

void describe(std::string& detail, const std::vector<std::string>& numbers, std::string_view one,
              std::string_view many, std::string (*mask)(std::string_view)) {
  if (numbers.empty()) return;
  detail += detail.empty() ? "unmasked personal data: " : ", ";
  detail += std::to_string(numbers.size()) + " " + std::string(numbers.size() == 1 ? one : many);
  detail += " (";
  for (std::size_t i = 0; i < numbers.size() && i < kShown; ++i) {
    detail += (i ? ", " : "") + mask(numbers[i]);
  }
  detail += numbers.size() > kShown ? ", …)" : ")";
}

}  // namespace

void check_privacy(const SiteContext& ctx, const PageResult& page, Findings& out) {
  if (page.error != FetchError::none || page.status != 200 || page.text.empty()) return;
  const PersonalData found = find_personal_data(page.text);
  if (found.empty()) return;
  std::string detail;
  describe(detail, found.resident_ids, "resident ID number", "resident ID numbers",
           mask_resident_id);
  describe(detail, found.bank_cards, "bank card number", "bank card numbers", mask_bank_card);
  describe(detail, found.mobiles, "mobile number beside names", "mobile numbers beside names",
           mask_mobile);
  emit(ctx, out, "CONTENT-PRIVACY", Severity::critical, page.url, page.url, detail);
}

}  // namespace sitepatrol::checks
