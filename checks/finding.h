// A finding: one problem a check saw on one site (docs/codes.md). Plain value, no behaviour.
//
// One finding per (site, code, subject) per run; `page` is where the problem was seen (the
// page carrying a broken link, say) and `detail` a short human-readable explanation in
// English. Beside it, the same explanation as data: `detail_code` names the sentence
// ("fresh.column_stale") and `detail_args` holds its values in order, so each report renders
// it in its reader's language (reports/detail_text.h). Findings stored before the code
// existed have an empty `detail_code`; readers fall back to `detail`.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sitepatrol::checks {

enum class Severity { info = 0, warning = 1, error = 2, critical = 3 };

std::string_view to_string(Severity s);
std::optional<Severity> parse_severity(std::string_view s);

// One named value of a detail: {"newest", "2025-08-12"}. Keys are stable; values are plain
// text (dates as YYYY-MM-DD, numbers in digits).
struct DetailArg {
  std::string key;
  std::string value;
  bool operator==(const DetailArg&) const = default;
};
using DetailArgs = std::vector<DetailArg>;

// What a check says about a finding: the English sentence and the same as code and values.
struct Detail {
  std::string text;
  std::string code;
  DetailArgs args = {};
};

// The value of `key` in `args`, or "" when absent.
std::string_view arg_of(const DetailArgs& args, std::string_view key);

struct Finding {
  std::string site;
  std::string code;  // e.g. "LINK-BROKEN"
  Severity severity = Severity::error;
  std::string subject;
  std::string page;
  std::string detail;
  std::string detail_code = {};  // "" when unknown (older rows)
  DetailArgs detail_args = {};
};

}  // namespace sitepatrol::checks
