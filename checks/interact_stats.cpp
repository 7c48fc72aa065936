#include "checks/interact_stats.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "checks/feature_names.h"
#include "checks/message_board.h"

namespace sitepatrol::checks {
namespace {

std::string month_of(Date d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u", static_cast<int>(d.year()),
                static_cast<unsigned>(d.month()));
  return buf;
}

std::optional<double> median(std::vector<int> v) {
  if (v.empty()) return std::nullopt;
  std::ranges::sort(v);
  const std::size_t n = v.size();
  return n % 2 ? double(v[n / 2]) : (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

}  // namespace

std::vector<InteractionMonth> interaction_months(const SiteContext& ctx,
                                                 const InteractionFacts& facts) {
  const auto& features = features_of(ctx);
  const Date today = today_in_china(ctx.now);
  std::map<std::string, InteractionMonth> months;
  std::map<std::string, std::vector<int>> reply_days;
  auto first = std::chrono::year_month(today.year(), today.month());
  for (int i = 0; i < features.message_months; ++i) {
    const auto ym = first - std::chrono::months(i);
    const std::string key = month_of(ym / std::chrono::day(1));
    months[key].month = key;
  }
  auto month = [&](Date d) -> InteractionMonth* {
    auto it = months.find(month_of(d));
    return it == months.end() ? nullptr : &it->second;
  };

  for (const Message& m : read_messages(facts, today)) {
    if (!m.posted || m.state == ReplyState::unknown) continue;
    InteractionMonth* slot = month(*m.posted);
    if (!slot) continue;
    ++slot->messages;
    if (m.state == ReplyState::answered) {
      ++slot->answered;
      if (m.replied && *m.replied >= *m.posted)
        reply_days[slot->month].push_back(days_between(*m.posted, *m.replied));
    } else {
      ++slot->unanswered;
    }
  }
  for (const ListEntry& e : read_entries(facts, "interview", today))
    if (InteractionMonth* slot = month(e.date)) ++slot->interviews;
  for (const ListEntry& e : read_entries(facts, "solicitation", today)) {
    InteractionMonth* slot = month(e.date);
    if (!slot) continue;
    ++slot->solicitations;
    if (e.closes && !e.feedback &&
        days_between(*e.closes, today) > features.solicitation_feedback_days)
      ++slot->solicitations_no_feedback;
  }

  std::vector<InteractionMonth> out;
  for (auto& [key, m] : months) {
    if (m.messages > 0) m.reply_rate = double(m.answered) / m.messages;
    m.median_reply_days = median(reply_days[key]);
    out.push_back(std::move(m));
  }
  return out;  // keys "YYYY-MM" sort oldest first
}

}  // namespace sitepatrol::checks
