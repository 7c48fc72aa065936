#include "checks/identifiers.h"

#include <algorithm>
#include <array>
#include <string>

#include "checks/availability.h"
#include "checks/emit.h"
#include "checks/host.h"
#include "config/ascii.h"

namespace sitepatrol::checks {
namespace {

constexpr std::size_t kFooterBytes = 3000;
constexpr std::size_t kSiteCodeLength = 10;
constexpr std::size_t kMinFilingDigits = 5;

// Province abbreviations as the ICP (MIIT) and public-security registries write them.
// Each is one CJK character, three bytes of UTF-8.
constexpr std::array<std::string_view, 36> kProvinces = {
    "京", "津", "冀", "晋", "蒙", "辽", "吉", "黑", "沪", "苏", "浙", "皖",
    "闽", "赣", "鲁", "豫", "鄂", "湘", "粤", "桂", "琼", "渝", "川", "蜀",
    "贵", "黔", "云", "滇", "藏", "陕", "秦", "甘", "陇", "青", "宁", "新"};

constexpr std::string_view kNbsp = "\xC2\xA0";
constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alnum(char c) { return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Length of the space character starting at `pos` (ASCII space/tab, U+00A0, U+3000), or 0.
std::size_t space_at(std::string_view text, std::size_t pos) {
  const std::string_view rest = text.substr(pos);
  if (rest.starts_with(' ') || rest.starts_with('\t')) return 1;
  if (rest.starts_with(kNbsp)) return kNbsp.size();
  if (rest.starts_with(kIdeographicSpace)) return kIdeographicSpace.size();
  return 0;
}

std::size_t skip_spaces(std::string_view text, std::size_t pos) {
  while (pos < text.size()) {
    const std::size_t n = space_at(text, pos);
    if (n == 0) break;
    pos += n;
  }
  return pos;
}

// Walks back from `end` over spaces; returns where they start.
std::size_t skip_spaces_back(std::string_view text, std::size_t end) {
  for (;;) {
    const std::string_view before = text.substr(0, end);
    if (before.ends_with(' ') || before.ends_with('\t')) {
      end -= 1;
    } else if (before.ends_with(kNbsp)) {
      end -= kNbsp.size();
    } else if (before.ends_with(kIdeographicSpace)) {
      end -= kIdeographicSpace.size();
    } else {
      return end;
    }
  }
}

bool province_before(std::string_view text, std::size_t end) {
  const std::string_view before = text.substr(0, skip_spaces_back(text, end));
  return std::ranges::any_of(kProvinces, [&](std::string_view p) { return before.ends_with(p); });
}

bool digits_from(std::string_view text, std::size_t pos, std::size_t at_least) {
  pos = skip_spaces(text, pos);
  std::size_t n = 0;
  while (pos + n < text.size() && is_digit(text[pos + n])) ++n;
  return n >= at_least;
}

// A filing number: a province abbreviation, `keyword` (matched in `haystack`, which is the
// text with ASCII lower-cased, so "ICP" matches as "icp"), and the digits.
bool has_filing(std::string_view haystack, std::string_view keyword) {
  for (auto pos = haystack.find(keyword); pos != std::string_view::npos;
       pos = haystack.find(keyword, pos + 1)) {
    if (province_before(haystack, pos) &&
        digits_from(haystack, pos + keyword.size(), kMinFilingDigits)) {
      return true;
    }
  }
  return false;
}

// The code after a label: optional spaces, ":" or "：", spaces, then two letters or digits and
// eight digits (4300000077, bm55000001) not followed by another digit. A letter may follow:
// inline elements are not separated in the text, so "4300000077Copyright" is the code.
bool code_after(std::string_view text, std::size_t pos) {
  pos = skip_spaces(text, pos);
  const std::string_view rest = text.substr(pos);
  if (rest.starts_with(':')) {
    pos += 1;
  } else if (rest.starts_with("：")) {
    pos += std::string_view("：").size();
  }
  const std::string_view code = text.substr(skip_spaces(text, pos));
  if (code.size() < kSiteCodeLength) return false;
  if (!is_alnum(code[0]) || !is_alnum(code[1])) return false;
  if (!std::all_of(code.begin() + 2, code.begin() + kSiteCodeLength, is_digit)) return false;
  return code.size() == kSiteCodeLength || !is_digit(code[kSiteCodeLength]);
}

bool has_party_gov_mark(const PageResult& home) {
  return std::ranges::any_of(
      home.links, [](const LinkRef& l) { return host_within(host_of(l.url), "conac.cn"); });
}

}  // namespace

std::string_view footer_of(std::string_view text) {
  if (text.size() <= kFooterBytes) return text;
  std::size_t start = text.size() - kFooterBytes;
  while (start < text.size() && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) ++start;
  return text.substr(start);
}

bool has_site_code(std::string_view text) {
  constexpr std::array<std::string_view, 3> labels = {"网站标识码", "网站识别码", "网站标示码"};
  return std::ranges::any_of(labels, [&](std::string_view label) {
    for (auto pos = text.find(label); pos != std::string_view::npos;
         pos = text.find(label, pos + 1)) {
      if (code_after(text, pos + label.size())) return true;
    }
    return false;
  });
}

bool has_icp_number(std::string_view text) { return has_filing(ascii_lower(text), "icp备"); }

bool has_police_record(std::string_view text) { return has_filing(text, "公网安备"); }

void check_identifiers(const SiteContext& ctx, const SiteResult& result, Findings& out) {
  const PageResult& home = result.homepage;
  if (!homepage_up(home) || home.text.empty()) return;
  const std::string_view footer = footer_of(home.text);
  const auto missing = [&](const char* kind, const char* detail) {
    emit(ctx, out, "ID-MISSING", Severity::warning, kind, home.url,
         Detail{detail, "id.missing_" + std::string(kind)});
  };
  if (!has_site_code(footer)) {
    missing("site_code", "no 网站标识码 (a 10-character site code) in the homepage footer");
  }
  if (!has_icp_number(footer)) {
    missing("icp", "no ICP备案号 (e.g. 京ICP备19014889号) in the homepage footer");
  }
  if (!has_police_record(footer)) {
    missing("police_record",
            "no 公安机关备案号 (e.g. 京公网安备11010202008000号) in the homepage footer");
  }
  if (!has_party_gov_mark(home)) {
    missing("party_gov_mark", "no 党政机关网站 mark (a link or image to conac.cn) on the homepage");
  }
}

}  // namespace sitepatrol::checks
