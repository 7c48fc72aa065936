// The PostgreSQL engine under store/db.h, on libpq's C API.
//
// Statements are prepared server-side once per connection (PQprepare) with their `?N`
// parameters rewritten to `$N`, and run with text parameters whose types the server infers
// from the SQL. Results come back whole, in text; column_int/column_real parse them, and a
// boolean reads as 1 or 0. A connection lost between statements (the server restarted) is
// re-established once before the statement fails; statements are prepared again on it.
// Text that is not valid UTF-8 is stored with U+FFFD in place of each bad byte.
#include <libpq-fe.h>

#include <charconv>
#include <cstdlib>
#include <optional>
#include <utility>
#include <vector>

#include "store/db_backend.h"
#include "store/pg_sql.h"
#include "store/str_cat.h"
#include "store/valid_utf8.h"

namespace sitepatrol::store {

namespace {

// libpq's messages end in a newline.
std::string trimmed(std::string message) {
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  return message;
}

std::string pg_message(PGconn* conn) { return trimmed(PQerrorMessage(conn)); }
std::string result_message(const PGresult* result) { return trimmed(PQresultErrorMessage(result)); }

struct ResultDeleter {
  void operator()(PGresult* result) const { PQclear(result); }
};
using ResultPtr = std::unique_ptr<PGresult, ResultDeleter>;

class PgConnection;

class PgStatement final : public StatementImpl {
 public:
  PgStatement(PgConnection& connection, std::string sql, int parameters)
      : connection_(connection),
        sql_(std::move(sql)),
        values_(static_cast<std::size_t>(parameters)),
        bound_(static_cast<std::size_t>(parameters), false) {}

  // Invalid UTF-8 and NUL become U+FFFD (store/valid_utf8.h).
  void bind_text(int index, std::string_view value) override {
    set(index, is_storable_text(value) ? std::string(value) : storable_text(value));
  }
  void bind_int(int index, std::int64_t value) override { set(index, std::to_string(value)); }
  void bind_real(int index, double value) override {
    char buf[32];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);  // shortest exact form
    set(index, ec == std::errc() ? std::string(buf, end) : std::string("NaN"));
  }
  void bind_null(int index) override {
    if (valid(index)) bound_[static_cast<std::size_t>(index - 1)] = false;
  }

  Result<bool> step() override;

  void reset() override {
    result_.reset();
    row_ = -1;
    bad_index_.reset();
    std::fill(bound_.begin(), bound_.end(), false);
  }

  int parameter_count() const override { return static_cast<int>(values_.size()); }

  std::string column_text(int column) const override {
    if (column_is_null(column)) return {};
    return std::string(PQgetvalue(result_.get(), row_, column),
                       static_cast<std::size_t>(PQgetlength(result_.get(), row_, column)));
  }
  std::int64_t column_int(int column) const override {
    if (column_is_null(column)) return 0;
    const char* text = PQgetvalue(result_.get(), row_, column);
    if (text[0] == 't' && text[1] == '\0') return 1;  // a boolean
    return std::strtoll(text, nullptr, 10);
  }
  double column_real(int column) const override {
    if (column_is_null(column)) return 0;
    return std::strtod(PQgetvalue(result_.get(), row_, column), nullptr);
  }
  bool column_is_null(int column) const override {
    return result_ == nullptr || row_ < 0 || column < 0 || column >= PQnfields(result_.get()) ||
           PQgetisnull(result_.get(), row_, column) != 0;
  }
  int column_count() const override { return result_ ? PQnfields(result_.get()) : 0; }
  std::string column_name(int column) const override {
    const char* name = result_ ? PQfname(result_.get(), column) : nullptr;
    return name != nullptr ? name : "";
  }

  const std::string& sql() const { return sql_; }
  std::string name;     // the server-side name, set when prepared on a connection
  int generation = -1;  // the connection generation it was prepared on

 private:
  bool valid(int index) const { return index >= 1 && index <= parameter_count(); }
  void set(int index, std::string value) {
    if (!valid(index)) {
      if (!bad_index_) bad_index_ = index;
      return;
    }
    values_[static_cast<std::size_t>(index - 1)] = std::move(value);
    bound_[static_cast<std::size_t>(index - 1)] = true;
  }

  PgConnection& connection_;
  std::string sql_;  // already in $N form
  std::vector<std::string> values_;
  std::vector<bool> bound_;  // unbound parameters are NULL, as in SQLite
  std::optional<int> bad_index_;
  ResultPtr result_;
  int row_ = -1;
};

class PgConnection final : public Connection {
 public:
  explicit PgConnection(PGconn* conn) : conn_(conn) {}
  ~PgConnection() override { PQfinish(conn_); }
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;

  Dialect dialect() const override { return Dialect::postgresql; }

  Result<std::unique_ptr<StatementImpl>> prepare(std::string_view sql) override {
    auto rewritten = to_dollar_parameters(sql);
    auto stmt = std::make_unique<PgStatement>(*this, std::move(rewritten.sql), rewritten.count);
    // Prepared now, so a syntax error shows at prepare() as with SQLite.
    if (auto ok = ensure_prepared(*stmt); !ok) return std::unexpected(ok.error());
    return stmt;
  }

  Result<void> exec(std::string_view sql) override {
    auto result = run([&] { return PQexec(conn_, std::string(sql).c_str()); });
    if (!result)
      return std::unexpected(StoreError{str_cat(sql.substr(0, 80), ": ", result.error())});
    return {};
  }

  int changes() const override { return changes_; }
  std::string_view begin_write() const override { return "BEGIN"; }

  Result<void> ensure_prepared(PgStatement& stmt) {
    if (stmt.generation == generation_) return {};
    stmt.name = str_cat("sp", ++statements_);
    const std::string& text = stmt.sql();
    auto result = run([&] {
      return PQprepare(conn_, stmt.name.c_str(), text.c_str(), stmt.parameter_count(), nullptr);
    });
    if (!result)
      return std::unexpected(StoreError{str_cat("preparing (", text, "): ", result.error())});
    stmt.generation = generation_;
    return {};
  }

  // Runs one libpq call and checks its result. When the connection was found broken outside
  // a transaction, it is reset and the call made once more (statements prepared again).
  template <typename Call>
  std::expected<ResultPtr, std::string> run(Call call) {
    if (PQstatus(conn_) == CONNECTION_BAD) reconnect();  // an earlier reset failed: try again
    const bool in_transaction = PQtransactionStatus(conn_) != PQTRANS_IDLE;
    ResultPtr result(call());
    if (!succeeded(result.get()) && PQstatus(conn_) == CONNECTION_BAD && !in_transaction &&
        reconnect()) {
      result.reset(call());
    }
    if (!succeeded(result.get())) {
      return std::unexpected(result ? result_message(result.get()) : pg_message(conn_));
    }
    const char* tuples = PQcmdTuples(result.get());
    changes_ = tuples[0] != '\0' ? std::atoi(tuples) : 0;
    return result;
  }

  // A statement prepared on an earlier connection is prepared again first.
  std::expected<ResultPtr, std::string> execute(PgStatement& stmt,
                                                const std::vector<const char*>& values) {
    if (auto ok = ensure_prepared(stmt); !ok) return std::unexpected(ok.error().message);
    const int generation = generation_;
    auto result = run([&] {
      return PQexecPrepared(conn_, stmt.name.c_str(), stmt.parameter_count(), values.data(),
                            nullptr, nullptr, 0);
    });
    if (!result && generation != generation_) {  // reconnected: the name is gone, prepare again
      if (auto ok = ensure_prepared(stmt); !ok) return std::unexpected(ok.error().message);
      result = run([&] {
        return PQexecPrepared(conn_, stmt.name.c_str(), stmt.parameter_count(), values.data(),
                              nullptr, nullptr, 0);
      });
    }
    return result;
  }

  // A new connection: statements prepared on the old one are prepared again on first use.
  bool reconnect() {
    PQreset(conn_);
    if (PQstatus(conn_) != CONNECTION_OK) return false;
    ++generation_;
    after_connect();
    return true;
  }

  void after_connect() {
    PQsetNoticeProcessor(
        conn_, [](void*, const char*) {}, nullptr);
    PQsetClientEncoding(conn_, "UTF8");
  }

 private:
  static bool succeeded(const PGresult* result) {
    if (result == nullptr) return false;
    const auto status = PQresultStatus(result);
    return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
  }

  PGconn* conn_;
  int generation_ = 0;
  long statements_ = 0;
  int changes_ = 0;
};

Result<bool> PgStatement::step() {
  if (bad_index_) {
    return std::unexpected(
        StoreError{str_cat("binding parameters: no parameter ", *bad_index_, " (", sql_, ")")});
  }
  if (!result_) {
    std::vector<const char*> values(values_.size());
    for (std::size_t i = 0; i < values_.size(); ++i) {
      values[i] = bound_[i] ? values_[i].c_str() : nullptr;
    }
    auto result = connection_.execute(*this, values);
    if (!result) {
      return std::unexpected(
          StoreError{str_cat("executing statement (", sql_, "): ", result.error())});
    }
    result_ = std::move(*result);
    row_ = -1;
  }
  ++row_;
  return row_ < PQntuples(result_.get());
}

}  // namespace

Result<std::unique_ptr<Connection>> connect_postgresql(const std::string& uri) {
  PGconn* raw = PQconnectdb(uri.c_str());
  auto connection = std::make_unique<PgConnection>(raw);  // PQfinish even on failure
  if (raw == nullptr) return std::unexpected(StoreError{"connecting: out of memory"});
  if (PQstatus(raw) != CONNECTION_OK) {
    return std::unexpected(StoreError{str_cat("connecting: ", pg_message(raw))});
  }
  connection->after_connect();
  return connection;
}

}  // namespace sitepatrol::store
