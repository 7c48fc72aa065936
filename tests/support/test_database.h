// A database for one test, on either engine: a SQLite file in a temporary folder, or a
// schema of its own in the test PostgreSQL cluster (tests/support/postgres_cluster.sh),
// dropped at the end. Store tests run once per engine through `EngineTest`.
//
// The cluster: the one ctest started for the whole run (its URI in the file named by
// SITEPATROL_TEST_POSTGRES_FILE), or, for a test binary run by hand, one this process starts
// on first use and stops at exit. Test-only; one thread.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "store/db.h"
#include "store/schema.h"

namespace sitepatrol::testdb {

enum class Engine { sqlite, postgresql };

inline auto all_engines() { return ::testing::Values(Engine::sqlite, Engine::postgresql); }

inline std::string engine_name(const ::testing::TestParamInfo<Engine>& info) {
  return info.param == Engine::sqlite ? "SQLite" : "PostgreSQL";
}

// The cluster this process started itself, stopped when the process ends.
class OwnPostgresCluster {
 public:
  OwnPostgresCluster() {
    dir_ = "/tmp/sitepatrol-pg-" + std::to_string(::getpid());
    const std::string command =
        std::string(SITEPATROL_SOURCE_DIR) + "/tests/support/postgres_cluster.sh start " + dir_;
    if (std::system((command + " >/dev/null").c_str()) == 0) {
      std::ifstream in(dir_ + "/uri");
      std::getline(in, uri_);
    }
  }
  ~OwnPostgresCluster() {
    const std::string command =
        std::string(SITEPATROL_SOURCE_DIR) + "/tests/support/postgres_cluster.sh stop " + dir_;
    (void)std::system(command.c_str());
  }
  OwnPostgresCluster(const OwnPostgresCluster&) = delete;
  OwnPostgresCluster& operator=(const OwnPostgresCluster&) = delete;
  const std::string& uri() const { return uri_; }

 private:
  std::string dir_;
  std::string uri_;
};

// The test cluster's URI; empty when none could be started.
inline std::string postgres_cluster_uri() {
  if (const char* file = std::getenv("SITEPATROL_TEST_POSTGRES_FILE")) {
    std::ifstream in(file);
    std::string uri;
    if (std::getline(in, uri) && !uri.empty()) return uri;
  }
  static OwnPostgresCluster own;
  return own.uri();
}

// A URI naming a schema: every table the store creates goes there.
inline std::string with_schema(const std::string& uri, const std::string& schema) {
  return uri + (uri.find('?') == std::string::npos ? "?" : "&") + "options=-c%20search_path%3D" +
         schema;
}

class TestDatabase {
 public:
  explicit TestDatabase(Engine engine) : engine_(engine) {
    if (engine == Engine::sqlite) {
      std::string pattern =
          (std::filesystem::temp_directory_path() / "sitepatrol-db-XXXXXX").string();
      if (char* made = mkdtemp(pattern.data()); made != nullptr) dir_ = made;
      name_ = (dir_ / "patrol.db").string();
      return;
    }
    static std::atomic<int> counter{0};
    base_ = postgres_cluster_uri();
    schema_ = "t" + std::to_string(::getpid()) + "_" + std::to_string(++counter);
    auto db = store::Db::connect(base_);
    if (!db) {
      ADD_FAILURE() << "the test PostgreSQL cluster: " << db.error().message;
      return;
    }
    if (auto ok = db->exec("CREATE SCHEMA " + schema_); !ok) ADD_FAILURE() << ok.error().message;
    name_ = with_schema(base_, schema_);
  }
  ~TestDatabase() {
    if (engine_ == Engine::sqlite) {
      std::error_code ignored;
      if (!dir_.empty()) std::filesystem::remove_all(dir_, ignored);
    } else if (auto db = store::Db::connect(base_)) {
      (void)db->exec("DROP SCHEMA IF EXISTS " + schema_ + " CASCADE");
    }
  }
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  Engine engine() const { return engine_; }
  // What `database` is set to: the file, or the URI with the schema.
  const std::string& name() const { return name_; }
  // The folder holding a SQLite file (empty for PostgreSQL): other files a test makes go there.
  const std::filesystem::path& dir() const { return dir_; }

 private:
  Engine engine_;
  std::filesystem::path dir_;
  std::string base_;
  std::string schema_;
  std::string name_;
};

// A test run once per engine, with a fresh database in `db_`.
class EngineTest : public ::testing::TestWithParam<Engine> {
 protected:
  TestDatabase db_{GetParam()};
};

// The schema version the database is at, as the store reads it.
inline int schema_version_of(const std::string& database) {
  auto db = store::Db::connect(database);
  if (!db) return -1;
  auto version = store::schema_version(*db);
  return version ? *version : -1;
}

// First column of the first row of `sql` (no parameters), on a connection of its own.
inline std::string query_text(const std::string& database, const std::string& sql) {
  auto db = store::Db::connect(database);
  if (!db) return "open failed: " + db.error().message;
  auto stmt = db->prepare(sql);
  if (!stmt) return "prepare failed: " + stmt.error().message;
  auto row = stmt->step();
  if (!row) return "step failed: " + row.error().message;
  return *row ? stmt->column_text(0) : std::string();
}

inline std::int64_t query_int(const std::string& database, const std::string& sql) {
  return std::strtoll(query_text(database, sql).c_str(), nullptr, 10);
}

}  // namespace sitepatrol::testdb
