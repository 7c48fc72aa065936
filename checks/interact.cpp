#include "checks/interact.h"

#include <algorithm>
#include <array>
#include <regex>

#include "checks/emit.h"
#include "checks/feature_names.h"
#include "checks/message_board.h"
#include "checks/soft404.h"
#include "config/features.h"

namespace sitepatrol::checks {
namespace {

enum class Verdict { usable, broken, phone_only, not_judged };

struct Judgement {
  Verdict verdict = Verdict::not_judged;
  std::string page;  // the feature page judged
  Detail why = {};   // for INTERACT-BROKEN / -MISSING
};

bool ok_status(int status) { return status >= 200 && status < 300; }

// Not fetched by sitepatrol's own choice (robots.txt, or a private address it may not
// connect to): nothing is known about it, so it is not judged broken.
bool not_fetched(FetchError e) {
  return e == FetchError::robots || e == FetchError::blocked_private;
}

std::string describe_failure(int status, FetchError error, const std::string& error_text) {
  if (error != FetchError::none)
    return error_text.empty() ? std::string(to_string(error)) : error_text;
  return "HTTP " + std::to_string(status);
}

// The same as detail values: the renderer words the answer from them.
DetailArgs failure_args(int status, FetchError error, const std::string& error_text) {
  return {{"status", std::to_string(status)},
          {"error", error == FetchError::none ? std::string() : std::string(to_string(error))},
          {"error_text", error_text}};
}

DetailArgs url_and(std::string_view key, const std::string& url, DetailArgs more = {}) {
  more.insert(more.begin(), DetailArg{std::string(key), url});
  return more;
}

// A form action that does not answer: failed, gone or erroring. 405 and 403 to a bare GET
// are answers (the handler is there; it just wants a submission).
std::optional<Detail> action_failure(const InteractionFacts& facts, const FormInfo& form) {
  auto it = facts.actions.find(form.action);
  if (it == facts.actions.end()) return std::nullopt;  // not checked (robots.txt)
  const ActionProbe& p = it->second;
  if (not_fetched(p.error)) return std::nullopt;
  if (p.error != FetchError::none || p.status == 404 || p.status == 410 || p.status >= 500)
    return Detail{"form action " + form.action + " answers " +
                      describe_failure(p.status, p.error, p.error_text),
                  "interact.action_fails",
                  url_and("action", form.action, failure_args(p.status, p.error, p.error_text))};
  return std::nullopt;
}

// A telephone number: 027-83460000, (027)83460000, 13912345678, 400-123-4567, 12345. Dates
// (2026-11-25) are not: an area code starts with 0, a mobile number has 11 digits.
bool mentions_phone(std::string_view text) {
  static const std::regex kPhone(
      R"((^|[^0-9])(\(?0[0-9]{2,3}\)?-?[0-9]{7,8}|1[3-9][0-9]{9}|400-?[0-9]{3}-?[0-9]{4}|12345)([^0-9]|$))");
  return std::regex_search(text.begin(), text.end(), kPhone);
}

std::size_t dated_rows(const FeaturePage& page, Date today) {
  const DateContext context{today, year_in_url(page.url)};
  return static_cast<std::size_t>(std::ranges::count_if(page.rows, [&](const ListRow& r) {
    return !r.url.empty() && first_date(r.text, context).has_value();
  }));
}

bool is_form_kind(std::string_view kind) {
  return kind == "message_board" || kind == "mailbox" || kind == "disclosure_request";
}

struct Judge {
  const SiteContext& ctx;
  const InteractionFacts& facts;
  Date today;

  // The form that takes a message, on the page or one click from it.
  std::optional<std::pair<FormInfo, std::string>> message_form(const FeaturePage& page) const {
    for (const auto& f : page.forms)
      if (is_message_form(f)) return std::pair(f, page.url);
    for (const auto& link : page.links) {
      auto it = facts.pages.find(link.url);
      if (it == facts.pages.end() || !ok_status(it->second.status)) continue;
      for (const auto& f : it->second.forms)
        if (is_message_form(f)) return std::pair(f, link.url);
    }
    return std::nullopt;
  }

  Judgement search(const FormInfo& form, const std::string& page) const {
    if (form.method == "post") {
      if (auto failure = action_failure(facts, form)) return {Verdict::broken, page, *failure};
      return {Verdict::usable, page};
    }
    for (const auto& s : facts.searches) {
      if (s.action != form.action) continue;
      if (not_fetched(s.error)) return {Verdict::not_judged, page};
      if (s.error != FetchError::none || !ok_status(s.status))
        return {Verdict::broken,
                page,
                {"searching for the site's name: " + s.query_url + " answers " +
                     describe_failure(s.status, s.error, s.error_text),
                 "interact.search_fails",
                 url_and("url", s.query_url, failure_args(s.status, s.error, s.error_text))}};
      if (looks_like_error_page(s.title, s.text))
        return {Verdict::broken,
                page,
                {"searching for the site's name: " + s.query_url + " shows an error page",
                 "interact.search_error_page", url_and("url", s.query_url)}};
      return {Verdict::usable, page};
    }
    return {Verdict::not_judged, page};  // another form of the site was the one probed
  }

  Judgement candidate(const std::string& kind, const FeatureCandidate& c) const {
    if (!c.internal) {
      auto it = facts.external.find(c.url);
      if (it == facts.external.end() || not_fetched(it->second.error) ||
          (it->second.error == FetchError::none && it->second.status == 0))  // not fetched
        return {Verdict::not_judged, c.url};
      const LinkResult& l = it->second;
      if (l.error != FetchError::none || l.status >= 400)
        return {Verdict::broken,
                c.url,
                {c.url + " answers " + describe_failure(l.status, l.error, l.error_text),
                 "interact.page_fails",
                 url_and("url", c.url, failure_args(l.status, l.error, l.error_text))}};
      return {Verdict::usable, c.url};
    }
    auto it = facts.pages.find(c.url);
    if (it == facts.pages.end()) return {Verdict::not_judged, c.url};
    const FeaturePage& page = it->second;
    if (not_fetched(page.error)) return {Verdict::not_judged, c.url};
    if (!ok_status(page.status))
      return {Verdict::broken,
              c.url,
              {c.url + " answers " + describe_failure(page.status, page.error, ""),
               "interact.page_fails",
               url_and("url", c.url, failure_args(page.status, page.error, ""))}};
    if (kind == "search") {
      for (const auto& f : page.forms)
        if (is_search_form(f)) return search(f, c.url);
      return {Verdict::broken,
              c.url,
              {c.url + " holds no search form", "interact.no_search_form", url_and("url", c.url)}};
    }
    const std::size_t rows = dated_rows(page, today);
    if (is_form_kind(kind)) {
      if (auto form = message_form(page)) {
        if (auto failure = action_failure(facts, form->first))
          return {Verdict::broken, c.url, *failure};
        return {Verdict::usable, c.url};
      }
      if ((rows > 0 || shows_messages(page)) && kind != "disclosure_request")
        return {Verdict::usable, c.url};
    } else if (rows > 0) {
      return {Verdict::usable, c.url};
    }
    if (page.forms.empty() && rows == 0 && !shows_messages(page) && mentions_phone(page.text))
      return {
          Verdict::phone_only,
          c.url,
          {c.url + " gives only a telephone number", "interact.phone_only", url_and("url", c.url)}};
    return {Verdict::broken,
            c.url,
            {c.url + (is_form_kind(kind) ? " holds no form to write in and no list of messages"
                                         : " holds no dated list"),
             is_form_kind(kind) ? "interact.no_form" : "interact.no_list", url_and("url", c.url)}};
  }
};

std::string names_of(const config::FeaturesConfig& features, const std::string& kind) {
  auto it = features.names.find(kind);
  if (it == features.names.end()) return "";
  std::string out;
  for (std::size_t i = 0; i < it->second.names.size() && i < 4; ++i)
    out += (i ? "、" : "") + it->second.names[i];
  return out;
}

bool required(const SiteContext& ctx, const std::string& kind) {
  const auto& features = features_of(ctx);
  const std::string category = ctx.site ? ctx.site->category : "local";
  auto it = features.required.find(category);
  return it != features.required.end() && std::ranges::find(it->second, kind) != it->second.end();
}

// One kind: MISSING or BROKEN as it deserves. Returns whether the feature was found usable
// (or at least found, for the counts that follow).
bool check_kind(const SiteContext& ctx, const SiteResult& site, const Judge& judge,
                const std::string& kind, Findings& out) {
  const auto& facts = site.interaction;
  std::vector<const FeatureCandidate*> candidates;
  for (const auto& c : facts.candidates)
    if (c.kind == kind && c.configured) candidates.push_back(&c);
  if (candidates.empty()) {
    for (const auto& c : facts.candidates)
      if (c.kind == kind && c.on_homepage) candidates.push_back(&c);
    for (const auto& c : facts.candidates)
      if (c.kind == kind && !c.on_homepage) candidates.push_back(&c);
  }
  std::vector<Judgement> judged;
  if (kind == "search" && std::ranges::none_of(candidates, &FeatureCandidate::configured)) {
    for (const auto& f : site.homepage.forms)
      if (is_search_form(f)) {
        judged.push_back(judge.search(f, site.homepage.url));
        break;
      }
  }
  for (const auto* c : candidates) judged.push_back(judge.candidate(kind, *c));

  const auto has = [&](Verdict v) {
    return std::ranges::any_of(judged, [v](const Judgement& j) { return j.verdict == v; });
  };
  if (has(Verdict::usable)) return true;
  const std::string home = site.homepage.url;
  if (judged.empty() || (!has(Verdict::broken) && has(Verdict::phone_only))) {
    if (!required(ctx, kind)) return false;
    Detail detail;
    if (judged.empty()) {
      const std::string names = names_of(features_of(ctx), kind);
      detail = {"no link named " + names + " … and no [[site.feature]] of kind " + kind,
                "interact.not_found",
                {{"kind", kind}, {"names", names}}};
    } else {
      const Detail& why = std::ranges::find_if(judged, [](auto& j) {
                            return j.verdict == Verdict::phone_only;
                          })->why;
      detail = {"no working channel: " + why.text, "interact.no_working_channel",
                url_and("kind", kind, why.args)};
    }
    emit(ctx, out, "INTERACT-MISSING", Severity::error, kind, home, std::move(detail));
    return false;
  }
  auto broken = std::ranges::find_if(judged, [](auto& j) { return j.verdict == Verdict::broken; });
  if (broken != judged.end()) {
    Detail why = broken->why;
    why.args.insert(why.args.begin(), DetailArg{"kind", kind});
    emit(ctx, out, "INTERACT-BROKEN", Severity::error, kind, broken->page, std::move(why));
    return true;
  }
  return true;  // found, not judged (robots.txt, page limit)
}

void check_messages(const SiteContext& ctx, const SiteResult& site, Date today, Findings& out) {
  const auto& features = features_of(ctx);
  for (const Message& m : read_messages(site.interaction, today)) {
    if (m.state != ReplyState::unanswered || !m.posted) continue;
    const int age = days_between(*m.posted, today);
    if (age <= features.unanswered_days || age > features.message_months * 366 / 12) continue;
    emit(ctx, out, "INTERACT-UNANSWERED", Severity::critical, m.url, m.list_page,
         Detail{"“" + m.title + "” posted " + to_string(*m.posted) + ", " + std::to_string(age) +
                    " days ago, still " + m.state_text,
                "interact.unanswered",
                {{"title", m.title},
                 {"posted", to_string(*m.posted)},
                 {"age_days", std::to_string(age)},
                 {"state", m.state_text}}});
  }
}

void check_interviews(const SiteContext& ctx, const SiteResult& site, Date today, Findings& out) {
  const auto& features = features_of(ctx);
  const std::string category = ctx.site ? ctx.site->category : "local";
  auto it = features.interviews_per_year.find(category);
  if (it == features.interviews_per_year.end() || it->second <= 0) return;
  const auto entries = read_entries(site.interaction, "interview", today);
  const auto this_year = std::ranges::count_if(
      entries, [&](const ListEntry& e) { return e.date.year() == today.year(); });
  if (this_year >= it->second) return;
  // Too few of what was read; the pages the walk never reached may hold the rest.
  if (site.cut_short) return;
  std::string page = entries.empty() ? site.homepage.url : entries.front().list_page;
  emit(ctx, out, "INTERACT-TOO-FEW", Severity::warning, "interview", page,
       Detail{std::to_string(this_year) + " online interviews in " +
                  std::to_string(static_cast<int>(today.year())) + "; a " + category +
                  " site must hold at least " + std::to_string(it->second) + " a year",
              "interact.too_few_interviews",
              {{"count", std::to_string(this_year)},
               {"year", std::to_string(static_cast<int>(today.year()))},
               {"category", category},
               {"required", std::to_string(it->second)}}});
}

void check_mailbox_stats(const SiteContext& ctx, const SiteResult& site, Date today,
                         Findings& out) {
  const auto& facts = site.interaction;
  const int limit = features_of(ctx).mailbox_stats_days;
  for (const auto& c : facts.candidates) {
    if (c.kind != "mailbox_stats" || !c.internal) continue;
    auto it = facts.pages.find(c.url);
    if (it == facts.pages.end() || !ok_status(it->second.status)) continue;
    const FeaturePage& page = it->second;
    std::optional<Date> newest;
    for (const auto& e : read_entries(facts, "mailbox_stats", today))
      if (e.list_page == page.url && (!newest || e.date > *newest)) newest = e.date;
    if (!newest) {
      for (const Date& d : find_dates(page.text, DateContext{today, std::nullopt}))
        if (days_between(d, today) >= 0 && (!newest || d > *newest)) newest = d;
    }
    if (newest && days_between(*newest, today) <= limit) return;
    // Built apart, not in a ?: of two temporaries, which g++ 12 -O3 wrongly takes for a read
    // of uninitialised memory (-Wmaybe-uninitialized).
    Detail why{"mailbox statistics (收件/办件统计): no dated entry", "fresh.mailbox_stats_undated"};
    if (newest) {
      const std::string age = std::to_string(days_between(*newest, today));
      why = Detail{"mailbox statistics (收件/办件统计): newest entry " + to_string(*newest) + ", " +
                       age + " days old (limit " + std::to_string(limit) + ")",
                   "fresh.mailbox_stats_stale",
                   {{"newest", to_string(*newest)},
                    {"age_days", age},
                    {"limit_days", std::to_string(limit)}}};
    }
    emit(ctx, out, "FRESH-COLUMN", Severity::error, page.url, page.url, std::move(why));
    return;  // one statistics column per site
  }
}

}  // namespace

bool looks_like_error_page(std::string_view title, std::string_view text) {
  if (looks_like_not_found(title, text)) return true;
  static constexpr std::array<std::string_view, 10> kPhrases = {"系统错误",
                                                                "系统异常",
                                                                "服务器错误",
                                                                "服务器内部错误",
                                                                "出错了",
                                                                "Internal Server Error",
                                                                "Service Unavailable",
                                                                "Bad Gateway",
                                                                "访问出错",
                                                                "请求出错"};
  const bool short_page = text.size() < 3000;
  return std::ranges::any_of(kPhrases, [&](std::string_view p) {
    return title.find(p) != std::string_view::npos ||
           (short_page && text.find(p) != std::string_view::npos);
  });
}

void check_interaction(const SiteContext& ctx, const SiteResult& site, Findings& out) {
  if (!ok_status(site.homepage.status)) return;  // AVAIL-DOWN says it all
  const Date today = today_in_china(ctx.now);
  const Judge judge{ctx, site.interaction, today};
  for (const auto& kind : config::feature_kinds()) {
    const bool found = check_kind(ctx, site, judge, kind, out);
    if (kind == "interview" && found) check_interviews(ctx, site, today, out);
  }
  check_messages(ctx, site, today, out);
  check_mailbox_stats(ctx, site, today, out);
}

}  // namespace sitepatrol::checks
