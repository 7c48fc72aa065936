// Public messages (留言) and the other dated lists of interactive features (issue 4): read
// from the feature pages the crawler kept (checks/interact_facts.h), dated by checks/dates.h.
//
// Messages come from four board styles: table rows (title, dates and state in one tr),
// list items (li with the title link, a date and a state), detail pages (the list gives
// titles, each message's own page labels its dates: 留言时间 …, 回复时间 …, or says 尚未回复),
// and whole messages shown on the list page itself (one per 留言时间 label; they have no URL
// of their own and share the page's). A row and the detail page of one message are merged
// by URL, the detail page winning. A
// message is unanswered only when the site says so (未回复, 处理中, 待回复, ...); one whose
// state cannot be read is left out of the findings and of the reply rate.
//
// Pure functions over plain values.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "checks/dates.h"
#include "checks/interact_facts.h"

namespace sitepatrol::checks {

enum class ReplyState { unknown, answered, unanswered };

struct Message {
  std::string url;  // the message's own page (row link or detail page)
  std::string title;
  std::string list_page;  // where it was listed (the detail page when not listed)
  std::optional<Date> posted;
  std::optional<Date> replied;
  ReplyState state = ReplyState::unknown;
  std::string state_text;  // the words the state was read from, e.g. "未回复"
};

// The state words of one row or page: unanswered words first (未办结 is not 办结).
ReplyState reply_state(std::string_view text, std::string* matched = nullptr);

// Whether a page shows whole messages itself (two or more 留言时间-style labels).
bool shows_messages(const FeaturePage& page);

// Every message on the message board and mailbox pages of `facts`, by URL order.
std::vector<Message> read_messages(const InteractionFacts& facts, Date today);

// A dated entry of an interview, solicitation or statistics list.
struct ListEntry {
  std::string url;
  std::string title;
  std::string list_page;
  Date date;                   // the first date of the row (opening, broadcast, publication)
  std::optional<Date> closes;  // solicitations: the last date of the row when it has two
  bool feedback = false;       // solicitations: the row mentions 反馈 or 采纳
};

// The dated rows of the hop-0 pages of `kind`, one per URL.
std::vector<ListEntry> read_entries(const InteractionFacts& facts, const std::string& kind,
                                    Date today);

}  // namespace sitepatrol::checks
