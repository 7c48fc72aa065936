#include "reports/monthly_report.h"

#include "reports/report_format.h"

namespace sitepatrol::reports {

namespace {

std::string delta(int now, std::optional<int> before) {
  if (!before) return "—";
  const int d = now - *before;
  return (d > 0 ? "+" : "") + std::to_string(d);
}

void overview(Document& doc, const Report& r) {
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

}  // namespace

Document monthly_document(const Report& r) {
  const Lang lang = r.lang;
  Document doc;
  doc.lang = lang == Lang::zh ? "zh-CN" : "en";
  doc.title = r.overview.month + std::string(pick(lang, " 政府网站巡检情况通报",
                                                  " government website inspection notice"));
  doc.subtitle = std::string(pick(lang, "生成时间：", "Generated ")) + r.generated_at +
                 std::string(pick(lang, "（sitepatrol 自动巡检）", " by sitepatrol"));
  std::vector<const SiteReport*> all;
  for (const SiteReport& s : r.sites) all.push_back(&s);

  doc.heading(2, std::string(pick(lang, "一、总体情况", "1. Overview")));
  if (r.sites.empty()) {
    doc.paragraph(
        std::string(pick(lang, "本月没有完成的巡检。", "No finished patrol this month.")));
    return doc;
  }
  overview(doc, r);

  doc.heading(2, std::string(pick(lang, "二、单项否决情况", "2. Single-veto verdicts")));
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

  doc.heading(2, std::string(pick(lang, "三、按责任单位排名", "3. Ranking by responsible unit")));
  doc.paragraph(std::string(pick(lang, "得分为三项指数平均值×100；不合格网站排在合格网站之后。",
                                 "Score: 100 x the mean of the three indices; failing sites "
                                 "rank after passing ones.")));
  for (const UnitRanking& unit : r.ranking) {
    doc.heading(3, unit_name(unit.unit, lang));
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

  doc.heading(2, std::string(pick(lang, "四、可用率与指数", "4. Availability and indices")));
  availability_chart(doc, all, lang);
  index_charts(doc, all, lang);
  indices_table(doc, all, lang);
  doc.heading(3, std::string(pick(lang, "逐月趋势", "Month by month")));
  trend_charts(doc, r);

  doc.page_break();
  doc.heading(2, std::string(pick(lang, "五、各网站问题情况", "5. Problems per site")));
  for (const SiteReport& s : r.sites) {
    doc.heading(3, s.data.site.name + " (" + s.data.site.id + ")");
    doc.paragraph(s.data.site.url + " · " + category_label(s.data.site.category, lang) + " · " +
                  unit_name(s.data.site.unit, lang));
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
                       Cell{std::to_string(c.count), "", ""}});
    }
    doc.table(
        {std::string(pick(lang, "级别", "severity")), std::string(pick(lang, "代码", "code")),
         std::string(pick(lang, "问题", "problem")), std::string(pick(lang, "数量", "count"))},
        std::move(codes));
    auto section = [&](std::string_view zh, std::string_view en,
                       const std::vector<store::FindingRow>& rows, bool with_page) {
      if (rows.empty()) return;
      doc.heading(4, std::string(pick(lang, zh, en)));
      findings_table(doc, rows, lang, with_page);
    };
    section("最严重的断链（含所在页面）", "Worst broken links (with the page carrying them)",
            s.worst_links, true);
    section("未经审核的外链（错链）", "Unapproved external links", s.unapproved_links, true);
    section("不更新的首页和栏目", "Stale homepage and columns", s.stale_columns, false);
    section("空白栏目", "Blank columns", s.blank_columns, false);
    section("缺失的栏目", "Missing columns", s.missing_columns, false);
    section("缺失或不可用的互动功能", "Missing or unusable features", s.missing_features, false);
  }

  doc.page_break();
  doc.heading(2, std::string(pick(lang, "六、整改情况", "6. Rectification")));
  {
    std::vector<std::vector<Cell>> rows;
    for (const SiteReport& s : r.sites) {
      rows.push_back({Cell{s.data.site.name, "", ""}, Cell{std::to_string(s.new_count), "", ""},
                      Cell{std::to_string(s.open_count), "", s.open_count ? "warn" : ""},
                      Cell{std::to_string(s.resolved_count), "", s.resolved_count ? "pass" : ""}});
    }
    doc.table({std::string(pick(lang, "网站", "site")),
               std::string(pick(lang, "本月新发现", "new this month")),
               std::string(pick(lang, "仍未整改", "still open")),
               std::string(pick(lang, "本月已整改", "resolved this month"))},
              std::move(rows));
  }
  for (const SiteReport& s : r.sites) {
    if (s.rectification.empty()) continue;
    doc.heading(3, s.data.site.name);
    rectification_table(doc, s, lang);
  }
  return doc;
}

}  // namespace sitepatrol::reports
