// SqlStore: the interaction figures per site and month (issue 4, schema version 5).
#include "store/sql_store.h"

namespace sitepatrol::store {

namespace {

constexpr std::string_view kUpsertMonth = R"sql(
INSERT INTO interaction_months (site, month, run_id, messages, answered, unanswered,
                                reply_rate, median_reply_days, interviews, solicitations,
                                solicitations_no_feedback)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
ON CONFLICT (site, month) DO UPDATE SET
  run_id = excluded.run_id, messages = excluded.messages, answered = excluded.answered,
  unanswered = excluded.unanswered, reply_rate = excluded.reply_rate,
  median_reply_days = excluded.median_reply_days, interviews = excluded.interviews,
  solicitations = excluded.solicitations,
  solicitations_no_feedback = excluded.solicitations_no_feedback
)sql";

constexpr std::string_view kSiteMonths = R"sql(
SELECT month, messages, answered, unanswered, reply_rate, median_reply_days, interviews,
       solicitations, solicitations_no_feedback
  FROM interaction_months
 WHERE site = ?1
 ORDER BY month
)sql";

void bind_optional(Statement& stmt, int index, const std::optional<double>& value) {
  if (value) {
    stmt.bind_real(index, *value);
  } else {
    stmt.bind_null(index);
  }
}

}  // namespace

Result<void> SqlStore::save_interaction_months(
    std::int64_t run, const std::string& site, std::span<const checks::InteractionMonth> months) {
  auto tx = Transaction::begin(db_);
  if (!tx) return std::unexpected(tx.error());
  for (const auto& m : months) {
    auto stmt = db_.prepare(kUpsertMonth);
    if (!stmt) return std::unexpected(stmt.error());
    stmt->bind_text(1, site)
        .bind_text(2, m.month)
        .bind_int(3, run)
        .bind_int(4, m.messages)
        .bind_int(5, m.answered)
        .bind_int(6, m.unanswered);
    bind_optional(*stmt, 7, m.reply_rate);
    bind_optional(*stmt, 8, m.median_reply_days);
    stmt->bind_int(9, m.interviews)
        .bind_int(10, m.solicitations)
        .bind_int(11, m.solicitations_no_feedback);
    if (auto ok = stmt->run(); !ok) return ok;
  }
  return tx->commit();
}

Result<std::vector<checks::InteractionMonth>> SqlStore::interaction_months(
    const std::string& site) {
  auto stmt = db_.prepare(kSiteMonths);
  if (!stmt) return std::unexpected(stmt.error());
  stmt->bind_text(1, site);
  std::vector<checks::InteractionMonth> out;
  for (;;) {
    auto row = stmt->step();
    if (!row) return std::unexpected(row.error());
    if (!*row) break;
    checks::InteractionMonth m;
    m.month = stmt->column_text(0);
    m.messages = static_cast<int>(stmt->column_int(1));
    m.answered = static_cast<int>(stmt->column_int(2));
    m.unanswered = static_cast<int>(stmt->column_int(3));
    if (!stmt->column_is_null(4)) m.reply_rate = stmt->column_real(4);
    if (!stmt->column_is_null(5)) m.median_reply_days = stmt->column_real(5);
    m.interviews = static_cast<int>(stmt->column_int(6));
    m.solicitations = static_cast<int>(stmt->column_int(7));
    m.solicitations_no_feedback = static_cast<int>(stmt->column_int(8));
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace sitepatrol::store
