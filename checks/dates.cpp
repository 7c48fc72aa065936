#include "checks/dates.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <string>

#include "config/find_any.h"

namespace sitepatrol::checks {
namespace {

using namespace std::chrono;

constexpr int kFirstYear = 1990;
constexpr int kLastYear = 2099;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The ASCII twin of the full-width form (U+FF0D..U+FF19: － ． ／ ０-９) at i, or 0 when
// there is none.
char full_width_twin(std::string_view in, std::size_t i) {
  if (static_cast<unsigned char>(in[i]) != 0xEF || i + 2 >= in.size()) return 0;
  if (static_cast<unsigned char>(in[i + 1]) != 0xBC) return 0;
  const auto c = static_cast<unsigned char>(in[i + 2]);
  if (c >= 0x90 && c <= 0x99) return static_cast<char>('0' + (c - 0x90));
  if (c == 0x8D || c == 0x8E || c == 0x8F) return c == 0x8D ? '-' : (c == 0x8E ? '.' : '/');
  return 0;
}

// Whether the text holds a full-width twin at all: most pages hold none, and are read as
// they are instead of copied byte by byte. 0xEF leads only U+F000..U+FFFF, rare in Chinese.
bool has_full_width_twin(std::string_view in) {
  for (auto at = in.find('\xEF'); at != std::string_view::npos; at = in.find('\xEF', at + 1)) {
    if (full_width_twin(in, at) != 0) return true;
  }
  return false;
}

// Whether a date could start anywhere in the text: every form the scanner reads holds an
// ASCII digit, a full-width one, or 年 (二〇二六年十一月五日). Rows of menus and link texts
// hold none, and are not scanned.
bool could_hold_date(std::string_view in) {
  if (std::ranges::any_of(in, [](char c) { return is_digit(c); })) return true;
  return has_full_width_twin(in) || in.find("年") != std::string_view::npos;
}

// Full-width forms read as their ASCII twins; every other byte is kept, so positions stay
// meaningful only in the folded text.
std::string fold_full_width(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (const char twin = full_width_twin(in, i)) {
      out.push_back(twin);
      i += 2;
      continue;
    }
    out.push_back(in[i]);
  }
  return out;
}

std::optional<Date> make_date(int y, int m, int d) {
  if (y < kFirstYear || y > kLastYear) return std::nullopt;
  const Date date{year{y}, month{static_cast<unsigned>(m)}, day{static_cast<unsigned>(d)}};
  if (m < 1 || m > 12 || d < 1 || !date.ok()) return std::nullopt;
  return date;
}

// A month and day whose year the page leaves out: the context's year, moved back a year when
// that would put the date after today.
std::optional<Date> month_day(int m, int d, const DateContext& ctx) {
  const int y = ctx.year.value_or(static_cast<int>(ctx.today.year()));
  auto date = make_date(y, m, d);
  if (!date && m == 2 && d == 29) date = make_date(y - 1, m, d);
  if (date && sys_days(*date) > sys_days(ctx.today)) date = make_date(y - 1, m, d);
  return date;
}

class Scanner {
 public:
  Scanner(std::string_view text, const DateContext& ctx) : s_(text), ctx_(ctx) {}

  std::vector<Date> run() {
    std::vector<Date> out;
    std::size_t i = 0;
    std::size_t nian = s_.find("年");  // the next 年 that a date in numerals at i could reach
    while (i < s_.size()) {
      // Four numerals (2 or 3 bytes each) stand between a numeral date's start and its 年, so
      // only 8 to 12 bytes before a 年 is a start tried.
      while (nian != std::string_view::npos && nian < i + 8) nian = s_.find("年", nian + 3);
      if (is_digit(s_[i])) {
        i = digits_at(i, out);
      } else if (nian == std::string_view::npos) {
        ++i;
      } else if (auto end = nian <= i + 12 ? cjk_date_at(i, out) : std::nullopt) {
        i = *end;
      } else {
        ++i;
      }
    }
    return out;
  }

 private:
  // Reads the ASCII-digit run at i and what follows it; returns where to go on.
  std::size_t digits_at(std::size_t i, std::vector<Date>& out) {
    std::size_t end = run_end(i);
    const std::size_t len = end - i;
    // A time (10:30) or a longer number is no start; "时间:2026-11-25" is.
    const char before = i == 0 ? ' ' : s_[i - 1];
    if (is_digit(before) || is_separator(before)) return end;
    const int n = number(i, end);
    if (len == 4) {
      if (auto next = year_first(n, end, out)) return *next;
    } else if (len <= 2 && before != ':') {
      if (auto next = month_first(n, i, end, out)) return *next;
    }
    return end;
  }

  // 2026-11-25 / 2026/11/25 / 2026.11.25 / 2026_11_25, or 2026年11月25日.
  std::optional<std::size_t> year_first(int y, std::size_t at, std::vector<Date>& out) {
    if (at < s_.size() && is_separator(s_[at])) {
      const char sep = s_[at];
      std::size_t m_end = run_end(at + 1);
      if (m_end - (at + 1) < 1 || m_end - (at + 1) > 2) return std::nullopt;
      if (m_end >= s_.size() || s_[m_end] != sep) return std::nullopt;
      std::size_t d_end = run_end(m_end + 1);
      if (d_end - (m_end + 1) < 1 || d_end - (m_end + 1) > 2) return std::nullopt;
      if (!stands_apart(d_end)) return std::nullopt;
      auto date = make_date(y, number(at + 1, m_end), number(m_end + 1, d_end));
      if (!date) return std::nullopt;
      out.push_back(*date);
      return d_end;
    }
    std::size_t p = skip_spaces(at);
    if (!word_at(p, "年")) return std::nullopt;
    p = skip_spaces(p + 3);
    std::size_t m_end = run_end(p);
    if (m_end == p || m_end - p > 2) return std::nullopt;
    const int m = number(p, m_end);
    p = skip_spaces(m_end);
    if (!word_at(p, "月")) return std::nullopt;
    p = skip_spaces(p + 3);
    std::size_t d_end = run_end(p);
    if (d_end == p || d_end - p > 2) return std::nullopt;
    auto date = make_date(y, m, number(p, d_end));
    if (!date) return std::nullopt;
    out.push_back(*date);
    return word_at(skip_spaces(d_end), "日") ? skip_spaces(d_end) + 3 : d_end;
  }

  // 11月25日, [11-25], (11/25), 【11-25】, or bare 11-25 with two-digit parts.
  std::optional<std::size_t> month_first(int m, std::size_t begin, std::size_t at,
                                         std::vector<Date>& out) {
    std::size_t p = skip_spaces(at);
    if (word_at(p, "月")) {
      p = skip_spaces(p + 3);
      std::size_t d_end = run_end(p);
      if (d_end == p || d_end - p > 2) return std::nullopt;
      std::size_t q = skip_spaces(d_end);
      if (!word_at(q, "日") && !word_at(q, "号")) return std::nullopt;
      auto date = month_day(m, number(p, d_end), ctx_);
      if (!date) return std::nullopt;
      out.push_back(*date);
      return q + 3;
    }
    if (at >= s_.size() || (s_[at] != '-' && s_[at] != '/')) return std::nullopt;
    std::size_t d_end = run_end(at + 1);
    const std::size_t d_len = d_end - (at + 1);
    if (d_len < 1 || d_len > 2 || !stands_apart(d_end)) return std::nullopt;
    const bool bracketed = opens_bracket(begin) && closes_bracket(d_end);
    if (!bracketed && (at - begin != 2 || d_len != 2)) return std::nullopt;
    auto date = month_day(m, number(at + 1, d_end), ctx_);
    if (!date) return std::nullopt;
    out.push_back(*date);
    return d_end;
  }

  // 二〇二六年十一月二十五日: four numeral digits, 年, a numeral month, 月, a numeral day, 日.
  std::optional<std::size_t> cjk_date_at(std::size_t i, std::vector<Date>& out) {
    int y = 0;
    std::size_t p = i;
    for (int k = 0; k < 4; ++k) {
      auto [value, len] = cjk_numeral(p);
      if (len == 0 || value > 9) return std::nullopt;
      y = y * 10 + value;
      p += len;
    }
    if (!word_at(p, "年")) return std::nullopt;
    auto m = cjk_number(p + 3);
    if (!m || !word_at(m->second, "月")) return std::nullopt;
    auto d = cjk_number(m->second + 3);
    if (!d || !word_at(d->second, "日")) return std::nullopt;
    auto date = make_date(y, m->first, d->first);
    if (!date) return std::nullopt;
    out.push_back(*date);
    return d->second + 3;
  }

  // A number 1..39 in numerals: 五, 十, 十一, 二十, 二十五, 三十一.
  std::optional<std::pair<int, std::size_t>> cjk_number(std::size_t p) {
    std::array<int, 3> values{};
    std::size_t n = 0;
    while (n < values.size()) {
      auto [value, len] = cjk_numeral(p);
      if (len == 0) break;
      values[n++] = value;
      p += len;
    }
    int result = -1;
    if (n == 1 && values[0] != 10)
      result = values[0];
    else if (n == 1)
      result = 10;
    else if (n == 2 && values[0] == 10 && values[1] < 10)
      result = 10 + values[1];
    else if (n == 2 && values[1] == 10 && values[0] < 10)
      result = values[0] * 10;
    else if (n == 3 && values[1] == 10 && values[0] < 10 && values[2] < 10)
      result = values[0] * 10 + values[2];
    if (result <= 0) return std::nullopt;
    return std::pair{result, p};
  }

  // The numeral at p: its value (0-9, 10 for 十) and its length in bytes (0: none). Numerals
  // are 〇○零一二三四五六七八九十 and the Cyrillic О some pages type for 〇. The scan asks at
  // every byte, so the character is decoded once and switched on, rather than compared with
  // each numeral (that was a sixth of a patrol's CPU, docs/performance.md).
  std::pair<int, std::size_t> cjk_numeral(std::size_t p) const {
    if (p + 1 >= s_.size()) return {0, 0};
    const auto b0 = static_cast<unsigned char>(s_[p]);
    const auto b1 = static_cast<unsigned char>(s_[p + 1]);
    if (b0 < 0xD0) return {0, 0};  // ASCII, a continuation byte, or no numeral's lead byte
    if (b0 == 0xD0) return {0, b1 == 0x9E ? 2u : 0u};  // О U+041E
    if (b0 < 0xE2 || b0 > 0xE9 || p + 2 >= s_.size()) return {0, 0};
    const auto b2 = static_cast<unsigned char>(s_[p + 2]);
    if ((b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80) return {0, 0};
    const char32_t c = (char32_t{b0} & 0x0F) << 12 | (char32_t{b1} & 0x3F) << 6 | (b2 & 0x3F);
    switch (c) {
      case U'〇': case U'○': case U'零': return {0, 3};
      case U'一': return {1, 3};
      case U'二': return {2, 3};
      case U'三': return {3, 3};
      case U'四': return {4, 3};
      case U'五': return {5, 3};
      case U'六': return {6, 3};
      case U'七': return {7, 3};
      case U'八': return {8, 3};
      case U'九': return {9, 3};
      case U'十': return {10, 3};
      default: return {0, 0};
    }
  }

  static bool is_separator(char c) { return c == '-' || c == '/' || c == '.' || c == '_'; }

  // Nothing that continues the number follows: no digit, and no separator with a digit.
  bool stands_apart(std::size_t end) const {
    if (end >= s_.size()) return true;
    if (is_digit(s_[end])) return false;
    return !(is_separator(s_[end]) && end + 1 < s_.size() && is_digit(s_[end + 1]));
  }

  bool opens_bracket(std::size_t begin) const {
    if (begin == 0) return false;
    const char c = s_[begin - 1];
    if (c == '[' || c == '(') return true;
    return (begin >= 3 && (s_.substr(begin - 3, 3) == "【" || s_.substr(begin - 3, 3) == "（"));
  }
  bool closes_bracket(std::size_t end) const {
    if (end >= s_.size()) return false;
    return s_[end] == ']' || s_[end] == ')' || word_at(end, "】") || word_at(end, "）");
  }

  std::size_t run_end(std::size_t i) const {
    while (i < s_.size() && is_digit(s_[i])) ++i;
    return i;
  }
  std::size_t skip_spaces(std::size_t i) const {
    while (i < s_.size() && s_[i] == ' ') ++i;
    return i;
  }
  bool word_at(std::size_t i, std::string_view word) const {
    return s_.substr(std::min(i, s_.size()), word.size()) == word;
  }
  int number(std::size_t begin, std::size_t end) const {
    int n = 0;
    for (std::size_t k = begin; k < end && k < begin + 4; ++k) n = n * 10 + (s_[k] - '0');
    return n;
  }

  std::string_view s_;
  const DateContext& ctx_;
};

// Eight digits standing alone (t20261125_123): a date when they make one.
std::optional<Date> compact_date(std::string_view s, std::size_t i) {
  std::size_t end = i;
  while (end < s.size() && is_digit(s[end])) ++end;
  if (end - i != 8) return std::nullopt;
  auto num = [&](std::size_t from, std::size_t n) {
    int v = 0;
    for (std::size_t k = from; k < from + n; ++k) v = v * 10 + (s[k] - '0');
    return v;
  };
  return make_date(num(i, 4), num(i + 4, 2), num(i + 6, 2));
}

std::string_view path_of(std::string_view url) {
  if (auto scheme = url.find("://"); scheme != std::string_view::npos) {
    url.remove_prefix(scheme + 3);
    auto slash = url.find('/');
    url = slash == std::string_view::npos ? std::string_view() : url.substr(slash);
  }
  return url.substr(0, find_any(url, "?#"));
}

}  // namespace

std::vector<Date> find_dates(std::string_view text, const DateContext& context) {
  if (!could_hold_date(text)) return {};
  if (!has_full_width_twin(text)) return Scanner(text, context).run();
  const std::string folded = fold_full_width(text);
  return Scanner(folded, context).run();
}

std::optional<Date> first_date(std::string_view text, const DateContext& context) {
  auto dates = find_dates(text, context);
  if (dates.empty()) return std::nullopt;
  return dates.front();
}

std::optional<Date> date_in_url(std::string_view url) {
  const std::string_view path = path_of(url);
  for (std::size_t i = 0; i < path.size(); ++i) {
    if (!is_digit(path[i]) || (i > 0 && is_digit(path[i - 1]))) continue;
    if (auto d = compact_date(path, i)) return d;
  }
  // /2026/11/25/ and 2026-11-25: the text forms from each digit run on (a "/" before the
  // year is a path separator here, not part of a number), with the year written out.
  const DateContext no_context{year{kFirstYear - 1} / 1 / 1, std::nullopt};
  for (std::size_t i = 0; i < path.size(); ++i) {
    if (!is_digit(path[i]) || (i > 0 && is_digit(path[i - 1]))) continue;
    const std::size_t end = std::min(path.size(), i + 10);
    if (end < path.size() && is_digit(path[end])) continue;
    for (Date d : find_dates(path.substr(i, end - i), no_context)) {
      if (static_cast<int>(d.year()) >= kFirstYear) return d;
    }
  }
  return std::nullopt;
}

std::optional<int> year_in_url(std::string_view url) {
  if (auto d = date_in_url(url)) return static_cast<int>(d->year());
  const std::string_view path = path_of(url);
  for (std::size_t i = 0; i < path.size(); ++i) {
    if (!is_digit(path[i]) || (i > 0 && is_digit(path[i - 1]))) continue;
    std::size_t end = i;
    while (end < path.size() && is_digit(path[end])) ++end;
    const std::string_view run = path.substr(i, end - i);
    i = end;
    if (run.size() != 4 && run.size() != 6) continue;
    const int y = std::stoi(std::string(run.substr(0, 4)));
    if (y < kFirstYear || y > kLastYear) continue;
    const bool segment = run.size() == 4 && i - 4 > 0 && path[i - 5] == '/' &&
                         (end == path.size() || path[end] == '/');
    const int m = run.size() == 6 ? std::stoi(std::string(run.substr(4))) : 0;
    if (segment || (m >= 1 && m <= 12)) return y;
  }
  return std::nullopt;
}

Date today_in_china(std::chrono::system_clock::time_point now) {
  return Date{floor<days>(now + hours{8})};
}

int days_between(Date date, Date today) {
  return static_cast<int>((sys_days(today) - sys_days(date)).count());
}

std::string to_string(Date date) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return buf;
}

std::optional<Date> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
    if (!is_digit(text[i])) return std::nullopt;
  }
  auto num = [&](std::size_t from, std::size_t n) {
    int v = 0;
    for (std::size_t k = from; k < from + n; ++k) v = v * 10 + (text[k] - '0');
    return v;
  };
  return make_date(num(0, 4), num(5, 2), num(8, 2));
}

}  // namespace sitepatrol::checks
