#include "checks/personal_data.h"

#include <algorithm>
#include <array>
#include <optional>
#include <set>

#include "checks/utf8.h"

namespace sitepatrol::checks {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum(char c) { return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Full-width digits and X folded to ASCII, zero-width characters dropped: what a reader sees
// as the same number is scanned as the same number.
std::string fold(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(text[i + k]); };
    if (i + 2 < text.size() && b(0) == 0xEF && b(1) == 0xBC && b(2) >= 0x90 && b(2) <= 0x99) {
      out += static_cast<char>('0' + (b(2) - 0x90));  // ０-９
      i += 2;
    } else if (i + 2 < text.size() && b(0) == 0xEF &&
               ((b(1) == 0xBC && b(2) == 0xB8) || (b(1) == 0xBD && b(2) == 0x98))) {
      out += 'X';  // Ｘ ｘ
      i += 2;
    } else if (i + 2 < text.size() && b(0) == 0xE2 && b(1) == 0x80 && b(2) >= 0x8B &&
               b(2) <= 0x8D) {
      i += 2;  // zero-width space, non-joiner, joiner
    } else if (i + 2 < text.size() && b(0) == 0xEF && b(1) == 0xBB && b(2) == 0xBF) {
      i += 2;  // BOM / zero-width no-break space
    } else {
      out += text[i];
    }
  }
  return out;
}

// The bytes of `text` that end at `end`, at most `max` long, starting on a character.
std::string_view before(std::string_view text, std::size_t end, std::size_t max) {
  std::size_t start = end > max ? end - max : 0;
  while (start < end && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) ++start;
  return text.substr(start, end - start);
}

bool contains_any(std::string_view hay, std::initializer_list<std::string_view> needles) {
  return std::ranges::any_of(needles, [&](std::string_view n) { return hay.find(n) != hay.npos; });
}

bool is_han(char32_t c) { return c >= 0x4E00 && c <= 0x9FFF; }

// The hundred commonest surnames (2020 census), which cover some 85 % of the population,
// and the compound ones still met.
bool is_surname(char32_t c) {
  static const std::set<char32_t> surnames = [] {
    const std::u32string list =
        U"王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程"
        U"魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付傅方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺"
        U"毛郝顾龚邵万覃武钱戴严莫孔向常汤康易乔赖文施洪辛柯庄于";
    return std::set<char32_t>(list.begin(), list.end());
  }();
  return surnames.contains(c);
}

bool is_compound_surname(char32_t a, char32_t b) {
  static const std::set<std::u32string> compound = {U"欧阳", U"司马", U"诸葛", U"上官",
                                                    U"东方", U"皇甫", U"令狐", U"慕容"};
  return compound.contains(std::u32string{a, b});
}

// A personal name written shortly before a number: a run of two or three Han characters
// (three or four with a compound surname) standing alone and starting with a surname.
bool name_before(std::string_view text, std::size_t at) {
  const auto cps = decode_utf8(before(text, at, 36));
  for (std::size_t i = 0; i < cps.size();) {
    if (!is_han(cps[i])) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < cps.size() && is_han(cps[j])) ++j;
    const std::size_t len = j - i;
    const bool compound = len >= 3 && is_compound_surname(cps[i], cps[i + 1]);
    if ((compound && len <= 4) || (!compound && len >= 2 && len <= 3 && is_surname(cps[i])))
      return true;
    i = j;
  }
  return false;
}

bool card_prefix(std::string_view d) {
  if (d.starts_with("62") || d.starts_with("4")) return true;
  return d.size() >= 2 && d[0] == '5' && d[1] >= '1' && d[1] <= '5';
}

bool valid_date(std::string_view yyyymmdd) {
  const int y = std::stoi(std::string(yyyymmdd.substr(0, 4)));
  const int m = std::stoi(std::string(yyyymmdd.substr(4, 2)));
  const int d = std::stoi(std::string(yyyymmdd.substr(6, 2)));
  if (y < 1900 || y > 2099 || m < 1 || m > 12 || d < 1) return false;
  static constexpr std::array<int, 12> days = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= (m == 2 && !leap ? 28 : days[static_cast<std::size_t>(m - 1)]);
}

// A number as written: digits, in groups joined by single spaces or hyphens.
struct Token {
  std::size_t start = 0;
  std::size_t end = 0;
  std::string digits;
  bool grouped = false;
  bool x_last = false;  // ends in X (an ID's check character)
};

// The number starting at `i` (a digit not preceded by a letter or digit), or nothing when it
// runs into letters.
std::optional<Token> read_token(std::string_view t, std::size_t i) {
  Token tok;
  tok.start = i;
  std::size_t j = i;
  for (;;) {
    const std::size_t group = j;
    while (j < t.size() && is_digit(t[j])) ++j;
    tok.digits.append(t.substr(group, j - group));
    // Cards are written 6222 0212 3456 7890 128, mobiles 138-1234-5678: a group of three or
    // four digits joins the next one when that has at least three ("5678 3 王芳" does not).
    const std::size_t length = j - group;
    std::size_t next = j + 1;
    while (next < t.size() && is_digit(t[next])) ++next;
    if (j + 1 < t.size() && (t[j] == ' ' || t[j] == '-') && next - (j + 1) >= 3 && length >= 3 &&
        length <= 4) {
      tok.grouped = true;
      ++j;
      continue;
    }
    break;
  }
  if (!tok.grouped && tok.digits.size() == 17 && j < t.size() && (t[j] == 'X' || t[j] == 'x')) {
    tok.digits += 'X';
    tok.x_last = true;
    ++j;
  }
  if (j < t.size() && is_alnum(t[j])) return std::nullopt;
  tok.end = j;
  return tok;
}

}  // namespace

bool valid_resident_id(std::string_view id) {
  if (id.size() != 18 || !std::all_of(id.begin(), id.end() - 1, is_digit)) return false;
  static const std::set<std::string_view> provinces = {
      "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34",
      "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52",
      "53", "54", "61", "62", "63", "64", "65", "71", "81", "82", "83"};
  if (!provinces.contains(id.substr(0, 2)) || !valid_date(id.substr(6, 8))) return false;
  static constexpr std::array<int, 17> weights = {7, 9, 10, 5,  8, 4, 2, 1, 6,
                                                  3, 7, 9,  10, 5, 8, 4, 2};
  int sum = 0;
  for (std::size_t i = 0; i < 17; ++i) sum += (id[i] - '0') * weights[i];
  static constexpr std::string_view checks = "10X98765432";
  const char last = id[17] == 'x' ? 'X' : id[17];
  return checks[static_cast<std::size_t>(sum % 11)] == last;
}

bool luhn_valid(std::string_view digits) {
  if (digits.empty() || !std::ranges::all_of(digits, is_digit)) return false;
  int sum = 0;
  bool twice = false;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    int d = *it - '0';
    if (twice && (d *= 2) > 9) d -= 9;
    sum += d;
    twice = !twice;
  }
  return sum % 10 == 0;
}

std::string mask_resident_id(std::string_view id) {
  if (id.size() < 10) return std::string(id.size(), '*');
  return std::string(id.substr(0, 6)) + std::string(id.size() - 10, '*') +
         std::string(id.substr(id.size() - 4));
}

std::string mask_bank_card(std::string_view digits) {
  if (digits.size() < 8) return std::string(digits.size(), '*');
  return std::string(digits.substr(0, 4)) + std::string(digits.size() - 8, '*') +
         std::string(digits.substr(digits.size() - 4));
}

std::string mask_mobile(std::string_view digits) {
  if (digits.size() != 11) return std::string(digits.size(), '*');
  return std::string(digits.substr(0, 3)) + "****" + std::string(digits.substr(7));
}

PersonalData find_personal_data(std::string_view text) {
  const std::string t = fold(text);
  PersonalData found;
  std::set<std::string> seen;
  std::vector<std::string> named_mobiles;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (!is_digit(t[i]) || (i > 0 && is_alnum(t[i - 1]))) continue;
    const auto tok = read_token(t, i);
    if (!tok) {
      while (i + 1 < t.size() && is_alnum(t[i + 1])) ++i;
      continue;
    }
    i = tok->end - 1;
    const std::string& d = tok->digits;
    if (!tok->grouped && d.size() == 18 && valid_resident_id(d)) {
      if (contains_any(before(t, tok->start, 30), {"信用代码"})) continue;
      if (seen.insert(d).second) found.resident_ids.push_back(d);
    } else if (!tok->x_last && d.size() >= 16 && d.size() <= 19 && card_prefix(d) &&
               luhn_valid(d)) {
      const auto context = before(t, tok->start, 30);
      if (!contains_any(context, {"卡号", "银行卡", "账号", "帐号", "账户", "帐户"})) continue;
      if (contains_any(before(t, tok->start, 90), {"单位", "对公", "公司", "财政"})) continue;
      if (seen.insert(d).second) found.bank_cards.push_back(d);
    } else if (d.size() == 11 && d[0] == '1' && d[1] >= '3' && d[1] <= '9') {
      if (name_before(t, tok->start) && seen.insert(d).second) named_mobiles.push_back(d);
    }
  }
  if (named_mobiles.size() >= 3) found.mobiles = std::move(named_mobiles);
  return found;
}

}  // namespace sitepatrol::checks
