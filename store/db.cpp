#include "store/db.h"

#include <utility>

#include "store/database_uri.h"
#include "store/str_cat.h"

namespace sitepatrol::store {

// --- Statement ---------------------------------------------------------------------------

Statement::Statement(StatementImpl* impl, bool* in_use) : impl_(impl), in_use_(in_use) {
  *in_use_ = true;
}

Statement::Statement(Statement&& other) noexcept
    : impl_(std::exchange(other.impl_, nullptr)), in_use_(std::exchange(other.in_use_, nullptr)) {}

Statement::~Statement() {
  if (impl_ != nullptr) impl_->reset();
  if (in_use_ != nullptr) *in_use_ = false;
}

Statement& Statement::bind_text(int index, std::string_view value) {
  impl_->bind_text(index, value);
  return *this;
}

Statement& Statement::bind_int(int index, std::int64_t value) {
  impl_->bind_int(index, value);
  return *this;
}

Statement& Statement::bind_real(int index, double value) {
  impl_->bind_real(index, value);
  return *this;
}

Statement& Statement::bind_null(int index) {
  impl_->bind_null(index);
  return *this;
}

Statement& Statement::bind_int_or_null(int index, std::optional<std::int64_t> value) {
  return value ? bind_int(index, *value) : bind_null(index);
}

Statement& Statement::bind_text_or_null(int index, const std::optional<std::string>& value) {
  return value ? bind_text(index, *value) : bind_null(index);
}

Result<bool> Statement::step() { return impl_->step(); }

Result<void> Statement::run() {
  for (;;) {
    auto row = step();
    if (!row) return std::unexpected(row.error());
    if (!*row) return {};
  }
}

Result<std::int64_t> Statement::returned_id() {
  auto row = step();
  if (!row) return std::unexpected(row.error());
  if (!*row) return std::unexpected(StoreError{"the insert returned no id"});
  const std::int64_t id = column_int(0);
  if (auto ok = run(); !ok) return std::unexpected(ok.error());
  return id;
}

int Statement::parameter_count() const { return impl_->parameter_count(); }
std::string Statement::column_text(int column) const { return impl_->column_text(column); }
std::int64_t Statement::column_int(int column) const { return impl_->column_int(column); }
double Statement::column_real(int column) const { return impl_->column_real(column); }
bool Statement::column_is_null(int column) const { return impl_->column_is_null(column); }
int Statement::column_count() const { return impl_->column_count(); }
std::string Statement::column_name(int column) const { return impl_->column_name(column); }

// --- Db ----------------------------------------------------------------------------------

Result<Db> Db::open(const std::filesystem::path& file) {
  auto connection = connect_sqlite(file.string());
  if (!connection) return std::unexpected(connection.error());
  Db db;
  db.file_ = file;
  db.connection_ = std::move(*connection);
  return db;
}

Result<Db> Db::connect(const std::string& database) {
  if (!is_database_uri(database)) return open(database);
  auto connection = connect_postgresql(database);
  if (!connection) return std::unexpected(connection.error());
  Db db;
  db.file_ = without_password(database);
  db.connection_ = std::move(*connection);
  return db;
}

Result<Statement> Db::prepare(std::string_view sql) {
  auto it = cache_.find(sql);
  if (it == cache_.end()) {
    auto prepared = connection_->prepare(sql);
    if (!prepared) return std::unexpected(prepared.error());
    it = cache_.emplace(std::string(sql), Cached{std::move(*prepared)}).first;
  }
  if (it->second.in_use) {
    return std::unexpected(StoreError{str_cat("statement already in use (", sql, ")")});
  }
  return Statement(it->second.stmt.get(), &it->second.in_use);
}

Result<void> Db::exec(std::string_view sql) { return connection_->exec(sql); }

void Db::rollback() {
  ++rollbacks_;
  // Rolling back can only fail if there is no transaction left (the engine already rolled
  // back after a fatal error), which leaves nothing to undo.
  (void)connection_->exec("ROLLBACK");
}

// --- Transaction -------------------------------------------------------------------------

Result<Transaction> Transaction::begin(Db& db) {
  if (auto ok = db.exec(db.begin_write()); !ok) return std::unexpected(ok.error());
  return Transaction(db);
}

Transaction::Transaction(Transaction&& other) noexcept : db_(std::exchange(other.db_, nullptr)) {}

Transaction::~Transaction() {
  if (db_ != nullptr) db_->rollback();
}

Result<void> Transaction::commit() {
  if (db_ == nullptr) return std::unexpected(StoreError{"commit without a transaction"});
  if (auto ok = db_->exec("COMMIT"); !ok) return ok;  // destructor rolls back
  db_ = nullptr;
  return {};
}

}  // namespace sitepatrol::store
