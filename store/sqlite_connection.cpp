// The SQLite engine under store/db.h.
#include <sqlite3.h>

#include <utility>

#include "store/db_backend.h"
#include "store/str_cat.h"

namespace sitepatrol::store {

namespace {

StoreError sqlite_error(sqlite3* db, std::string_view what) {
  const char* message = db != nullptr ? sqlite3_errmsg(db) : "out of memory";
  return StoreError{str_cat(what, ": ", message)};
}

class SqliteStatement final : public StatementImpl {
 public:
  SqliteStatement(sqlite3* db, sqlite3_stmt* stmt) : db_(db), stmt_(stmt) {}
  ~SqliteStatement() override { sqlite3_finalize(stmt_); }
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;

  void bind_text(int index, std::string_view value) override {
    // An empty view may carry a null data pointer, which SQLite would bind as NULL.
    const char* data = value.data() != nullptr ? value.data() : "";
    remember(sqlite3_bind_text64(stmt_, index, data, value.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
  }
  void bind_int(int index, std::int64_t value) override {
    remember(sqlite3_bind_int64(stmt_, index, value));
  }
  void bind_real(int index, double value) override {
    remember(sqlite3_bind_double(stmt_, index, value));
  }
  void bind_null(int index) override { remember(sqlite3_bind_null(stmt_, index)); }

  Result<bool> step() override {
    if (bind_rc_ != 0) {
      return std::unexpected(StoreError{str_cat("binding parameters: ", sqlite3_errstr(bind_rc_),
                                                " (", sqlite3_sql(stmt_), ")")});
    }
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    const char* sql = sqlite3_sql(stmt_);
    return std::unexpected(
        sqlite_error(db_, str_cat("executing statement (", sql != nullptr ? sql : "?", ")")));
  }

  void reset() override {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    bind_rc_ = 0;
  }

  int parameter_count() const override { return sqlite3_bind_parameter_count(stmt_); }

  std::string column_text(int column) const override {
    const auto* text = sqlite3_column_text(stmt_, column);
    if (text == nullptr) return {};
    // column_bytes after column_text: the length of the UTF-8 text, embedded bytes included.
    int size = sqlite3_column_bytes(stmt_, column);
    return std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(size));
  }
  std::int64_t column_int(int column) const override { return sqlite3_column_int64(stmt_, column); }
  double column_real(int column) const override { return sqlite3_column_double(stmt_, column); }
  bool column_is_null(int column) const override {
    return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
  }
  int column_count() const override { return sqlite3_column_count(stmt_); }
  std::string column_name(int column) const override {
    const char* name = sqlite3_column_name(stmt_, column);
    return name != nullptr ? name : "";
  }

 private:
  void remember(int rc) {
    if (rc != SQLITE_OK && bind_rc_ == 0) bind_rc_ = rc;
  }

  sqlite3* db_;
  sqlite3_stmt* stmt_;
  int bind_rc_ = 0;  // first failing bind's result code, 0 when all succeeded
};

class SqliteConnection final : public Connection {
 public:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}
  ~SqliteConnection() override { sqlite3_close_v2(db_); }
  SqliteConnection(const SqliteConnection&) = delete;
  SqliteConnection& operator=(const SqliteConnection&) = delete;

  Dialect dialect() const override { return Dialect::sqlite; }

  Result<std::unique_ptr<StatementImpl>> prepare(std::string_view sql) override {
    sqlite3_stmt* raw = nullptr;
    int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                                SQLITE_PREPARE_PERSISTENT, &raw, nullptr);
    if (rc != SQLITE_OK) {
      sqlite3_finalize(raw);
      return std::unexpected(sqlite_error(db_, str_cat("preparing (", sql, ")")));
    }
    return std::make_unique<SqliteStatement>(db_, raw);
  }

  Result<void> exec(std::string_view sql) override {
    char* message = nullptr;
    int rc = sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
      StoreError error{
          str_cat(sql.substr(0, 80), ": ", message != nullptr ? message : sqlite3_errstr(rc))};
      sqlite3_free(message);
      return std::unexpected(std::move(error));
    }
    return {};
  }

  int changes() const override { return sqlite3_changes(db_); }
  std::string_view begin_write() const override { return "BEGIN IMMEDIATE"; }

 private:
  sqlite3* db_;
};

// SQLite counts the memory it allocates under one process-wide mutex, at every malloc and
// free: about 1 % of a cold patrol's CPU (docs/performance.md, twelfth session). Nothing here
// reads those counts. This only takes effect before SQLite is first initialised, which the
// first connection does; later calls change nothing and are harmless.
void stop_memory_counting() {
  static const bool once = [] {
    (void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    return true;
  }();
  (void)once;
}

}  // namespace

Result<std::unique_ptr<Connection>> connect_sqlite(const std::string& file) {
  stop_memory_counting();
  sqlite3* raw = nullptr;
  // NOMUTEX: a connection is used by one thread at a time (a Db and its statement cache are
  // not thread-safe either; store/db.h), so SQLite's own lock, taken and released in every
  // step and column read, guards nothing here: 11 % of the store thread's CPU in a second
  // patrol (docs/performance.md, sixteenth session).
  int rc = sqlite3_open_v2(file.c_str(), &raw,
                           SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  // Owned even on failure: sqlite3_open_v2 allocates a handle anyway.
  auto connection = std::make_unique<SqliteConnection>(raw);
  if (rc != SQLITE_OK) return std::unexpected(sqlite_error(raw, str_cat("opening ", file)));
  sqlite3_extended_result_codes(raw, 1);
  return connection;
}

}  // namespace sitepatrol::store
