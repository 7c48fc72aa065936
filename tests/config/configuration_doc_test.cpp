// Keeps docs/configuration.md honest: every key its tables document must be a key the loader
// knows. Each `## [table]` heading names a TOML table; the first column of its table rows is the
// key in backticks. For each key a minimal valid configuration gets that key with a value of a
// type no key takes (a date-time), and the loader's answer must not be "unknown key".

#include "config/config.h"

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace {

using Sections = std::vector<std::pair<std::string, std::vector<std::string>>>;

// Headings "## [name]" or "## [[name]]", then rows "| `key` | ...".
Sections documented_keys(const std::filesystem::path& file) {
  Sections sections;
  std::ifstream in(file);
  std::string line;
  while (std::getline(in, line)) {
    if (line.starts_with("## [")) {
      // "## [[alert]], kind = \"email\"" is the table alert with a variant: "alert, kind...".
      const auto open = line.find_first_not_of('[', 3);
      const auto close = line.find(']', open);
      const auto tail = line.find_first_not_of(']', close);
      sections.emplace_back(
          line.substr(open, close - open) + (tail == std::string::npos ? "" : line.substr(tail)),
          std::vector<std::string>{});
    } else if (line.starts_with("| `") && !sections.empty()) {
      const auto end = line.find('`', 3);
      sections.back().second.push_back(line.substr(3, end - 3));
    }
  }
  return sections;
}

const std::string kSite = "[[site]]\nid = \"a\"\nurl = \"https://a.example/\"\n";

// A valid configuration whose last table is `section`, ready for one more key.
std::string base_for(const std::string& section) {
  const std::map<std::string, std::string> bases = {
      {"site", kSite},
      {"site.basic_auth", kSite + "[site.basic_auth]\nusername = \"u\"\npassword = \"p\"\n"},
      {"site.column",
       kSite + "[[site.column]]\nname = \"x\"\nurl = \"https://a.example/x\"\nclass = \"news\"\n"},
      {"site.feature",
       kSite + "[[site.feature]]\nkind = \"message_board\"\nurl = \"https://a.example/m\"\n"},
      {"site.leader", kSite + "[[site.leader]]\nname = \"x\"\ntitle = \"y\"\n"},
      {"site.maintenance", kSite + "[[site.maintenance]]\n"},
      {"schedule.site.ID", kSite + "[schedule.site.a]\n"},
      {"console.user", kSite + "[[console.user]]\nname = \"li\"\n"},
      {"accept", kSite + "[[accept]]\nhost = \"a.example\"\nstatus = [\"403\"]\n"},
      {"alert, kind = \"dingtalk\"", kSite + "[[alert]]\nkind = \"dingtalk\"\nurl = "
                                             "\"https://h.example/\"\nevents = [\"site_down\"]\n"},
      {"alert, kind = \"email\"",
       kSite + "[[alert]]\nkind = \"email\"\nsmtp_url = \"smtp://m.example\"\nfrom = "
               "\"a@example\"\nto = [\"b@example\"]\nevents = [\"site_down\"]\n"},
      {"alert", kSite + "[[alert]]\nkind = \"webhook\"\nurl = \"https://h.example/\"\nevents = "
                        "[\"site_down\"]\n"},
  };
  if (auto it = bases.find(section); it != bases.end()) return it->second;
  return kSite + "[" + section + "]\n";
}

TEST(ConfigurationDoc, EveryDocumentedKeyIsKnownToTheLoader) {
  const auto doc = std::filesystem::path(SITEPATROL_SOURCE_DIR) / "docs/configuration.md";
  const Sections sections = documented_keys(doc);
  ASSERT_GE(sections.size(), 15u) << "no `## [table]` sections read from " << doc;
  std::size_t keys = 0;
  for (const auto& [section, names] : sections) {
    for (const auto& key : names) {
      ++keys;
      std::string text = base_for(section);
      if (section != "site.maintenance") {  // a window with no keys is incomplete by design
        auto base = sitepatrol::config::parse_config(text, "doc.toml");
        ASSERT_TRUE(base) << "[" << section << "] base: " << base.error().to_string();
      }
      if (text.find("\n" + key + " = ") != std::string::npos) continue;  // the base sets it
      text += key + " = 1979-05-27T07:32:00Z\n";
      auto config = sitepatrol::config::parse_config(text, "doc.toml");
      if (config) continue;
      EXPECT_EQ(config.error().message.find("unknown key"), std::string::npos)
          << "[" << section << "] " << key
          << " is documented but the loader says: " << config.error().to_string();
    }
  }
  EXPECT_GE(keys, 100u);
}

TEST(ConfigurationDoc, AMisspeltKeyIsCaught) {
  // The check above is only worth something if an unknown key is reported as such.
  auto config = sitepatrol::config::parse_config(base_for("patrol") + "timeout = 1\n", "doc.toml");
  ASSERT_FALSE(config);
  EXPECT_NE(config.error().message.find("unknown key 'timeout'"), std::string::npos)
      << config.error().to_string();
}

}  // namespace
