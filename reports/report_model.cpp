#include "reports/report_model.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "reports/report_load.h"

namespace sitepatrol::reports {

namespace {

using checks::Severity;

std::optional<std::chrono::sys_seconds> parse_time(const std::string& t) {
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  if (std::sscanf(t.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d, &h, &mi, &s) != 6) {
    return std::nullopt;
  }
  const std::chrono::year_month_day ymd{std::chrono::year(y), std::chrono::month(mo),
                                        std::chrono::day(d)};
  if (!ymd.ok()) return std::nullopt;
  return std::chrono::sys_days(ymd) + std::chrono::hours(h) + std::chrono::minutes(mi) +
         std::chrono::seconds(s);
}

bool finding_order(const store::FindingRow& a, const store::FindingRow& b) {
  if (a.finding.severity != b.finding.severity) return a.finding.severity > b.finding.severity;
  if (a.finding.code != b.finding.code) return a.finding.code < b.finding.code;
  return a.finding.subject < b.finding.subject;
}

int link_rank(std::string_view code) {
  if (code == "LINK-BROKEN") return 0;
  if (code == "LINK-TIMEOUT") return 1;
  if (code == "LINK-REDIRECT-LOOP") return 2;
  if (code == "LINK-SOFT404") return 3;
  return -1;
}

std::vector<store::FindingRow> with_codes(const std::vector<store::FindingRow>& rows,
                                          std::initializer_list<std::string_view> codes) {
  std::vector<store::FindingRow> out;
  for (const auto& row : rows) {
    if (std::find(codes.begin(), codes.end(), row.finding.code) != codes.end()) out.push_back(row);
  }
  return out;
}

double round1(double v) { return std::round(v * 10.0) / 10.0; }

SiteReport build_site(const SiteMonth& month, const config::IndicesConfig& weights,
                      const SiteMonth* year_ago) {
  SiteReport s;
  s.data = month;
  std::sort(s.data.current.begin(), s.data.current.end(), finding_order);
  std::sort(s.data.resolved.begin(), s.data.resolved.end(),
            [](const ResolvedFinding& a, const ResolvedFinding& b) {
              return finding_order(a.row, b.row);
            });
  const auto& rows = s.data.current;

  std::map<std::string, CodeCount> codes;
  for (const auto& row : rows) {
    ++s.by_severity[static_cast<int>(row.finding.severity)];
    CodeCount& c = codes[row.finding.code];
    c.severity = c.count == 0 ? row.finding.severity : std::max(c.severity, row.finding.severity);
    c.code = row.finding.code;
    ++c.count;
  }
  for (auto& [code, count] : codes) s.by_code.push_back(count);
  std::stable_sort(s.by_code.begin(), s.by_code.end(),
                   [](const CodeCount& a, const CodeCount& b) { return a.severity > b.severity; });

  if (auto u = unavailability(s.data)) s.availability = 1.0 - u->share;
  s.verdict = judge_site(s.data);
  s.indices = compute_indices(s.data, weights, year_ago);
  s.complete = s.data.coverage.state == "complete";
  s.unverified = static_cast<int>(std::ranges::count(rows, false, &store::FindingRow::verified));
  if (!s.complete) {
    for (IndexResult* i : {&s.indices.disclosure, &s.indices.service, &s.indices.interaction}) {
      i->measurable = false;
      i->meets.reset();
    }
  }
  s.score = round1(100.0 *
                   (round4(s.indices.disclosure.value) + round4(s.indices.service.value) +
                    round4(s.indices.interaction.value)) /
                   3.0);

  for (const auto& row : rows) {
    if (link_rank(row.finding.code) >= 0) s.worst_links.push_back(row);
  }
  std::stable_sort(s.worst_links.begin(), s.worst_links.end(),
                   [](const store::FindingRow& a, const store::FindingRow& b) {
                     return link_rank(a.finding.code) < link_rank(b.finding.code);
                   });
  if (s.worst_links.size() > kWorstLinks) s.worst_links.resize(kWorstLinks);
  s.unapproved_links = with_codes(rows, {"LINK-UNAPPROVED"});
  s.stale_columns = with_codes(rows, {"FRESH-HOME", "FRESH-COLUMN"});
  s.blank_columns = with_codes(rows, {"COLUMN-EMPTY"});
  s.missing_columns = with_codes(rows, {"COLUMN-MISSING"});
  s.missing_features =
      with_codes(rows, {"INTERACT-MISSING", "INTERACT-BROKEN", "INTERACT-TOO-FEW"});

  const std::string& end = s.data.last_run_at;
  const std::string month_start = end.substr(0, 7);
  for (const auto& row : rows) {
    RectificationItem item;
    item.row = row;
    item.state = row.first_seen.substr(0, 7) == month_start ? "new" : "open";
    item.days_open = days_between(row.first_seen, end);
    (item.state == "new" ? s.new_count : s.open_count)++;
    s.rectification.push_back(std::move(item));
  }
  std::stable_sort(s.rectification.begin(), s.rectification.end(),
                   [](const RectificationItem& a, const RectificationItem& b) {
                     return a.state == "new" && b.state != "new";
                   });
  for (const auto& r : s.data.resolved) {
    RectificationItem item;
    item.row = r.row;
    item.state = "resolved";
    item.resolved_at = r.resolved_at;
    item.days_open = days_between(r.row.first_seen, r.resolved_at);
    ++s.resolved_count;
    s.rectification.push_back(std::move(item));
  }
  return s;
}

Overview overview_of(const MonthData& m, const std::vector<SiteReport>* sites) {
  Overview o;
  o.month = m.month;
  o.sites = static_cast<int>(m.sites.size());
  o.runs = m.runs;
  for (const SiteMonth& s : m.sites) {
    o.pages += s.pages;
    o.links_checked += s.links_checked;
    for (const auto& row : s.current) ++o.by_severity[static_cast<int>(row.finding.severity)];
    if (!sites && !judge_site(s).passed) ++o.failed_sites;
  }
  if (sites) {
    for (const SiteReport& s : *sites) o.failed_sites += s.verdict.passed ? 0 : 1;
  }
  return o;
}

TrendPoint trend_of(const MonthData& m, const config::IndicesConfig& weights) {
  TrendPoint t;
  t.month = m.month;
  if (m.sites.empty()) return t;
  int measured = 0;  // sites whose last run checked them completely: only they have indices
  for (const SiteMonth& s : m.sites) {
    t.findings += static_cast<int>(s.current.size());
    auto u = unavailability(s);
    t.availability += u ? 1.0 - u->share : 1.0;
    if (s.coverage.state != "complete") continue;
    ++measured;
    t.disclosure += disclosure_index(s, weights.disclosure).value;
    t.service += service_index(s, weights.service).value;
    t.interaction += interaction_index(s, weights.interaction).value;
  }
  const double n = static_cast<double>(m.sites.size());
  const double k = std::max(1, measured);
  t.disclosure = round4(t.disclosure / k);
  t.service = round4(t.service / k);
  t.interaction = round4(t.interaction / k);
  t.availability = round4(t.availability / n);
  return t;
}

const SiteMonth* find_site(const std::optional<MonthData>& m, const std::string& id) {
  if (!m) return nullptr;
  for (const SiteMonth& s : m->sites) {
    if (s.site.id == id) return &s;
  }
  return nullptr;
}

}  // namespace

int days_between(const std::string& from, const std::string& to) {
  auto a = parse_time(from);
  auto b = parse_time(to);
  if (!a || !b || *b < *a) return 0;
  return static_cast<int>(std::chrono::floor<std::chrono::days>(*b - *a).count());
}

Report build_report(const ReportData& data) {
  Report r;
  r.lang = data.lang == "en" ? Lang::en : Lang::zh;
  r.generated_at = data.generated_at;
  r.self_inspection = data.site.has_value();
  r.settings = data.notice;
  if (auto zone = config::TimeZone::load(data.notice.timezone)) r.zone = std::move(*zone);
  r.calendar = WorkCalendar::from(data.notice);
  const auto local = to_local(data.generated_at, r.zone);
  // No clock is read here: without a generation time the report is dated the day after the
  // month it covers, the earliest it could have been issued.
  const auto next_month = month_bounds(data.month.month);
  const auto fallback =
      next_month ? to_local(next_month->second, config::TimeZone()) : std::nullopt;
  r.date = local ? local->date : fallback ? fallback->date : Date(std::chrono::sys_days{});
  r.deadline = add_working_days(r.date, data.notice.deadline_working_days, r.calendar);
  for (const SiteMonth& s : data.month.sites) {
    r.sites.push_back(build_site(s, data.weights, find_site(data.year_ago, s.site.id)));
  }
  r.overview = overview_of(data.month, &r.sites);
  if (data.previous) r.previous = overview_of(*data.previous, nullptr);

  std::map<std::string, std::size_t> unit_index;
  for (std::size_t i = 0; i < r.sites.size(); ++i) {
    const std::string& unit = r.sites[i].data.site.unit;
    auto [it, added] = unit_index.emplace(unit, r.ranking.size());
    if (added) r.ranking.push_back(UnitRanking{unit, {}});
    r.ranking[it->second].sites.push_back(i);
  }
  for (UnitRanking& unit : r.ranking) {
    std::stable_sort(unit.sites.begin(), unit.sites.end(), [&](std::size_t a, std::size_t b) {
      const SiteReport& x = r.sites[a];
      const SiteReport& y = r.sites[b];
      if (x.verdict.passed != y.verdict.passed) return x.verdict.passed;
      if (x.complete != y.complete) return x.complete;  // no score to rank by
      if (x.score != y.score) return x.score > y.score;
      return x.data.site.id < y.data.site.id;
    });
  }
  for (SiteReport& site : r.sites) {
    for (RectificationItem& item : site.rectification) {
      if (item.state == "resolved") continue;
      const auto first = to_local(item.row.first_seen, r.zone);
      if (!first) continue;
      item.due = add_working_days(first->date, data.notice.deadline_working_days, r.calendar);
      item.overdue = std::chrono::sys_days(r.date) > std::chrono::sys_days(*item.due);
      if (item.overdue) ++site.overdue_count;
    }
  }
  for (const MonthData& m : data.history) r.trends.push_back(trend_of(m, data.weights));
  r.trends.push_back(trend_of(data.month, data.weights));
  if (r.self_inspection && !r.sites.empty()) r.points = inspection_points(r.sites[0], r.lang);
  return r;
}

std::vector<InspectionPoint> inspection_points(const SiteReport& site, Lang lang) {
  const auto service_keys = required_columns(site.data.site.category, ColumnGroup::service);
  auto is_service_column = [&](const store::FindingRow& row) {
    return row.finding.code == "COLUMN-MISSING" &&
           std::find(service_keys.begin(), service_keys.end(), row.finding.subject) !=
               service_keys.end();
  };
  auto point_of = [&](const store::FindingRow& row) {
    const std::string& code = row.finding.code;
    if (code.starts_with("LINK-")) return 3;
    if (code.starts_with("SEC-") || code == "TLS-CERT" || code == "CONTENT-PRIVACY") return 4;
    if (code.starts_with("INTERACT-") || is_service_column(row)) return 2;
    return 1;
  };
  std::vector<InspectionPoint> points(4);
  points[0].title = pick(lang, "页面访问、栏目更新和内容准确情况",
                         "Page access, column updates and content errors");
  points[0].codes = {"AVAIL-DOWN",   "AVAIL-SLOW",           "AVAIL-RATIO",    "FRESH-HOME",
                     "FRESH-COLUMN", "COLUMN-EMPTY",         "COLUMN-MISSING", "ID-MISSING",
                     "META-MISSING", "CONTENT-MISSTATEMENT", "CONTENT-TYPO",   "CONTENT-OUTDATED"};
  points[1].title = pick(lang, "服务功能和互动功能情况", "Services and interactive functions");
  points[1].codes = {"COLUMN-MISSING", "INTERACT-MISSING", "INTERACT-BROKEN", "INTERACT-UNANSWERED",
                     "INTERACT-TOO-FEW"};
  points[2].title = pick(lang, "应用系统及链接情况（错链、断链）",
                         "Links: wrong and broken links, unapproved external links");
  points[2].codes = {"LINK-BROKEN", "LINK-TIMEOUT", "LINK-REDIRECT-LOOP", "LINK-SOFT404",
                     "LINK-UNAPPROVED"};
  points[3].title = pick(lang, "安全防护情况（篡改、暗链、违规内容、隐私泄露、HTTPS）",
                         "Security: tampering, dark links, spam, personal data, HTTPS");
  points[3].codes = {"SEC-TAMPER",   "SEC-DARKLINK", "SEC-SPAM", "SEC-FOREIGN-SCRIPT",
                     "SEC-NO-HTTPS", "SEC-HEADERS",  "TLS-CERT", "CONTENT-PRIVACY"};
  for (int i = 0; i < 4; ++i) points[i].number = i + 1;

  std::array<int, 4> serious{};
  for (const auto& row : site.data.current) {
    const int p = point_of(row) - 1;
    points[p].to_fix.push_back(row);
    if (row.finding.severity >= Severity::error) ++serious[p];
  }
  const SiteMonth& d = site.data;
  auto count = [&](std::string_view code) {
    return std::count_if(d.current.begin(), d.current.end(), [&](const auto& row) {
      // Dark links are the critical SEC-DARKLINK; warnings are hidden links under review.
      return row.finding.code == code &&
             (code != "SEC-DARKLINK" || row.finding.severity == Severity::critical);
    });
  };
  auto line = [&](std::string_view zh, std::string_view en, auto... values) {
    // Without values the text is no format (and clang's -Wformat-security says so).
    if constexpr (sizeof...(values) == 0) {
      return std::string(pick(lang, zh, en));
    } else {
      char buf[512];
      std::snprintf(buf, sizeof buf, std::string(pick(lang, zh, en)).c_str(), values...);
      return std::string(buf);
    }
  };
  const double avail = site.availability.value_or(1.0) * 100;
  points[0].evidence = {
      line("本月巡检 %d 次，首页无法访问 %d 次，可用率 %.1f %%；最近一次巡检读取页面 %d 个。",
           "%d patrols this month, homepage unreachable in %d, availability %.1f %%; the last "
           "patrol read %d pages.",
           d.runs, d.runs_down, avail, d.pages),
      line("首页不更新 %ld 项，栏目不更新 %ld 个，空白栏目 %ld 个，缺失栏目 %ld 个。",
           "Homepage not updated: %ld; stale columns: %ld; blank columns: %ld; missing "
           "columns: %ld.",
           static_cast<long>(count("FRESH-HOME")), static_cast<long>(count("FRESH-COLUMN")),
           static_cast<long>(count("COLUMN-EMPTY")), static_cast<long>(count("COLUMN-MISSING"))),
      line("严重表述错误 %ld 页，错别字 %ld 页，过时内容（已撤销机构、已离任领导）%ld 页。",
           "Pages with serious misstatements: %ld; with typos: %ld; with outdated names "
           "(abolished bodies, former leaders): %ld.",
           static_cast<long>(count("CONTENT-MISSTATEMENT")),
           static_cast<long>(count("CONTENT-TYPO")), static_cast<long>(count("CONTENT-OUTDATED")))};
  points[1].evidence = {
      line("检查附件（表格、文件）%d 个，无法打开 %d 个。",
           "%d attachments (forms, documents) checked, %d do not open.", d.attachments,
           d.attachments_failed),
      line("互动功能缺失 %ld 项、不可用 %ld 项，超过3个月未答复留言 %ld 条，访谈不足 %ld 项。",
           "Interactive features missing: %ld, unusable: %ld; messages unanswered over 3 "
           "months: %ld; too few interviews: %ld.",
           static_cast<long>(count("INTERACT-MISSING")),
           static_cast<long>(count("INTERACT-BROKEN")),
           static_cast<long>(count("INTERACT-UNANSWERED")),
           static_cast<long>(count("INTERACT-TOO-FEW")))};
  points[2].evidence = {
      line("检查链接 %d 个：断链 %ld 个，超时 %ld 个，重定向循环 %ld 个，软404 %ld "
           "个，未经审核的外链域名 %ld 个。",
           "%d links checked: %ld broken, %ld timed out, %ld redirect loops, %ld soft 404s, %ld "
           "unapproved external domains.",
           d.links_checked, static_cast<long>(count("LINK-BROKEN")),
           static_cast<long>(count("LINK-TIMEOUT")), static_cast<long>(count("LINK-REDIRECT-LOOP")),
           static_cast<long>(count("LINK-SOFT404")), static_cast<long>(count("LINK-UNAPPROVED")))};
  points[3].evidence = {
      line("页面篡改 %ld 处，暗链 %ld 个，违规内容 %ld 处，外部脚本 %ld 个，隐私泄露 %ld "
           "处，HTTPS 问题 %ld 项，证书问题 %ld 项。",
           "Tampered pages: %ld; dark links: %ld; spam pages: %ld; foreign scripts: %ld; pages "
           "leaking personal data: %ld; HTTPS problems: %ld; certificate problems: %ld.",
           static_cast<long>(count("SEC-TAMPER")), static_cast<long>(count("SEC-DARKLINK")),
           static_cast<long>(count("SEC-SPAM")), static_cast<long>(count("SEC-FOREIGN-SCRIPT")),
           static_cast<long>(count("CONTENT-PRIVACY")), static_cast<long>(count("SEC-NO-HTTPS")),
           static_cast<long>(count("TLS-CERT")))};
  // The last run read nothing (down, or down in a maintenance window): no counts that read 0.
  if (d.coverage.state == "down" || d.coverage.state == "maintenance") {
    points[0].evidence[0] = line(
        "本月巡检 %d 次，首页无法访问 %d 次，可用率 %.1f "
        "%%；最近一次巡检首页无法访问，未能读取页面。",
        "%d patrols this month, homepage unreachable in %d, availability %.1f %%; the last "
        "patrol could not open the homepage and read no page.",
        d.runs, d.runs_down, avail);
    points[1].evidence[0] =
        line("最近一次巡检未能检查附件。", "The last patrol could not check attachments.");
    points[2].evidence[0] =
        line("最近一次巡检未能检查链接；此前发现的断链 %ld 个、超时 %ld 个未能复查。",
             "The last patrol could not check links; %ld broken and %ld timed-out links found "
             "earlier could not be re-checked.",
             static_cast<long>(count("LINK-BROKEN")), static_cast<long>(count("LINK-TIMEOUT")));
  }
  // The single-veto items each point answers for: a vetoed one fails the point, whatever its
  // findings (an outage resolved by the month's end leaves no finding, but the veto stands).
  std::array<std::string, 4> vetoes;
  for (const VetoCheck& c : site.verdict.checks) {
    if (!c.vetoed) continue;
    const int p = c.item == "poor_response" ? 1
                  : (c.item == "dark_links" || c.item == "spam" || c.item == "tampering" ||
                     c.item == "privacy")
                      ? 3
                      : 0;
    vetoes[p] +=
        (vetoes[p].empty() ? "" : std::string(pick(lang, "；", "; "))) + veto_reason(c, lang);
  }
  for (int i = 0; i < 4; ++i) {
    InspectionPoint& p = points[i];
    p.passed = serious[i] == 0 && vetoes[i].empty();
    const long n = static_cast<long>(p.to_fix.size());
    if (!site.complete) {
      // Not checked (completely): no "no problems found", and what the last complete check
      // found still counts as open.
      p.checked = false;
      p.passed = false;
      p.conclusion = std::string(pick(lang, "未能完成检查：", "Could not be checked: ")) +
                     coverage_text(d.coverage.state, d.coverage.reason, lang) +
                     std::string(pick(lang, "。", "."));
      const long unverified = std::ranges::count(p.to_fix, false, &store::FindingRow::verified);
      if (unverified > 0) {
        p.conclusion +=
            line("此前发现的 %ld 个问题本次未能复查，仍按未整改计。",
                 " %ld earlier problems could not be re-checked and stay open.", unverified);
      }
      if (!vetoes[i].empty()) {
        p.conclusion += std::string(pick(lang, "单项否决：", " Single veto: ")) + vetoes[i] +
                        std::string(pick(lang, "。", "."));
      }
      continue;
    }
    if (!vetoes[i].empty()) {
      p.conclusion =
          std::string(pick(lang, "经自查，本项不合格（单项否决：", "Fails (single veto: ")) +
          vetoes[i] + std::string(pick(lang, "），需立即整改。", "); rectify now."));
      if (n > 0) {
        p.conclusion += line("共 %ld 个问题，其中错误及以上 %d 个。",
                             " %ld problems, %d errors or worse.", n, serious[i]);
      }
    } else if (n == 0) {
      p.conclusion = pick(lang, "经自查，本项未发现问题。", "No problems found.");
    } else if (p.passed) {
      p.conclusion = line("经自查，本项基本合格，有 %ld 项提示或警告需关注。",
                          "Acceptable; %ld warnings or notes to look at.", n);
    } else {
      p.conclusion = line("经自查，本项存在 %ld 个问题（其中错误及以上 %d 个），需整改。",
                          "%ld problems (%d errors or worse) to rectify.", n, serious[i]);
    }
  }
  return points;
}

}  // namespace sitepatrol::reports
