#include "checks/spam.h"

#include <algorithm>
#include <mutex>
#include <string>

#include "checks/emit.h"
#include "config/security.h"

namespace sitepatrol::checks {
namespace {

constexpr std::size_t kDetailBytes = 300;

bool iequal(std::string_view a, std::string_view b) {
  const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [&](char x, char y) { return lower(x) == lower(y); });
}

bool same_terms(std::span<const config::SpamTerm> a, std::span<const config::SpamTerm> b) {
  return std::ranges::equal(a, b, [](const config::SpamTerm& x, const config::SpamTerm& y) {
    return x.weight == y.weight && x.term == y.term && x.category == y.category;
  });
}

// `s` cut to at most `max` bytes at a UTF-8 character boundary.
std::string_view utf8_prefix(std::string_view s, std::size_t max) {
  if (s.size() <= max) return s;
  std::size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return s.substr(0, end);
}

// The score's terms as detail values: term1, count1, field1 (the field's label with "_" for
// " ": "meta_keywords"), ... for the first kTermsShown, and "more" for the rest.
constexpr std::size_t kTermsShown = 5;

DetailArgs term_args(const SpamMatcher& matcher, const SpamFields& page, const SpamScore& score,
                     int threshold) {
  DetailArgs args{{"score", std::to_string(score.total)}, {"threshold", std::to_string(threshold)}};
  for (std::size_t i = 0; i < score.terms.size() && i < kTermsShown; ++i) {
    const TermScore& t = score.terms[i];
    const std::string n = std::to_string(i + 1);
    std::string field(page.labels[t.field]);
    std::ranges::replace(field, ' ', '_');
    args.push_back({"term" + n, std::string(utf8_prefix(matcher.term(t.term).term, 200))});
    args.push_back({"count" + n, std::to_string(t.count)});
    args.push_back({"field" + n, field});
  }
  if (score.terms.size() > kTermsShown) {
    args.push_back({"more", std::to_string(score.terms.size() - kTermsShown)});
  }
  return args;
}

std::string describe(const SpamMatcher& matcher, const SpamFields& page, const SpamScore& score,
                     int threshold) {
  std::string detail =
      "score " + std::to_string(score.total) + " ≥ " + std::to_string(threshold) + ":";
  constexpr std::string_view kMore = ", …";
  for (std::size_t i = 0; i < score.terms.size(); ++i) {
    const TermScore& t = score.terms[i];
    std::string item = (i == 0 ? " " : ", ") + matcher.term(t.term).term;
    if (t.count > 1) item += " ×" + std::to_string(t.count);
    item += " (" + std::string(page.labels[t.field]) + ")";
    const bool last = i + 1 == score.terms.size();
    if (detail.size() + item.size() + (last ? 0 : kMore.size()) > kDetailBytes) {
      if (i == 0) {  // a single huge term: cut inside it, at a character boundary
        detail += utf8_prefix(item, kDetailBytes - detail.size() - kMore.size());
        detail += "…";
      } else {
        detail += kMore;
      }
      break;
    }
    detail += item;
  }
  return detail;
}

}  // namespace

SpamFields spam_fields(const PageResult& page) {
  SpamFields out;
  const auto add = [&](std::string_view text, int factor, std::string_view label) {
    if (text.empty()) return;
    out.fields.push_back(SpamField{text, factor});
    out.labels.push_back(label);
  };
  add(page.title, 2, "title");
  for (const auto& [name, content] : page.meta) {
    if (iequal(name, "keywords")) add(content, 2, "meta keywords");
  }
  for (const auto& [name, content] : page.meta) {
    if (iequal(name, "description")) add(content, 2, "meta description");
  }
  add(page.hidden_text, 2, "hidden text");
  add(page.text, 1, "text");
  for (const LinkRef& link : page.links) {
    add(link.text, link.hidden ? 2 : 1, link.hidden ? "hidden link" : "link text");
  }
  return out;
}

std::shared_ptr<const SpamMatcher> spam_matcher_for(const SiteContext& ctx) {
  const std::vector<config::SpamTerm>& terms =
      ctx.security ? ctx.security->spam_terms : config::builtin_spam_terms();
  static std::mutex mutex;
  static std::shared_ptr<const SpamMatcher> cached;
  const std::lock_guard lock(mutex);
  if (!cached || !same_terms(cached->terms(), terms)) {
    cached = std::make_shared<const SpamMatcher>(terms);
  }
  return cached;
}

void check_spam(const SiteContext& ctx, const PageResult& page, Findings& out) {
  check_spam(ctx, *spam_matcher_for(ctx), page, out);
}

void check_spam(const SiteContext& ctx, const SpamMatcher& matcher, const PageResult& page,
                Findings& out) {
  const int threshold =
      ctx.security ? ctx.security->spam_threshold : config::SecurityConfig{}.spam_threshold;
  const SpamFields fields = spam_fields(page);
  const SpamScore score = matcher.score(fields.fields);
  if (score.total < threshold) return;
  emit(ctx, out, "SEC-SPAM", Severity::critical, page.url, page.url,
       Detail{describe(matcher, fields, score, threshold), "sec.spam",
              term_args(matcher, fields, score, threshold)});
}

}  // namespace sitepatrol::checks
