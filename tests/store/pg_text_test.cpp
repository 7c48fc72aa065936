// The pure pieces under the PostgreSQL store: the store's SQL with $N parameters, the URI as
// messages show it, and text as PostgreSQL takes it.
#include <gtest/gtest.h>

#include "store/database_uri.h"
#include "store/pg_sql.h"
#include "store/valid_utf8.h"

namespace sitepatrol::store {
namespace {

TEST(DollarParameters, NumberedAndBareOutsideQuotesAndComments) {
  const auto r = to_dollar_parameters(
      "SELECT '?1 it''s', \"col?2\", x -- ?9 not a parameter\n FROM t WHERE a = ?2 AND b = ? "
      "AND c = ?10");
  EXPECT_EQ(r.sql,
            "SELECT '?1 it''s', \"col?2\", x -- ?9 not a parameter\n FROM t WHERE a = $2 AND b = "
            "$3 AND c = $10");
  EXPECT_EQ(r.count, 10);
  EXPECT_EQ(to_dollar_parameters("SELECT 1").count, 0);
  EXPECT_EQ(to_dollar_parameters("?1 || ?1").sql, "$1 || $1");
}

TEST(DatabaseUri, PasswordsLeaveMessages) {
  EXPECT_TRUE(is_database_uri("postgresql://h/db"));
  EXPECT_TRUE(is_database_uri("postgres://h/db"));
  EXPECT_FALSE(is_database_uri("/var/lib/sitepatrol/sitepatrol.db"));
  EXPECT_FALSE(is_database_uri("postgresql.db"));
  EXPECT_EQ(without_password("postgresql://patrol:s3cr@t@db.example:5432/sp"),
            "postgresql://patrol@db.example:5432/sp");
  EXPECT_EQ(without_password("postgresql://patrol@db.example/sp?sslmode=require&password=x&a=b"),
            "postgresql://patrol@db.example/sp?sslmode=require&a=b");
  EXPECT_EQ(without_password("postgresql:///sp?password=x"), "postgresql:///sp");
  EXPECT_EQ(without_password("postgresql://h/sp?host=/tmp/s&port=5"),
            "postgresql://h/sp?host=/tmp/s&port=5");
  EXPECT_EQ(without_password("patrol.db"), "patrol.db");
}

TEST(StorableText, ValidUtf8StaysInvalidBytesAndNulBecomeReplacementCharacters) {
  EXPECT_TRUE(is_storable_text("湖北省交通运输厅 · 通知公告 ascii 😀"));
  EXPECT_EQ(storable_text("湖北 ok"), "湖北 ok");
  const std::string nul("a\0b", 3);
  EXPECT_FALSE(is_storable_text(nul));
  EXPECT_EQ(storable_text(nul), "a\uFFFDb");
  // A GBK byte pair, an overlong '/', a surrogate, past U+10FFFF, a cut sequence.
  EXPECT_EQ(storable_text("\xBD\xBB"), "\uFFFD\uFFFD");
  EXPECT_EQ(storable_text("\xC0\xAF"), "\uFFFD\uFFFD");
  EXPECT_EQ(storable_text("\xED\xA0\x80"), "\uFFFD\uFFFD\uFFFD");
  EXPECT_EQ(storable_text("\xF4\x90\x80\x80"), "\uFFFD\uFFFD\uFFFD\uFFFD");
  EXPECT_EQ(storable_text("x\xE6\xB9"), "x\uFFFD\uFFFD");
  EXPECT_TRUE(is_storable_text(storable_text("\xff\xfe\xc3(")));
}

}  // namespace
}  // namespace sitepatrol::store
