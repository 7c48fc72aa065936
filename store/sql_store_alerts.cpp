// SqlStore: the alert history of the daemon (store.h, schema version 4).
#include "store/sql_store.h"

namespace sitepatrol::store {

namespace {

constexpr std::string_view kAlertSelect =
    "SELECT id, key, channel, event, site, payload, status, attempts, created_ms, "
    "next_attempt_ms, coalesce(sent_ms, 0), last_error FROM alerts ";

Result<std::vector<AlertRecord>> read_alerts(Result<Statement>& stmt) {
  std::vector<AlertRecord> out;
  for (;;) {
    auto row = stmt->step();
    if (!row) return std::unexpected(row.error());
    if (!*row) break;
    AlertRecord a;
    a.id = stmt->column_int(0);
    a.key = stmt->column_text(1);
    a.channel = stmt->column_text(2);
    a.event = stmt->column_text(3);
    a.site = stmt->column_text(4);
    a.payload = stmt->column_text(5);
    a.status = stmt->column_text(6);
    a.attempts = static_cast<int>(stmt->column_int(7));
    a.created_ms = stmt->column_int(8);
    a.next_attempt_ms = stmt->column_int(9);
    a.sent_ms = stmt->column_int(10);
    a.last_error = stmt->column_text(11);
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace

Result<bool> SqlStore::add_alert(const AlertRecord& alert) {
  auto stmt = db_.prepare(
      "INSERT INTO alerts (key, channel, event, site, payload, status, attempts, created_ms, "
      "next_attempt_ms, last_error) VALUES (?1, ?2, ?3, ?4, ?5, 'pending', 0, ?6, ?7, '') "
      "ON CONFLICT (key, channel) DO NOTHING");
  if (!stmt) return std::unexpected(stmt.error());
  stmt->bind_text(1, alert.key)
      .bind_text(2, alert.channel)
      .bind_text(3, alert.event)
      .bind_text(4, alert.site)
      .bind_text(5, alert.payload)
      .bind_int(6, alert.created_ms)
      .bind_int(7, alert.next_attempt_ms);
  if (auto ok = stmt->run(); !ok) return std::unexpected(ok.error());
  return db_.changes() > 0;
}

Result<std::vector<AlertRecord>> SqlStore::due_alerts(std::int64_t now_ms) {
  auto stmt = db_.prepare(std::string(kAlertSelect) +
                          "WHERE status = 'pending' AND next_attempt_ms <= ?1 ORDER BY id");
  if (!stmt) return std::unexpected(stmt.error());
  stmt->bind_int(1, now_ms);
  return read_alerts(stmt);
}

Result<void> SqlStore::update_alert(const AlertRecord& alert) {
  auto stmt = db_.prepare(
      "UPDATE alerts SET status = ?2, attempts = ?3, next_attempt_ms = ?4, sent_ms = ?5, "
      "last_error = ?6 WHERE id = ?1");
  if (!stmt) return std::unexpected(stmt.error());
  stmt->bind_int(1, alert.id)
      .bind_text(2, alert.status)
      .bind_int(3, alert.attempts)
      .bind_int(4, alert.next_attempt_ms)
      .bind_int_or_null(
          5, alert.sent_ms > 0 ? std::optional<std::int64_t>(alert.sent_ms) : std::nullopt)
      .bind_text(6, alert.last_error);
  return stmt->run();
}

Result<std::vector<AlertRecord>> SqlStore::alert_history(int limit) {
  auto stmt = db_.prepare(std::string(kAlertSelect) + "ORDER BY id DESC LIMIT ?1");
  if (!stmt) return std::unexpected(stmt.error());
  stmt->bind_int(1, limit);
  return read_alerts(stmt);
}

Result<std::vector<AlertRecord>> SqlStore::alerts_keyed(const std::string& channel,
                                                         const std::string& key) {
  auto stmt = db_.prepare(std::string(kAlertSelect) +
                          "WHERE channel = ?1 AND (key = ?2 OR substr(key, 1, length(?2) + 1) = "
                          "?2 || ':') ORDER BY id");
  if (!stmt) return std::unexpected(stmt.error());
  stmt->bind_text(1, channel).bind_text(2, key);
  return read_alerts(stmt);
}

}  // namespace sitepatrol::store
