#include "config/features.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <iterator>

#include <unistd.h>

namespace sitepatrol::config {
namespace {

const std::filesystem::path kFile = "/etc/sitepatrol/sites.toml";

// A folder of files for one test, removed at the end (config tests link no test support).
class Folder {
 public:
  Folder() {
    path_ = std::filesystem::temp_directory_path() /
            ("sitepatrol-features-" + std::to_string(::getpid()) + "-" + std::to_string(++count_));
    std::filesystem::create_directories(path_);
  }
  ~Folder() { std::filesystem::remove_all(path_); }
  std::filesystem::path write_file(const std::string& name, std::string_view text) const {
    std::ofstream(path_ / name, std::ios::binary) << text;
    return path_ / name;
  }

 private:
  static inline int count_ = 0;
  std::filesystem::path path_;
};

ConfigError parse_error(std::string_view text) {
  auto config = parse_config(text, kFile);
  EXPECT_FALSE(config.has_value()) << "expected an error for:\n" << text;
  return config ? ConfigError{} : config.error();
}

bool has(const std::vector<std::string>& v, std::string_view s) {
  return std::ranges::find(v, s) != v.end();
}

TEST(FeaturesBuiltIn, IsConfigFeaturesTomlAndParses) {
  std::ifstream in(std::filesystem::path(SITEPATROL_SOURCE_DIR) / "config/features.toml",
                   std::ios::binary);
  ASSERT_TRUE(in);
  const std::string file((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(builtin_features_toml(), file);
  auto names = parse_feature_names(file, "features.toml");
  ASSERT_TRUE(names.has_value()) << names.error().to_string();
  for (const auto& kind : feature_kinds()) EXPECT_FALSE((*names)[kind].names.empty()) << kind;
  EXPECT_TRUE(has(builtin_feature_names().at("message_board").names, "我要咨询"));
  EXPECT_TRUE(has(builtin_feature_names().at("mailbox_stats").names, "办件统计"));
}

TEST(FeaturesDefaults, FollowTheTaskTable) {
  auto config = parse_config("[[site]]\nid = \"a\"\nurl = \"http://a.example/\"\n", kFile);
  ASSERT_TRUE(config) << config.error().to_string();
  const FeaturesConfig& f = config->features;
  EXPECT_TRUE(has(f.required.at("local"), "message_board"));
  EXPECT_TRUE(has(f.required.at("local"), "disclosure_request"));
  EXPECT_TRUE(has(f.required.at("ministry"), "mailbox"));
  EXPECT_FALSE(has(f.required.at("ministry_unit"), "disclosure_request"));
  EXPECT_EQ(f.interviews_per_year.at("local"), 2);
  EXPECT_EQ(f.interviews_per_year.at("ministry_unit"), 1);
  EXPECT_EQ(f.interviews_per_year.at("maritime"), 2);
  EXPECT_FALSE(f.interviews_per_year.contains("ministry"));
  EXPECT_EQ(f.unanswered_days, 90);
  EXPECT_EQ(f.mailbox_stats_days, 183);
  EXPECT_EQ(config_for_urls({"www.a.example"})->features.required.size(), 4u);
}

TEST(FeaturesConfig, SectionSiteFeaturesAndAnExtraNamesFile) {
  Folder dir;
  dir.write_file("names.toml", "[interview]\nnames = [\"访谈直播间\"]\n[search]\nnames = [\"搜一搜\"]\n");
  const auto file = dir.write_file("sites.toml", R"(
[features]
names_file = "names.toml"
required.local = ["search", "message_board"]
interviews_per_year.ministry = 4
unanswered_days = 60

[thresholds]
mailbox_stats = 100

[[site]]
id = "a"
url = "http://a.example/"
  [[site.feature]]
  kind = "interview"
  url = "HTTP://A.example/zxft"
)");
  auto config = load_config(file);
  ASSERT_TRUE(config) << config.error().to_string();
  const FeaturesConfig& f = config->features;
  EXPECT_EQ(f.required.at("local"), (std::vector<std::string>{"search", "message_board"}));
  EXPECT_TRUE(has(f.required.at("ministry"), "mailbox"));  // other categories keep defaults
  EXPECT_EQ(f.interviews_per_year.at("ministry"), 4);
  EXPECT_EQ(f.unanswered_days, 60);
  EXPECT_EQ(f.mailbox_stats_days, 100);
  EXPECT_TRUE(has(f.names.at("interview").names, "访谈直播间"));
  EXPECT_TRUE(has(f.names.at("interview").names, "在线访谈"));  // added, not replaced
  EXPECT_TRUE(has(f.names.at("search").names, "搜一搜"));
  ASSERT_EQ(config->sites[0].features.size(), 1u);
  EXPECT_EQ(config->sites[0].features[0].kind, "interview");
  EXPECT_EQ(config->sites[0].features[0].url, "http://a.example/zxft");
}

TEST(FeaturesConfig, MistakesNameFileLineAndKey) {
  auto e = parse_error("[features]\nrequired.local = [\"mesage_board\"]\n");
  EXPECT_EQ(e.line, 2);
  EXPECT_EQ(e.key, "features.required.local[1]");
  EXPECT_NE(e.message.find("did you mean 'message_board'"), std::string::npos) << e.message;

  e = parse_error("[features]\nrequired.county = [\"search\"]\n");
  EXPECT_EQ(e.key, "features.required.county");

  e = parse_error("[features]\nunanswerd_days = 30\n");
  EXPECT_EQ(e.key, "features.unanswerd_days");

  e = parse_error("[[site]]\nid = \"a\"\nurl = \"http://a.example/\"\n[[site.feature]]\nkind = \"forum\"\nurl = \"http://a.example/bbs/\"\n");
  EXPECT_EQ(e.line, 5);
  EXPECT_EQ(e.key, "site 'a'.feature[1].kind");

  e = parse_error("[[site]]\nid = \"a\"\nurl = \"http://a.example/\"\n[[site.feature]]\nkind = \"search\"\n");
  EXPECT_EQ(e.key, "site 'a'.feature[1].url");
}

TEST(FeaturesConfig, AnExtraNamesFileReportsItsOwnMistakes) {
  Folder dir;
  dir.write_file("names.toml", "[interview]\nnames = [\"访谈\"]\n\n[forum]\nnames = [\"论坛\"]\n");
  const auto file = dir.write_file("sites.toml", "[features]\nnames_file = \"names.toml\"\n");
  auto config = load_config(file);
  ASSERT_FALSE(config);
  EXPECT_NE(config.error().file.find("names.toml"), std::string::npos) << config.error().to_string();
  EXPECT_EQ(config.error().line, 4);
  EXPECT_EQ(config.error().key, "forum");

  auto empty = parse_feature_names("[search]\nnames = []\n", "n.toml");
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().key, "search.names");
}

}  // namespace
}  // namespace sitepatrol::config
