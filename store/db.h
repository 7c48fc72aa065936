// A thin RAII layer over one database connection (`Db`), its cached prepared statements
// (`Statement`, borrowed per use) and write transactions (`Transaction`). The engine behind
// it is SQLite for a file and PostgreSQL for a postgresql:// URI (store/db_backend.h).
//
// Values only ever reach SQL through bind parameters; the statement cache is keyed by the
// SQL text, so every distinct SQL string is prepared once per connection and reused. A
// borrowed `Statement` resets itself (and clears its bindings) when it goes out of scope, so
// no read cursor outlives the code that opened it. Borrowing a statement that is still in use
// (the same SQL, nested) is reported as an error rather than silently clobbering the cursor.
//
// Errors come back as `StoreError` values naming the operation and the engine's message;
// nothing here throws. A Db belongs to one thread at a time (the store's), like the Store.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "config/string_hash.h"
#include "store/db_backend.h"
#include "store/store.h"

namespace sitepatrol::store {

class Statement {
 public:
  // `in_use` is the cache entry's flag: set for the lifetime of this handle.
  Statement(StatementImpl* impl, bool* in_use);
  Statement(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement& operator=(Statement&&) = delete;
  ~Statement();

  // Parameters are 1-based (?1, ?2 ...). A failed bind is remembered and returned by the
  // next step()/run(), so call sites can chain binds without checking each one.
  Statement& bind_text(int index, std::string_view value);
  Statement& bind_int(int index, std::int64_t value);
  Statement& bind_real(int index, double value);
  Statement& bind_null(int index);
  Statement& bind_int_or_null(int index, std::optional<std::int64_t> value);
  Statement& bind_text_or_null(int index, const std::optional<std::string>& value);

  // Advances the cursor: true when a row is available, false when done.
  Result<bool> step();
  // Steps until done, ignoring any rows (INSERT/UPDATE/DELETE).
  Result<void> run();
  // Runs an INSERT ... RETURNING id and reads the id.
  Result<std::int64_t> returned_id();

  int parameter_count() const;

  // Column accessors (0-based) for the current row. NULL reads as "" / 0.
  std::string column_text(int column) const;
  std::int64_t column_int(int column) const;
  double column_real(int column) const;
  bool column_is_null(int column) const;
  int column_count() const;
  std::string column_name(int column) const;

 private:
  StatementImpl* impl_ = nullptr;  // owned by the Db's cache, not by this handle
  bool* in_use_ = nullptr;         // the cache entry's flag, cleared on destruction
};

class Db {
 public:
  // Opens (creating if needed) a SQLite file read-write. Does not apply any pragma.
  static Result<Db> open(const std::filesystem::path& file);
  // A postgresql:// (or postgres://) URI connects to PostgreSQL; anything else is a file.
  static Result<Db> connect(const std::string& database);

  Db(Db&&) noexcept = default;
  Db& operator=(Db&&) = delete;
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;
  ~Db() = default;

  // Borrows the cached statement for `sql`, preparing it on first use.
  Result<Statement> prepare(std::string_view sql);
  // Runs SQL text that carries no values (pragmas, schema scripts, BEGIN/COMMIT).
  Result<void> exec(std::string_view sql);
  // Rolls back the open transaction and counts it (rollbacks()).
  void rollback();
  // How many transactions this connection has rolled back: what was added since may be gone.
  std::uint64_t rollbacks() const { return rollbacks_; }

  // Rows inserted, updated or deleted by the last statement run.
  int changes() const { return connection_->changes(); }
  Dialect dialect() const { return connection_->dialect(); }
  std::string_view begin_write() const { return connection_->begin_write(); }
  // The file, or the URI without its password: for messages.
  const std::filesystem::path& file() const { return file_; }

 private:
  struct Cached {
    std::unique_ptr<StatementImpl> stmt;
    bool in_use = false;
  };

  Db() = default;

  std::filesystem::path file_;
  // connection_ is declared before cache_ so it is destroyed after the statements.
  std::unique_ptr<Connection> connection_;
  // Node-based, so a Cached entry (and its in_use flag) never moves while borrowed.
  // Searched with a string_view, without building a key string.
  std::unordered_map<std::string, Cached, config::StringHash, std::equal_to<>> cache_;
  std::uint64_t rollbacks_ = 0;
};

// A write transaction (on SQLite BEGIN IMMEDIATE, so a second writer waits on busy_timeout up
// front instead of failing half way). Rolls back unless commit() succeeded.
class Transaction {
 public:
  static Result<Transaction> begin(Db& db);

  Transaction(Transaction&& other) noexcept;
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  Transaction& operator=(Transaction&&) = delete;
  ~Transaction();

  Result<void> commit();

 private:
  explicit Transaction(Db& db) : db_(&db) {}

  Db* db_ = nullptr;  // null once committed or moved from
};

}  // namespace sitepatrol::store
