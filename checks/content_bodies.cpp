// ContentMatcher::bodies: abolished bodies named as if they still existed (CONTENT-OUTDATED).
#include <algorithm>
#include <array>
#include <string_view>

#include "checks/content_matcher.h"
#include "checks/content_scan.h"
#include "checks/dates.h"
#include "checks/utf8.h"

namespace sitepatrol::checks {
namespace {

// Written just before the name, these make it a former, foreign or regional body.
constexpr std::array<std::u32string_view, 24> kHistoricalBefore = {
    U"原",   U"前",       U"时任",   U"老",     U"美国",     U"英国",   U"法国", U"德国",
    U"日本", U"韩国",     U"俄罗斯", U"加拿大", U"澳大利亚", U"新西兰", U"印度", U"新加坡",
    U"台湾", U"台湾地区", U"香港",   U"澳门",   U"朝鲜",     U"越南",   U"泰国", U"国际"};

// In the same sentence, these describe the reform or the body's past.
constexpr std::array<std::u32string_view, 11> kReformWords = {
    U"不再保留", U"撤销",     U"组建", U"更名",   U"改为", U"划入",
    U"整合",     U"机构改革", U"前身", U"改革前", U"合并"};

// Characters after which a body's short name (交通部) is that body: punctuation, or these.
constexpr std::u32string_view kBeforeShortName = U"向由和与及同经在据对从将请被给为是于至即并或报";

bool is_short_name(std::string_view name) {
  return !name.starts_with("国家") && !name.starts_with("中国") && !name.starts_with("国务院");
}

bool ends_with(std::u32string_view text, std::size_t at, std::u32string_view suffix) {
  return at >= suffix.size() && text.substr(at - suffix.size(), suffix.size()) == suffix;
}

// Inside 《》: an unclosed 《 between the sentence's start and `at`.
bool in_title_marks(std::u32string_view text, std::size_t from, std::size_t at) {
  int open = 0;
  for (std::size_t k = from; k < at; ++k) {
    if (text[k] == U'《') ++open;
    if (text[k] == U'》' && open > 0) --open;
  }
  return open > 0;
}

// The four characters of `four` read as a year: Arabic digits, and with `numerals` also the
// Chinese ones (二〇〇五, 二零零五). Nullopt for anything else.
std::optional<int> year_of(std::u32string_view four, bool numerals) {
  static constexpr std::u32string_view kNumerals = U"〇一二三四五六七八九";
  int y = 0;
  for (const char32_t c : four) {
    const std::size_t numeral =
        numerals ? kNumerals.find(c == U'零' ? U'〇' : c) : std::u32string_view::npos;
    if (c >= '0' && c <= '9') {
      y = y * 10 + static_cast<int>(c - '0');
    } else if (numeral != std::u32string_view::npos) {
      y = y * 10 + static_cast<int>(numeral);
    } else {
      return std::nullopt;
    }
  }
  return y;
}

bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }

// A year written in the sentence (four digits then 年) up to `year`.
bool year_up_to(std::u32string_view sentence, int year) {
  for (std::size_t k = 0; k + 4 < sentence.size(); ++k) {
    if (sentence[k + 4] != U'年' || (k > 0 && is_digit(sentence[k - 1]))) continue;
    if (const auto y = year_of(sentence.substr(k, 4), false); y && *y <= year) return true;
  }
  return false;
}

// The latest year written in the page (2005年, 二〇〇五年, 2005-06-01), 0 when none: a page
// whose latest year is before a reform is a document of that time (an archived policy, a
// reply), whenever it was put online. A current page shows its own date (发布时间：2026-10-30).
int latest_year(std::u32string_view text) {
  int latest = 0;
  for (std::size_t k = 4; k < text.size(); ++k) {
    const bool iso = text[k] == '-' && k + 1 < text.size() && is_digit(text[k + 1]);
    if (text[k] != U'年' && !iso) continue;
    if (const auto y = year_of(text.substr(k - 4, 4), true); y && *y >= 1949 && *y <= 2100) {
      latest = std::max(latest, *y);
    }
  }
  return latest;
}

// The first of January of the year in the page's first document number (国办函〔2005〕57号),
// when one is near the top: the page is that document.
std::optional<std::chrono::sys_days> document_number_date(std::u32string_view text) {
  const std::size_t open = text.substr(0, 600).find(U'〔');
  if (open == std::u32string_view::npos || open + 5 >= text.size() || text[open + 5] != U'〕') {
    return std::nullopt;
  }
  const auto year = year_of(text.substr(open + 1, 4), false);
  if (!year) return std::nullopt;
  return std::chrono::sys_days(std::chrono::year(*year) / 1 / 1);
}

}  // namespace

void ContentMatcher::bodies(Scan& s, std::optional<std::chrono::sys_days> page_date) const {
  if (s.of(Role::body).empty()) return;  // the page-wide date readers below only serve bodies
  const std::u32string& chars = s.text.chars();
  if (!page_date) page_date = document_number_date(chars);
  const int page_year = latest_year(chars);
  for (const Occurrence& o : s.of(Role::body)) {
    if (s.full()) return;
    const std::size_t entry = patterns_[o.pattern].entry;
    const config::AbolishedBody& body = dictionary_->bodies[entry];
    if (page_date && *page_date < body.abolished) continue;
    const bool excepted =
        s.any_covering(Role::body_except, o.begin, o.end,
                       [&](const Occurrence& e) { return patterns_[e.pattern].entry == entry; });
    if (excepted) continue;
    if (std::ranges::any_of(kHistoricalBefore,
                            [&](std::u32string_view w) { return ends_with(chars, o.begin, w); })) {
      continue;
    }
    const int reform_year = static_cast<int>(std::chrono::year_month_day(body.abolished).year());
    if (page_year != 0 && page_year < reform_year) continue;
    if (o.end < chars.size() && chars[o.end] == U'令') continue;  // 交通部令2005年第1号
    // A minister of an abolished body is named with 原; without it, a foreign one (美国交通部长).
    if (o.end < chars.size() &&
        (chars[o.end] == U'长' || std::u32string_view(chars).substr(o.end, 2) == U"部长")) {
      continue;
    }
    if (is_short_name(body.name) && o.begin > 0 && is_han(chars[o.begin - 1]) &&
        kBeforeShortName.find(chars[o.begin - 1]) == std::u32string_view::npos) {
      continue;
    }
    const auto bounds = s.text.sentence_bounds(o.begin, o.end);
    const std::size_t from = bounds.first, to = bounds.second;
    const std::u32string_view sentence(chars.data() + from, to - from);
    if (in_title_marks(chars, from, o.begin)) continue;
    if (std::ranges::any_of(kReformWords, [&](std::u32string_view w) {
          return sentence.find(w) != std::u32string_view::npos;
        })) {
      continue;
    }
    if (year_up_to(sentence, reform_year)) continue;
    // A body nested in a longer one found here (国家卫生计生委 in 原国家卫生计生委) is
    // judged with it; the same body twice in a sentence is reported once.
    const bool again = std::ranges::any_of(s.hits, [&](const ContentHit& h) {
      return h.kind == ContentKind::outdated && h.found == body.name && h.at >= from && h.at < to;
    });
    if (again) continue;
    s.hits.push_back(ContentHit{ContentKind::outdated, body.name, body.successor,
                                "abolished " + to_string(Date(body.abolished)),
                                s.text.sentence(o.begin, o.end), o.begin});
  }
}

}  // namespace sitepatrol::checks
