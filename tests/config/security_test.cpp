#include "config/security.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <set>
#include <string>

namespace sitepatrol::config {
namespace {

const std::filesystem::path kFile = "/etc/sitepatrol/sites.toml";
const std::string kData = std::string(SITEPATROL_TEST_DATA) + "/config/";

Config parse_ok(std::string_view text) {
  auto config = parse_config(text, kFile);
  EXPECT_TRUE(config.has_value()) << (config ? "" : config.error().to_string());
  return config ? *config : Config{};
}

ConfigError parse_error(std::string_view text) {
  auto config = parse_config(text, kFile);
  EXPECT_FALSE(config.has_value()) << "expected an error for:\n" << text;
  return config ? ConfigError{} : config.error();
}

ConfigError terms_error(std::string_view text) {
  auto terms = parse_spam_terms(text, "terms.toml");
  EXPECT_FALSE(terms.has_value()) << "expected an error for:\n" << text;
  return terms ? ConfigError{} : terms.error();
}

bool has_host(const SecurityConfig& s, std::string_view host) {
  return std::ranges::find(s.approved_hosts, host) != s.approved_hosts.end();
}

// ---- the built-in list and defaults --------------------------------------------------------

TEST(SpamTermsBuiltIn, TheShippedListParses) {
  auto terms = parse_spam_terms(builtin_spam_terms_toml(), "spam_terms.toml");
  ASSERT_TRUE(terms.has_value()) << terms.error().to_string();
  EXPECT_EQ(builtin_spam_terms().size(), terms->size());
  EXPECT_GT(terms->size(), 150u);
}

TEST(SpamTermsBuiltIn, IsConfigSpamTermsTomlByteForByte) {
  std::ifstream in(std::filesystem::path(SITEPATROL_SOURCE_DIR) / "config/spam_terms.toml",
                   std::ios::binary);
  ASSERT_TRUE(in);
  const std::string file((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(builtin_spam_terms_toml(), file);
}

TEST(SpamTermsBuiltIn, CategoriesWeightsAndInnocentPhrases) {
  std::set<std::string> categories;
  for (const SpamTerm& t : builtin_spam_terms()) {
    categories.insert(t.category);
    EXPECT_EQ(t.weight < 0, t.category == "innocent") << t.term;
    EXPECT_LE(t.weight, 5) << t.term;
  }
  EXPECT_EQ(categories, (std::set<std::string>{"gambling", "pornography", "fraud", "innocent"}));
  const auto weight = [](std::string_view term) {
    const auto& list = builtin_spam_terms();
    const auto it = std::ranges::find(list, term, &SpamTerm::term);
    return it == list.end() ? 0 : it->weight;
  };
  EXPECT_EQ(weight("百家乐"), 5);
  EXPECT_EQ(weight("代开发票"), 5);
  EXPECT_LT(weight("体育彩票"), 0);
  EXPECT_LT(weight("打击网络赌博"), 0);
  EXPECT_GT(weight("赌博"), 0);
  EXPECT_LE(weight("赌博"), 2);  // ambiguous: news uses it
  EXPECT_EQ(weight("彩虹"), 0);
  EXPECT_EQ(builtin_spam_terms().front().term, "百家乐") << "file order is kept";
}

TEST(SecurityDefaults, NoSectionGivesTheBuiltInListAndDefaults) {
  const Config c = parse_ok("");
  EXPECT_TRUE(c.security.spam_terms_file.empty());
  EXPECT_EQ(c.security.spam_terms.size(), builtin_spam_terms().size());
  EXPECT_EQ(c.security.spam_threshold, 10);
  EXPECT_DOUBLE_EQ(c.security.tamper_threshold, 0.35);
  EXPECT_EQ(c.security.approved_hosts, default_approved_hosts());
  for (const char* host : {"hm.baidu.com", "zz.bdstatic.com", "cnzz.com", "cdn.bootcdn.net",
                           "cdnjs.cloudflare.com", "cdn.jsdelivr.net", "res.wx.qq.com",
                           "api.map.baidu.com", "webapi.amap.com", "zfwzgl.www.gov.cn"}) {
    EXPECT_TRUE(has_host(c.security, host)) << host;
  }
}

TEST(InfrastructureHostsBuiltIn, TheShippedListParsesAndCoversWhatPortalsEmbed) {
  auto hosts =
      parse_infrastructure_hosts(builtin_infrastructure_hosts_toml(), "infrastructure_hosts.toml");
  ASSERT_TRUE(hosts.has_value()) << hosts.error().to_string();
  EXPECT_EQ(*hosts, default_approved_hosts());
  const SecurityConfig s = default_security();
  for (const char* host : {"conac.cn", "zfwzgl.www.gov.cn", "121.43.68.40", "govwza.cn",
                           "hanweb.com", "trs.cn", "kaipuyun.cn"}) {
    EXPECT_TRUE(has_host(s, host)) << host;
  }
}

TEST(InfrastructureHostsBuiltIn, IsConfigInfrastructureHostsTomlByteForByte) {
  std::ifstream in(
      std::filesystem::path(SITEPATROL_SOURCE_DIR) / "config/infrastructure_hosts.toml",
      std::ios::binary);
  ASSERT_TRUE(in);
  const std::string file((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(builtin_infrastructure_hosts_toml(), file);
}

TEST(InfrastructureHostsFormat, ProblemsNameTheKey) {
  auto bad =
      parse_infrastructure_hosts("[cdn]\nhosts = [\"ok.example\", \"http://x/\"]\n", "h.toml");
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().key, "cdn.hosts[2]");
  bad = parse_infrastructure_hosts("[cdn]\nhost = [\"ok.example\"]\n", "h.toml");
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().key, "cdn.hosts");
  bad = parse_infrastructure_hosts("cdn = 3\n", "h.toml");
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().key, "cdn");
}

TEST(SecurityDefaults, EmptySectionIsTheSame) {
  const Config c = parse_ok("[security]\n");
  EXPECT_EQ(c.security.spam_terms.size(), builtin_spam_terms().size());
  EXPECT_EQ(c.security.approved_hosts, default_approved_hosts());
}

TEST(SecurityDefaults, CommandLineSitesGetThemToo) {
  auto c = config_for_urls({"www.site.example"});
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->security.spam_terms.size(), builtin_spam_terms().size());
  EXPECT_EQ(c->security.approved_hosts, default_approved_hosts());
  EXPECT_EQ(c->security.spam_threshold, 10);
}

TEST(SecurityDefaults, TheExampleConfigurationDocumentsTheSection) {
  const auto path = std::filesystem::path(SITEPATROL_SOURCE_DIR) / "config/sites.example.toml";
  auto c = load_config(path);
  ASSERT_TRUE(c.has_value()) << c.error().to_string();
  EXPECT_EQ(c->security.spam_threshold, 10);
  EXPECT_DOUBLE_EQ(c->security.tamper_threshold, 0.35);
  EXPECT_EQ(c->security.spam_terms.size(), builtin_spam_terms().size());
}

// ---- reading [security] --------------------------------------------------------------------

TEST(SecuritySection, ValuesAndHostsAddedToTheDefaults) {
  const Config c = parse_ok(R"(
[security]
spam_threshold = 25
approved_hosts = ["*.Wza.example", ".static.example", "hm.baidu.com"]
approved_script_hosts = ["stat.vendor.example", "static.example"]
tamper_threshold = 1
)");
  EXPECT_EQ(c.security.spam_threshold, 25);
  EXPECT_DOUBLE_EQ(c.security.tamper_threshold, 1.0);
  // Both keys add to the built-in list; each host is listed once.
  EXPECT_EQ(c.security.approved_hosts.size(), default_approved_hosts().size() + 3);
  EXPECT_TRUE(has_host(c.security, "wza.example"));
  EXPECT_TRUE(has_host(c.security, "static.example"));
  EXPECT_TRUE(has_host(c.security, "stat.vendor.example"));
  EXPECT_EQ(std::ranges::count(c.security.approved_hosts, "hm.baidu.com"), 1);
  EXPECT_EQ(std::ranges::count(c.security.approved_hosts, "static.example"), 1);
}

TEST(SecuritySection, RelativeTermFileReplacesTheBuiltInList) {
  auto c = load_config(kData + "security.toml");
  ASSERT_TRUE(c.has_value()) << c.error().to_string();
  EXPECT_EQ(c->security.spam_terms_file, std::filesystem::path(kData + "terms/custom.toml"));
  ASSERT_EQ(c->security.spam_terms.size(), 4u);
  EXPECT_EQ(c->security.spam_terms[0].term, "百家乐");
  EXPECT_EQ(c->security.spam_terms[0].weight, 5);
  EXPECT_EQ(c->security.spam_terms[0].category, "gambling");
  EXPECT_EQ(c->security.spam_terms[1].term, "PK10");
  EXPECT_EQ(c->security.spam_terms[2].category, "custom");
  EXPECT_EQ(c->security.spam_terms[3].weight, -1);
  EXPECT_EQ(c->security.spam_threshold, 8);
  EXPECT_DOUBLE_EQ(c->security.tamper_threshold, 0.5);
  EXPECT_TRUE(has_host(c->security, "static.example"));
}

TEST(SecuritySection, EmptyTermFileNameMeansTheBuiltInList) {
  const Config c = parse_ok("[security]\nspam_terms_file = \"\"\n");
  EXPECT_TRUE(c.security.spam_terms_file.empty());
  EXPECT_EQ(c.security.spam_terms.size(), builtin_spam_terms().size());
}

TEST(SecuritySection, ABadTermFileIsReportedWithItsOwnNameLineAndKey) {
  auto c = load_config(kData + "security_bad_terms.toml");
  ASSERT_FALSE(c.has_value());
  const ConfigError& e = c.error();
  EXPECT_EQ(e.file, kData + "terms/bad.toml");
  EXPECT_EQ(e.line, 6);
  EXPECT_EQ(e.key, "gambling.时时彩");
  EXPECT_EQ(e.to_string(), kData +
                               "terms/bad.toml:6:9: gambling.时时彩: expected an integer "
                               "weight, got a string");
}

TEST(SecuritySection, AMissingTermFileIsReportedAtTheKey) {
  const ConfigError e = parse_error("[security]\nspam_terms_file = \"nowhere/terms.toml\"\n");
  EXPECT_EQ(e.file, kFile.string());
  EXPECT_EQ(e.line, 2);
  EXPECT_EQ(e.key, "security.spam_terms_file");
  EXPECT_EQ(e.message, "cannot open '/etc/sitepatrol/nowhere/terms.toml'");
}

TEST(SecuritySection, TheConfigurationsOwnProblemsComeFirst) {
  const std::string text =
      "[security]\nspam_terms_file = \"" + kData + "terms/bad.toml\"\nspam_threshold = 0\n";
  const ConfigError e = parse_error(text);
  EXPECT_EQ(e.file, kFile.string());
  EXPECT_EQ(e.key, "security.spam_threshold");
}

TEST(SecuritySection, ThresholdsOutOfRange) {
  ConfigError e = parse_error("[security]\nspam_threshold = 0\n");
  EXPECT_EQ(e.line, 2);
  EXPECT_EQ(e.key, "security.spam_threshold");
  EXPECT_EQ(e.message, "must be between 1 and 1000000");

  e = parse_error("[security]\n\ntamper_threshold = 0\n");
  EXPECT_EQ(e.line, 3);
  EXPECT_EQ(e.key, "security.tamper_threshold");
  EXPECT_EQ(e.message, "must be greater than 0 and at most 1");

  e = parse_error("[security]\ntamper_threshold = 1.5\n");
  EXPECT_EQ(e.key, "security.tamper_threshold");
  e = parse_error("[security]\ntamper_threshold = nan\n");
  EXPECT_EQ(e.key, "security.tamper_threshold");
  e = parse_error("[security]\ntamper_threshold = \"0.3\"\n");
  EXPECT_EQ(e.message, "expected a number, got a string");
  e = parse_error("[security]\nspam_threshold = 2.5\n");
  EXPECT_EQ(e.message, "expected an integer, got a floating-point number");
}

TEST(SecuritySection, BadHostIsReportedWithItsIndex) {
  const ConfigError e =
      parse_error("[security]\napproved_script_hosts = [\"ok.example\", \"http://x/\"]\n");
  EXPECT_EQ(e.line, 2);
  EXPECT_EQ(e.key, "security.approved_script_hosts[2]");
  EXPECT_EQ(e.message, "'http://x/' is not a domain name");
}

TEST(SecuritySection, UnknownKeysAreErrors) {
  const ConfigError e = parse_error("[security]\nspam_treshold = 5\n");
  EXPECT_EQ(e.to_string(),
            "/etc/sitepatrol/sites.toml:2:1: security.spam_treshold: unknown key "
            "'spam_treshold' (did you mean 'spam_threshold'?)");
}

TEST(SecuritySection, MustBeATable) {
  const ConfigError e = parse_error("security = 3\n");
  EXPECT_EQ(e.key, "security");
  EXPECT_EQ(e.message, "expected a table ([security]), got an integer");
}

// ---- the term file format ------------------------------------------------------------------

TEST(SpamTermFile, EmptyFileIsAnEmptyList) {
  auto terms = parse_spam_terms("# nothing\n", "terms.toml");
  ASSERT_TRUE(terms.has_value());
  EXPECT_TRUE(terms->empty());
}

TEST(SpamTermFile, Problems) {
  ConfigError e = terms_error("[gambling]\n\"百家乐\" = 0\n");
  EXPECT_EQ(e.file, "terms.toml");
  EXPECT_EQ(e.line, 2);
  EXPECT_EQ(e.key, "gambling.百家乐");
  EXPECT_NE(e.message.find("not 0"), std::string::npos) << e.message;

  e = terms_error("[gambling]\n\"百家乐\" = 101\n");
  EXPECT_EQ(e.key, "gambling.百家乐");

  e = terms_error("[gambling]\n\"PK10\" = 5\n[other]\n\"pk10\" = 2\n");
  EXPECT_EQ(e.line, 4);
  EXPECT_EQ(e.key, "other.pk10");
  EXPECT_EQ(e.message, "'pk10' is already listed in [gambling]");

  e = terms_error("[innocent]\n\"体育彩票\" = 1\n");
  EXPECT_EQ(e.message, "terms in [innocent] need a negative weight");

  e = terms_error("\"百家乐\" = 5\n");
  EXPECT_EQ(e.line, 1);
  EXPECT_NE(e.message.find("not a category name"), std::string::npos) << e.message;

  e = terms_error("gambling = 5\n");
  EXPECT_EQ(e.key, "gambling");
  EXPECT_EQ(e.message, "expected a table of terms ([gambling]), got an integer");

  e = terms_error("[gambling]\n\" 百家乐\" = 5\n");
  EXPECT_EQ(e.message, "a term must not start or end with a space");

  e = terms_error("[gambling]\n\"\" = 5\n");
  EXPECT_EQ(e.message, "a term must not be empty");

  e = terms_error("[gambling]\n\"百家乐\" = 5\n\"六合彩\" = \n");
  EXPECT_EQ(e.line, 3);
  EXPECT_TRUE(e.key.empty()) << "a syntax error has no key";
}

TEST(SpamTermFile, TheEarliestProblemIsReported) {
  const ConfigError e = terms_error("[b]\n\"x\" = 0\n[a]\n\"y\" = \"1\"\n");
  EXPECT_EQ(e.line, 2);
  EXPECT_EQ(e.key, "b.x");
}

TEST(SpamTermFile, LoadNamesTheFile) {
  auto missing = load_spam_terms(kData + "terms/none.toml");
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().file, kData + "terms/none.toml");
  EXPECT_EQ(missing.error().message, "cannot open the spam term file");
  auto ok = load_spam_terms(kData + "terms/custom.toml");
  ASSERT_TRUE(ok.has_value()) << ok.error().to_string();
  EXPECT_EQ(ok->size(), 4u);
}

}  // namespace
}  // namespace sitepatrol::config
