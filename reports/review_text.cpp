#include "reports/review_text.h"

#include "reports/calendar.h"
#include "reports/report_format.h"

namespace sitepatrol::reports {

std::string review_verdict_text(const store::ReviewRecord& review, Lang lang) {
  if (review.verdict == "false_alarm") return std::string(pick(lang, "误报", "false alarm"));
  if (review.verdict != "accepted") return review.verdict;
  if (review.expires.empty()) return std::string(pick(lang, "已接受", "accepted"));
  return lang == Lang::zh ? "已接受（至 " + review.expires + "）"
                          : "accepted (until " + review.expires + ")";
}

void reviewed_table(Document& doc, const Report& report, const SiteReport& site) {
  const Lang lang = report.lang;
  std::vector<std::vector<Cell>> rows;
  for (const store::FindingRow& row : site.data.reviewed) {
    if (!row.review) continue;
    const store::ReviewRecord& r = row.review->record;
    const checks::Finding& f = row.finding;
    rows.push_back({Cell{review_verdict_text(r, lang), "", ""},
                    Cell{f.code + " " + code_label(f.code, lang), "", ""}, subject_cell(f, lang),
                    Cell{r.reason, "", ""}, Cell{r.reviewer, "", ""},
                    Cell{local_date_text(r.reviewed_at, report.zone, lang), "", "date"}});
  }
  if (rows.empty()) return;
  doc.paragraph(std::string(
      pick(lang,
           "以下问题经人工复核认定为误报或暂予接受，不计入单项否决、绩效指数和问题统计；问题内容变"
           "化或接受期满后重新计入。",
           "These findings were reviewed by a person as false alarms or accepted for a time: they "
           "count in no veto, index or total; they count again when they change or the "
           "acceptance ends.")));
  doc.table(
      {std::string(pick(lang, "复核结论", "review")), std::string(pick(lang, "问题", "problem")),
       std::string(pick(lang, "对象", "subject")), std::string(pick(lang, "理由", "reason")),
       std::string(pick(lang, "复核人", "reviewer")),
       std::string(pick(lang, "复核日期", "reviewed"))},
      std::move(rows));
}

}  // namespace sitepatrol::reports
