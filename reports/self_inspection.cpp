#include "reports/self_inspection.h"

#include "reports/report_format.h"
#include "reports/review_text.h"

namespace sitepatrol::reports {

Document self_inspection_document(const Report& r) {
  const Lang lang = r.lang;
  Document doc;
  doc.lang = lang == Lang::zh ? "zh-CN" : "en";
  if (r.sites.empty()) {
    doc.title = std::string(pick(lang, "网站自查报告", "Website self-inspection report"));
    doc.subtitle = r.overview.month;
    doc.paragraph(std::string(pick(lang, "本月没有覆盖该网站的已完成巡检。",
                                   "No finished patrol covered this site this month.")));
    return doc;
  }
  const SiteReport& s = r.sites[0];
  const SiteInfo& site = s.data.site;
  doc.title = site.name + std::string(pick(lang, "网站自查报告", " self-inspection report"));
  doc.subtitle = r.overview.month + std::string(pick(lang, " · 生成时间：", " · generated ")) +
                 local_minute_text(r.generated_at, r.zone, lang);

  doc.heading(2, std::string(pick(lang, "基本情况", "The site")));
  doc.table({std::string(pick(lang, "项目", "item")), std::string(pick(lang, "内容", "value"))},
            {{Cell{std::string(pick(lang, "网站名称", "name")), "", ""}, Cell{site.name, "", ""}},
             {Cell{std::string(pick(lang, "网址", "address")), "", ""}, url_cell(site.url)},
             {Cell{std::string(pick(lang, "类别", "category")), "", ""},
              Cell{category_label(site.category, lang), "", ""}},
             {Cell{std::string(pick(lang, "责任单位", "responsible unit")), "", ""},
              Cell{unit_name(site.unit, lang), "", ""}},
             {Cell{std::string(pick(lang, "自查期间", "period")), "", ""},
              Cell{r.overview.month, "", ""}},
             {Cell{std::string(pick(lang, "巡检次数", "patrols")), "", ""},
              Cell{std::to_string(s.data.runs), "", ""}},
             {Cell{std::string(pick(lang, "总体结论", "verdict")), "", ""},
              Cell{verdict_text(s, lang), "", s.verdict.passed ? "pass" : "fail"}}});
  if (!s.complete) unchecked_paragraph(doc, s, lang);
  maintenance_paragraph(doc, s, lang);
  findings_by_code_chart(doc, s, lang);

  static constexpr std::string_view kNumbers[] = {"一", "二", "三", "四"};
  for (const InspectionPoint& p : r.points) {
    const std::string number = lang == Lang::zh ? std::string(kNumbers[p.number - 1]) + "、"
                                                : std::to_string(p.number) + ". ";
    doc.heading(2, number + p.title);
    doc.paragraph(std::string(pick(lang, "结论：", "Conclusion: ")) + p.conclusion);
    doc.list(p.evidence);
    if (!p.to_fix.empty()) {
      doc.heading(4, std::string(pick(lang, "需整改事项", "To fix")));
      doc.paragraph(std::string(pick(lang, "整改期限：", "Due: ")) + date_text(r.deadline, lang) +
                    (lang == Lang::zh
                         ? "（" + std::to_string(r.settings.deadline_working_days) + " 个工作日内）"
                         : " (within " + std::to_string(r.settings.deadline_working_days) +
                               " working days)"));
      findings_table(doc, p.to_fix, lang, true, r.zone);
    }
    if (p.number == 1) availability_chart(doc, {&s}, lang);
  }

  doc.heading(2, std::string(pick(lang, "单项否决指标", "Single-veto items")));
  veto_table(doc, s, lang);
  doc.heading(2, std::string(pick(lang, "绩效指数", "Performance indices")));
  index_charts(doc, {&s}, lang);
  indices_table(doc, {&s}, lang);
  doc.heading(3, std::string(pick(lang, "逐月趋势", "Month by month")));
  trend_charts(doc, r);
  doc.heading(2, std::string(pick(lang, "整改情况", "Rectification")));
  rectification_table(doc, r, s);
  if (!s.data.reviewed.empty()) {
    doc.heading(2, std::string(pick(lang, "人工复核", "Human review")));
    reviewed_table(doc, r, s);
  }
  return doc;
}

}  // namespace sitepatrol::reports
