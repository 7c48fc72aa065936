// Keeps docs/codes.md and the loader's list of finding codes in step: every code the reference
// documents (a `### \`CODE\`` heading) can be named in `disable_codes`, and every code the
// loader accepts has its section. A code a check raises but the loader refuses could not be
// switched off; a code without a section is one users cannot look up.

#include "config/config.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace {

std::vector<std::string> documented_codes() {
  std::ifstream in(std::filesystem::path(SITEPATROL_SOURCE_DIR) / "docs/codes.md");
  std::vector<std::string> codes;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.starts_with("### `")) continue;
    codes.push_back(line.substr(5, line.find('`', 5) - 5));
  }
  return codes;
}

std::string config_disabling(const std::string& code) {
  return "[patrol]\ndisable_codes = [\"" + code +
         "\"]\n[[site]]\nid = \"a\"\nurl = \"https://a.example/\"\n";
}

TEST(CodesDoc, EveryDocumentedCodeCanBeDisabled) {
  const auto codes = documented_codes();
  ASSERT_GE(codes.size(), 29u);
  for (const auto& code : codes) {
    auto config = sitepatrol::config::parse_config(config_disabling(code), "codes.toml");
    EXPECT_TRUE(config) << code << ": " << (config ? "" : config.error().to_string());
  }
}

TEST(CodesDoc, EveryCodeTheLoaderKnowsIsDocumented) {
  const auto documented = documented_codes();
  for (const auto& code : sitepatrol::config::finding_codes()) {
    EXPECT_NE(std::find(documented.begin(), documented.end(), code), documented.end())
        << code << " has no section in docs/codes.md";
  }
}

TEST(CodesDoc, AMisspeltCodeIsRefused) {
  auto config = sitepatrol::config::parse_config(config_disabling("CONTENT-TYPOS"), "codes.toml");
  ASSERT_FALSE(config);
  EXPECT_NE(config.error().to_string().find("disable_codes"), std::string::npos)
      << config.error().to_string();
}

}  // namespace
