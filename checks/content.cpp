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

// One hit as detail values, numbered n: found, right, sentence, and the reason as an id
// (abolished + date, wrong_title + holder and office, leader_name, leader_name_list,
// formulation, misstated, typo) so a reader of any language gets it worded; an unknown reason stays
// as is.
void hit_args(DetailArgs& args, const ContentHit& hit, std::size_t n) {
  const std::string i = std::to_string(n);
  constexpr std::string_view kAbolished = "abolished ";
  constexpr std::string_view kWrongTitle = "wrong title: ";
  constexpr std::string_view kNeverHeld = " never held the office of ";
  std::string reason = hit.why, holder, office, date;
  if (hit.why.starts_with(kAbolished)) {
    reason = "abolished";
    date = hit.why.substr(kAbolished.size());
  } else if (hit.why.starts_with(kWrongTitle)) {
    const std::string rest = hit.why.substr(kWrongTitle.size());
    if (const auto at = rest.find(kNeverHeld); at != std::string::npos) {
      reason = "wrong_title";
      holder = rest.substr(0, at);
      office = rest.substr(at + kNeverHeld.size());
    }
  } else if (hit.why == "leader's name") {
    reason = "leader_name";
  } else if (hit.why == "leader's name in a list") {
    reason = "leader_name_list";
  } else if (hit.why == "fixed formulation") {
    reason = "formulation";
  } else if (hit.why == "misstated formulation") {
    reason = "misstated";
  } else if (hit.why == "wrong character") {
    reason = "typo";
  }
  args.push_back({"found" + i, hit.found});
  args.push_back({"right" + i, hit.right});
  args.push_back({"reason" + i, reason});
  if (!date.empty()) args.push_back({"date" + i, date});
  if (!holder.empty()) args.push_back({"holder" + i, holder});
  if (!office.empty()) args.push_back({"office" + i, office});
  args.push_back({"sentence" + i, hit.sentence});
}

void emit_kind(const SiteContext& ctx, const PageResult& page, Findings& out,
               const std::vector<ContentHit>& hits, ContentKind kind, std::string code,
               Severity severity) {
  Detail detail{"", "content.errors"};
  std::size_t n = 0;
  for (const ContentHit& hit : hits) {
    if (hit.kind != kind) continue;
    if (n++ < kShown) {
      detail.text += (detail.text.empty() ? "" : "; ") + describe(hit);
      hit_args(detail.args, hit, n);
    }
  }
  if (n == 0) return;
  if (n > kShown) {
    detail.text += "; and " + std::to_string(n - kShown) + " more";
    detail.args.push_back({"more", std::to_string(n - kShown)});
  }
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
