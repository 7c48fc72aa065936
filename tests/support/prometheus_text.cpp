#include "tests/support/prometheus_text.h"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <regex>
#include <sstream>

#include "tests/support/run_process.h"

namespace sitepatrol::testsupport {

namespace {

const std::regex kName(R"([a-zA-Z_:][a-zA-Z0-9_:]*)");
const std::regex kLabelName(R"([a-zA-Z_][a-zA-Z0-9_]*)");

bool ends_with(const std::string& s, std::string_view tail) { return s.ends_with(tail); }

// The family a sample belongs to: x_bucket/_sum/_count of a histogram x, else the name.
std::string family_of(const std::string& name, const std::map<std::string, PromFamily>& known) {
  for (std::string_view tail : {"_bucket", "_sum", "_count"}) {
    if (!ends_with(name, tail)) continue;
    const std::string base = name.substr(0, name.size() - tail.size());
    if (auto it = known.find(base); it != known.end() && it->second.type == "histogram")
      return base;
  }
  return name;
}

std::optional<double> number(const std::string& s) {
  if (s == "+Inf" || s == "Inf") return HUGE_VAL;
  if (s == "-Inf") return -HUGE_VAL;
  if (s == "NaN") return NAN;
  if (s.empty()) return std::nullopt;
  char* end = nullptr;
  const double v = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size()) return std::nullopt;
  return v;
}

// Reads `{a="x",b="y"}` from `s` at `i`; "" on success, else what is wrong.
std::string read_labels(const std::string& s, std::size_t& i,
                        std::map<std::string, std::string>& out) {
  ++i;  // {
  while (i < s.size() && s[i] != '}') {
    const std::size_t eq = s.find('=', i);
    if (eq == std::string::npos) return "label without =";
    const std::string name = s.substr(i, eq - i);
    if (!std::regex_match(name, kLabelName)) return "bad label name '" + name + "'";
    if (eq + 1 >= s.size() || s[eq + 1] != '"') return "label value not quoted";
    std::string value;
    std::size_t j = eq + 2;
    for (; j < s.size() && s[j] != '"'; ++j) {
      if (s[j] == '\\') {
        if (j + 1 >= s.size()) return "dangling backslash";
        const char e = s[++j];
        if (e == '\\' || e == '"') {
          value += e;
        } else if (e == 'n') {
          value += '\n';
        } else {
          return std::string("bad escape \\") + e;
        }
      } else {
        value += s[j];
      }
    }
    if (j >= s.size()) return "unterminated label value";
    if (!out.emplace(name, value).second) return "label '" + name + "' twice";
    i = j + 1;
    if (i < s.size() && s[i] == ',') ++i;
  }
  if (i >= s.size()) return "unterminated labels";
  ++i;  // }
  return "";
}

std::string check_family(const std::string& name, const PromFamily& f) {
  if (name.find("milliseconds") != std::string::npos) return name + ": use seconds";
  if (f.type == "counter" && !ends_with(name, "_total")) return name + ": counter without _total";
  if (f.type != "counter" && ends_with(name, "_total")) return name + ": _total on a " + f.type;
  if (f.type != "histogram") {
    for (const auto& s : f.samples)
      if (s.name != name) return s.name + ": sample name differs from its family";
    return "";
  }
  // Histogram: per label set (without le), cumulative buckets ending in +Inf == _count.
  std::map<std::map<std::string, std::string>, std::vector<std::pair<double, double>>> buckets;
  std::map<std::map<std::string, std::string>, double> counts;
  std::set<std::map<std::string, std::string>> sums;
  for (const auto& s : f.samples) {
    auto labels = s.labels;
    if (s.name == name + "_bucket") {
      auto le = labels.find("le");
      if (le == labels.end()) return name + "_bucket without le";
      auto bound = number(le->second);
      if (!bound) return name + "_bucket: bad le '" + le->second + "'";
      labels.erase(le);
      buckets[labels].emplace_back(*bound, s.value);
    } else if (s.name == name + "_count") {
      counts[labels] = s.value;
    } else if (s.name == name + "_sum") {
      sums.insert(labels);
    } else {
      return s.name + ": not a histogram sample of " + name;
    }
  }
  for (const auto& [labels, list] : buckets) {
    for (std::size_t i = 1; i < list.size(); ++i) {
      if (list[i].first <= list[i - 1].first) return name + ": buckets out of order";
      if (list[i].second < list[i - 1].second) return name + ": buckets not cumulative";
    }
    if (list.empty() || !std::isinf(list.back().first)) return name + ": no +Inf bucket";
    if (!counts.contains(labels) || counts[labels] != list.back().second)
      return name + ": _count differs from the +Inf bucket";
    if (!sums.contains(labels)) return name + ": no _sum";
  }
  if (counts.size() != buckets.size()) return name + ": _count without buckets";
  return "";
}

}  // namespace

std::optional<double> PromText::value(const std::string& name,
                                      const std::map<std::string, std::string>& labels) const {
  for (const auto& [_, f] : families)
    for (const auto& s : f.samples)
      if (s.name == name && s.labels == labels) return s.value;
  return std::nullopt;
}

PromText parse_prometheus(const std::string& text, std::span<const std::string_view> deprecated) {
  PromText out;
  auto fail = [&](const std::string& why, const std::string& line) {
    out.problem = why + ": " + line;
    return out;
  };
  if (!text.empty() && text.back() != '\n') return fail("no final newline", "");
  std::set<std::string> helped, typed, closed;
  std::set<std::pair<std::string, std::map<std::string, std::string>>> series;
  std::string current;  // the family whose samples are being read
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) return fail("empty line", line);
    if (line.starts_with("# HELP ") || line.starts_with("# TYPE ")) {
      const bool help = line[2] == 'H';
      const std::string rest = line.substr(7);
      const std::size_t sp = rest.find(' ');
      const std::string name = rest.substr(0, sp);
      if (!std::regex_match(name, kName)) return fail("bad metric name", line);
      if (!(help ? helped : typed).insert(name).second) return fail("repeated HELP/TYPE", line);
      if (closed.contains(name) || (name == current && !out.families[name].samples.empty()))
        return fail("HELP/TYPE after the family's samples", line);
      if (current != name) {
        if (!current.empty()) closed.insert(current);
        current = name;
      }
      PromFamily& f = out.families[name];
      if (help) {
        f.help = sp == std::string::npos ? "" : rest.substr(sp + 1);
      } else {
        f.type = sp == std::string::npos ? "" : rest.substr(sp + 1);
        static const std::set<std::string> types = {"counter", "gauge", "histogram", "summary",
                                                    "untyped"};
        if (!types.contains(f.type)) return fail("unknown type", line);
      }
      continue;
    }
    if (line.starts_with("#")) continue;  // other comments are allowed
    PromSample s;
    std::size_t i = 0;
    while (i < line.size() && line[i] != '{' && line[i] != ' ') ++i;
    s.name = line.substr(0, i);
    if (!std::regex_match(s.name, kName)) return fail("bad metric name", line);
    if (i < line.size() && line[i] == '{') {
      if (auto why = read_labels(line, i, s.labels); !why.empty()) return fail(why, line);
    }
    if (i >= line.size() || line[i] != ' ') return fail("no value", line);
    const std::string rest = line.substr(i + 1);
    const std::string value = rest.substr(0, rest.find(' '));  // a timestamp may follow
    auto v = number(value);
    if (!v) return fail("bad value", line);
    s.value = *v;
    const std::string family = family_of(s.name, out.families);
    if (!typed.contains(family)) return fail("sample without # TYPE", line);
    if (!helped.contains(family)) return fail("sample without # HELP", line);
    if (family != current) return fail("family's samples not together", line);
    if (!series.emplace(s.name, s.labels).second) return fail("series twice", line);
    out.families[family].samples.push_back(std::move(s));
  }
  for (const auto& [name, f] : out.families) {
    if (f.type.empty()) return fail("HELP without TYPE", name);
    if (std::ranges::find(deprecated, name) != deprecated.end()) {
      for (const auto& sample : f.samples)
        if (sample.name != name) return fail("sample name differs from its family", sample.name);
      continue;
    }
    if (auto why = check_family(name, f); !why.empty()) return fail(why, name);
  }
  return out;
}

std::set<std::string> queryable_names(const PromText& text) {
  std::set<std::string> out;
  for (const auto& [name, f] : text.families) {
    out.insert(name);
    if (f.type == "histogram") {
      out.insert(name + "_bucket");
      out.insert(name + "_sum");
      out.insert(name + "_count");
    }
  }
  return out;
}

std::optional<std::filesystem::path> find_promtool() {
  const char* path = std::getenv("PATH");
  std::istringstream dirs(path ? path : "/usr/bin:/bin");
  for (std::string dir; std::getline(dirs, dir, ':');) {
    const auto candidate = std::filesystem::path(dir.empty() ? "." : dir) / "promtool";
    if (::access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return std::nullopt;
}

std::string promtool_metrics_problems(const std::string& text,
                                      std::span<const std::string_view> deprecated) {
  const auto promtool = find_promtool();
  if (!promtool) return std::string(kNoPromtool);
  ProcessOptions options;
  options.stdin_data = text;
  const auto r = run_process({promtool->string(), "check", "metrics"}, options);
  const std::string said =
      "promtool check metrics: exit " + std::to_string(r.exit_code) + "\n" + r.out + r.err;
  if (r.exit_code == 0) return "";
  // Exit 3 is "lint problems", one "name text" line each; anything else is a refusal.
  if (r.exit_code != 3) return said;
  std::istringstream lines(r.err);
  for (std::string line; std::getline(lines, line);) {
    const std::string name = line.substr(0, line.find(' '));
    if (std::ranges::find(deprecated, name) == deprecated.end()) return said;
  }
  return "";
}

}  // namespace sitepatrol::testsupport
