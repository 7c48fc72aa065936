// A finding: one problem a check saw on one site (docs/codes.md). Plain value, no behaviour.
//
// One finding per (site, code, subject) per run; `page` is where the problem was seen (the
// page carrying a broken link, say) and `detail` a short human-readable explanation.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sitepatrol::checks {

enum class Severity { info = 0, warning = 1, error = 2, critical = 3 };

std::string_view to_string(Severity s);
std::optional<Severity> parse_severity(std::string_view s);

struct Finding {
  std::string site;
  std::string code;        // e.g. "LINK-BROKEN"
  Severity severity = Severity::error;
  std::string subject;
  std::string page;
  std::string detail;
};

}  // namespace sitepatrol::checks
