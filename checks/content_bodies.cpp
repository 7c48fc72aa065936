// ContentMatcher::bodies: abolished bodies named as if they still existed (CONTENT-OUTDATED).
#include <algorithm>
#include <array>
#include <string_view>

#include "checks/content_matcher.h"
#include "checks/content_scan.h"
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

// A year written in the sentence (four digits then 年) up to `year`.
bool year_up_to(std::u32string_view sentence, int year) {
  for (std::size_t k = 0; k + 4 < sentence.size(); ++k) {
    if (sentence[k + 4] != U'年') continue;
    int y = 0;
    bool digits = true;
    for (std::size_t d = k; d < k + 4; ++d) {
      digits = digits && sentence[d] >= '0' && sentence[d] <= '9';
      y = y * 10 + static_cast<int>(sentence[d] - '0');
    }
    if (digits && (k == 0 || sentence[k - 1] < '0' || sentence[k - 1] > '9') && y <= year) {
      return true;
    }
  }
  return false;
}

}  // namespace

void ContentMatcher::bodies(Scan& s, std::optional<std::chrono::sys_days> page_date) const {
  const std::u32string& chars = s.text.chars();
  for (const Occurrence& o : s.of(Role::body)) {
    const std::size_t entry = patterns_[o.pattern].entry;
    const config::AbolishedBody& body = dictionary_->bodies[entry];
    if (page_date && *page_date < body.abolished) continue;
    const bool excepted = std::ranges::any_of(s.of(Role::except), [&](const Occurrence& e) {
      const Pattern& p = patterns_[e.pattern];
      return p.entry == entry && (p.part >> 20) == 2 && e.begin <= o.begin && o.end <= e.end;
    });
    if (excepted) continue;
    if (std::ranges::any_of(kHistoricalBefore,
                            [&](std::u32string_view w) { return ends_with(chars, o.begin, w); })) {
      continue;
    }
    if (o.end < chars.size() && chars[o.end] == U'令') continue;  // 交通部令2005年第1号
    const auto [from, to] = s.text.sentence_bounds(o.begin, o.end);
    const std::u32string_view sentence(chars.data() + from, to - from);
    if (in_title_marks(chars, from, o.begin)) continue;
    if (std::ranges::any_of(kReformWords, [&](std::u32string_view w) {
          return sentence.find(w) != std::u32string_view::npos;
        })) {
      continue;
    }
    const int reform_year = static_cast<int>(std::chrono::year_month_day(body.abolished).year());
    if (year_up_to(sentence, reform_year)) continue;
    // A body nested in a longer one found here (国家卫生计生委 in 原国家卫生计生委) is
    // judged with it; the same body twice in a sentence is reported once.
    const bool again = std::ranges::any_of(s.hits, [&](const ContentHit& h) {
      return h.kind == ContentKind::outdated && h.found == body.name && h.at >= from && h.at < to;
    });
    if (again) continue;
    const auto ymd = std::chrono::year_month_day(body.abolished);
    char date[16];
    std::snprintf(date, sizeof date, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
    s.hits.push_back(ContentHit{ContentKind::outdated, body.name, body.successor,
                                std::string("abolished ") + date, s.text.sentence(o.begin, o.end),
                                o.begin});
  }
}

}  // namespace sitepatrol::checks
