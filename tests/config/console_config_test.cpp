// [console] and its [[console.user]]s (config/console.h): who may sign in to the web console,
// and every mistake named with file, line and key.
#include <gtest/gtest.h>

#include "config/config.h"

namespace sitepatrol::config {
namespace {

const std::filesystem::path kFile = "/etc/sitepatrol/sites.toml";
constexpr std::string_view kHash =
    "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaA";

std::string sites() {
  return "[[site]]\nid = \"hb-jtt\"\nurl = \"http://www.site.example/\"\nunit = "
         "\"湖北省交通运输厅\"\n";
}

std::string user(std::string_view extra) {
  return "\n[[console.user]]\nname = \"li\"\npassword_hash = \"" + std::string(kHash) + "\"\n" +
         std::string(extra);
}

TEST(ConsoleConfig, WithoutUsersTheConsoleIsNotServed) {
  auto c = parse_config(sites(), kFile);
  ASSERT_TRUE(c) << c.error().to_string();
  EXPECT_TRUE(c->console.enabled);
  EXPECT_FALSE(c->console.served());
  EXPECT_EQ(c->console.session, std::chrono::hours(12));
  EXPECT_EQ(c->console.login_attempts, 5);
  EXPECT_EQ(c->console.login_window, std::chrono::minutes(15));
}

TEST(ConsoleConfig, UsersWithRolesUnitsAndTheProxyHeader) {
  auto c = parse_config(sites() +
                            "\n[console]\ntrusted_header = \"X-Forwarded-User\"\nsession = "
                            "\"8h\"\nsecure_cookie = true\nlogin_window = \"30m\"\n" +
                            user("role = \"operator\"\n") +
                            "\n[[console.user]]\nname = \"王芳\"\nunits = [\"湖北省交通运输厅\"]\n",
                        kFile);
  ASSERT_TRUE(c) << c.error().to_string();
  EXPECT_TRUE(c->console.served());
  EXPECT_EQ(c->console.trusted_header, "X-Forwarded-User");
  EXPECT_EQ(c->console.session, std::chrono::hours(8));
  EXPECT_TRUE(c->console.secure_cookie);
  ASSERT_EQ(c->console.users.size(), 2u);
  EXPECT_TRUE(c->console.user("li")->is_operator());
  const ConsoleUser* wang = c->console.user("王芳");
  ASSERT_NE(wang, nullptr);
  EXPECT_FALSE(wang->is_operator());  // viewer by default
  EXPECT_TRUE(wang->password_hash.empty());
  EXPECT_EQ(wang->units, std::vector<std::string>{"湖北省交通运输厅"});
  EXPECT_EQ(c->console.user("nobody"), nullptr);
}

struct Mistake {
  std::string toml;
  int line;
  std::string key;
  std::string message;
};

TEST(ConsoleConfig, MistakesNameTheFileLineAndKey) {
  const int first = 6;  // the line of the first table header after sites() and a blank line
  const std::vector<Mistake> mistakes = {
      {user("role = \"admin\"\n"), first + 3, "console.user[1].role",
       "'admin' is not viewer or operator"},
      {"\n[[console.user]]\nname = \"li\"\npassword_hash = \"secret\"\n", first + 2,
       "console.user[1].password_hash", "not an Argon2 hash"},
      {user("units = [\"湖北省交通厅\"]\n"), first + 3, "console.user[1].units",
       "no [[site]] has unit '湖北省交通厅'"},
      {user("") + user(""), first + 5, "console.user[2].name", "given to an earlier"},
      {"\n[console]\ntrusted_header = \"X User\"\n", first + 1, "console.trusted_header",
       "is not a header name"},
      {"\n[console]\nsession = \"1m\"\n", first + 1, "console.session", "between 5m and 720h"},
      {user("colour = \"red\"\n"), first + 3, "console.user[1].colour", "unknown key"},
  };
  for (const auto& m : mistakes) {
    auto c = parse_config(sites() + m.toml, kFile);
    ASSERT_FALSE(c) << m.toml;
    EXPECT_EQ(c.error().file, kFile.string());
    EXPECT_EQ(c.error().line, m.line) << m.toml << c.error().to_string();
    EXPECT_EQ(c.error().key, m.key) << c.error().to_string();
    EXPECT_NE(c.error().message.find(m.message), std::string::npos) << c.error().to_string();
  }
}

}  // namespace
}  // namespace sitepatrol::config
