#include "checks/soft404.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "checks/emit.h"
#include "checks/multi_matcher.h"
#include "checks/needle.h"
#include "checks/utf8.h"
#include "config/ascii.h"

namespace sitepatrol::checks {
namespace {

constexpr std::size_t kShortText = 2000;  // code points

// Phrases that on their own say "this page does not exist". ASCII ones are matched
// case-insensitively at word boundaries. Longer first, so the longest match is removed.
// clang-format off
constexpr std::array<std::string_view, 33> kPhrases = {
    "file or directory not found", "您所访问的页面不存在", "您要访问的页面不存在",
    "您访问的页面不存在", "page does not exist", "page doesn't exist", "404 not found",
    "page not found", "file not found", "找不到该页面", "无法找到该页", "该页面已删除",
    "页面已被删除", "该信息已删除", "该文章已删除", "页面不存在", "网页不存在", "页面未找到",
    "网页未找到", "找不到页面", "找不到网页", "页面找不到", "页面已删除", "信息已删除",
    "信息不存在", "文章不存在", "内容不存在", "页面已失效", "链接已失效", "not found",
    "does not exist", "cannot be found", "404"};
// clang-format on

// kPhrases, made once for searching (checks/needle.h).
const std::vector<Needle>& phrases() {
  static const std::vector<Needle> n(kPhrases.begin(), kPhrases.end());
  return n;
}

// All of kPhrases in one automaton, for titles and running text alike: a text is read once
// for all of them, not once for each (1.3 % of a cold patrol's CPU), and a title holding
// none of them is ruled out by that one pass.
const MultiMatcher& any_phrase() {
  static const MultiMatcher matcher(kPhrases);
  return matcher;
}

bool mentions_a_phrase(std::string_view s) {
  bool found = false;
  any_phrase().scan(s, [&](std::size_t, std::size_t) { found = true; });
  return found;
}

// Only the title test accepts these short ones; in running text they are too common.
bool title_only(std::string_view phrase) {
  return phrase == "404" || phrase == "not found" || phrase == "does not exist" ||
         phrase == "cannot be found";
}

// Words that may surround a phrase in a not-found title.
constexpr std::array<std::string_view, 19> kChineseFiller = {
    "对不起",   "很抱歉",   "抱歉",       "错误",       "系统提示",   "温馨提示", "提示信息",
    "提示",     "您访问的", "您所访问的", "您要访问的", "或已被删除", "或已删除", "或已被移除",
    "或已过期", "啦",       "了",         "哦",         "页面"};
constexpr std::array<std::string_view, 17> kEnglishFiller = {
    "error", "http", "page", "file", "the", "sorry",  "oops", "requested", "object",
    "you",   "was",  "is",   "this", "url", "status", "code", "server"};

// Chinese punctuation that may surround a phrase in title or text.
constexpr std::array<std::string_view, 22> kCjkPunctuation = {
    "，", "。", "！", "？", "、", "：", "；", "（", "）", "【", "】",
    "《", "》", "“",  "”",  "‘",  "’",  "…",  "—",  "·",  "～", "　"};

// Chinese characters that may sit right before / after a phrase in running text
// ("很抱歉页面不存在", "该页面已删除", "页面不存在或已被删除", "页面不存在请返回").
constexpr std::string_view kBeforeOk[] = {"歉", "起", "的", "该", "此", "您", "示", "误", "本"};
constexpr std::string_view kAfterOk[] = {"或", "了", "啦", "哦", "呢", "请", "可", "您"};
// A phrase in quotes is mentioned, not said: 开展“页面不存在”问题整治.
constexpr std::string_view kOpenQuotes[] = {"“", "「", "『", "‘", "\""};
constexpr std::string_view kCloseQuotes[] = {"”", "」", "』", "’", "\""};

bool is_ascii(std::string_view s) {
  return std::ranges::all_of(s, [](unsigned char c) { return c < 0x80; });
}

bool ascii_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Length in bytes of the UTF-8 sequence starting with `lead`.
std::size_t sequence_length(unsigned char lead) {
  if (lead < 0x80) return 1;
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;  // stray continuation byte: step over it
}

// The code point (as its UTF-8 bytes) ending just before `pos` / starting at `pos`.
std::string_view before(std::string_view s, std::size_t pos) {
  if (pos == 0) return {};
  std::size_t start = pos - 1;
  while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
  return s.substr(start, pos - start);
}
std::string_view after(std::string_view s, std::size_t pos) {
  if (pos >= s.size()) return {};
  return s.substr(pos, sequence_length(static_cast<unsigned char>(s[pos])));
}

bool is_cjk_ideograph(std::string_view utf8) {
  if (utf8.size() != 3) return false;
  const auto b = [&](std::size_t i) { return static_cast<unsigned char>(utf8[i]); };
  const unsigned cp = ((b(0) & 0x0Fu) << 12) | ((b(1) & 0x3Fu) << 6) | (b(2) & 0x3Fu);
  return (cp >= 0x3400 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF);
}

template <std::size_t N>
bool one_of(std::string_view s, const std::string_view (&list)[N]) {
  return std::ranges::find(list, s) != std::end(list);
}

// Whether `phrase`, found in `s` at `pos` (its ASCII letters in either case), stands at a
// boundary: ASCII phrases not inside a longer ASCII word or number; in `running_text`, Chinese
// phrases not glued to other Chinese words, and no phrase in quotes.
bool stands_apart(std::string_view s, std::size_t pos, std::string_view phrase, bool running_text) {
  const std::string_view prev = before(s, pos);
  const std::string_view next = after(s, pos + phrase.size());
  if (running_text && (one_of(prev, kOpenQuotes) || one_of(next, kCloseQuotes))) return false;
  if (is_ascii(phrase)) {
    return !(prev.size() == 1 && ascii_alnum(prev[0])) &&
           !(next.size() == 1 && ascii_alnum(next[0]));
  }
  return !running_text || ((!is_cjk_ideograph(prev) || one_of(prev, kBeforeOk)) &&
                           (!is_cjk_ideograph(next) || one_of(next, kAfterOk)));
}

// Where `phrase` first occurs in `s` at a boundary (stands_apart).
std::optional<std::size_t> find_phrase(std::string_view s, const Needle& needle, bool running_text,
                                       std::size_t from = 0) {
  for (auto pos = needle.find_in(s, from); pos != std::string_view::npos;
       pos = needle.find_in(s, pos + 1)) {
    if (stands_apart(s, pos, needle.word(), running_text)) return pos;
  }
  return std::nullopt;
}

void erase_all(std::string& s, std::string_view word) {
  for (auto pos = s.find(word); pos != std::string::npos; pos = s.find(word, pos)) {
    s.erase(pos, word.size());
  }
}

// After phrases and Chinese filler are removed: only English filler words, digits, spaces
// and punctuation may be left.
bool only_filler(std::string_view rest) {
  std::string word;
  const auto word_ok = [&] {
    const bool ok = word.empty() || std::ranges::find(kEnglishFiller, word) != kEnglishFiller.end();
    word.clear();
    return ok;
  };
  for (std::size_t i = 0; i < rest.size();) {
    const std::string_view cp = after(rest, i);
    i += cp.size();
    if (cp.size() == 1 && ((cp[0] >= 'a' && cp[0] <= 'z') || cp[0] == '\'')) {
      word += cp[0];
      continue;
    }
    if (!word_ok()) return false;
    if (cp.size() > 1 && std::ranges::find(kCjkPunctuation, cp) == kCjkPunctuation.end()) {
      return false;
    }
  }
  return word_ok();
}

// One part of a title: a phrase, and nothing but filler around it.
bool title_part_says_not_found(std::string_view part) {
  std::string rest = ascii_lower(part);
  bool found = false;
  for (const Needle& phrase : phrases()) {
    while (auto pos = find_phrase(rest, phrase, false)) {
      rest.erase(*pos, phrase.size());
      rest.insert(*pos, " ");  // keep the words around it apart
      found = true;
    }
  }
  if (!found) return false;
  for (std::string_view filler : kChineseFiller) erase_all(rest, filler);
  return only_filler(rest);
}

bool title_says_not_found(std::string_view title) {
  // Most titles hold no phrase and end here. The few that do are taken apart phrase by phrase,
  // longest first (title_part_says_not_found), where the automaton's overlapping matches
  // ("page not found" and "not found") would need the same ordering rebuilt.
  if (!mentions_a_phrase(title)) return false;
  // Split where titles join the page's name to the site's: "页面不存在 - 湖北省交通运输厅".
  constexpr std::string_view kSeparators[] = {" - ", "|", "_", "–", "—", "－", "｜", "»", "::"};
  std::size_t start = 0;
  while (start <= title.size()) {
    std::size_t end = title.size();
    std::size_t width = 0;
    for (std::string_view sep : kSeparators) {
      if (const auto p = title.find(sep, start); p != std::string_view::npos && p < end) {
        end = p;
        width = sep.size();
      }
    }
    if (title_part_says_not_found(title.substr(start, end - start))) return true;
    if (width == 0) break;
    start = end + width;
  }
  return false;
}

bool text_says_not_found(std::string_view text) {
  // A code point is at most four bytes: a longer text needs no counting.
  if (text.size() >= 4 * kShortText || code_points(text) >= kShortText) return false;
  // The automaton folds ASCII case itself, and stands_apart looks at the text around a
  // phrase the same in either case: no lower-cased copy of the page.
  bool said = false;
  any_phrase().scan(text, [&](std::size_t pattern, std::size_t end) {
    const std::string_view phrase = kPhrases[pattern];
    said = said || (!title_only(phrase) && stands_apart(text, end - phrase.size(), phrase, true));
  });
  return said;
}

}  // namespace

bool looks_like_not_found(std::string_view title, std::string_view text) {
  return title_says_not_found(title) || text_says_not_found(text);
}

void check_soft404(const SiteContext& ctx, const PageResult& page, Findings& out) {
  if (page.status != 200 || page.not_modified) return;
  if (page.error != FetchError::none && page.error != FetchError::too_large) return;
  if (!looks_like_not_found(page.title, page.text)) return;
  Detail detail{"HTTP 200, but the page says it does not exist", "link.soft404"};
  if (!page.title.empty()) {
    std::size_t cut = std::min<std::size_t>(page.title.size(), 200);
    while (cut < page.title.size() &&
           (static_cast<unsigned char>(page.title[cut]) & 0xC0) == 0x80) {
      --cut;  // never split a UTF-8 sequence
    }
    detail.text += " (title \"" + page.title.substr(0, cut) + "\")";
    detail.args = {{"title", page.title.substr(0, cut)}};
  }
  emit(ctx, out, "LINK-SOFT404", Severity::warning, page.url, page.found_on, std::move(detail));
}

}  // namespace sitepatrol::checks
