#include "reports/monthly_report.h"

#include <cstdio>
#include <set>

#include "reports/report_format.h"
#include "reports/review_text.h"

namespace sitepatrol::reports {

namespace {

std::string delta(int now, std::optional<int> before) {
  if (!before) return "—";
  const int d = now - *before;
  return (d > 0 ? "+" : "") + std::to_string(d);
}

// 1 -> 一, 12 -> 十二, 23 -> 二十三 (section and site numbers of the 通报).
std::string chinese_number(int n) {
  static constexpr std::string_view kDigits[] = {"",   "一", "二", "三", "四",
                                                 "五", "六", "七", "八", "九"};
  if (n < 10) return std::string(kDigits[n]);
  if (n >= 100) return std::to_string(n);
  return (n >= 20 ? std::string(kDigits[n / 10]) : "") + "十" + std::string(kDigits[n % 10]);
}

// "（一）" / "(1) ": sub-heading numbers.
std::string sub_number(int n, Lang lang) {
  return lang == Lang::zh ? "（" + chinese_number(n) + "）" : "(" + std::to_string(n) + ") ";
}

// "2026-11" -> "2026年11月" / "November 2026".
std::string month_text(const std::string& month, Lang lang) {
  static constexpr const char* kMonths[] = {"January",   "February", "March",    "April",
                                            "May",       "June",     "July",     "August",
                                            "September", "October",  "November", "December"};
  int y = 0, m = 0;
  if (std::sscanf(month.c_str(), "%4d-%2d", &y, &m) != 2 || m < 1 || m > 12) return month;
  if (lang == Lang::zh) return std::to_string(y) + "年" + std::to_string(m) + "月";
  return std::string(kMonths[m - 1]) + " " + std::to_string(y);
}

// 主送: the configured recipients, else the responsible units of the sites reported.
std::string addressee(const Report& r) {
  const Lang lang = r.lang;
  std::vector<std::string> names = r.settings.recipients;
  if (names.empty()) {
    std::set<std::string> seen;
    for (const SiteReport& s : r.sites) {
      const std::string& unit = s.data.site.unit;
      if (!unit.empty() && seen.insert(unit).second) names.push_back(unit);
    }
  }
  if (names.empty()) return std::string(pick(lang, "各网站主办单位：", "To: the site owners"));
  std::string out = lang == Lang::zh ? "" : "To: ";
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += pick(lang, "，", "; ");
    out += names[i];
  }
  return out + std::string(pick(lang, "：", ""));
}

std::string count_text(int n, std::string_view zh_unit, std::string_view en_noun, Lang lang) {
  if (lang == Lang::zh) return std::to_string(n) + std::string(zh_unit);
  return std::to_string(n) + " " + std::string(en_noun);
}

void overview_table(Document& doc, const Report& r) {
  const Lang lang = r.lang;
  const Overview& o = r.overview;
  const Overview* p = r.previous ? &*r.previous : nullptr;
  auto row = [&](std::string_view zh, std::string_view en, int now, std::optional<int> before) {
    return std::vector<Cell>{
        Cell{std::string(pick(lang, zh, en)), "", ""}, Cell{std::to_string(now), "", ""},
        Cell{before ? std::to_string(*before) : "—", "", ""}, Cell{delta(now, before), "", ""}};
  };
  auto prev = [&](int Overview::*field) -> std::optional<int> {
    if (!p) return std::nullopt;
    return p->*field;
  };
  auto prev_sev = [&](int s) -> std::optional<int> {
    if (!p) return std::nullopt;
    return p->by_severity[s];
  };
  std::vector<std::vector<Cell>> rows = {
      row("巡检网站", "sites patrolled", o.sites, prev(&Overview::sites)),
      row("巡检次数", "patrol runs", o.runs, prev(&Overview::runs)),
      row("检查页面", "pages read", o.pages, prev(&Overview::pages)),
      row("检查链接", "links checked", o.links_checked, prev(&Overview::links_checked)),
      row("不合格网站", "sites failing", o.failed_sites, prev(&Overview::failed_sites))};
  for (int s = 3; s >= 0; --s) {
    rows.push_back(row(severity_label(static_cast<checks::Severity>(s), Lang::zh),
                       severity_label(static_cast<checks::Severity>(s), Lang::en), o.by_severity[s],
                       prev_sev(s)));
  }
  doc.table({std::string(pick(lang, "项目", "item")), o.month,
             p ? p->month : std::string(pick(lang, "上月", "previous month")),
             std::string(pick(lang, "变化", "change"))},
            std::move(rows));
}

// 一、总体情况: the numbers, the single-veto verdicts, the ranking, availability and indices.
void overall(Document& doc, const Report& r, const std::vector<const SiteReport*>& all) {
  const Lang lang = r.lang;
  const Overview& o = r.overview;
  const int passed = o.sites - o.failed_sites;
  doc.paragraph(
      lang == Lang::zh
          ? "本月巡检的 " + std::to_string(o.sites) + " 个网站中，合格 " + std::to_string(passed) +
                " 个，不合格 " + std::to_string(o.failed_sites) + " 个；共发现严重问题 " +
                std::to_string(o.by_severity[3]) + " 个、错误 " + std::to_string(o.by_severity[2]) +
                " 个、警告 " + std::to_string(o.by_severity[1]) + " 个、提示 " +
                std::to_string(o.by_severity[0]) + " 个。"
          : "Of the " + std::to_string(o.sites) + " sites patrolled this month, " +
                std::to_string(passed) + " pass and " + std::to_string(o.failed_sites) + " fail; " +
                std::to_string(o.by_severity[3]) + " critical problems, " +
                std::to_string(o.by_severity[2]) + " errors, " + std::to_string(o.by_severity[1]) +
                " warnings and " + std::to_string(o.by_severity[0]) + " notes were found.");
  doc.heading(3, sub_number(1, lang) + std::string(pick(lang, "主要数据", "Key figures")));
  overview_table(doc, r);

  doc.heading(
      3, sub_number(2, lang) + std::string(pick(lang, "单项否决情况", "Single-veto verdicts")));
  {
    std::vector<std::vector<Cell>> rows;
    for (const SiteReport& s : r.sites) {
      rows.push_back({Cell{s.data.site.name, "", ""},
                      Cell{unit_name(s.data.site.unit, lang), "", ""},
                      Cell{verdict_text(s, lang), "", s.verdict.passed ? "pass" : "fail"}});
    }
    doc.table({std::string(pick(lang, "网站", "site")), std::string(pick(lang, "责任单位", "unit")),
               std::string(pick(lang, "结论", "verdict"))},
              std::move(rows));
  }

  doc.heading(3, sub_number(3, lang) +
                     std::string(pick(lang, "按责任单位排名", "Ranking by responsible unit")));
  doc.paragraph(std::string(pick(lang, "得分为三项指数平均值×100；不合格网站排在合格网站之后。",
                                 "Score: 100 x the mean of the three indices; failing sites "
                                 "rank after passing ones.")));
  for (const UnitRanking& unit : r.ranking) {
    doc.heading(4, unit_name(unit.unit, lang));
    std::vector<std::vector<Cell>> rows;
    int rank = 0;
    for (std::size_t i : unit.sites) {
      const SiteReport& s = r.sites[i];
      rows.push_back({Cell{std::to_string(++rank), "", ""}, Cell{s.data.site.name, "", ""},
                      Cell{s.complete ? fixed(s.score, 1) : not_measurable(lang), "", ""},
                      Cell{s.verdict.passed ? std::string(pick(lang, "合格", "pass"))
                                            : std::string(pick(lang, "不合格", "fail")),
                           "", s.verdict.passed ? "pass" : "fail"},
                      Cell{std::to_string(s.by_severity[3]), "", ""},
                      Cell{std::to_string(s.by_severity[2]), "", ""},
                      Cell{std::to_string(s.by_severity[1] + s.by_severity[0]), "", ""}});
    }
    doc.table(
        {std::string(pick(lang, "名次", "rank")), std::string(pick(lang, "网站", "site")),
         std::string(pick(lang, "得分", "score")), std::string(pick(lang, "结论", "verdict")),
         std::string(pick(lang, "严重", "critical")), std::string(pick(lang, "错误", "errors")),
         std::string(pick(lang, "警告及提示", "warnings and notes"))},
        std::move(rows));
  }

  doc.heading(
      3, sub_number(4, lang) + std::string(pick(lang, "可用率与指数", "Availability and indices")));
  availability_chart(doc, all, lang);
  index_charts(doc, all, lang);
  indices_table(doc, all, lang);
  doc.heading(4, std::string(pick(lang, "逐月趋势", "Month by month")));
  trend_charts(doc, r);
}

std::string due_text(const Report& r) {
  const int n = r.settings.deadline_working_days;
  return r.lang == Lang::zh
             ? date_text(r.deadline, r.lang) + "（" + std::to_string(n) + " 个工作日内）"
             : date_text(r.deadline, r.lang) + " (" + std::to_string(n) +
                   " working days from this notice)";
}

// 二、存在问题: each site's problems, each with its 整改期限.
void problems(Document& doc, const Report& r) {
  const Lang lang = r.lang;
  int total = 0;
  int sites_with = 0;
  for (const SiteReport& s : r.sites) {
    total += static_cast<int>(s.data.current.size());
    sites_with += s.data.current.empty() ? 0 : 1;
  }
  doc.paragraph(lang == Lang::zh
                    ? "本月共发现问题 " + std::to_string(total) + " 个，涉及 " +
                          std::to_string(sites_with) + " 个网站。整改期限为 " + due_text(r) +
                          "，自本通报印发之日起计算，节假日顺延。"
                    : std::to_string(total) + " problems were found on " +
                          std::to_string(sites_with) + " sites this month. They are due by " +
                          due_text(r) + "; weekends and holidays do not count.");
  const std::string due = date_text(r.deadline, lang);
  int n = 0;
  for (const SiteReport& s : r.sites) {
    doc.heading(3, sub_number(++n, lang) + s.data.site.name + " (" + s.data.site.id + ")");
    // The unit is named once when it reads the same as the site's category.
    const std::string category = category_label(s.data.site.category, lang);
    const std::string unit = unit_name(s.data.site.unit, lang);
    doc.paragraph(s.data.site.url + " · " + category + (unit == category ? "" : " · " + unit));
    if (!s.complete) unchecked_paragraph(doc, s, lang);
    maintenance_paragraph(doc, s, lang);
    if (s.data.current.empty()) {
      doc.paragraph(std::string(pick(lang, "本月未发现问题。", "No problems this month.")));
      continue;
    }
    findings_by_code_chart(doc, s, lang);
    std::vector<std::vector<Cell>> codes;
    for (const CodeCount& c : s.by_code) {
      codes.push_back({severity_cell(c.severity, lang), Cell{c.code, "", ""},
                       Cell{code_label(c.code, lang), "", ""},
                       Cell{std::to_string(c.count), "", ""}, Cell{due, "", ""}});
    }
    doc.table({std::string(pick(lang, "级别", "severity")), std::string(pick(lang, "代码", "code")),
               std::string(pick(lang, "问题", "problem")), std::string(pick(lang, "数量", "count")),
               std::string(pick(lang, "整改期限", "due"))},
              std::move(codes));
    auto section = [&](std::string_view zh, std::string_view en,
                       const std::vector<store::FindingRow>& rows, bool with_page) {
      if (rows.empty()) return;
      doc.heading(4, std::string(pick(lang, zh, en)));
      findings_table(doc, rows, lang, with_page, r.zone);
    };
    section("最严重的断链（含所在页面）", "Worst broken links (with the page carrying them)",
            s.worst_links, true);
    section("未经审核的外链（错链）", "Unapproved external links", s.unapproved_links, true);
    section("不更新的首页和栏目", "Stale homepage and columns", s.stale_columns, false);
    section("空白栏目", "Blank columns", s.blank_columns, false);
    section("缺失的栏目", "Missing columns", s.missing_columns, false);
    section("缺失或不可用的互动功能", "Missing or unusable features", s.missing_features, false);
  }
}

// 三、整改要求: what the units must do by when, then the tracking of every open problem.
void requirements(Document& doc, const Report& r) {
  const Lang lang = r.lang;
  const std::string to =
      r.settings.issuer.empty()
          ? std::string(pick(lang, "本通报印发单位", "the issuer of this notice"))
          : r.settings.issuer;
  int overdue = 0;
  for (const SiteReport& s : r.sites) overdue += s.overdue_count;
  if (lang == Lang::zh) {
    doc.paragraph("（一）各有关单位要对照本通报指出的问题逐项整改，于" + due_text(r) +
                  "完成，并将整改情况报送" + to + "。");
    doc.paragraph("（二）逾期未整改的问题（共 " + std::to_string(overdue) +
                  " 个，见下表“逾期未整改”）要说明原因，立即整改到位；下次巡检将逐项复核。");
    doc.paragraph("（三）各单位要落实网站日常巡查和信息发布审核制度，防止同类问题反复出现。");
  } else {
    doc.paragraph("(1) Each unit fixes the problems this notice lists, by " + due_text(r) +
                  ", and reports what it did to " + to + ".");
    doc.paragraph("(2) Problems past their deadline (" + std::to_string(overdue) +
                  ", marked \"overdue\" below) are fixed at once, with the reason for the "
                  "delay; the next patrol re-checks each of them.");
    doc.paragraph(
        "(3) Each unit keeps its daily checks and its review of what it publishes, so that "
        "the same problems do not come back.");
  }
  doc.heading(3, sub_number(4, lang) +
                     std::string(pick(lang, "整改情况跟踪", "Tracking of rectification")));
  doc.paragraph(std::string(
      pick(lang, "整改期限自问题首次发现之日起计算；仍未整改且已过期限的问题标为“逾期未整改”。",
           "A problem's deadline counts from the day it was first seen; one still open past it is "
           "marked \"overdue\".")));
  {
    std::vector<std::vector<Cell>> rows;
    for (const SiteReport& s : r.sites) {
      rows.push_back({Cell{s.data.site.name, "", ""}, Cell{std::to_string(s.new_count), "", ""},
                      Cell{std::to_string(s.open_count), "", s.open_count ? "warn" : ""},
                      Cell{std::to_string(s.overdue_count), "", s.overdue_count ? "overdue" : ""},
                      Cell{std::to_string(s.resolved_count), "", s.resolved_count ? "pass" : ""}});
    }
    doc.table({std::string(pick(lang, "网站", "site")),
               std::string(pick(lang, "本月新发现", "new this month")),
               std::string(pick(lang, "仍未整改", "still open")),
               std::string(pick(lang, "逾期未整改", "overdue")),
               std::string(pick(lang, "本月已整改", "resolved this month"))},
              std::move(rows));
  }
  for (const SiteReport& s : r.sites) {
    if (s.rectification.empty()) continue;
    doc.heading(4, s.data.site.name);
    rectification_table(doc, r, s);
  }
  for (const SiteReport& s : r.sites) {
    if (s.data.reviewed.empty()) continue;
    doc.heading(4, s.data.site.name + std::string(pick(lang, "：人工复核", ": human review")));
    reviewed_table(doc, r, s);
  }
}

// 落款: the issuing office and the date, then when and how the notice was made.
void signature(Document& doc, const Report& r) {
  const Lang lang = r.lang;
  if (!r.settings.issuer.empty()) doc.paragraph(r.settings.issuer, "signature");
  doc.paragraph(date_text(r.date, lang), "signature");
  doc.paragraph(std::string(pick(lang, "（本通报由 sitepatrol 自动巡检生成，生成时间：",
                                 "(Made by sitepatrol's automated patrol, ")) +
                    local_minute_text(r.generated_at, r.zone, lang) +
                    std::string(pick(lang, "。）", ".)")),
                "note");
}

}  // namespace

Document monthly_document(const Report& r) {
  const Lang lang = r.lang;
  Document doc;
  doc.lang = lang == Lang::zh ? "zh-CN" : "en";
  const std::string month = month_text(r.overview.month, lang);
  doc.title = lang == Lang::zh ? "关于" + month + "政府网站检查情况的通报"
                               : "Notice on the inspection of government websites, " + month;
  doc.paragraph(addressee(r), "addressee");
  const Overview& o = r.overview;
  doc.paragraph(
      lang == Lang::zh
          ? "根据政府网站检查工作要求，" + month + "对 " + count_text(o.sites, " 个", "", lang) +
                "政府网站开展自动巡检 " + std::to_string(o.runs) + " 次，共检查页面 " +
                std::to_string(o.pages) + " 个、链接 " + std::to_string(o.links_checked) +
                " 个。现将有关情况通报如下："
          : "As government website inspection requires, " + count_text(o.sites, "", "sites", lang) +
                " were patrolled " + std::to_string(o.runs) + " times in " + month + ", " +
                std::to_string(o.pages) + " pages and " + std::to_string(o.links_checked) +
                " links checked. This notice reports what was found.");
  std::vector<const SiteReport*> all;
  for (const SiteReport& s : r.sites) all.push_back(&s);

  doc.heading(2, std::string(pick(lang, "一、总体情况", "1. Overview")));
  if (r.sites.empty()) {
    doc.paragraph(
        std::string(pick(lang, "本月没有完成的巡检。", "No finished patrol this month.")));
    signature(doc, r);
    return doc;
  }
  overall(doc, r, all);

  doc.page_break();
  doc.heading(2, std::string(pick(lang, "二、存在问题", "2. Problems found")));
  problems(doc, r);

  doc.page_break();
  doc.heading(2, std::string(pick(lang, "三、整改要求", "3. Rectification required")));
  requirements(doc, r);
  signature(doc, r);
  return doc;
}

}  // namespace sitepatrol::reports
