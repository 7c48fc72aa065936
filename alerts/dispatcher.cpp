#include "alerts/dispatcher.h"

#include <algorithm>
#include <ctime>

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

std::optional<Alert> for_channel(const Alert& alert, const config::AlertChannel& channel) {
  if (!channel.wants(alert.event, alert.site)) return std::nullopt;
  if (alert.event != "dead_links" || !channel.wants("homepage_links", alert.site)) return alert;
  // The homepage's dead links went to this channel as homepage_links, seconds or minutes
  // before the digest: leave them out of it rather than tell the same link twice.
  Alert digest = alert;
  const auto told = std::erase_if(
      digest.findings, [&](const store::FindingRow& row) { return row.finding.page == alert.url; });
  if (told > 0 && digest.findings.empty()) return std::nullopt;
  return digest;
}

store::Result<int> enqueue(store::Store& store, const Alert& alert,
                           std::span<const config::AlertChannel> channels,
                           system_clock::time_point now) {
  int added = 0;
  for (const auto& channel : channels) {
    const auto sent = for_channel(alert, channel);
    if (!sent) continue;
    const std::string payload = to_json(*sent);
    store::AlertRecord row;
    row.key = alert.key;
    row.channel = channel.name;
    row.event = alert.event;
    row.site = alert.site;
    row.payload = payload;
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
