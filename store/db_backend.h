// What a database engine provides under store/db.h: one connection and its prepared
// statements. Two engines implement it, SQLite (sqlite_connection.cpp) and PostgreSQL
// (pg_connection.cpp); the store's code sees only Db and Statement.
//
// The SQL the store writes runs on both: parameters are `?N` (the PostgreSQL connection
// rewrites them to `$N`), values are bound, never spliced, and the few functions one engine
// lacks are supplied to it by the schema (store/pg_schema.cpp). One thread at a time.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "store/store.h"

namespace sitepatrol::store {

enum class Dialect { sqlite, postgresql };

// One prepared statement. Binds are remembered until reset(); a failed bind is reported by
// the next step().
class StatementImpl {
 public:
  virtual ~StatementImpl() = default;

  virtual void bind_text(int index, std::string_view value) = 0;
  virtual void bind_int(int index, std::int64_t value) = 0;
  virtual void bind_real(int index, double value) = 0;
  virtual void bind_null(int index) = 0;

  // True when a row is available, false when done. The first call runs the statement.
  virtual Result<bool> step() = 0;
  // Back to before the first step, bindings cleared.
  virtual void reset() = 0;
  virtual int parameter_count() const = 0;

  // The current row's columns, 0-based. NULL reads as "" / 0.
  virtual std::string column_text(int column) const = 0;
  virtual std::int64_t column_int(int column) const = 0;
  virtual double column_real(int column) const = 0;
  virtual bool column_is_null(int column) const = 0;
  virtual int column_count() const = 0;
  virtual std::string column_name(int column) const = 0;
};

class Connection {
 public:
  virtual ~Connection() = default;

  virtual Dialect dialect() const = 0;
  virtual Result<std::unique_ptr<StatementImpl>> prepare(std::string_view sql) = 0;
  // SQL text carrying no values (settings, schema scripts, BEGIN/COMMIT).
  virtual Result<void> exec(std::string_view sql) = 0;
  // Rows inserted, updated or deleted by the last statement run.
  virtual int changes() const = 0;
  // The statement that opens a write transaction.
  virtual std::string_view begin_write() const = 0;
};

// The engines' connections. `file` is created when missing; `uri` is a libpq connection URI
// (postgresql://user@host:port/db?options), its password from PGPASSWORD or ~/.pgpass.
Result<std::unique_ptr<Connection>> connect_sqlite(const std::string& file);
Result<std::unique_ptr<Connection>> connect_postgresql(const std::string& uri);

}  // namespace sitepatrol::store
