#include "config/columns.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

namespace sitepatrol::config {
namespace {

const std::string kData = std::string(SITEPATROL_TEST_DATA) + "/config/columns/";

const ColumnKind* kind(const std::vector<ColumnKind>& kinds, std::string_view key) {
  auto it = std::ranges::find(kinds, key, &ColumnKind::key);
  return it == kinds.end() ? nullptr : &*it;
}

std::set<std::string> set_of(const std::vector<std::string>& v) { return {v.begin(), v.end()}; }

TEST(Columns, BuiltInDictionaryHasEveryContractKey) {
  const auto& kinds = builtin_column_kinds();
  ASSERT_FALSE(kinds.empty()) << "config/columns.toml failed to parse";
  // docs/codes.md, the column key table: key, class, required-for.
  struct Row {
    const char* key;
    const char* cls;
    std::set<std::string> required;
  };
  const Row rows[] = {
      {"organization", "static", {"local", "ministry_unit", "maritime"}},
      {"disclosure_guide", "disclosure", {"local", "maritime", "ministry"}},
      {"disclosure_catalog", "disclosure", {"local", "maritime", "ministry"}},
      {"disclosure_annual_report", "disclosure", {"local", "maritime", "ministry"}},
      {"planning", "planning", {"local", "maritime"}},
      {"budget", "finance", {"local", "maritime"}},
      {"statistics", "statistics", {"local", "ministry_unit"}},
      {"personnel", "personnel", {"local", "maritime", "ministry"}},
      {"emergency", "news", {"local", "maritime"}},
      {"policy", "policy", {"ministry_unit", "maritime", "ministry"}},
      {"news", "news", {"ministry_unit", "ministry"}},
      {"service_guide", "static", {"local", "ministry_unit", "maritime"}},
      {"online_application", "static", {"local", "ministry_unit", "maritime"}},
      {"status_query", "static", {"local", "ministry_unit", "maritime"}},
      {"result_publicity", "notice", {"local", "ministry_unit", "maritime"}},
      {"travel_info", "news", {"local", "ministry"}},
      {"maritime_projects", "notice", {"maritime"}},
      {"penalties_fees", "notice", {"maritime"}},
      {"maritime_special", "static", {"maritime"}},
  };
  for (const Row& row : rows) {
    const ColumnKind* k = kind(kinds, row.key);
    ASSERT_NE(k, nullptr) << row.key;
    EXPECT_EQ(k->column_class, row.cls) << row.key;
    EXPECT_EQ(set_of(k->required), row.required) << row.key;
    EXPECT_FALSE(k->names.empty()) << row.key;
  }
  // Every name belongs to one key only: a name with two meanings would judge by chance.
  std::set<std::string> names;
  for (const ColumnKind& k : kinds) {
    for (const std::string& n : k.names) EXPECT_TRUE(names.insert(n).second) << n;
  }
}

TEST(Columns, ConfigWithoutSectionUsesTheBuiltInDictionary) {
  auto c = parse_config("", "/etc/sitepatrol/sites.toml");
  ASSERT_TRUE(c) << c.error().to_string();
  EXPECT_EQ(c->column_kinds.size(), builtin_column_kinds().size());
  EXPECT_TRUE(c->column_dictionary.empty());
}

TEST(Columns, DictionaryFileExtendsTheBuiltInOne) {
  auto c = parse_config("[columns]\ndictionary = \"extra.toml\"\n", kData + "sites.toml");
  ASSERT_TRUE(c) << c.error().to_string();
  const ColumnKind* news = kind(c->column_kinds, "news");
  ASSERT_NE(news, nullptr);
  EXPECT_EQ(news->column_class, "news");  // kept: the extension gave no class
  EXPECT_NE(std::ranges::find(news->names, "厅务动态"), news->names.end());
  EXPECT_NE(std::ranges::find(news->names, "工作动态"), news->names.end());
  EXPECT_EQ(set_of(news->required), (std::set<std::string>{"ministry_unit", "ministry"}));
  const ColumnKind* projects = kind(c->column_kinds, "road_projects");
  ASSERT_NE(projects, nullptr);
  EXPECT_EQ(projects->column_class, "notice");
  EXPECT_EQ(projects->required, std::vector<std::string>{"local"});
}

TEST(Columns, ProblemsInTheDictionaryNameItsFileLineAndKey) {
  auto c = parse_config("[columns]\ndictionary = \"bad.toml\"\n", kData + "sites.toml");
  ASSERT_FALSE(c);
  EXPECT_EQ(c.error().file, kData + "bad.toml");
  EXPECT_EQ(c.error().line, 7);
  EXPECT_EQ(c.error().key, "column[2].class");
  EXPECT_NE(c.error().message.find("'weekly' is not one of"), std::string::npos);

  auto missing = parse_config("[columns]\ndictionary = \"nowhere.toml\"\n", kData + "sites.toml");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().line, 2);
  EXPECT_EQ(missing.error().key, "columns.dictionary");

  auto unknown = parse_config("[columns]\ndictionry = \"x.toml\"\n", kData + "sites.toml");
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().key, "columns.dictionry");
}

TEST(Columns, EndingsAndPathsAreReadAndMerged) {
  auto kinds = parse_column_kinds(
      "[[column]]\nkey = \"news\"\nendings = [\"快报\"]\npaths = [\"gzkb\"]\n", "x.toml");
  ASSERT_TRUE(kinds) << kinds.error().to_string();
  std::vector<ColumnKind> base = builtin_column_kinds();
  merge_column_kinds(base, std::move(*kinds));
  const ColumnKind* news = kind(base, "news");
  ASSERT_NE(news, nullptr);
  EXPECT_TRUE(set_of(news->endings).contains("快报"));
  EXPECT_TRUE(set_of(news->endings).contains("动态"));  // the built-in ones are kept
  EXPECT_TRUE(set_of(news->paths).contains("gzkb"));
  EXPECT_TRUE(set_of(news->paths).contains("zwdt"));

  auto bad = parse_column_kinds("[[column]]\nkey = \"news\"\npaths = [\"/tzgg/\"]\n", "x.toml");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().line, 3);
  EXPECT_NE(bad.error().message.find("one URL folder name"), std::string::npos);
}

TEST(Columns, ColumnKeyInSiteColumnsIsChecked) {
  auto ok = parse_config(
      "[[site]]\nid = \"a\"\nurl = \"http://a.example/\"\n[[site.column]]\nname = \"厅务\"\n"
      "url = \"http://a.example/tw/\"\nclass = \"news\"\nkey = \"news\"\n",
      "/etc/sites.toml");
  ASSERT_TRUE(ok) << ok.error().to_string();
  EXPECT_EQ(ok->sites[0].columns[0].key, "news");
  auto bad = parse_config(
      "[[site]]\nid = \"a\"\nurl = \"http://a.example/\"\n[[site.column]]\nname = \"厅务\"\n"
      "url = \"http://a.example/tw/\"\nclass = \"news\"\nkey = \"News\"\n",
      "/etc/sites.toml");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().key, "site[1].column[1].key");
  EXPECT_EQ(bad.error().line, 8);
}

}  // namespace
}  // namespace sitepatrol::config
