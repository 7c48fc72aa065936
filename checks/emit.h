// Appending a finding of the site being patrolled: the one way checks build a Finding, so
// every finding carries the site's id however the check was reached.
#pragma once

#include <string>

#include "checks/finding.h"
#include "checks/registry.h"

namespace sitepatrol::checks {

inline void emit(const SiteContext& ctx, Findings& out, std::string code, Severity severity,
                 std::string subject, std::string page, std::string detail) {
  out.push_back(Finding{ctx.site ? ctx.site->id : std::string(), std::move(code), severity,
                        std::move(subject), std::move(page), std::move(detail)});
}

// The same with the detail as code and values beside its English text.
inline void emit(const SiteContext& ctx, Findings& out, std::string code, Severity severity,
                 std::string subject, std::string page, Detail detail) {
  out.push_back(Finding{ctx.site ? ctx.site->id : std::string(), std::move(code), severity,
                        std::move(subject), std::move(page), std::move(detail.text),
                        std::move(detail.code), std::move(detail.args)});
}

}  // namespace sitepatrol::checks
