#include "store/db.h"

#include <gtest/gtest.h>

#include "tests/store/store_fixture.h"

namespace sitepatrol::store {
namespace {

using testing::TempDir;

class SqliteDbTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = Db::open(dir_.file("db.sqlite"));
    ASSERT_TRUE(opened) << opened.error().message;
    db_.emplace(std::move(*opened));
    ASSERT_TRUE(db_->exec("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT, n INTEGER, r REAL)"));
  }

  Db& db() { return *db_; }

  TempDir dir_;
  std::optional<Db> db_;
};

TEST_F(SqliteDbTest, BoundValuesRoundTripUnchanged) {
  const std::string hostile[] = {
      "it's \"quoted\" '); DROP TABLE t; --",
      "湖北省交通运输厅 通知公告",
      "\x01\x02\x1f\x7f\xff\xfe\xc3(binary-ish)\\%?1\r\n\t",
      "",
  };
  for (const std::string& value : hostile) {
    auto insert = db().prepare("INSERT INTO t (v, n, r) VALUES (?1, ?2, ?3) RETURNING id");
    ASSERT_TRUE(insert);
    insert->bind_text(1, value).bind_int(2, -(std::int64_t{1} << 40)).bind_real(3, 0.25);
    auto inserted = insert->returned_id();
    ASSERT_TRUE(inserted);
    const std::int64_t id = *inserted;

    auto select = db().prepare("SELECT v, n, r, typeof(v) FROM t WHERE id = ?1");
    ASSERT_TRUE(select);
    select->bind_int(1, id);
    auto row = select->step();
    ASSERT_TRUE(row && *row);
    EXPECT_EQ(select->column_text(0), value);
    EXPECT_EQ(select->column_int(1), -(std::int64_t{1} << 40));
    EXPECT_EQ(select->column_real(2), 0.25);
    EXPECT_EQ(select->column_text(3), "text");  // an empty view binds '' rather than NULL
  }
}

TEST_F(SqliteDbTest, StatementIsReusedAndResetAfterEachUse) {
  for (int i = 0; i < 3; ++i) {
    auto insert = db().prepare("INSERT INTO t (n) VALUES (?1)");
    ASSERT_TRUE(insert);
    insert->bind_int(1, i);
    ASSERT_TRUE(insert->run());
  }
  // A cursor left half-read is reset when its handle goes away, so the next use starts over.
  for (int pass = 0; pass < 2; ++pass) {
    auto select = db().prepare("SELECT n FROM t ORDER BY n");
    ASSERT_TRUE(select);
    auto row = select->step();
    ASSERT_TRUE(row && *row);
    EXPECT_EQ(select->column_int(0), 0);
  }
  // Bindings are cleared too: an unbound parameter is NULL, not the previous value.
  {
    auto insert = db().prepare("INSERT INTO t (n) VALUES (?1)");
    ASSERT_TRUE(insert);
    ASSERT_TRUE(insert->run());
  }
  auto nulls = db().prepare("SELECT count(*) FROM t WHERE n IS NULL");
  ASSERT_TRUE(nulls && nulls->step().value());
  EXPECT_EQ(nulls->column_int(0), 1);
}

TEST_F(SqliteDbTest, NestedUseOfTheSameStatementIsAnError) {
  ASSERT_TRUE(db().exec("INSERT INTO t (n) VALUES (1), (2)"));
  {
    auto outer = db().prepare("SELECT n FROM t WHERE n >= ?1");
    ASSERT_TRUE(outer);
    outer->bind_int(1, 2);  // bound, not yet stepped: a second borrower would clobber this
    auto inner = db().prepare("SELECT n FROM t WHERE n >= ?1");
    ASSERT_FALSE(inner);
    EXPECT_NE(inner.error().message.find("already in use"), std::string::npos);
    ASSERT_TRUE(outer->step().value());
    EXPECT_EQ(outer->column_int(0), 2);
  }
  // Free again once the first handle is gone (moved handles hand the borrow over).
  auto first = db().prepare("SELECT n FROM t WHERE n >= ?1");
  ASSERT_TRUE(first);
  Statement moved = std::move(*first);
  EXPECT_FALSE(db().prepare("SELECT n FROM t WHERE n >= ?1"));
}

TEST_F(SqliteDbTest, StatementIsFreeAfterItsHandleIsGone) {
  {
    auto used = db().prepare("SELECT 1");
    ASSERT_TRUE(used);
  }
  EXPECT_TRUE(db().prepare("SELECT 1"));
}

TEST_F(SqliteDbTest, ErrorsNameTheStatementAndSqliteMessage) {
  auto bad = db().prepare("SELECT nope FROM t");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().message.find("no such column: nope"), std::string::npos)
      << bad.error().message;

  ASSERT_TRUE(db().exec("CREATE TABLE u (v TEXT NOT NULL)"));
  auto insert = db().prepare("INSERT INTO u (v) VALUES (?1)");
  ASSERT_TRUE(insert);
  insert->bind_null(1);
  auto ran = insert->run();
  ASSERT_FALSE(ran);
  EXPECT_NE(ran.error().message.find("NOT NULL"), std::string::npos) << ran.error().message;

  auto out_of_range = db().prepare("SELECT ?1");
  ASSERT_TRUE(out_of_range);
  out_of_range->bind_int(2, 1);
  auto stepped = out_of_range->step();
  ASSERT_FALSE(stepped);
  EXPECT_NE(stepped.error().message.find("binding"), std::string::npos);
}

TEST_F(SqliteDbTest, TransactionRollsBackUnlessCommitted) {
  {
    auto tx = Transaction::begin(db());
    ASSERT_TRUE(tx);
    ASSERT_TRUE(db().exec("INSERT INTO t (n) VALUES (1)"));
  }
  {
    auto tx = Transaction::begin(db());
    ASSERT_TRUE(tx);
    ASSERT_TRUE(db().exec("INSERT INTO t (n) VALUES (2)"));
    ASSERT_TRUE(tx->commit());
  }
  auto select = db().prepare("SELECT group_concat(n) FROM t");
  ASSERT_TRUE(select && select->step().value());
  EXPECT_EQ(select->column_text(0), "2");
}

// What was added since the last rollback may be gone: the count lets memories of ids
// (store/url_ids.h) know when to forget.
TEST_F(SqliteDbTest, EachRollbackIsCountedAndACommitIsNot) {
  EXPECT_EQ(db().rollbacks(), 0u);
  {
    auto tx = Transaction::begin(db());
    ASSERT_TRUE(tx);
  }
  EXPECT_EQ(db().rollbacks(), 1u);
  {
    auto tx = Transaction::begin(db());
    ASSERT_TRUE(tx);
    ASSERT_TRUE(tx->commit());
  }
  EXPECT_EQ(db().rollbacks(), 1u);
  {
    auto tx = Transaction::begin(db());
    ASSERT_TRUE(tx);
    ASSERT_FALSE(db().exec("INSERT INTO nowhere VALUES (1)"));  // a failed write, then return
  }
  EXPECT_EQ(db().rollbacks(), 2u);
}

TEST(SqliteDbOpen, UnopenableFileIsAnErrorNamingIt) {
  TempDir dir;
  auto db = Db::open(dir.path() / "missing-folder" / "db.sqlite");
  ASSERT_FALSE(db);
  EXPECT_NE(db.error().message.find("missing-folder"), std::string::npos) << db.error().message;
}

}  // namespace
}  // namespace sitepatrol::store
