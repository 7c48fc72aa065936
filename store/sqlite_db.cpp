#include "store/sqlite_db.h"

#include <sqlite3.h>

#include <utility>

#include "store/str_cat.h"

namespace sitepatrol::store {

namespace {

StoreError sqlite_error(sqlite3* db, std::string_view what) {
  const char* message = db != nullptr ? sqlite3_errmsg(db) : "out of memory";
  return StoreError{str_cat(what, ": ", message)};
}

}  // namespace

// --- Statement ---------------------------------------------------------------------------

Statement::Statement(sqlite3* db, sqlite3_stmt* stmt, bool* in_use)
    : db_(db), stmt_(stmt), in_use_(in_use) {
  *in_use_ = true;
}

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_),
      stmt_(std::exchange(other.stmt_, nullptr)),
      in_use_(std::exchange(other.in_use_, nullptr)),
      bind_rc_(other.bind_rc_) {}

Statement::~Statement() {
  if (stmt_ != nullptr) {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  if (in_use_ != nullptr) *in_use_ = false;
}

Statement& Statement::bind_text(int index, std::string_view value) {
  // An empty view may carry a null data pointer, which SQLite would bind as NULL.
  const char* data = value.data() != nullptr ? value.data() : "";
  int rc = sqlite3_bind_text64(stmt_, index, data, value.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
  if (rc != SQLITE_OK && bind_rc_ == 0) bind_rc_ = rc;
  return *this;
}

Statement& Statement::bind_int(int index, std::int64_t value) {
  int rc = sqlite3_bind_int64(stmt_, index, value);
  if (rc != SQLITE_OK && bind_rc_ == 0) bind_rc_ = rc;
  return *this;
}

Statement& Statement::bind_real(int index, double value) {
  int rc = sqlite3_bind_double(stmt_, index, value);
  if (rc != SQLITE_OK && bind_rc_ == 0) bind_rc_ = rc;
  return *this;
}

Statement& Statement::bind_null(int index) {
  int rc = sqlite3_bind_null(stmt_, index);
  if (rc != SQLITE_OK && bind_rc_ == 0) bind_rc_ = rc;
  return *this;
}

Statement& Statement::bind_int_or_null(int index, std::optional<std::int64_t> value) {
  return value ? bind_int(index, *value) : bind_null(index);
}

Statement& Statement::bind_text_or_null(int index, const std::optional<std::string>& value) {
  return value ? bind_text(index, *value) : bind_null(index);
}

StoreError Statement::error(std::string_view what) const {
  const char* sql = sqlite3_sql(stmt_);
  return sqlite_error(db_, str_cat(what, " (", sql != nullptr ? sql : "?", ")"));
}

Result<bool> Statement::step() {
  if (bind_rc_ != 0) {
    return std::unexpected(StoreError{
        str_cat("binding parameters: ", sqlite3_errstr(bind_rc_), " (", sqlite3_sql(stmt_), ")")});
  }
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return std::unexpected(error("executing statement"));
}

int Statement::parameter_count() const { return sqlite3_bind_parameter_count(stmt_); }

Result<void> Statement::run() {
  for (;;) {
    auto row = step();
    if (!row) return std::unexpected(row.error());
    if (!*row) return {};
  }
}

std::string Statement::column_text(int column) const {
  const auto* text = sqlite3_column_text(stmt_, column);
  if (text == nullptr) return {};
  // column_bytes after column_text: the length of the UTF-8 text, embedded bytes included.
  int size = sqlite3_column_bytes(stmt_, column);
  return std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(size));
}

std::int64_t Statement::column_int(int column) const { return sqlite3_column_int64(stmt_, column); }

double Statement::column_real(int column) const { return sqlite3_column_double(stmt_, column); }

bool Statement::column_is_null(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

// --- Db ----------------------------------------------------------------------------------

void Db::Closer::operator()(sqlite3* db) const { sqlite3_close_v2(db); }

void Db::Finalizer::operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }

Result<Db> Db::open(const std::filesystem::path& file) {
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(file.c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  Db db;
  db.file_ = file;
  db.db_.reset(raw);  // owned even on failure: sqlite3_open_v2 allocates a handle anyway
  if (rc != SQLITE_OK) {
    return std::unexpected(sqlite_error(raw, str_cat("opening ", file.string())));
  }
  sqlite3_extended_result_codes(raw, 1);
  return db;
}

Result<Statement> Db::prepare(std::string_view sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    sqlite3_stmt* raw = nullptr;
    int rc = sqlite3_prepare_v3(db_.get(), sql.data(), static_cast<int>(sql.size()),
                                SQLITE_PREPARE_PERSISTENT, &raw, nullptr);
    if (rc != SQLITE_OK) {
      sqlite3_finalize(raw);
      return std::unexpected(sqlite_error(db_.get(), str_cat("preparing (", sql, ")")));
    }
    it = cache_.emplace(std::string(sql), Cached{std::unique_ptr<sqlite3_stmt, Finalizer>(raw)})
             .first;
  }
  if (it->second.in_use) {
    return std::unexpected(StoreError{str_cat("statement already in use (", sql, ")")});
  }
  return Statement(db_.get(), it->second.stmt.get(), &it->second.in_use);
}

Result<void> Db::exec(std::string_view sql) {
  char* message = nullptr;
  int rc = sqlite3_exec(db_.get(), std::string(sql).c_str(), nullptr, nullptr, &message);
  if (rc != SQLITE_OK) {
    StoreError error{
        str_cat(sql.substr(0, 80), ": ", message != nullptr ? message : sqlite3_errstr(rc))};
    sqlite3_free(message);
    return std::unexpected(std::move(error));
  }
  return {};
}

std::int64_t Db::last_insert_id() const { return sqlite3_last_insert_rowid(db_.get()); }

int Db::changes() const { return sqlite3_changes(db_.get()); }

// --- Transaction -------------------------------------------------------------------------

Result<Transaction> Transaction::begin(Db& db) {
  if (auto ok = db.exec("BEGIN IMMEDIATE"); !ok) return std::unexpected(ok.error());
  return Transaction(db);
}

Transaction::Transaction(Transaction&& other) noexcept : db_(std::exchange(other.db_, nullptr)) {}

Transaction::~Transaction() {
  // Rolling back can only fail if there is no transaction left (SQLite already rolled back
  // after a fatal error), which leaves nothing to undo.
  if (db_ != nullptr) (void)db_->exec("ROLLBACK");
}

Result<void> Transaction::commit() {
  if (db_ == nullptr) return std::unexpected(StoreError{"commit without a transaction"});
  if (auto ok = db_->exec("COMMIT"); !ok) return ok;  // destructor rolls back
  db_ = nullptr;
  return {};
}

}  // namespace sitepatrol::store
