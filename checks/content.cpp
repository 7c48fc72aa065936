#include "checks/content.h"

#include <algorithm>
#include <mutex>
#include <string>

#include "checks/content_site_leaders.h"
#include "checks/dates.h"
#include "checks/emit.h"

namespace sitepatrol::checks {
namespace {

constexpr std::size_t kShown = 5;  // errors described per finding

// When the page says it was published: the usual <meta> names of Chinese CMSs.
std::optional<std::chrono::sys_days> published(const PageResult& page) {
  for (const auto& [name, content] : page.meta) {
    std::string lower;
    for (char c : name) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    if (lower != "pubdate" && lower != "publishdate" && lower != "firstpublishedtime" &&
        lower != "article:published_time" && lower != "publishtime") {
      continue;
    }
    if (content.size() >= 10) {
      if (auto date = parse_iso_date(std::string_view(content).substr(0, 10))) {
        return std::chrono::sys_days(*date);
      }
    }
  }
  return std::nullopt;
}

std::string describe(const ContentHit& hit) {
  std::string out = "\"" + hit.found + "\"";
  if (hit.kind == ContentKind::outdated) {
    out += " (" + hit.why + (hit.right.empty() ? "" : "; now " + hit.right) + ")";
  } else if (hit.why.starts_with("wrong title")) {
    out += " (" + hit.why + ")";
  } else {
    out += " should be \"" + hit.right + "\" (" + hit.why + ")";
  }
  return out + ": " + hit.sentence;
}

void emit_kind(const SiteContext& ctx, const PageResult& page, Findings& out,
               const std::vector<ContentHit>& hits, ContentKind kind, std::string code,
               Severity severity) {
  std::string detail;
  std::size_t n = 0;
  for (const ContentHit& hit : hits) {
    if (hit.kind != kind) continue;
    if (n++ < kShown) detail += (detail.empty() ? "" : "; ") + describe(hit);
  }
  if (n == 0) return;
  if (n > kShown) detail += "; and " + std::to_string(n - kShown) + " more";
  emit(ctx, out, std::move(code), severity, page.url, page.url, std::move(detail));
}

}  // namespace

std::shared_ptr<const ContentMatcher> content_matcher_for(const SiteContext& ctx) {
  const auto& dictionary = ctx.config && ctx.config->content.dictionary
                               ? ctx.config->content.dictionary
                               : config::builtin_content_dictionary();
  static std::mutex mutex;
  static std::shared_ptr<const ContentMatcher> cached;
  const std::lock_guard lock(mutex);
  if (!cached || &cached->dictionary() != dictionary.get()) {
    cached = std::make_shared<const ContentMatcher>(dictionary);
  }
  return cached;
}

void check_content(const SiteContext& ctx, const PageResult& page, Findings& out) {
  if (page.error != FetchError::none || page.status != 200 || page.text.empty()) return;
  const ContentText text(page.text);
  std::vector<ContentHit> hits = content_matcher_for(ctx)->scan(text, published(page));
  const bool national = std::ranges::any_of(
      hits, [](const ContentHit& h) { return h.kind == ContentKind::misstatement; });
  std::vector<ContentHit> site;
  if (ctx.site && !ctx.site->leaders.empty()) {
    site = site_leader_slips(text, ctx.site->leaders);
    if (is_leaders_page(page.title, page.url)) {
      auto former = former_leaders_listed(text, ctx.site->leaders,
                                          std::chrono::floor<std::chrono::days>(ctx.now));
      hits.insert(hits.end(), former.begin(), former.end());
    }
  }
  hits.insert(hits.end(), site.begin(), site.end());
  const bool misstated = national || !site.empty();
  if (misstated) {
    emit_kind(ctx, page, out, hits, ContentKind::misstatement, "CONTENT-MISSTATEMENT",
              national ? Severity::critical : Severity::error);
  }
  emit_kind(ctx, page, out, hits, ContentKind::typo, "CONTENT-TYPO", Severity::warning);
  emit_kind(ctx, page, out, hits, ContentKind::outdated, "CONTENT-OUTDATED", Severity::warning);
}

}  // namespace sitepatrol::checks
