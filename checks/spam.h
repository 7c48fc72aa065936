// SEC-SPAM (docs/codes.md): a page whose text carries gambling, pornography or fraud spam.
//
// Compromised government sites carry SEO spam where search engines read it: injected into
// <title> and the meta keywords and description, in blocks hidden from readers, or as the
// text of (often hidden) links. The page's fields are scored together against the term list
// of [security] (checks/spam_matcher.h has the rules: weights, innocent phrases, repeats),
// with place factors: title, meta keywords, meta description, hidden text and hidden links' texts
// x2; visible text and visible links' texts x1. A score at or above `spam_threshold` is
// SEC-SPAM, critical; subject and page are the page's URL; the detail lists the score and the
// terms that made it, strongest first, with where each counted most:
//     score 31 ≥ 10: 百家乐 ×3 (hidden text), 六合彩 (title), 真人娱乐 (link text), …
// at most ~300 bytes, cut at a term (never inside a UTF-8 sequence).
//
// Runs on the patrol's I/O thread; pure apart from the matcher cache below, which is guarded
// by a mutex and safe from any thread.
#pragma once

#include <memory>

#include "checks/registry.h"
#include "checks/spam_matcher.h"

namespace sitepatrol::checks {

// The fields of a page as check_spam scores them, with their labels ("title", "meta
// keywords", "meta description", "hidden text", "text", "hidden link", "link text").
struct SpamFields {
  std::vector<SpamField> fields;
  std::vector<std::string_view> labels;  // parallel to fields; static strings
};
SpamFields spam_fields(const PageResult& page);

// A matcher for ctx.security->spam_terms (the built-in list without ctx.security), built on
// the first call with that list and kept until a call with a different list: a run's pages
// share one. Prefer building a SpamMatcher once per run and calling the overload below.
std::shared_ptr<const SpamMatcher> spam_matcher_for(const SiteContext& ctx);

// PageCheck: check_spam with spam_matcher_for(ctx).
void check_spam(const SiteContext& ctx, const PageResult& page, Findings& out);

void check_spam(const SiteContext& ctx, const SpamMatcher& matcher, const PageResult& page,
                Findings& out);

}  // namespace sitepatrol::checks
