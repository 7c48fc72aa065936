// The interaction figures a site earns per month (issue 4), for the monthly report's public
// interaction index (公众互动指数): messages and how fast they were answered, online
// interviews, opinion solicitations and those that owe feedback. Computed at the end of a
// site's patrol from checks/interact_facts.h and stored per (site, month) by the store.
// Pure.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "checks/interact_facts.h"

namespace sitepatrol::checks {

struct InteractionMonth {
  std::string month;  // "2026-11"
  int messages = 0;   // posted this month, state known
  int answered = 0;
  int unanswered = 0;
  std::optional<double> reply_rate;         // answered / messages; none without messages
  std::optional<double> median_reply_days;  // over answered messages with a reply date
  int interviews = 0;                       // online interviews dated this month
  int solicitations = 0;                    // opinion solicitations opened this month
  int solicitations_no_feedback = 0;        // of those: closed over solicitation_feedback_days ago,
                                            // no 反馈/采纳情况 published
};

// The last message_months months up to the patrol's month (Beijing time), oldest first.
std::vector<InteractionMonth> interaction_months(const SiteContext& ctx,
                                                 const InteractionFacts& facts);

}  // namespace sitepatrol::checks
