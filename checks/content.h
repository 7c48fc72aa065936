// The content-error checks (issue 13), on a page's visible text:
//   CONTENT-MISSTATEMENT (critical, a single-veto item): a fixed formulation altered, a known
//     wrong form of the state's or Party's name, a national leader's name one character off
//     beside the office's title, or a leader given the title of an office never held. A slip
//     in the name of one of the site's own leaders ([[site.leader]]) beside their title is
//     raised as error, not critical: another person of that name is possible.
//   CONTENT-TYPO (warning): a well-known 错别字 from the dictionary.
//   CONTENT-OUTDATED (warning): an abolished body named as current; a leader of the site whose
//     term ended (until) still listed on the site's leaders' page (领导信息).
// What counts and the exceptions: checks/content_matcher.h; the dictionary:
// config/content_terms.toml plus [content] terms_file.
//
// One finding of each code per page: subject and page are the page's URL; the detail lists
// each error (at most five, then how many more) with what is right and the sentence around
// it. Pure; the matcher is built once per dictionary and shared (thread-safe).
#pragma once

#include <memory>

#include "checks/content_matcher.h"
#include "checks/registry.h"

namespace sitepatrol::checks {

// PageCheck; also a text check (attachments).
void check_content(const SiteContext& ctx, const PageResult& page, Findings& out);

// The matcher of the context's dictionary (the built-in one without a configuration), built
// on first use and shared while the dictionary stays the same.
std::shared_ptr<const ContentMatcher> content_matcher_for(const SiteContext& ctx);

}  // namespace sitepatrol::checks
