#include "alerts/dispatcher.h"

#include <algorithm>
#include <ctime>
#include <set>

namespace sitepatrol::alerts {

using std::chrono::system_clock;

int local_minute_of_day(system_clock::time_point t) {
  const std::time_t secs = system_clock::to_time_t(t);
  std::tm tm{};
  localtime_r(&secs, &tm);
  return tm.tm_hour * 60 + tm.tm_min;
}

system_clock::time_point release_time(const config::AlertChannel& channel,
                                      system_clock::time_point now) {
  if (!channel.quiet_hours) return now;
  const int minute = local_minute_of_day(now);
  if (!channel.quiet_hours->contains(minute)) return now;
  int wait = channel.quiet_hours->end_minute - minute;
  if (wait <= 0) wait += 1440;
  // To the start of the end minute: drop the seconds already gone in this minute.
  const auto in_minute = std::chrono::duration_cast<std::chrono::seconds>(
                             now.time_since_epoch()) % std::chrono::minutes(1);
  return now + std::chrono::minutes(wait) - in_minute;
}

std::chrono::seconds retry_delay(const config::AlertChannel& channel, int attempts) {
  std::chrono::seconds delay = channel.retry_after;
  for (int i = 1; i < attempts && delay < std::chrono::hours(1); ++i) delay *= 2;
  return std::min<std::chrono::seconds>(delay, std::chrono::hours(1));
}

namespace {

bool is_link_event(const std::string& event) {
  return event == "homepage_links" || event == "dead_links";
}

// One dead link on one page, as the store keys findings.
std::string link_id(const store::FindingRow& row) {
  return row.finding.code + '\n' + row.finding.subject + '\n' + row.finding.page;
}

}  // namespace

std::optional<Alert> for_channel(const Alert& alert, const config::AlertChannel& channel,
                                 std::span<const Alert> told) {
  if (!channel.wants(alert.event, alert.site)) return std::nullopt;
  if (!is_link_event(alert.event) || !channel.wants("homepage_links", alert.site)) return alert;
  // A homepage_links alert leaves out every link told; the digest, only the homepage's.
  std::set<std::string> links;
  int homepage_alerts = 0;
  for (const auto& earlier : told) {
    if (earlier.event == "homepage_links") ++homepage_alerts;
    if (earlier.event == "homepage_links" || alert.event == "homepage_links")
      for (const auto& row : earlier.findings) links.insert(link_id(row));
  }
  Alert left = alert;
  std::erase_if(left.findings, [&](const auto& row) { return links.contains(link_id(row)); });
  if (alert.event == "dead_links" && homepage_alerts == 0) {
    // No homepage_links alert queued for this run yet (run_alerts puts it before the digest):
    // the homepage's links are on their way as homepage_links, not in the digest.
    std::erase_if(left.findings, [&](const auto& row) { return row.finding.page == alert.url; });
  }
  if (!alert.findings.empty() && left.findings.empty()) return std::nullopt;
  if (alert.event == "homepage_links" && homepage_alerts > 0)
    left.key += ':' + std::to_string(homepage_alerts + 1);
  return left;
}

store::Result<std::vector<Alert>> earlier_alerts(store::Store& store, const Alert& alert,
                                                 const config::AlertChannel& channel) {
  std::vector<Alert> out;
  const auto colon = alert.key.find(':');
  if (!is_link_event(alert.event) || colon == std::string::npos) return out;
  const std::string site_and_run = alert.key.substr(colon);
  for (const char* event : {"homepage_links", "dead_links"}) {
    auto rows = store.alerts_keyed(channel.name, event + site_and_run);
    if (!rows) return std::unexpected(rows.error());
    for (const auto& row : *rows)
      if (auto earlier = alert_from_json(row.payload)) out.push_back(std::move(*earlier));
  }
  return out;
}

store::Result<int> enqueue(store::Store& store, const Alert& alert,
                           std::span<const config::AlertChannel> channels,
                           system_clock::time_point now) {
  int added = 0;
  for (const auto& channel : channels) {
    if (!channel.wants(alert.event, alert.site)) continue;
    auto told = earlier_alerts(store, alert, channel);
    if (!told) return std::unexpected(told.error());
    const auto sent = for_channel(alert, channel, *told);
    if (!sent) continue;
    store::AlertRecord row;
    row.key = sent->key;
    row.channel = channel.name;
    row.event = alert.event;
    row.site = alert.site;
    row.payload = to_json(*sent);
    row.created_ms = unix_ms(now);
    row.next_attempt_ms = unix_ms(release_time(channel, now));
    auto inserted = store.add_alert(row);
    if (!inserted) return std::unexpected(inserted.error());
    added += *inserted ? 1 : 0;
  }
  return added;
}

DeliveryReport Dispatcher::deliver(std::span<const config::AlertChannel> channels,
                                   system_clock::time_point now, const std::atomic<bool>* stop,
                                   const AttemptObserver& observer) {
  DeliveryReport report;
  auto due = store_.due_alerts(unix_ms(now));
  if (!due) {
    report.store_error = due.error().message;
    return report;
  }
  for (auto& row : *due) {
    if (stop && stop->load()) break;
    const auto channel = std::ranges::find(channels, row.channel, &config::AlertChannel::name);
    std::string error;
    if (channel == channels.end()) {
      row.status = "failed";
      row.last_error = "channel '" + row.channel + "' is no longer configured";
      ++report.given_up;
    } else if (const auto release = release_time(*channel, now); release > now) {
      row.next_attempt_ms = unix_ms(release);  // quiet hours: not an attempt
    } else {
      auto alert = alert_from_json(row.payload);
      auto sent = alert ? sender_.send(*channel, *alert)
                        : std::expected<void, std::string>(std::unexpected(alert.error()));
      ++row.attempts;
      if (sent) {
        row.status = "sent";
        row.sent_ms = unix_ms(now);
        row.last_error.clear();
        ++report.sent;
      } else {
        error = sent.error();
        row.last_error = error;
        ++report.failed_attempts;
        if (row.attempts >= channel->max_attempts || !alert) {
          row.status = "failed";
          ++report.given_up;
        } else {
          row.next_attempt_ms = unix_ms(now + retry_delay(*channel, row.attempts));
        }
      }
      if (observer) observer(row.channel, row.event, error);
    }
    if (auto ok = store_.update_alert(row); !ok) {
      report.store_error = ok.error().message;
      return report;
    }
  }
  return report;
}

}  // namespace sitepatrol::alerts
