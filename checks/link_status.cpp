#include "checks/link_status.h"

#include <algorithm>

#include "checks/describe.h"
#include "checks/emit.h"

namespace sitepatrol::checks {
namespace {

bool accepted(const SiteContext& ctx, int status) {
  return ctx.site &&
         std::ranges::find(ctx.site->accepted_status, status) != ctx.site->accepted_status.end();
}

std::string hops(std::size_t n) { return std::to_string(n) + (n == 1 ? " hop" : " hops"); }

}  // namespace

void check_link_status(const SiteContext& ctx, const LinkResult& link, Findings& out) {
  const config::PatrolConfig defaults;
  const config::PatrolConfig& patrol = ctx.patrol ? *ctx.patrol : defaults;
  const auto report = [&](std::string_view code, std::string detail) {
    emit(ctx, out, std::string(code), Severity::error, link.url, link.found_on, std::move(detail));
  };

  switch (link.error) {
    case FetchError::none:
    case FetchError::too_large:
      if (link.status >= 400 && !accepted(ctx, link.status)) {
        report("LINK-BROKEN", "HTTP " + std::to_string(link.status));
      }
      return;
    case FetchError::dns:
    case FetchError::connect:
    case FetchError::tls:
    case FetchError::reset:
    case FetchError::other:
      report("LINK-BROKEN",
             describe_fetch(link.status, link.error, link.error_text, patrol.timeout_s));
      return;
    case FetchError::timeout:
      report("LINK-TIMEOUT", "no answer within " + std::to_string(patrol.timeout_s) + " s");
      return;
    case FetchError::redirect_loop:
      report("LINK-REDIRECT-LOOP",
             "redirect loop after " + hops(link.redirects.size()) +
                 (link.redirects.empty() ? "" : ", back to " + link.redirects.back()));
      return;
    case FetchError::too_many_redirects:
      report("LINK-REDIRECT-LOOP", "more than " + std::to_string(patrol.max_redirects) +
                                       " redirects (stopped after " + hops(link.redirects.size()) +
                                       ")");
      return;
    case FetchError::blocked_private:
    case FetchError::robots:
      return;
  }
}

}  // namespace sitepatrol::checks
