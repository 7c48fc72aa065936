#include "checks/link_status.h"

#include <algorithm>

#include "checks/describe.h"
#include "checks/emit.h"
#include "checks/host.h"
#include "config/status_ranges.h"

namespace sitepatrol::checks {
namespace {

// The site's accepted_status and accept_status, [patrol] accept_status, and the [[accept]]
// rules of the link's host.
bool accepted(const SiteContext& ctx, const LinkResult& link) {
  const int status = link.status;
  if (ctx.site &&
      (std::ranges::find(ctx.site->accepted_status, status) != ctx.site->accepted_status.end() ||
       config::status_in(ctx.site->accept_status, status))) {
    return true;
  }
  if (!ctx.patrol) return false;
  if (config::status_in(ctx.patrol->accept_status, status)) return true;
  const std::string_view host = host_of(link.url);
  return std::ranges::any_of(ctx.patrol->accept_hosts, [&](const config::HostAccept& rule) {
    return host_within(host, rule.host) && config::status_in(rule.status, status);
  });
}

std::string hops(std::size_t n) { return std::to_string(n) + (n == 1 ? " hop" : " hops"); }

}  // namespace

void check_link_status(const SiteContext& ctx, const LinkResult& link, Findings& out) {
  const config::PatrolConfig defaults;
  const config::PatrolConfig& patrol = ctx.patrol ? *ctx.patrol : defaults;
  const auto report = [&](std::string_view code, Detail detail) {
    emit(ctx, out, std::string(code), Severity::error, link.url, link.found_on, std::move(detail));
  };

  switch (link.error) {
    case FetchError::none:
    case FetchError::too_large:
      if (link.status >= 400 && !accepted(ctx, link)) {
        report("LINK-BROKEN", fetch_detail(link.status, FetchError::none, "", 0));
      }
      return;
    case FetchError::dns:
    case FetchError::connect:
    case FetchError::tls:
    case FetchError::reset:
    case FetchError::other:
      report("LINK-BROKEN",
             fetch_detail(link.status, link.error, link.error_text, patrol.timeout_s));
      return;
    case FetchError::timeout:
      report("LINK-TIMEOUT", Detail{"no answer within " + std::to_string(patrol.timeout_s) + " s",
                                    "link.timeout",
                                    {{"seconds", std::to_string(patrol.timeout_s)}}});
      return;
    case FetchError::redirect_loop:
      report("LINK-REDIRECT-LOOP",
             Detail{"redirect loop after " + hops(link.redirects.size()) +
                        (link.redirects.empty() ? "" : ", back to " + link.redirects.back()),
                    "link.redirect_loop",
                    {{"hops", std::to_string(link.redirects.size())},
                     {"back_to", link.redirects.empty() ? "" : link.redirects.back()}}});
      return;
    case FetchError::too_many_redirects:
      report("LINK-REDIRECT-LOOP",
             Detail{"more than " + std::to_string(patrol.max_redirects) +
                        " redirects (stopped after " + hops(link.redirects.size()) + ")",
                    "link.too_many_redirects",
                    {{"limit", std::to_string(patrol.max_redirects)},
                     {"hops", std::to_string(link.redirects.size())}}});
      return;
    case FetchError::blocked_private:
    case FetchError::robots:
      return;
  }
}

}  // namespace sitepatrol::checks
