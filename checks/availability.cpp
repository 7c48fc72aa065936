#include "checks/availability.h"

#include <cmath>

#include "checks/describe.h"
#include "checks/emit.h"

namespace sitepatrol::checks {

bool homepage_up(const PageResult& homepage) {
  if (homepage.error != FetchError::none && homepage.error != FetchError::too_large) return false;
  return (homepage.status >= 200 && homepage.status <= 299) || homepage.status == 304 ||
         homepage.not_modified;
}

void check_availability(const SiteContext& ctx, const SiteResult& result, Findings& out) {
  const PageResult& home = result.homepage;
  if (home.error == FetchError::robots) return;
  const config::PatrolConfig defaults;
  const config::PatrolConfig& patrol = ctx.patrol ? *ctx.patrol : defaults;
  const std::string url = !home.url.empty() ? home.url : ctx.site ? ctx.site->url : "";

  if (!homepage_up(home)) {
    emit(ctx, out, "AVAIL-DOWN", Severity::critical, url, url,
         fetch_detail(home.status, home.error, home.error_text, patrol.timeout_s));
  } else if (home.elapsed_ms > patrol.slow_ms) {
    emit(ctx, out, "AVAIL-SLOW", Severity::warning, url, url,
         Detail{"answered in " + std::to_string(std::lround(home.elapsed_ms)) + " ms (limit " +
                    std::to_string(patrol.slow_ms) + " ms)",
                "avail.slow",
                {{"ms", std::to_string(std::lround(home.elapsed_ms))},
                 {"limit_ms", std::to_string(patrol.slow_ms)}}});
  }
}

}  // namespace sitepatrol::checks
