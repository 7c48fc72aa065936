// Finding unmasked personal data in a page's visible text: resident ID numbers, bank card
// numbers, and lists of mobile numbers beside personal names (CONTENT-PRIVACY, issue 13).
//
// Precision comes first, since a finding is critical: a number counts only when it is a
// whole number on its own (not part of a longer run of digits) and carries its own proof.
// - Resident ID (GB 11643-1999): 17 digits and a check character (digit or X) that the
//   ISO 7064 MOD 11-2 sum confirms, a known province code and a real date of birth.
// - Bank card: 16 to 19 digits (optionally in groups of four) that pass the Luhn check,
//   start as UnionPay, Visa or Mastercard cards do (62, 4, 51-55), and have a card word
//   (卡号, 银行卡, 账号 …) just before them; a unit's account (单位, 对公, 公司, 财政) is not
//   personal.
// - Mobile: an 11-digit mainland number (1[3-9]…) with a personal name (a common surname and
//   one or two more characters) shortly before it. One contact number is normal on a
//   government page; only a list (3 or more distinct numbers beside names) is reported.
// Full-width digits are folded to ASCII first; masked numbers (110101********1234) never match.
//
// Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sitepatrol::checks {

struct PersonalData {
  std::vector<std::string> resident_ids;  // 18 characters, as written (X upper-cased)
  std::vector<std::string> bank_cards;    // digits only
  std::vector<std::string> mobiles;       // 11 digits; empty unless a list (see above)
  bool empty() const { return resident_ids.empty() && bank_cards.empty() && mobiles.empty(); }
};

PersonalData find_personal_data(std::string_view text);

// GB 11643-1999: province code, date of birth and check character of an 18-character ID.
bool valid_resident_id(std::string_view id);
bool luhn_valid(std::string_view digits);

// Masks for showing a number without disclosing it: 110101********1234, 6222*********1234,
// 138****5678. Reports and findings only ever carry these.
std::string mask_resident_id(std::string_view id);
std::string mask_bank_card(std::string_view digits);
std::string mask_mobile(std::string_view digits);

}  // namespace sitepatrol::checks
