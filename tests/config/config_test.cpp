#include "config/config.h"

#include <gtest/gtest.h>

#include <cstdlib>
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

// ---- hardening (issue 12): values that pass a check must not crash or inject ------------

TEST(ConfigHardening, HeaderValuesWithLineBreaksAreRefused) {
  auto e = parse_error("[patrol]\nuser_agent = \"sitepatrol\\r\\nX-Injected: 1\"\n");
  EXPECT_EQ(e.key, "patrol.user_agent");
  EXPECT_NE(e.message.find("line breaks"), std::string::npos) << e.message;
  e = parse_error(
      "[[site]]\nid = \"a\"\nurl = \"http://a.example/\"\n"
      "headers = { X-Staging = \"1\\nHost: evil.example\" }\n");
  EXPECT_EQ(e.key, "site 'a'.headers.X-Staging");
  e = parse_error(
      "[[site]]\nid = \"a\"\nurl = \"http://a.example/\"\ncookies = \"a=1\\r\\nX: y\"\n");
  EXPECT_EQ(e.key, "site 'a'.cookies");
  // A tab is allowed, as in HTTP.
  EXPECT_EQ(parse_ok("[patrol]\nuser_agent = \"sitepatrol\\t1.0\"\n").patrol.user_agent,
            "sitepatrol\t1.0");
}

TEST(ConfigHardening, LimitsHaveCeilings) {
  EXPECT_EQ(parse_error("[patrol]\nparse_threads = 100000\n").key, "patrol.parse_threads");
  EXPECT_EQ(parse_error("[patrol]\nmax_body_mib = 4096\n").key, "patrol.max_body_mib");
  EXPECT_EQ(parse_error("[patrol]\nmax_body_bytes = 9223372036854775807\n").key,
            "patrol.max_body_bytes");
  const Config c = parse_ok("[patrol]\nparse_threads = 256\nmax_body_mib = 64\n");
  EXPECT_EQ(c.patrol.parse_threads, 256);
  EXPECT_EQ(c.patrol.max_body_bytes, std::size_t{64} << 20);
}

TEST(ConfigHardening, ADictionaryThatIsADeviceIsRefusedNotReadForever) {
  const auto e = parse_error("[columns]\ndictionary = \"/dev/zero\"\n");
  EXPECT_EQ(e.key, "columns.dictionary");
  EXPECT_EQ(e.line, 2);
  EXPECT_NE(e.message.find("not a regular file"), std::string::npos) << e.message;
}

// ---- defaults and the example -------------------------------------------------------------

TEST(ConfigDefaults, EmptyFileGivesTheContractDefaults) {
  const Config c = parse_ok("");
  EXPECT_EQ(c.file, kFile);
  EXPECT_EQ(c.patrol.database, "/etc/sitepatrol/sitepatrol.db");
  EXPECT_EQ(c.patrol.user_agent, "sitepatrol/1.0");
  EXPECT_EQ(c.patrol.timeout_s, 15);
  EXPECT_EQ(c.patrol.slow_ms, 3000);
  EXPECT_EQ(c.patrol.concurrency, 256);
  EXPECT_EQ(c.patrol.per_host_concurrency, 4);
  EXPECT_EQ(c.patrol.per_host_delay_ms, 250);
  EXPECT_EQ(c.patrol.max_pages_per_site, 5000);
  EXPECT_EQ(c.patrol.max_depth, 8);
  EXPECT_EQ(c.patrol.max_redirects, 10);
  EXPECT_EQ(c.patrol.max_body_bytes, 8u << 20);
  EXPECT_TRUE(c.patrol.check_external_links);
  EXPECT_TRUE(c.patrol.respect_robots);
  EXPECT_FALSE(c.patrol.allow_private_networks);
  EXPECT_TRUE(c.patrol.resolve.empty());
  EXPECT_TRUE(c.sites.empty());
  EXPECT_EQ(c.thresholds, default_thresholds());
}

TEST(ConfigDefaults, SiteDefaults) {
  const Config c = parse_ok(R"(
[[site]]
id = "demo"
url = "http://WWW.Site.Example"
)");
  ASSERT_EQ(c.sites.size(), 1u);
  const SiteConfig& s = c.sites[0];
  EXPECT_EQ(s.url, "http://www.site.example/");
  EXPECT_EQ(s.name, "www.site.example");
  EXPECT_EQ(s.category, "local");
  EXPECT_FALSE(s.basic_auth);
  EXPECT_FALSE(s.respect_robots);
  EXPECT_FALSE(s.max_pages);
  EXPECT_TRUE(s.columns.empty());
}

TEST(ConfigExample, ParsesCompletely) {
  const auto path = std::filesystem::path(SITEPATROL_SOURCE_DIR) / "config/sites.example.toml";
  auto loaded = load_config(path);
  ASSERT_TRUE(loaded.has_value()) << loaded.error().to_string();
  const Config& c = *loaded;
  EXPECT_EQ(c.patrol.database, (path.parent_path() / "sitepatrol.db").lexically_normal());
  EXPECT_EQ(c.patrol.max_body_bytes, 8u << 20);
  EXPECT_EQ(c.patrol.connect_timeout_s, 10);
  ASSERT_EQ(c.sites.size(), 2u);

  const SiteConfig& hb = c.sites[0];
  EXPECT_EQ(hb.id, "hb-jtt");
  EXPECT_EQ(hb.name, "湖北省交通运输厅");
  EXPECT_EQ(hb.url, "http://jtt.hubei.gov.cn/");
  EXPECT_EQ(hb.category, "local");
  EXPECT_EQ(hb.unit, "地方交通运输主管部门");
  EXPECT_EQ(hb.aliases, std::vector<std::string>{"www.hbjt.gov.cn"});
  EXPECT_EQ(hb.allowed_domains, (std::vector<std::string>{"gov.cn", "mot.gov.cn"}));
  EXPECT_EQ(hb.accepted_status, std::vector<int>{401});
  EXPECT_EQ(hb.max_pages, 3000);
  ASSERT_EQ(hb.columns.size(), 2u);
  EXPECT_EQ(hb.columns[0].name, "通知公告");
  EXPECT_EQ(hb.columns[0].column_class, "notice");
  EXPECT_EQ(max_age_days(c, hb.columns[0]), 180);
  EXPECT_EQ(hb.columns[1].max_age_days, 7);
  EXPECT_EQ(max_age_days(c, hb.columns[1]), 7);

  const SiteConfig& cj = c.sites[1];
  EXPECT_EQ(cj.id, "cj-msa");
  EXPECT_EQ(cj.name, "长江海事局");
  EXPECT_EQ(cj.category, "maritime");
  EXPECT_EQ(cj.headers.at("Accept-Language"), "zh-CN");
  ASSERT_EQ(cj.columns.size(), 1u);
  EXPECT_EQ(cj.columns[0].column_class, "disclosure");
}

TEST(ConfigExample, FullSiteTable) {
  setenv("SITEPATROL_TEST_PW_FULL", "s3cret", 1);
  const Config c = parse_ok(R"(
[patrol]
max_body_bytes = 1000
resolve = ["www.site.example:80:127.0.0.1", "v6.example:443:[::1]", "two.example:80:10.0.0.1,::2"]

[[site]]
id = "staging"
url = "https://staging.example:8443/portal/#top"
cookies = "a=1; b=2"
respect_robots = false
headers = { "X-Patrol" = "1", Authorization = "Bearer t" }
basic_auth = { username = "patrol", password_env = "SITEPATROL_TEST_PW_FULL" }
allowed_domains = ["*.Gov.CN", ".mot.gov.cn"]
)");
  EXPECT_EQ(c.patrol.max_body_bytes, 1000u);
  EXPECT_EQ(c.patrol.resolve.size(), 3u);
  ASSERT_EQ(c.sites.size(), 1u);
  const SiteConfig& s = c.sites[0];
  EXPECT_EQ(s.url, "https://staging.example:8443/portal/");
  EXPECT_EQ(s.cookies, "a=1; b=2");
  EXPECT_EQ(s.respect_robots, false);
  EXPECT_EQ(s.headers.at("X-Patrol"), "1");
  EXPECT_EQ(s.headers.at("Authorization"), "Bearer t");
  ASSERT_TRUE(s.basic_auth);
  EXPECT_EQ(s.basic_auth->username, "patrol");
  EXPECT_EQ(s.basic_auth->password, "s3cret");
  EXPECT_EQ(s.allowed_domains, (std::vector<std::string>{"gov.cn", "mot.gov.cn"}));
  unsetenv("SITEPATROL_TEST_PW_FULL");
}

// Issue 11: hosts in one form. A site, its aliases, allowed domains and resolve entries
// written in Chinese are compared with the punycode hosts links carry.
TEST(ConfigExample, IdnHostsAreReadInPunycode) {
  const Config c = parse_ok(R"(
[patrol]
resolve = ["北京.政务:8080:127.0.0.1"]

[[site]]
id = "bj"
url = "http://北京.政务:8080/"
aliases = ["WWW.北京.政务"]
allowed_domains = ["*.中国政府网.政务", "öko.de"]
)");
  EXPECT_EQ(c.patrol.resolve, std::vector<std::string>{"xn--1lq90i.xn--zfr164b:8080:127.0.0.1"});
  ASSERT_EQ(c.sites.size(), 1u);
  EXPECT_EQ(c.sites[0].url, "http://xn--1lq90i.xn--zfr164b:8080/");
  EXPECT_EQ(c.sites[0].aliases, std::vector<std::string>{"www.xn--1lq90i.xn--zfr164b"});
  EXPECT_EQ(c.sites[0].allowed_domains,
            (std::vector<std::string>{"xn--fiqs8sirgfmhq98a.xn--zfr164b", "xn--ko-eka.de"}));
}

TEST(ConfigExample, DaemonSectionsAreRead) {
  const Config c = parse_ok(R"(
[schedule]
patrol = ["0 2 * * *", "0 14 * * *"]
probe_interval = "20m"

[[alert]]
kind = "email"
smtp_url = "smtp://mail.example:587"
from = "a@example.org"
to = ["b@example.org"]

[[alert]]
kind = "webhook"
url = "http://hooks.example/x"

[http]
listen = "127.0.0.1:9469"
)");
  EXPECT_TRUE(c.sites.empty());
  EXPECT_EQ(c.schedule.patrol.size(), 2u);  // details: tests/config/schedule_test.cpp
  EXPECT_EQ(c.alerts.size(), 2u);
  EXPECT_EQ(c.http.port(), 9469);
}

// ---- paths --------------------------------------------------------------------------------

TEST(ConfigPaths, RelativePathsFollowTheConfigFile) {
  auto c = load_config(kData + "relative_db.toml");
  ASSERT_TRUE(c.has_value()) << c.error().to_string();
  EXPECT_EQ(c->patrol.database, std::filesystem::path(kData + "data/patrol.db"));
  EXPECT_EQ(c->patrol.ca_bundle, kData + "certs/ca.pem");
}

TEST(ConfigPaths, AbsoluteAndMemoryDatabasesStayAsGiven) {
  EXPECT_EQ(parse_ok("[patrol]\ndatabase = \"/var/lib/sp.db\"\n").patrol.database,
            "/var/lib/sp.db");
  EXPECT_EQ(parse_ok("[patrol]\ndatabase = \":memory:\"\n").patrol.database, ":memory:");
}

TEST(ConfigPaths, ConfigWithoutFolderKeepsRelativeDatabase) {
  auto c = parse_config("[patrol]\ndatabase = \"x.db\"\n", "sites.toml");
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->patrol.database, "x.db");
}

// ---- errors: positions and keys -----------------------------------------------------------

TEST(ConfigErrors, TypoKeyNamesLineKeyAndSuggestion) {
  auto c = load_config(kData + "typo.toml");
  ASSERT_FALSE(c.has_value());
  const ConfigError& e = c.error();
  EXPECT_EQ(e.file, kData + "typo.toml");
  EXPECT_EQ(e.line, 4);
  EXPECT_EQ(e.column, 1);
  EXPECT_EQ(e.key, "patrol.timout_s");
  EXPECT_EQ(e.message, "unknown key 'timout_s' (did you mean 'timeout_s'?)");
  EXPECT_EQ(e.to_string(), kData +
                               "typo.toml:4:1: patrol.timout_s: unknown key 'timout_s' "
                               "(did you mean 'timeout_s'?)");
}

TEST(ConfigErrors, UnknownKeyFarFromAnyHasNoSuggestion) {
  const ConfigError e = parse_error("[patrol]\ncolour = 1\n");
  EXPECT_EQ(e.line, 2);
  EXPECT_EQ(e.key, "patrol.colour");
  EXPECT_EQ(e.message, "unknown key 'colour'");
}

TEST(ConfigErrors, UnknownTopLevelAndSiteKeys) {
  ConfigError e = parse_error("[[sites]]\nid = \"a\"\n");
  EXPECT_EQ(e.line, 1);
  EXPECT_EQ(e.key, "sites");
  EXPECT_EQ(e.message, "unknown key 'sites' (did you mean 'site'?)");

  e = parse_error(R"([[site]]
id = "a"
url = "http://a.example/"

[[site]]
id = "b"
url = "http://b.example/"
allowed_domain = ["gov.cn"]
)");
  EXPECT_EQ(e.line, 8);
  EXPECT_EQ(e.key, "site 'b'.allowed_domain");
  EXPECT_EQ(e.message, "unknown key 'allowed_domain' (did you mean 'allowed_domains'?)");
}

TEST(ConfigErrors, UnknownColumnAndThresholdKeys) {
  ConfigError e = parse_error(R"([[site]]
id = "a"
url = "http://a.example/"
  [[site.column]]
  name = "x"
  url = "http://a.example/x/"
  class = "news"
  max_age = 3
)");
  EXPECT_EQ(e.line, 8);
  EXPECT_EQ(e.column, 3);
  EXPECT_EQ(e.key, "site 'a'.column[1].max_age");

  e = parse_error("[thresholds]\nnews = 10\nnwes = 20\n");
  EXPECT_EQ(e.line, 3);
  EXPECT_EQ(e.key, "thresholds.nwes");
  EXPECT_EQ(e.message, "unknown key 'nwes' (did you mean 'news'?)");
}

TEST(ConfigErrors, WrongTypePointsAtTheValue) {
  const ConfigError e = parse_error("[patrol]\nuser_agent = \"x\"\ntimeout_s = \"15\"\n");
  EXPECT_EQ(e.line, 3);
  EXPECT_EQ(e.column, 13);
  EXPECT_EQ(e.key, "patrol.timeout_s");
  EXPECT_EQ(e.message, "expected an integer, got a string");

  EXPECT_EQ(parse_error("[patrol]\nrespect_robots = 1\n").message,
            "expected a boolean, got an integer");
  EXPECT_EQ(parse_error("[patrol]\nresolve = \"a:80:1.2.3.4\"\n").message,
            "expected an array of strings, got a string");
  EXPECT_EQ(parse_error("patrol = 3\n").key, "patrol");
}

TEST(ConfigErrors, WrongTypeInsideArrays) {
  ConfigError e = parse_error(R"([[site]]
id = "a"
url = "http://a.example/"
accepted_status = [401, "999"]
)");
  EXPECT_EQ(e.line, 4);
  EXPECT_EQ(e.key, "site 'a'.accepted_status[2]");
  EXPECT_EQ(e.message, "expected an integer, got a string");

  e = parse_error("[[site]]\nid = \"a\"\nurl = \"http://a.example/\"\naccepted_status = [1000]\n");
  EXPECT_EQ(e.key, "site 'a'.accepted_status[1]");
  EXPECT_EQ(e.message, "must be between 100 and 999");
}

TEST(ConfigErrors, SiteMustBeAnArrayOfTables) {
  const ConfigError e = parse_error("[site]\nid = \"a\"\n");
  EXPECT_EQ(e.line, 1);
  EXPECT_EQ(e.key, "site");
  EXPECT_EQ(e.message, "expected an array of tables ([[site]])");
}

TEST(ConfigErrors, TimeoutRange) {
  ConfigError e = parse_error("[patrol]\ntimeout_s = 0\n");
  EXPECT_EQ(e.line, 2);
  EXPECT_EQ(e.key, "patrol.timeout_s");
  EXPECT_EQ(e.message, "must be between 1 and 300");
  EXPECT_EQ(parse_error("[patrol]\ntimeout_s = 301\n").message, "must be between 1 and 300");
  EXPECT_EQ(parse_ok("[patrol]\ntimeout_s = 300\n").patrol.timeout_s, 300);
  EXPECT_EQ(parse_ok("[patrol]\ntimeout_s = 1\n").patrol.timeout_s, 1);
}

TEST(ConfigErrors, ConcurrencyAtLeastOne) {
  const ConfigError e = parse_error("[patrol]\n\nconcurrency = 0\n");
  EXPECT_EQ(e.line, 3);
  EXPECT_EQ(e.key, "patrol.concurrency");
  EXPECT_EQ(e.message, "must be at least 1");
  EXPECT_EQ(parse_ok("[patrol]\nconcurrency = 1\n").patrol.concurrency, 1);
}

TEST(ConfigErrors, BodySizeInMibOrBytesNotBoth) {
  EXPECT_EQ(parse_ok("[patrol]\nmax_body_mib = 2\n").patrol.max_body_bytes, 2u << 20);
  const ConfigError e = parse_error("[patrol]\nmax_body_bytes = 10\nmax_body_mib = 2\n");
  EXPECT_EQ(e.line, 3);
  EXPECT_EQ(e.key, "patrol.max_body_mib");
}

TEST(ConfigErrors, SiteIdFormat) {
  const ConfigError e = parse_error(R"([[site]]
id = "HB_jtt"
url = "http://a.example/"
)");
  EXPECT_EQ(e.line, 2);
  EXPECT_EQ(e.column, 6);
  EXPECT_EQ(e.key, "site[1].id");
  EXPECT_EQ(e.message, "'HB_jtt' must be lower-case letters, digits and '-'");
}

TEST(ConfigErrors, DuplicateIdsNameTheSecond) {
  const ConfigError e = parse_error(R"([[site]]
id = "hb-jtt"
url = "http://a.example/"

[[site]]
id = "cj-msa"
url = "http://b.example/"

[[site]]
id = "hb-jtt"
url = "http://c.example/"
)");
  EXPECT_EQ(e.line, 10);
  EXPECT_EQ(e.key, "site[3].id");
  EXPECT_EQ(e.message, "duplicate id 'hb-jtt'");
}

TEST(ConfigErrors, MissingRequiredKeysPointAtTheTableHeader) {
  ConfigError e = parse_error("[patrol]\n\n[[site]]\nid = \"a\"\nname = \"甲\"\n");
  EXPECT_EQ(e.line, 3);
  EXPECT_EQ(e.key, "site 'a'.url");
  EXPECT_EQ(e.message, "missing key");

  e = parse_error("[[site]]\nurl = \"http://a.example/\"\n");
  EXPECT_EQ(e.key, "site[1].id");
}

TEST(ConfigErrors, UrlMustBeAbsoluteHttp) {
  const char* site = R"([[site]]
id = "a"
url = "http://a.example/"

[[site]]
id = "b"
url = "%s"
)";
  for (const char* bad : {"www.b.example", "/index.html", "ftp://b.example/", "http://"}) {
    char text[256];
    std::snprintf(text, sizeof text, site, bad);
    const ConfigError e = parse_error(text);
    EXPECT_EQ(e.line, 7) << bad;
    EXPECT_EQ(e.key, "site 'b'.url") << bad;
    EXPECT_EQ(e.message, "'" + std::string(bad) + "' is not an absolute http(s) URL");
  }
}

// A site is named by its id, which the user finds in the file at once; by its position only
// when its id is missing or malformed (issue 14).
TEST(ConfigErrors, ASiteIsNamedByItsIdOrElseItsPosition) {
  const ConfigError named = parse_error(R"([[site]]
id = "msa"
url = "http://msa.example/"

[[site]]
id = "hb-jtt"
url = "http://jtt.example/"
column = 3
)");
  EXPECT_EQ(named.key, "site 'hb-jtt'.column");
  EXPECT_EQ(named.message, "expected an array of tables ([[site.column]])");
  const ConfigError unnamed = parse_error(R"([[site]]
id = "msa"
url = "http://msa.example/"

[[site]]
id = "Bad Id"
url = "ftp://jtt.example/"
)");
  EXPECT_EQ(unnamed.key, "site[2].id");
  const ConfigError without = parse_error(R"([[site]]
url = "http://jtt.example/"
)");
  EXPECT_EQ(without.key, "site[1].id");
}

TEST(ConfigErrors, CategoryWithSuggestion) {
  const ConfigError e = parse_error(R"([[site]]
id = "a"
url = "http://a.example/"
category = "minstry"
)");
  EXPECT_EQ(e.line, 4);
  EXPECT_EQ(e.key, "site 'a'.category");
  EXPECT_EQ(e.message,
            "'minstry' is not one of local, ministry, ministry_unit, maritime "
            "(did you mean 'ministry'?)");
}

TEST(ConfigErrors, ColumnClassAndUrl) {
  ConfigError e = parse_error(R"([[site]]
id = "a"
url = "http://a.example/"
  [[site.column]]
  name = "要闻"
  url = "http://a.example/yw/"
  class = "news"
  [[site.column]]
  name = "通知"
  url = "http://a.example/tz/"
  class = "notices"
)");
  EXPECT_EQ(e.line, 11);
  EXPECT_EQ(e.key, "site 'a'.column[2].class");
  EXPECT_NE(e.message.find("(did you mean 'notice'?)"), std::string::npos);

  e = parse_error(R"([[site]]
id = "a"
url = "http://a.example/"
  [[site.column]]
  name = "要闻"
  url = "yw/"
  class = "news"
)");
  EXPECT_EQ(e.line, 6);
  EXPECT_EQ(e.key, "site 'a'.column[1].url");
}

TEST(ConfigErrors, BadResolveEntries) {
  for (const char* bad :
       {"www.site.example:80", "www.site.example:http:127.0.0.1", "www.site.example:80:localhost",
        ":80:127.0.0.1", "www.site.example:70000:127.0.0.1", "www.site.example:80:"}) {
    const std::string text =
        std::string("[patrol]\nresolve = [\n  \"a.example:80:127.0.0.1\",\n  \"") + bad +
        "\",\n]\n";
    const ConfigError e = parse_error(text);
    EXPECT_EQ(e.line, 4) << bad;
    EXPECT_EQ(e.column, 3) << bad;
    EXPECT_EQ(e.key, "patrol.resolve[2]") << bad;
    EXPECT_EQ(e.message, "'" + std::string(bad) + "' is not host:port:address");
  }
}

TEST(ConfigErrors, PasswordEnvMustBeSet) {
  const char* text = R"([[site]]
id = "staging"
url = "http://staging.example/"
basic_auth = { username = "u", password_env = "SITEPATROL_TEST_PW_UNSET" }
)";
  unsetenv("SITEPATROL_TEST_PW_UNSET");
  const ConfigError e = parse_error(text);
  EXPECT_EQ(e.line, 4);
  EXPECT_EQ(e.column, 47);
  EXPECT_EQ(e.key, "site 'staging'.basic_auth.password_env");
  EXPECT_EQ(e.message, "environment variable 'SITEPATROL_TEST_PW_UNSET' is not set");

  setenv("SITEPATROL_TEST_PW_UNSET", "hunter2", 1);
  const Config c = parse_ok(text);
  ASSERT_TRUE(c.sites[0].basic_auth);
  EXPECT_EQ(c.sites[0].basic_auth->password, "hunter2");
  unsetenv("SITEPATROL_TEST_PW_UNSET");
}

TEST(ConfigErrors, BasicAuthShape) {
  ConfigError e = parse_error(R"([[site]]
id = "a"
url = "http://a.example/"
basic_auth = { username = "u", password = "p", password_env = "HOME" }
)");
  EXPECT_EQ(e.key, "site 'a'.basic_auth.password_env");
  EXPECT_EQ(e.message, "give password or password_env, not both");

  e = parse_error(R"([[site]]
id = "a"
url = "http://a.example/"
basic_auth = { username = "u" }
)");
  EXPECT_EQ(e.line, 4);
  EXPECT_EQ(e.key, "site 'a'.basic_auth.password");

  e = parse_error(R"([[site]]
id = "a"
url = "http://a.example/"
basic_auth = { user = "u", password = "p" }
)");
  EXPECT_EQ(e.key, "site 'a'.basic_auth.username");
}

TEST(ConfigErrors, HeadersAndDomains) {
  ConfigError e = parse_error(R"([[site]]
id = "a"
url = "http://a.example/"
headers = { "X-A" = 1 }
)");
  EXPECT_EQ(e.key, "site 'a'.headers.X-A");
  EXPECT_EQ(e.message, "expected a string, got an integer");

  e = parse_error(R"([[site]]
id = "a"
url = "http://a.example/"
allowed_domains = ["gov.cn", "https://www.mot.gov.cn/"]
)");
  EXPECT_EQ(e.key, "site 'a'.allowed_domains[2]");
  EXPECT_EQ(e.line, 4);
  EXPECT_EQ(e.column, 30);
}

TEST(ConfigErrors, EarliestProblemIsReported) {
  const ConfigError e = parse_error(R"([patrol]
concurrency = 0
timout_s = 3
)");
  EXPECT_EQ(e.line, 2);
  EXPECT_EQ(e.key, "patrol.concurrency");
}

TEST(ConfigErrors, MalformedTomlReportsTheLine) {
  auto c = load_config(kData + "malformed.toml");
  ASSERT_FALSE(c.has_value());
  EXPECT_EQ(c.error().file, kData + "malformed.toml");
  EXPECT_EQ(c.error().line, 6);
  EXPECT_GT(c.error().column, 0);
  EXPECT_EQ(c.error().key, "");
  EXPECT_FALSE(c.error().message.empty());
  EXPECT_TRUE(c.error().to_string().starts_with(kData + "malformed.toml:6:"));
}

TEST(ConfigErrors, MissingFile) {
  auto c = load_config(kData + "no-such-file.toml");
  ASSERT_FALSE(c.has_value());
  EXPECT_EQ(c.error().line, 0);
  EXPECT_EQ(c.error().to_string(), kData + "no-such-file.toml: cannot open the configuration file");
}

TEST(ConfigErrors, ToStringLeavesOutWhatIsUnknown) {
  EXPECT_EQ((ConfigError{"a.toml", 3, 7, "site[1].id", "bad"}).to_string(),
            "a.toml:3:7: site[1].id: bad");
  EXPECT_EQ((ConfigError{"a.toml", 3, 7, "", "bad"}).to_string(), "a.toml:3:7: bad");
  EXPECT_EQ((ConfigError{"a.toml", 0, 0, "k", "bad"}).to_string(), "a.toml: k: bad");
}

// ---- thresholds ---------------------------------------------------------------------------

TEST(ConfigThresholds, OverridesMergeWithDefaults) {
  const Config c = parse_ok("[thresholds]\nnews = 7\nstatic = 730\n");
  EXPECT_EQ(c.thresholds.at("news"), 7);
  EXPECT_EQ(c.thresholds.at("notice"), 180);
  EXPECT_EQ(max_age_days(c, "news"), 7);
  EXPECT_EQ(max_age_days(c, "static"), 730);
  EXPECT_EQ(parse_error("[thresholds]\nnews = 0\n").message, "must be at least 1");
}

}  // namespace
}  // namespace sitepatrol::config
