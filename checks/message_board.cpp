#include "checks/message_board.h"

#include <algorithm>
#include <array>
#include <map>
#include <set>

namespace sitepatrol::checks {
namespace {

constexpr std::array<std::string_view, 16> kUnanswered = {
    "尚未回复", "暂未回复", "暂无回复", "未回复", "未答复",   "未办结", "未处理", "待回复",
    "待答复",   "待处理",   "处理中",   "办理中", "正在办理", "已受理", "未受理", "转办中"};
constexpr std::array<std::string_view, 8> kAnswered = {"已回复", "已答复", "已办结", "已处理",
                                                       "已解答", "已反馈", "已完成", "办结"};

// Not 发布时间: every article says it.
constexpr std::array<std::string_view, 11> kPostedLabels = {
    "留言时间", "留言日期", "提问时间", "来信时间", "来信日期", "咨询时间",
    "提交时间", "写信时间", "投诉时间", "提问日期", "信件时间"};
constexpr std::array<std::string_view, 8> kRepliedLabels = {
    "回复时间", "回复日期", "答复时间", "答复日期", "办结时间", "办结日期", "处理时间", "回复于"};
constexpr std::array<std::string_view, 6> kReplyBody = {"回复内容", "答复内容", "回复意见",
                                                        "答复意见", "办理结果", "处理结果"};

bool is_message_kind(const std::string& kind) {
  return kind == "message_board" || kind == "mailbox";
}

// The date written right after the first of `labels` in `text`.
template <std::size_t N>
std::optional<Date> labelled_date(std::string_view text,
                                  const std::array<std::string_view, N>& labels,
                                  const DateContext& context) {
  for (std::string_view label : labels) {
    const auto at = text.find(label);
    if (at == std::string_view::npos) continue;
    std::string_view after = text.substr(at + label.size(), 48);
    if (auto d = first_date(after, context)) return d;
  }
  return std::nullopt;
}

// A reply body: one of the labels followed by some text that is not another label.
bool has_reply_body(std::string_view text) {
  for (std::string_view label : kReplyBody) {
    const auto at = text.find(label);
    if (at == std::string_view::npos) continue;
    std::string_view after = text.substr(at + label.size(), 60);
    while (!after.empty() && (after.front() == ' ' || after.front() == ':')) after.remove_prefix(1);
    if (after.starts_with("：")) after.remove_prefix(std::string_view("：").size());
    while (!after.empty() && after.front() == ' ') after.remove_prefix(1);
    if (after.size() >= 12 && reply_state(after.substr(0, 12)) != ReplyState::unanswered &&
        !after.starts_with("无") && !after.starts_with("暂无"))
      return true;
  }
  return false;
}

DateContext context_for(Date today, std::string_view url) {
  return DateContext{today, year_in_url(url)};
}

}  // namespace

ReplyState reply_state(std::string_view text, std::string* matched) {
  for (std::string_view w : kUnanswered) {
    if (text.find(w) != std::string_view::npos) {
      if (matched) *matched = w;
      return ReplyState::unanswered;
    }
  }
  for (std::string_view w : kAnswered) {
    if (text.find(w) != std::string_view::npos) {
      if (matched) *matched = w;
      return ReplyState::answered;
    }
  }
  return ReplyState::unknown;
}

namespace {

// The messages of one list page's rows.
std::vector<Message> row_messages(const std::string& url, const FeaturePage& page,
                                  const DateContext& context) {
  std::vector<Message> out;
  for (const auto& row : page.rows) {
    if (row.url.empty() || row.url == url) continue;
    auto dates = find_dates(row.text, context);
    if (dates.empty()) continue;
    Message m;
    m.url = row.url;
    m.title = row.link_text;
    m.list_page = url;
    m.posted = dates.front();
    m.state = reply_state(row.text, &m.state_text);
    if (dates.size() > 1 && m.state != ReplyState::unanswered) {
      m.replied = dates[1];
      if (m.state == ReplyState::unknown) m.state = ReplyState::answered;
    }
    out.push_back(std::move(m));
  }
  return out;
}

// A message's own page: its labels, state words or reply body.
void read_detail(const FeaturePage& page, Date posted, const DateContext& context, Message& m) {
  if (m.url.empty()) {
    m.url = page.url;
    m.list_page = page.url;
  }
  if (m.title.empty()) m.title = page.title;
  m.posted = posted;
  std::string said;
  const ReplyState state = reply_state(page.text, &said);
  if (auto replied = labelled_date(page.text, kRepliedLabels, context);
      replied && state != ReplyState::unanswered) {
    m.replied = replied;
    m.state = ReplyState::answered;
    m.state_text = said.empty() ? "回复时间" : said;
  } else if (state != ReplyState::unknown) {
    m.state = state;
    m.state_text = said;
  } else if (has_reply_body(page.text)) {
    m.state = ReplyState::answered;
    m.state_text = "回复内容";
  }
}

// Where each posting-date label stands in `text`, in order.
std::vector<std::size_t> posted_labels(std::string_view text) {
  std::vector<std::size_t> at;
  for (std::string_view label : kPostedLabels)
    for (auto i = text.find(label); i != std::string_view::npos; i = text.find(label, i + 1))
      at.push_back(i);
  std::ranges::sort(at);
  return at;
}

// A board that shows its messages in full on the list page, without a page of their own:
// one message per posting-date label, up to the next. They share the page's URL.
std::vector<Message> without_pagemessages(const FeaturePage& page, const DateContext& context) {
  std::vector<Message> out;
  const auto at = posted_labels(page.text);
  for (std::size_t i = 0; i < at.size(); ++i) {
    const std::string_view text(page.text);
    const std::size_t end = i + 1 < at.size() ? at[i + 1] : text.size();
    FeaturePage one = page;
    one.text = std::string(text.substr(at[i], end - at[i]));
    auto posted = labelled_date(std::string_view(one.text), kPostedLabels, context);
    if (!posted) continue;
    Message m;
    m.url = page.url;
    m.list_page = page.url;
    m.title = "第" + std::to_string(out.size() + 1) + "条留言（" + page.title + "）";
    read_detail(one, *posted, context, m);
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace

bool shows_messages(const FeaturePage& page) { return posted_labels(page.text).size() >= 2; }

std::vector<Message> read_messages(const InteractionFacts& facts, Date today) {
  std::map<std::string, Message> by_url;
  std::vector<Message> without_page;  // messages without a page of their own
  std::vector<std::pair<const FeaturePage*, Date>> details;
  for (const auto& [url, page] : facts.pages) {
    if (!is_message_kind(page.kind) || page.status < 200 || page.status >= 300) continue;
    const DateContext context = context_for(today, url);
    auto rows = row_messages(url, page, context);
    if (rows.size() < 2 && posted_labels(page.text).size() >= 2) {
      for (auto& m : without_pagemessages(page, context)) without_page.push_back(std::move(m));
      continue;
    }
    // A page that labels a posting date and lists no more than one message is a message's
    // own page (a message title naming a feature makes it a hop-0 page: the hop cannot tell).
    // A list's header row says 留言时间 too, but a list has rows.
    if (auto posted = labelled_date(page.text, kPostedLabels, context); posted && rows.size() < 2) {
      details.emplace_back(&page, *posted);
      continue;
    }
    for (auto& m : rows) by_url.try_emplace(m.url, std::move(m));
  }
  for (const auto& [page, posted] : details)
    read_detail(*page, posted, context_for(today, page->url), by_url[page->url]);
  std::vector<Message> out;
  out.reserve(by_url.size() + without_page.size());
  for (auto& [url, m] : by_url) out.push_back(std::move(m));
  for (auto& m : without_page) out.push_back(std::move(m));
  return out;
}

std::vector<ListEntry> read_entries(const InteractionFacts& facts, const std::string& kind,
                                    Date today) {
  std::map<std::string, ListEntry> by_url;
  for (const auto& [url, page] : facts.pages) {
    if (page.kind != kind || page.hop != 0 || page.status < 200 || page.status >= 300) continue;
    const DateContext context = context_for(today, url);
    for (const auto& row : page.rows) {
      if (row.url.empty() || row.url == url) continue;
      auto dates = find_dates(row.text, context);
      if (dates.empty()) continue;
      ListEntry e;
      e.url = row.url;
      e.title = row.link_text;
      e.list_page = url;
      e.date = dates.front();
      if (dates.size() > 1) e.closes = dates.back();
      e.feedback =
          row.text.find("反馈") != std::string::npos || row.text.find("采纳") != std::string::npos;
      by_url.try_emplace(e.url, std::move(e));
    }
  }
  std::vector<ListEntry> out;
  for (auto& [url, e] : by_url) out.push_back(std::move(e));
  return out;
}

}  // namespace sitepatrol::checks
