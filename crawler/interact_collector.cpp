#include "crawler/interact_collector.h"

#include <algorithm>

#include "checks/feature_names.h"

namespace sitepatrol::crawler {
namespace {

constexpr std::size_t kMaxCandidatesPerKind = 8;
constexpr int kMaxPaginationPerKind = 60;  // 60 pages of 20 messages: a busy board's year

// `s` cut to at most `max` bytes, not inside a UTF-8 sequence.
std::string cut_utf8(const std::string& s, std::size_t max) {
  if (s.size() <= max) return s;
  std::size_t end = max;
  while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  return s.substr(0, end);
}

// A list page whose dated entries all lie more than `months` back: the pages after it hold
// older ones still. False for a page with no dated entry (nothing to go by).
bool all_entries_older(const checks::PageResult& page, checks::Date today, int months) {
  const checks::DateContext context{today, checks::year_in_url(page.url)};
  bool dated = false;
  for (const auto& row : page.rows) {
    if (!row.region.empty()) continue;
    for (const auto& d : checks::find_dates(row.text, context)) {
      if (checks::days_between(d, today) <= months * 366 / 12) return false;
      dated = true;
    }
  }
  return dated;
}

bool has_list_of_messages(const std::string& kind) {
  return kind == "message_board" || kind == "mailbox";
}

}  // namespace

InteractCollector::InteractCollector(const config::SiteConfig& site,
                                     const checks::FeatureNamer& namer, int message_months,
                                     OwnHost own, std::chrono::system_clock::time_point now)
    : site_(site),
      namer_(namer),
      message_months_(message_months),
      own_(std::move(own)),
      today_(checks::today_in_china(now)) {
  for (const auto& f : site_.features) {
    checks::FeatureCandidate c;
    c.kind = f.kind;
    c.url = f.url;
    c.configured = true;
    c.internal = own_(f.url);
    add_candidate(std::move(c));
  }
}

std::vector<std::string> InteractCollector::seeds() const {
  std::vector<std::string> out;
  for (const auto& f : site_.features)
    if (own_(f.url)) out.push_back(f.url);
  return out;
}

bool InteractCollector::wants_full(const std::string& url) const { return area_.contains(url); }

void InteractCollector::add_candidate(checks::FeatureCandidate c) {
  const auto same_kind = std::ranges::count(facts_.candidates, c.kind,
                                            &checks::FeatureCandidate::kind);
  if (static_cast<std::size_t>(same_kind) >= kMaxCandidatesPerKind) return;
  for (const auto& known : facts_.candidates)
    if (known.kind == c.kind && known.url == c.url) return;
  if (c.internal) mark(c.url, c.kind, 0);
  facts_.candidates.push_back(std::move(c));
}

void InteractCollector::mark(const std::string& url, const std::string& kind, int hop) {
  auto [it, fresh] = area_.try_emplace(url, Member{kind, hop});
  if (!fresh && hop < it->second.hop) it->second = Member{kind, hop};
}

InteractCollector::Actions InteractCollector::on_page(const checks::PageResult& page) {
  Actions out;
  // Links are kept once per URL with their first text; rows keep every occurrence, so a
  // 依申请公开 entry pointing into the 政府信息公开 page is seen too.
  auto consider = [&](const std::string& url, const std::string& text) {
    if (auto kind = namer_.kind_of(text)) {
      add_candidate({.kind = *kind,
                     .url = url,
                     .text = text,
                     .found_on = page.url,
                     .configured = false,
                     .on_homepage = page.is_homepage,
                     .internal = own_(url)});
    }
  };
  for (const auto& link : page.links)
    if (link.kind == "a" || link.kind == "area") consider(link.url, link.text);
  for (const auto& row : page.rows)
    if (!row.url.empty()) consider(row.url, row.link_text);

  auto probe_forms = [&](const checks::PageResult& p, bool search_only) {
    for (const auto& form : p.forms) {
      const bool search = checks::is_search_form(form);
      if (search_only && !search) continue;
      if (search && form.method == "get" && !searched_) {
        searched_ = true;
        out.search = form;
        out.search_page = p.url;
      } else if (!form.action.empty() && probed_actions_.insert(form.action).second) {
        out.actions.push_back(form.action);
      }
    }
  };

  auto member = area_.find(page.url);
  if (member == area_.end()) member = area_.find(page.final_url);
  if (member == area_.end()) {
    if (page.is_homepage) probe_forms(page, /*search_only=*/true);
    return out;
  }
  // Fetched with a conditional request before it was known to be a feature page (a sitemap
  // URL racing the homepage): a 304 has no forms or rows to judge, so it is left unjudged.
  if (page.not_modified) return out;
  const Member m = member->second;
  checks::FeaturePage fp;
  fp.kind = m.kind;
  fp.url = page.url;
  fp.final_url = page.final_url;
  fp.hop = m.hop;
  fp.status = page.status;
  fp.error = page.error;
  fp.title = page.title;
  fp.text = cut_utf8(page.text, checks::kFeatureTextMax);
  fp.forms = page.forms;
  for (const auto& link : page.links)
    if (link.kind == "a" || link.kind == "area") fp.links.push_back(link);
  for (const auto& row : page.rows)
    if (row.region.empty()) fp.rows.push_back(row);
  facts_.pages.insert_or_assign(page.url, std::move(fp));

  probe_forms(page, /*search_only=*/page.is_homepage);
  if (m.hop > 0 || m.kind == "search") return out;
  const bool turn_pages = !all_entries_older(page, today_, message_months_);
  for (const auto& link : page.links) {
    if (link.kind != "a" || !own_(link.url) || link.url == page.url) continue;
    if (checks::is_pagination_text(link.text)) {
      if (!turn_pages || area_.contains(link.url)) continue;
      if (++pagination_count_[m.kind] > kMaxPaginationPerKind) continue;
      mark(link.url, m.kind, 0);
      out.pagination.push_back(link.url);
    } else if (has_list_of_messages(m.kind)) {
      mark(link.url, m.kind, 1);
    }
  }
  return out;
}

void InteractCollector::on_link(const checks::LinkResult& link) {
  for (const auto& c : facts_.candidates) {
    if (!c.internal && c.url == link.url) {
      facts_.external.insert_or_assign(link.url, link);
      return;
    }
  }
}

void InteractCollector::on_action(checks::ActionProbe probe) {
  std::string url = probe.url;
  facts_.actions.insert_or_assign(std::move(url), std::move(probe));
}

void InteractCollector::on_search(checks::SearchProbe probe) {
  probe.text = cut_utf8(probe.text, checks::kFeatureTextMax);
  facts_.searches.push_back(std::move(probe));
}

}  // namespace sitepatrol::crawler
