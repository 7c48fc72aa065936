// Content dictionary files (format: config/content_terms.toml) and the built-in dictionary.
#include <algorithm>

#include "config/config.h"
#include "config/content.h"
#include "config/content_section.h"
#include "config/toml_reader.h"

namespace sitepatrol::config {
namespace {

using detail::for_each_table;
using detail::Problems;
using detail::refuse_long_terms;
using detail::TableReader;

// Reads a required, non-empty string without control characters.
void read_text(TableReader& r, std::string_view key, std::string& out) {
  if (!r.read(key, out)) {
    if (!r.node(key)) r.problems().add(r.where(), r.path_of(key), "missing key");
    return;
  }
  const bool control = std::ranges::any_of(out, [](unsigned char c) { return c < 0x20; });
  if (out.empty() || control || out.front() == ' ' || out.back() == ' ') {
    r.problems().add(r.node(key)->source(), r.path_of(key),
                     "must be non-empty text without control characters or edge spaces");
  }
  if (key != "source") refuse_long_terms(r, key, std::span(&out, 1));
}

void read_wrong_form(TableReader& r, WrongForm& out) {
  read_text(r, "wrong", out.wrong);
  read_text(r, "right", out.right);
  r.read("except", out.except);
  refuse_long_terms(r, "except", out.except);
  for (const auto& e : out.except) {
    if (e.find(out.wrong) == std::string::npos) {
      r.problems().add(r.node("except")->source(), r.path_of("except"),
                       "'" + e + "' does not contain '" + out.wrong + "'");
    }
  }
  if (!out.wrong.empty() && out.wrong == out.right) {
    r.problems().add(r.node("right")->source(), r.path_of("right"), "is the same as wrong");
  }
  read_text(r, "source", out.source);
  r.reject_unknown_keys();
}

void read_formulation(TableReader& r, Formulation& out) {
  read_text(r, "text", out.text);
  r.read("allowed", out.allowed);
  refuse_long_terms(r, "allowed", out.allowed);
  read_text(r, "source", out.source);
  r.reject_unknown_keys();
}

void read_body(TableReader& r, AbolishedBody& out) {
  read_text(r, "name", out.name);
  std::optional<std::chrono::sys_days> abolished;
  if (detail::read_date(r, "abolished", abolished)) {
    out.abolished = *abolished;
  } else if (!r.node("abolished")) {
    r.problems().add(r.where(), r.path_of("abolished"), "missing key");
  }
  read_text(r, "successor", out.successor);
  r.read("except", out.except);
  refuse_long_terms(r, "except", out.except);
  read_text(r, "source", out.source);
  r.reject_unknown_keys();
}

void read_dictionary_leader(TableReader& r, Leader& out) {
  if (!r.node("source")) r.problems().add(r.where(), r.path_of("source"), "missing key");
  detail::read_leader(r, out);
}

}  // namespace

std::expected<ContentDictionary, ConfigError> parse_content_terms(
    std::string_view text, const std::filesystem::path& file) {
  const std::string source = file.string();
  auto root = detail::parse_toml(text, source);
  if (!root) return std::unexpected(std::move(root.error()));
  Problems problems(source);
  TableReader r(*root, "", problems);
  ContentDictionary out;
  for_each_table(r, "formulation", [&](TableReader& t, std::size_t) {
    read_formulation(t, out.formulations.emplace_back());
  });
  for_each_table(r, "misstatement", [&](TableReader& t, std::size_t) {
    read_wrong_form(t, out.misstatements.emplace_back());
  });
  for_each_table(r, "typo", [&](TableReader& t, std::size_t) {
    read_wrong_form(t, out.typos.emplace_back());
  });
  for_each_table(r, "body",
                 [&](TableReader& t, std::size_t) { read_body(t, out.bodies.emplace_back()); });
  for_each_table(r, "leader", [&](TableReader& t, std::size_t) {
    read_dictionary_leader(t, out.leaders.emplace_back());
  });
  r.reject_unknown_keys();
  if (!problems.empty()) return std::unexpected(problems.earliest());
  return out;
}

const std::shared_ptr<const ContentDictionary>& builtin_content_dictionary() {
  static const std::shared_ptr<const ContentDictionary> dictionary =
      std::make_shared<const ContentDictionary>(
          parse_content_terms(builtin_content_terms_toml(), "content_terms.toml (built in)")
              .value_or(ContentDictionary{}));
  return dictionary;
}

std::shared_ptr<const ContentDictionary> with_extra_terms(const ContentDictionary& extra) {
  auto out = std::make_shared<ContentDictionary>(*builtin_content_dictionary());
  const auto append = [](auto& to, const auto& from) {
    to.insert(to.end(), from.begin(), from.end());
  };
  append(out->formulations, extra.formulations);
  append(out->misstatements, extra.misstatements);
  append(out->typos, extra.typos);
  append(out->bodies, extra.bodies);
  append(out->leaders, extra.leaders);
  return out;
}

}  // namespace sitepatrol::config
