// Spam term files (format: config/security.h, config/spam_terms.toml) and the built-in list.
#include <algorithm>
#include <map>
#include <tuple>

#include "config/security.h"
#include "config/toml_reader.h"

namespace sitepatrol::config {
namespace {

using detail::parse_toml;
using detail::Problems;
using detail::read_file;
using detail::type_name;

constexpr std::int64_t kMaxWeight = 100;

bool is_category_name(std::string_view s) {
  return !s.empty() && std::ranges::all_of(s, [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
  });
}

// "" when the term can be matched; else why not.
std::string term_problem(std::string_view term) {
  if (term.empty()) return "a term must not be empty";
  const auto space = [](char c) { return c == ' ' || c == '\t'; };
  if (space(term.front()) || space(term.back())) return "a term must not start or end with a space";
  if (std::ranges::any_of(term, [](unsigned char c) { return c < 0x20 || c == 0x7F; })) {
    return "a term must not hold control characters";
  }
  return {};
}

struct Entry {
  const toml::key* key;
  const toml::node* value;
  std::string category;
};

}  // namespace

std::expected<std::vector<SpamTerm>, ConfigError> parse_spam_terms(
    std::string_view text, const std::filesystem::path& file) {
  const std::string source = file.string();
  auto root = parse_toml(text, source);
  if (!root) return std::unexpected(std::move(root.error()));

  Problems problems(source);
  std::vector<Entry> entries;
  for (auto&& [category, node] : *root) {
    const std::string name(category.str());
    if (!is_category_name(name)) {
      problems.add(category.source(), name,
                   "'" + name + "' is not a category name (lower-case letters, digits, '_', '-')");
      continue;
    }
    const auto* table = node.as_table();
    if (!table) {
      problems.add(
          node.source(), name,
          "expected a table of terms ([" + name + "]), got " + std::string(type_name(node)));
      continue;
    }
    for (auto&& [term, weight] : *table) entries.push_back(Entry{&term, &weight, name});
  }
  // toml++ tables iterate in key order; the list keeps the file's order.
  std::ranges::sort(entries, {}, [](const Entry& e) {
    return std::pair(e.key->source().begin.line, e.key->source().begin.column);
  });

  std::vector<SpamTerm> terms;
  std::map<std::string, std::string> seen;  // folded term -> its category
  for (const Entry& e : entries) {
    const std::string term(e.key->str());
    const std::string at = e.category + "." + term;
    if (std::string problem = term_problem(term); !problem.empty()) {
      problems.add(e.key->source(), at, problem);
      continue;
    }
    const auto* weight = e.value->as_integer();
    if (!weight) {
      problems.add(e.value->source(), at,
                   "expected an integer weight, got " + std::string(type_name(*e.value)));
      continue;
    }
    const std::int64_t w = weight->get();
    if (w == 0 || w < -kMaxWeight || w > kMaxWeight) {
      problems.add(e.value->source(), at,
                   "weight must be between -100 and 100 and not 0 (negative: an innocent phrase)");
      continue;
    }
    if (e.category == "innocent" && w > 0) {
      problems.add(e.value->source(), at, "terms in [innocent] need a negative weight");
      continue;
    }
    const auto [it, fresh] = seen.emplace(ascii_lower(term), e.category);
    if (!fresh) {
      problems.add(e.key->source(), at, "'" + term + "' is already listed in [" + it->second + "]");
      continue;
    }
    terms.push_back(SpamTerm{term, static_cast<int>(w), e.category});
  }
  if (!problems.empty()) return std::unexpected(problems.earliest());
  return terms;
}

std::expected<std::vector<SpamTerm>, ConfigError> load_spam_terms(
    const std::filesystem::path& file) {
  auto text = read_file(file, "the spam term file");
  if (!text) return std::unexpected(std::move(text.error()));
  return parse_spam_terms(*text, file);
}

const std::vector<SpamTerm>& builtin_spam_terms() {
  // A defect in the shipped list is caught by tests/config/security_test.cpp; at run time it
  // would leave the list empty rather than stop the patrol.
  static const std::vector<SpamTerm> terms =
      parse_spam_terms(builtin_spam_terms_toml(), "spam_terms.toml (built in)")
          .value_or(std::vector<SpamTerm>{});
  return terms;
}

}  // namespace sitepatrol::config
