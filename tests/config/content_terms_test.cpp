// The content dictionary's file format, [content] terms_file and [[site.leader]] (issue 13):
// what a user writes, and the file, line and key named when it is wrong.
#include <gtest/gtest.h>

#include "config/config.h"
#include "config/content.h"

namespace sitepatrol::config {
namespace {

using namespace std::chrono;

const std::string kData = std::string(SITEPATROL_TEST_DATA) + "/config/content/";

ConfigError terms_error(std::string_view text) {
  auto d = parse_content_terms(text, "terms.toml");
  EXPECT_FALSE(d.has_value()) << "expected an error for:\n" << text;
  return d ? ConfigError{} : d.error();
}

TEST(ContentTerms, BuiltInDictionaryParses) {
  auto d = parse_content_terms(builtin_content_terms_toml(), "content_terms.toml");
  ASSERT_TRUE(d.has_value()) << d.error().to_string();
  EXPECT_EQ(d->typos.size(), builtin_content_dictionary()->typos.size());
  for (const auto& l : d->leaders) EXPECT_FALSE(l.source.empty()) << l.name;
}

TEST(ContentTerms, ErrorsNameTheLineAndTheKey) {
  auto e = terms_error("[[typo]]\nwrong = \"再接再励\"\nsource = \"x\"\n");
  EXPECT_EQ(e.key, "typo[1].right");
  EXPECT_EQ(e.message, "missing key");
  e = terms_error(
      "[[body]]\nname = \"交通部\"\nabolished = \"March 2008\"\nsuccessor = \"x\"\n"
      "source = \"x\"\n");
  EXPECT_EQ(e.key, "body[1].abolished");
  EXPECT_EQ(e.line, 3);
  e = terms_error(
      "[[typo]]\nwrong = \"按装\"\nright = \"安装\"\nexcept = [\"安装机\"]\nsource = \"x\"\n");
  EXPECT_EQ(e.key, "typo[1].except");
  EXPECT_NE(e.message.find("does not contain"), std::string::npos) << e.message;
  e = terms_error("[[leader]]\nname = \"李强\"\ntitles = [\"总理\"]\n");
  EXPECT_EQ(e.key, "leader[1].source");
  e = terms_error("[[typos]]\nwrong = \"a\"\n");
  EXPECT_EQ(e.key, "typos");
}

TEST(ContentTerms, AStringTheMatcherCouldNeverFindIsRefused) {
  // The matcher bounds its lookups by kMaxTermChars characters; a longer entry used to be
  // accepted and then silently never matched.
  std::string longest;
  for (std::size_t i = 0; i < kMaxTermChars; ++i) longest += "中";
  auto ok = parse_content_terms(
      "[[typo]]\nwrong = \"" + longest + "\"\nright = \"x\"\nsource = \"x\"\n", "terms.toml");
  EXPECT_TRUE(ok.has_value()) << ok.error().to_string();
  auto e = terms_error("[[formulation]]\ntext = \"" + longest + "国\"\nsource = \"x\"\n");
  EXPECT_EQ(e.key, "formulation[1].text");
  EXPECT_EQ(e.line, 2);
  EXPECT_NE(e.message.find("longer than 256 characters"), std::string::npos) << e.message;
  e = terms_error(
      "[[body]]\nname = \"交通部\"\nabolished = 2008-03-15\nsuccessor = \"x\"\n"
      "except = [\"原交通部\", \"" +
      longest + "交通部\"]\nsource = \"x\"\n");
  EXPECT_EQ(e.key, "body[1].except");
  const std::string site = "[[site]]\nid = \"a\"\nurl = \"http://a.example/\"\n";
  auto c = parse_config(
      site + "[[site.leader]]\nname = \"王建华\"\ntitles = [\"厅长\", \"" + longest + "长\"]\n",
      "/etc/sites.toml");
  ASSERT_FALSE(c.has_value());
  EXPECT_NE(c.error().key.find("titles"), std::string::npos) << c.error().to_string();
}

TEST(ContentConfig, TermsFileAddsToTheBuiltInDictionaryAndSitesListTheirLeaders) {
  auto c = load_config(kData + "sites.toml");
  ASSERT_TRUE(c.has_value()) << c.error().to_string();
  const auto& d = *c->content.dictionary;
  EXPECT_EQ(d.typos.size(), builtin_content_dictionary()->typos.size() + 1);
  EXPECT_EQ(d.typos.back().wrong, "航道养户");
  EXPECT_EQ(d.bodies.back().abolished, sys_days(2009y / 6 / 30));
  const auto& leaders = c->sites.at(0).leaders;
  ASSERT_EQ(leaders.size(), 2u);
  EXPECT_EQ(leaders[0].titles, std::vector<std::string>{"厅长"});
  EXPECT_FALSE(leaders[0].until);
  EXPECT_EQ(leaders[1].titles, (std::vector<std::string>{"厅长", "党组书记"}));
  EXPECT_EQ(leaders[1].since, sys_days(2018y / 1 / 5));
  EXPECT_EQ(leaders[1].until, sys_days(2023y / 5 / 31));
}

TEST(ContentConfig, BadLeaderOrTermsFileIsAnError) {
  const std::string site = "[[site]]\nid = \"a\"\nurl = \"http://a.example/\"\n";
  auto c = parse_config(site + "[[site.leader]]\nname = \"王建华\"\n", "/etc/sites.toml");
  ASSERT_FALSE(c.has_value());
  EXPECT_EQ(c.error().key, "site[1].leader[1].title");
  c = parse_config(site +
                       "[[site.leader]]\nname = \"王建华\"\ntitle = \"厅长\"\n"
                       "since = 2024-01-01\nuntil = 2023-01-01\n",
                   "/etc/sites.toml");
  ASSERT_FALSE(c.has_value());
  EXPECT_EQ(c.error().key, "site[1].leader[1].until");
  EXPECT_EQ(c.error().line, 8);
  c = parse_config("[content]\nterms_file = \"nowhere.toml\"\n" + site, "/etc/sites.toml");
  ASSERT_FALSE(c.has_value());
  EXPECT_EQ(c.error().key, "content.terms_file");
  // Without [content] the built-in dictionary is there.
  c = parse_config(site, "/etc/sites.toml");
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->content.dictionary, builtin_content_dictionary());
}

}  // namespace
}  // namespace sitepatrol::config
