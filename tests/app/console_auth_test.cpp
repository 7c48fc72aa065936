// The console's sign-in parts (app/console/auth.h, form.h): Argon2id hashes, sessions that
// expire, the limit on failed sign-ins, and the parsers of forms and cookies.
#include <gtest/gtest.h>

#include "app/console/auth.h"
#include "app/console/form.h"

namespace sitepatrol::app::console {
namespace {

using namespace std::chrono_literals;

TEST(ConsolePasswords, AHashVerifiesItsPasswordOnly) {
  const std::string hash = hash_password("海事-2026!");
  EXPECT_TRUE(hash.starts_with("$argon2id$")) << hash;
  EXPECT_NE(hash, hash_password("海事-2026!"));  // salted
  EXPECT_TRUE(verify_password(hash, "海事-2026!"));
  EXPECT_FALSE(verify_password(hash, "海事-2026"));
  EXPECT_FALSE(verify_password(hash, ""));
  EXPECT_FALSE(verify_password("$argon2id$garbage", "海事-2026!"));
  EXPECT_FALSE(verify_password("", ""));
}

TEST(ConsoleSessions, ASessionLastsItsLifetimeAndEndsWhenClosed) {
  Sessions sessions(1h);
  const auto t0 = Clock::now();
  const std::string token = sessions.open("li", t0);
  EXPECT_EQ(token.size(), 64u);
  auto found = sessions.find(token, t0 + 59min);
  ASSERT_TRUE(found);
  EXPECT_EQ(found->user, "li");
  EXPECT_EQ(found->csrf.size(), 64u);
  EXPECT_NE(found->csrf, token);
  EXPECT_FALSE(sessions.find(token, t0 + 1h));
  EXPECT_FALSE(sessions.find("", t0));
  const std::string other = sessions.open("wang", t0);
  EXPECT_TRUE(sessions.find(other, t0));
  sessions.close(other);
  EXPECT_FALSE(sessions.find(other, t0));
}

TEST(ConsoleSessions, TheOldestGoWhenFull) {
  Sessions sessions(1h, 2);
  const auto t0 = Clock::now();
  const std::string a = sessions.open("a", t0);
  const std::string b = sessions.open("b", t0 + 1s);
  const std::string c = sessions.open("c", t0 + 2s);
  EXPECT_EQ(sessions.size(), 2u);
  EXPECT_FALSE(sessions.find(a, t0 + 3s));
  EXPECT_TRUE(sessions.find(b, t0 + 3s));
  EXPECT_TRUE(sessions.find(c, t0 + 3s));
}

TEST(ConsoleLoginLimiter, RefusesAfterTheAttemptsUntilTheWindowEnds) {
  LoginLimiter limiter(3, 15min);
  const auto t0 = Clock::now();
  for (int i = 0; i < 3; ++i) {
    EXPECT_TRUE(limiter.allowed("name:li", t0));
    limiter.failed("name:li", t0 + std::chrono::seconds(i));
  }
  EXPECT_FALSE(limiter.allowed("name:li", t0 + 14min));
  EXPECT_TRUE(limiter.allowed("name:wang", t0 + 14min));
  EXPECT_TRUE(limiter.allowed("name:li", t0 + 15min));
  limiter.failed("addr:127.0.0.1", t0);
  limiter.succeeded("addr:127.0.0.1");
  limiter.failed("addr:127.0.0.1", t0);
  limiter.failed("addr:127.0.0.1", t0);
  EXPECT_TRUE(limiter.allowed("addr:127.0.0.1", t0));  // the success cleared the first
}

TEST(ConsoleForms, FormsQueriesAndCookies) {
  const auto form = parse_form("a=1&b=%E4%B8%AD+x&a=2&empty=&bad=%zz&=x&&flag");
  EXPECT_EQ(form.at("a"), "1");
  EXPECT_EQ(form.at("b"), "中 x");
  EXPECT_EQ(form.at("empty"), "");
  EXPECT_EQ(form.at("bad"), "%zz");
  EXPECT_EQ(form.at("flag"), "");
  EXPECT_EQ(parse_form("x=%4").at("x"), "%4");
  EXPECT_EQ(url_encode("中 a/b&c"), "%E4%B8%AD%20a%2Fb%26c");
  EXPECT_EQ(parse_form("v=" + url_encode("<script>&=")).at("v"), "<script>&=");

  HttpRequest request;
  request.target = "/site/x?family=LINK&severity=error";
  request.headers = {{"Cookie", "sp_lang=en; sp_session=abc123;other=1"}};
  EXPECT_EQ(query_of(request).at("family"), "LINK");
  EXPECT_EQ(cookie(request, "sp_session"), "abc123");
  EXPECT_EQ(cookie(request, "sp_lang"), "en");
  EXPECT_EQ(cookie(request, "other"), "1");
  EXPECT_EQ(cookie(request, "session"), "");
}

}  // namespace
}  // namespace sitepatrol::app::console
