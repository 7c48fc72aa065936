// A strict reader of the Prometheus text exposition format (0.0.4), for the tests of
// /metrics: what `promtool check metrics` would refuse, plus the conventions the project
// keeps. The tests run promtool too when it is installed; this reader runs always, so a
// machine without promtool still checks the format.
//
// Checked: every line is a HELP, a TYPE or a sample; one HELP and one TYPE per family, before
// its samples, and a family's samples together; metric and label names are valid; label
// values use only the escapes \\ \" \n; no series twice; values are numbers; counters end in
// _total; histograms have _bucket (with le, cumulative, ending in +Inf equal to _count),
// _sum and _count; no unit other than seconds or bytes in a name (no _milliseconds); the
// conventions are waived only for the deprecated families the caller names.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sitepatrol::testsupport {

struct PromSample {
  std::string name;                           // as written, e.g. x_bucket
  std::map<std::string, std::string> labels;  // unescaped values
  double value = 0;
};

struct PromFamily {
  std::string type;  // counter | gauge | histogram | summary | untyped
  std::string help;
  std::vector<PromSample> samples;
};

struct PromText {
  std::map<std::string, PromFamily> families;  // by family name
  std::string problem;                         // "" when the text is valid

  // The value of the sample `name` with exactly these labels, nullopt when absent.
  std::optional<double> value(const std::string& name,
                              const std::map<std::string, std::string>& labels = {}) const;
};

// `deprecated`: families kept for compatibility (DaemonMetrics::kDeprecatedFamilies), held to
// the format but not to the naming conventions.
PromText parse_prometheus(const std::string& text,
                          std::span<const std::string_view> deprecated = {});

// Every name a query may use for the families: family names, plus _bucket/_sum/_count of
// histograms.
std::set<std::string> queryable_names(const PromText& text);

// promtool from PATH, nullopt when not installed.
std::optional<std::filesystem::path> find_promtool();

// What is wrong when promtool is missing: it is a test dependency (deploy/install-deps.sh).
inline constexpr std::string_view kNoPromtool =
    "promtool is not installed: `apt-get install prometheus` (Debian's package ships it; "
    "deploy/install-deps.sh installs it)";

// `promtool check metrics` on `text`: "" when it accepts the text, or complains only of the
// `deprecated` families (kept for compatibility, they break the naming conventions promtool
// lints); else what promtool said, or kNoPromtool.
std::string promtool_metrics_problems(const std::string& text,
                                      std::span<const std::string_view> deprecated = {});

}  // namespace sitepatrol::testsupport
