// robots.txt parsing and matching (see robots.h).
#include "crawler/robots.h"

#include <algorithm>
#include <cstdlib>

#include "checks/percent_escape.h"
#include "crawler/url.h"

namespace sitepatrol::crawler {
namespace {

constexpr std::size_t kMaxBytes = 500 * 1024;

constexpr char to_lower(char c) { return c >= 'A' && c <= 'Z' ? char(c | 0x20) : c; }
constexpr bool is_space(char c) { return c == ' ' || c == '\t' || c == '\v' || c == '\f'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (to_lower(a[i]) != to_lower(b[i])) return false;
  }
  return true;
}

// "sitepatrol/1.0 (+https://...)" -> "sitepatrol"; also applied to User-agent values.
std::string_view product_token(std::string_view ua) {
  ua = trim(ua);
  std::size_t end = 0;
  while (end < ua.size()) {
    char c = ua[end];
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_' || c == '*';
    if (!ok) break;
    ++end;
  }
  return ua.substr(0, end);
}

enum class Key { user_agent, allow, disallow, crawl_delay, sitemap, other };

Key key_of(std::string_view key) {
  // Spellings seen in the wild next to the standard ones.
  if (iequals(key, "user-agent") || iequals(key, "useragent") || iequals(key, "user agent")) {
    return Key::user_agent;
  }
  if (iequals(key, "allow")) return Key::allow;
  if (iequals(key, "disallow") || iequals(key, "dissallow") || iequals(key, "dissalow") ||
      iequals(key, "disalow") || iequals(key, "disallaw")) {
    return Key::disallow;
  }
  if (iequals(key, "crawl-delay") || iequals(key, "crawldelay")) return Key::crawl_delay;
  if (iequals(key, "sitemap") || iequals(key, "site-map")) return Key::sitemap;
  return Key::other;
}

// Brings a pattern to the form of a normalised URL path: non-ASCII bytes and spaces
// escaped, escapes in upper case, unreserved characters decoded.
std::string normalise_pattern(std::string_view p) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(p.size());
  for (std::size_t i = 0; i < p.size(); ++i) {
    auto c = static_cast<unsigned char>(p[i]);
    const auto escaped = c == '%' ? checks::escaped_byte(p, i) : std::nullopt;
    if (c == '%' && !escaped) {
      out += "%25";
    } else if (escaped) {
      const unsigned char v = *escaped;
      bool unreserved = (v >= 'a' && v <= 'z') || (v >= 'A' && v <= 'Z') ||
                        (v >= '0' && v <= '9') || v == '-' || v == '.' || v == '_' || v == '~';
      if (unreserved) {
        out.push_back(static_cast<char>(v));
      } else {
        out += {'%', kHex[v >> 4], kHex[v & 15]};
      }
      i += 2;
    } else if (c >= 0x80 || c <= 0x20 || c == '"' || c == '<' || c == '>' || c == '\\' ||
               c == '^' || c == '`' || c == '{' || c == '|' || c == '}') {
      out += {'%', kHex[c >> 4], kHex[c & 15]};
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

constexpr std::size_t kMaxRules = 4096;

RobotsRule make_rule(std::string pattern, bool allow) {
  RobotsRule rule{std::move(pattern), allow, {}, false};
  std::string_view p = rule.pattern;
  rule.anchored = !p.empty() && p.back() == '$';
  if (rule.anchored) p.remove_suffix(1);
  std::size_t start = 0;
  for (std::size_t star; (star = p.find('*', start)) != std::string_view::npos; start = star + 1) {
    rule.pieces.emplace_back(p.substr(start, star - start));
  }
  rule.pieces.emplace_back(p.substr(start));
  return rule;
}

// Finds `piece` in `path` from `at`, charging `scanned` as kRobotsMatchBudget says.
std::size_t find_charged(std::string_view path, std::string_view piece, std::size_t at,
                         std::size_t& scanned) {
  const std::size_t found = path.find(piece, at);
  const std::size_t end = found == std::string_view::npos ? path.size() : found;
  scanned += (end - at + 1) * std::max<std::size_t>(piece.size(), 1);
  return found;
}

// Whether the rule matches a prefix of (or, anchored, all of) `path`. The first piece must
// start the path; each later one is found leftmost after the previous, which is optimal for
// '*'-only patterns (an earlier end leaves more room for the rest), so nothing backtracks.
// An anchored rule's last piece must end the path, after the others.
// `scanned` counts the work done, against kRobotsMatchBudget.
bool matches(const RobotsRule& rule, std::string_view path, std::size_t& scanned) {
  const auto& pieces = rule.pieces;
  if (!path.starts_with(pieces.front())) return false;
  if (pieces.size() == 1) return !rule.anchored || path.size() == pieces.front().size();
  std::size_t at = pieces.front().size();
  const std::size_t middle_end = pieces.size() - 1;
  for (std::size_t i = 1; i < middle_end; ++i) {
    const std::size_t found = find_charged(path, pieces[i], at, scanned);
    if (found == std::string_view::npos) return false;
    at = found + pieces[i].size();
  }
  const std::string& last = pieces.back();
  if (!rule.anchored) {
    return find_charged(path, last, at, scanned) != std::string_view::npos;
  }
  return path.size() >= at + last.size() && path.ends_with(last);
}

// Length of a pattern for precedence: its octets, as Google and RFC 9309 count them.
std::size_t weight(const RobotsRule& r) { return r.pattern.size(); }

// Longest first, Allow before Disallow on a tie: the first rule that matches decides.
void order_rules(std::vector<RobotsRule>& rules) {
  std::ranges::stable_sort(rules, [](const RobotsRule& a, const RobotsRule& b) {
    if (weight(a) != weight(b)) return weight(a) > weight(b);
    return a.allow && !b.allow;
  });
}

}  // namespace

bool Robots::allowed(std::string_view path_and_query) const {
  if (path_and_query == "/robots.txt") return true;
  if (path_and_query.empty()) path_and_query = "/";
  std::size_t scanned = 0;
  for (const RobotsRule& rule : rules) {
    if (matches(rule, path_and_query, scanned)) return rule.allow;
    if (scanned > kRobotsMatchBudget) return false;  // a file written to be slow: see robots.h
  }
  return true;
}

Robots robots_unreachable() {
  Robots r;
  r.rules.push_back(make_rule("/", false));
  return r;
}

RobotsVerdict robots_verdict(int status, bool fetched) {
  // 429 Too Many Requests is an overloaded server, as Google reads it: like a 5xx.
  if (!fetched || status >= 500 || status == 429) return RobotsVerdict::disallow_all;
  if (status == 200) return RobotsVerdict::parse;
  return RobotsVerdict::allow_all;
}

Robots parse_robots(std::string_view text, std::string_view user_agent) {
  text = text.substr(0, kMaxBytes);
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);
  std::string_view ours = product_token(user_agent);

  Robots specific, wildcard;
  bool have_specific = false;
  bool have_wildcard = false;
  std::vector<std::string> sitemaps;

  // The group being read: which of the two results its rules go to.
  bool in_agents = false;  // reading consecutive User-agent lines
  bool to_specific = false, to_wildcard = false;

  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find_first_of("\r\n", pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    line = line.substr(0, line.find('#'));
    std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string_view value = trim(line.substr(colon + 1));
    Key key = key_of(trim(line.substr(0, colon)));

    if (key == Key::user_agent) {
      if (!in_agents) to_specific = to_wildcard = false;
      in_agents = true;
      std::string_view token = product_token(value);
      if (token == "*") {
        to_wildcard = have_wildcard = true;
      } else if (!token.empty() && !ours.empty() && iequals(token, ours)) {
        to_specific = have_specific = true;
      }
      continue;
    }
    if (key == Key::sitemap) {
      // Sitemap lines stand outside groups (and may hold a ':' of their own).
      if (auto url = normalize_url(value)) sitemaps.push_back(std::move(*url));
      continue;
    }
    if (key == Key::other) continue;
    in_agents = false;
    for (Robots* target : {to_specific ? &specific : nullptr, to_wildcard ? &wildcard : nullptr}) {
      if (!target) continue;
      if (key == Key::crawl_delay) {
        std::string v(value);
        char* parse_end = nullptr;
        double seconds = std::strtod(v.c_str(), &parse_end);
        if (parse_end != v.c_str() && seconds >= 0 && seconds < 86400 && !target->crawl_delay) {
          target->crawl_delay = seconds;
        }
      } else if (!value.empty() && target->rules.size() < kMaxRules) {
        // (an empty Disallow allows everything: no rule)
        target->rules.push_back(make_rule(normalise_pattern(value), key == Key::allow));
      }
    }
  }

  Robots result = have_specific   ? std::move(specific)
                  : have_wildcard ? std::move(wildcard)
                                  : Robots{};
  result.sitemaps = std::move(sitemaps);
  order_rules(result.rules);
  return result;
}

}  // namespace sitepatrol::crawler
