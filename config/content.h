// The content dictionary (issue 13): fixed formulations, known wrong forms, 错别字, abolished
// bodies and national leaders, each entry with its source, read from config/content_terms.toml
// (built in) and from the user's `[content] terms_file`, whose entries are added to the
// built-in ones. The format is documented at the top of config/content_terms.toml.
//
// Also the site's own leaders (`[[site.leader]]`), which use the same Leader type.
//
// Everything here is pure or initialised once thread-safely; results are freely shared.
#pragma once

#include <chrono>
#include <expected>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sitepatrol::config {

struct ConfigError;

// The longest dictionary string, in characters (code points). The matcher bounds its lookups
// around a position by it (checks/content_scan.h), so the parsers refuse longer strings rather
// than have them silently never match.
inline constexpr std::size_t kMaxTermChars = 256;

// A wrong form and its right one: [[misstatement]] (critical) and [[typo]] (warning).
struct WrongForm {
  std::string wrong;
  std::string right;
  std::vector<std::string> except;  // longer correct phrases holding `wrong`
  std::string source;
};

// [[formulation]]: text one character off it is a misstatement, unless `allowed`.
struct Formulation {
  std::string text;
  std::vector<std::string> allowed;
  std::string source;
};

// [[body]]: a body abolished or renamed in an institutional reform.
struct AbolishedBody {
  std::string name;
  std::chrono::sys_days abolished;
  std::string successor;
  std::vector<std::string> except;  // phrases holding the name that are not the body
  std::string source;
};

// One office a leader held: [[leader]] in the dictionary, [[site.leader]] in a site.
struct Leader {
  std::string name;
  std::vector<std::string> titles;  // the office's titles, long and short (国务院总理, 总理)
  std::optional<std::chrono::sys_days> since;
  std::optional<std::chrono::sys_days> until;  // none: in office
  std::string source;
};

struct ContentDictionary {
  std::vector<Formulation> formulations;
  std::vector<WrongForm> misstatements;
  std::vector<WrongForm> typos;
  std::vector<AbolishedBody> bodies;
  std::vector<Leader> leaders;
};

// The built-in dictionary, parsed once (empty if the shipped file had a defect, which
// tests/config/content_terms_test.cpp catches).
const std::shared_ptr<const ContentDictionary>& builtin_content_dictionary();

// [content]
struct ContentConfig {
  std::filesystem::path terms_file;  // "" = only the built-in dictionary
  // Built-in entries plus the terms file's; never null.
  std::shared_ptr<const ContentDictionary> dictionary = builtin_content_dictionary();
};

// config/content_terms.toml as built into the binary.
std::string_view builtin_content_terms_toml();

// Parses a dictionary file; errors name `file`, the line and the key ("typo[3].wrong").
std::expected<ContentDictionary, ConfigError> parse_content_terms(
    std::string_view text, const std::filesystem::path& file);

// The built-in dictionary with `extra`'s entries added.
std::shared_ptr<const ContentDictionary> with_extra_terms(const ContentDictionary& extra);

}  // namespace sitepatrol::config
