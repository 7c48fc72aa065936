#include "reports/report_format.h"

#include <cstdio>

#include "reports/detail_text.h"
#include "reports/link_display.h"
#include "reports/svg_charts.h"

namespace sitepatrol::reports {

namespace {

constexpr const char* kSeverityColors[] = {"#7a8ca0", "#e0a020", "#e06020", "#c01010"};

std::string site_label(const SiteReport& s) {
  return s.data.site.name.empty() ? s.data.site.id : s.data.site.name;
}

}  // namespace

std::string fixed(double v, int decimals) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

std::string percent_text(std::optional<double> share) {
  return share ? fixed(*share * 100, 1) + " %" : "—";
}

std::string index_text(std::optional<double> v) { return v ? fixed(*v, 4) : "—"; }

std::string unit_name(const std::string& unit, Lang lang) {
  return unit.empty() ? std::string(pick(lang, "（未填写责任单位）", "(no unit given)")) : unit;
}

std::string state_label(const std::string& state, Lang lang) {
  if (state == "new") return std::string(pick(lang, "本月新发现", "new this month"));
  if (state == "open") return std::string(pick(lang, "仍未整改", "still open"));
  if (state == "resolved") return std::string(pick(lang, "已整改", "resolved"));
  return state;
}

std::string verdict_text(const SiteReport& site, Lang lang) {
  // A site the last run could not check completely says so first: its verdict rests on what
  // was seen, and the rest could not be re-examined.
  std::string out;
  if (!site.complete) {
    out = std::string(pick(lang, "未能完成检查（", "could not be checked (")) +
          coverage_text(site.data.coverage.state, site.data.coverage.reason, lang) +
          std::string(pick(lang, "）；", "); "));
  }
  if (site.verdict.passed) {
    return out + std::string(site.complete
                                 ? pick(lang, "合格", "pass")
                                 : pick(lang, "已查部分未见否决项", "no veto in what was checked"));
  }
  out += pick(lang, "不合格：", "fail: ");
  bool first = true;
  for (const VetoCheck& c : site.verdict.checks) {
    if (!c.vetoed) continue;
    if (!first) out += pick(lang, "；", "; ");
    out += veto_reason(c, lang);
    first = false;
  }
  return out;
}

std::string not_measurable(Lang lang) {
  return std::string(pick(lang, "不可测", "not measurable"));
}

void maintenance_paragraph(Document& doc, const SiteReport& site, Lang lang) {
  const auto& spans = site.data.maintenance;
  if (spans.empty()) return;
  doc.paragraph(std::string(
      pick(lang, "本月维护窗口（期间的可用性探测不计入可用率，告警暂缓，巡检记为维护中）：",
           "Maintenance windows this month (probes in them do not count "
           "toward availability, alerts are held, patrols record the site "
           "as in maintenance):")));
  std::vector<std::string> items;
  for (const auto& span : spans) {
    items.push_back(config::local_minute(span.from) + " – " + config::local_minute(span.to) +
                    std::string(pick(lang, "（", " (")) + span.text +
                    std::string(pick(lang, "）", ")")));
  }
  doc.list(std::move(items));
}

void unchecked_paragraph(Document& doc, const SiteReport& site, Lang lang) {
  std::string text = std::string(pick(lang, "未能完成检查：", "Could not be checked: ")) +
                     coverage_text(site.data.coverage.state, site.data.coverage.reason, lang) +
                     std::string(pick(lang, "。未能检查的项目：", ". Points not checked: "));
  bool first = true;
  for (const InspectionPoint& p : inspection_points(site, lang)) {
    if (p.checked) continue;
    text += (first ? "" : std::string(pick(lang, "、", "; "))) + p.title;
    first = false;
  }
  text += pick(lang, "。指数不可测。", ". Indices not measurable.");
  if (site.unverified > 0) {
    text += std::to_string(site.unverified) +
            std::string(pick(lang, " 个此前发现的问题本次未能复查，仍按未整改计。",
                             " problems found earlier could not be re-checked and stay open."));
  }
  doc.paragraph(text);
}

std::string index_label(const std::string& name, Lang lang) {
  if (name == "disclosure") return std::string(pick(lang, "信息公开指数", "disclosure index"));
  if (name == "service") return std::string(pick(lang, "在线服务指数", "online service index"));
  return std::string(pick(lang, "公众互动指数", "interaction index"));
}

Cell url_cell(const std::string& text) {
  Cell c{text, "", ""};
  if (text.starts_with("http://") || text.starts_with("https://")) c.href = text;
  return c;
}

Cell subject_cell(const checks::Finding& f, Lang lang) {
  Cell c = url_cell(f.subject);
  c.text = subject_text(f, lang);
  return c;
}

// A link finding reads as the reader met it: the link's text, then its URL decoded for
// reading (reports/link_display.h); the cell still links to the real URL.
Cell link_subject_cell(const store::FindingRow& row, Lang lang) {
  Cell c = subject_cell(row.finding, lang);
  c.text = quoted_link_text(row, lang) + c.text;
  return c;
}

// Where a link finding was seen: how many pages carry the link and the first three of them
// (the CSV and JSON list them all), linking to the first; else the finding's page.
Cell carriers_cell(const store::FindingRow& row, Lang lang) {
  if (row.carriers.empty()) return url_cell(row.finding.page);
  Cell c = url_cell(row.carriers.front().page);
  c.text = carriers_summary(row, lang);
  return c;
}

Cell severity_cell(checks::Severity s, Lang lang) {
  return Cell{severity_label(s, lang), "", std::string(checks::to_string(s)) + " sev"};
}

void indices_table(Document& doc, const std::vector<const SiteReport*>& sites, Lang lang) {
  std::vector<std::vector<Cell>> rows;
  for (const SiteReport* s : sites) {
    for (const IndexResult* i :
         {&s->indices.disclosure, &s->indices.service, &s->indices.interaction}) {
      std::string meets = "—";
      std::string style;
      if (i->meets) {
        meets = *i->meets ? pick(lang, "达标", "met") : pick(lang, "未达标", "not met");
        style = *i->meets ? "pass" : "fail";
      }
      std::string baseline = index_text(i->baseline);
      if (i->baseline) {
        baseline += i->baseline_source == "config"
                        ? pick(lang, "（配置）", " (configured)")
                        : pick(lang, "（上年同月）", " (a year earlier)");
      }
      rows.push_back({Cell{site_label(*s), "", ""}, Cell{index_label(i->name, lang), "", ""},
                      Cell{i->measurable ? fixed(i->value, 4) : not_measurable(lang), "", ""},
                      Cell{index_text(i->average_2011), "", ""},
                      Cell{"+" + fixed(i->growth * 100, 0) + " %", "", ""}, Cell{baseline, "", ""},
                      Cell{index_text(i->target), "", ""}, Cell{meets, "", style}});
    }
  }
  doc.table(
      {std::string(pick(lang, "网站", "site")), std::string(pick(lang, "指数", "index")),
       std::string(pick(lang, "本月值", "value")),
       std::string(pick(lang, "2011年同类平均", "2011 category average")),
       std::string(pick(lang, "增长要求", "growth")), std::string(pick(lang, "基数", "baseline")),
       std::string(pick(lang, "今年目标", "target")),
       std::string(pick(lang, "是否达标", "meets target"))},
      std::move(rows));
}

void rectification_table(Document& doc, const Report& report, const SiteReport& site) {
  const Lang lang = report.lang;
  std::vector<std::vector<Cell>> rows;
  for (const RectificationItem& item : site.rectification) {
    const auto& f = item.row.finding;
    // A finding carried over unverified is still open; the label says it was not re-checked.
    std::string state = state_label(item.state, lang);
    std::string due = "—";
    if (item.due) {
      due = date_text(*item.due, lang);
      if (item.overdue) {
        const int late = working_days_between(*item.due, report.date, report.calendar);
        state = lang == Lang::zh ? "逾期未整改（超期 " + std::to_string(late) + " 个工作日）"
                                 : "overdue (" + std::to_string(late) + " working days)";
      }
    }
    if (!item.row.verified) state += pick(lang, "（本次未能复查）", " (not re-checked)");
    // Dates do not wrap ("2026年11月 / 5日" reads badly); the state may.
    rows.push_back(
        {Cell{state, "",
              item.overdue               ? "overdue"
              : item.state == "resolved" ? "pass"
                                         : ""},
         Cell{f.code + " " + code_label(f.code, lang), "", ""}, subject_cell(f, lang),
         Cell{local_date_text(item.row.first_seen, report.zone, lang), "", "date"},
         Cell{due, "", item.overdue ? "overdue date" : "date"},
         Cell{item.resolved_at.empty() ? std::string()
                                       : local_date_text(item.resolved_at, report.zone, lang),
              "", "date"},
         Cell{std::to_string(item.days_open), "", ""}});
  }
  if (rows.empty()) {
    doc.paragraph(std::string(pick(lang, "无整改事项。", "Nothing to track.")));
    return;
  }
  doc.table(
      {std::string(pick(lang, "状态", "state")), std::string(pick(lang, "问题", "problem")),
       std::string(pick(lang, "对象", "subject")),
       std::string(pick(lang, "首次发现", "first seen")),
       std::string(pick(lang, "整改期限", "due")), std::string(pick(lang, "整改完成", "resolved")),
       std::string(pick(lang, "持续天数", "days open"))},
      std::move(rows));
}

void findings_table(Document& doc, const std::vector<store::FindingRow>& rows, Lang lang,
                    bool with_page, const config::TimeZone& zone) {
  std::vector<std::vector<Cell>> cells;
  for (const auto& row : rows) {
    const auto& f = row.finding;
    std::vector<Cell> line = {severity_cell(f.severity, lang),
                              Cell{f.code + " " + code_label(f.code, lang), "", ""},
                              link_subject_cell(row, lang)};
    if (with_page) line.push_back(carriers_cell(row, lang));
    std::string detail = detail_text(f, lang);
    if (!row.verified) {  // carried over from the last check that could see it
      detail += std::string(pick(lang, "（本次未能复查，最后确认于 ",
                                 " (not re-checked; last confirmed ")) +
                local_date_text(row.last_seen, zone, lang) + std::string(pick(lang, "）", ")"));
    }
    line.push_back(Cell{detail, "", ""});
    cells.push_back(std::move(line));
  }
  std::vector<std::string> headers = {std::string(pick(lang, "级别", "severity")),
                                      std::string(pick(lang, "问题", "problem")),
                                      std::string(pick(lang, "对象", "subject"))};
  if (with_page) headers.emplace_back(pick(lang, "所在页面", "found on"));
  headers.emplace_back(pick(lang, "说明", "detail"));
  doc.table(std::move(headers), std::move(cells));
}

void veto_table(Document& doc, const SiteReport& site, Lang lang) {
  std::vector<std::vector<Cell>> rows;
  for (const VetoCheck& c : site.verdict.checks) {
    const bool share = c.item == "unreachable";
    const std::string value = share ? (c.basis.empty() ? "—" : percent_text(c.value))
                                    : std::to_string(static_cast<int>(c.value));
    const std::string threshold = share ? "≥ " + percent_text(c.threshold)
                                        : "≥ " + std::to_string(static_cast<int>(c.threshold));
    std::string result = c.vetoed    ? std::string(pick(lang, "否决", "veto"))
                         : c.warning ? std::string(pick(lang, "预警", "early warning"))
                                     : std::string(pick(lang, "通过", "pass"));
    rows.push_back({Cell{veto_label(c.item, lang), "", ""}, Cell{value, "", ""},
                    Cell{threshold, "", ""},
                    Cell{result, "",
                         c.vetoed    ? "fail"
                         : c.warning ? "warn"
                                     : "pass"}});
  }
  doc.table(
      {std::string(pick(lang, "单项否决指标", "single-veto item")),
       std::string(pick(lang, "本月情况", "measured")),
       std::string(pick(lang, "否决线", "veto level")), std::string(pick(lang, "结论", "result"))},
      std::move(rows));
}

void findings_by_code_chart(Document& doc, const SiteReport& site, Lang lang) {
  if (site.by_code.empty()) return;
  BarChart chart;
  chart.id = "findings-by-code-" + site.data.site.id;
  chart.title =
      site_label(site) + std::string(pick(lang, "：按问题类型统计", ": findings by code"));
  // One bar per code in its severity's colour; the legend lists the severities present.
  ChartSeries counts{std::string(pick(lang, "数量", "count")), "", {}, {}};
  std::array<bool, 4> present{};
  for (const CodeCount& c : site.by_code) {
    // zh: the code's Chinese name (a reader of the 自查报告 need not know the codes).
    chart.categories.push_back(lang == Lang::zh ? code_label(c.code, lang) : c.code);
    counts.values.push_back(c.count);
    counts.colors.push_back(kSeverityColors[static_cast<int>(c.severity)]);
    present[static_cast<int>(c.severity)] = true;
  }
  for (int s = 3; s >= 0; --s) {
    if (present[s]) {
      chart.legend.push_back(ChartSeries{
          severity_label(static_cast<checks::Severity>(s), lang), kSeverityColors[s], {}, {}});
    }
  }
  chart.series.push_back(std::move(counts));
  doc.chart(bar_chart_svg(chart));
}

void availability_chart(Document& doc, const std::vector<const SiteReport*>& sites, Lang lang) {
  BarChart chart;
  chart.id = "availability";
  chart.title = std::string(pick(lang, "各网站首页可用率", "Homepage availability per site"));
  chart.percent = true;
  chart.max = 1.0;
  ChartSeries series{std::string(pick(lang, "可用率", "availability")), "#2a7ab8", {}, {}};
  chart.marker_label = std::string(pick(lang, "一票否决线（不可用率5%）", "veto line (5 % unavailable)"));
  for (const SiteReport* s : sites) {
    chart.categories.push_back(site_label(*s));
    series.values.push_back(s->availability.value_or(0));
    chart.markers.push_back(1.0 - kUnreachableVeto);
  }
  chart.series.push_back(std::move(series));
  doc.chart(bar_chart_svg(chart));
}

void index_charts(Document& doc, const std::vector<const SiteReport*>& sites, Lang lang) {
  const char* colors[] = {"#2a7ab8", "#3a9a5a", "#9a5ab8"};
  int n = 0;
  for (const char* name : {"disclosure", "service", "interaction"}) {
    BarChart chart;
    chart.id = std::string("index-") + name;
    chart.title = index_label(name, lang) +
                  std::string(pick(lang, "（虚线为今年目标）", " (dashed: this year's target)"));
    chart.max = 1.0;
    chart.decimals = 2;
    ChartSeries series{index_label(name, lang), colors[n++], {}, {}};
    chart.marker_label = std::string(pick(lang, "今年目标", "this year's target"));
    for (const SiteReport* s : sites) {
      const IndexResult& i = std::string(name) == "disclosure" ? s->indices.disclosure
                             : std::string(name) == "service"  ? s->indices.service
                                                               : s->indices.interaction;
      chart.categories.push_back(site_label(*s) +
                                 (i.measurable ? "" : " (" + not_measurable(lang) + ")"));
      series.values.push_back(i.measurable ? round4(i.value) : 0.0);
      chart.markers.push_back(i.target);
    }
    chart.series.push_back(std::move(series));
    doc.chart(bar_chart_svg(chart));
  }
}

void trend_charts(Document& doc, const Report& report) {
  const Lang lang = report.lang;
  if (report.trends.size() < 2) {
    doc.paragraph(std::string(pick(lang, "数据库中尚无往月巡检记录，暂无趋势。",
                                   "No earlier month in the database yet: no trends.")));
    return;
  }
  LineChart indices;
  indices.id = "trend-indices";
  indices.title = std::string(pick(lang, "逐月趋势：三项指数与可用率（平均值）",
                                   "Month by month: indices and availability (means)"));
  indices.max = 1.0;
  LineChart findings;
  findings.id = "trend-findings";
  findings.title =
      std::string(pick(lang, "逐月趋势：未整改问题数", "Month by month: open findings"));
  ChartSeries d{index_label("disclosure", lang), "#2a7ab8", {}, {}};
  ChartSeries s{index_label("service", lang), "#3a9a5a", {}, {}};
  ChartSeries i{index_label("interaction", lang), "#9a5ab8", {}, {}};
  ChartSeries a{std::string(pick(lang, "可用率", "availability")), "#e0a020", {}, {}};
  ChartSeries f{std::string(pick(lang, "问题数", "findings")), "#c01010", {}, {}};
  for (const TrendPoint& t : report.trends) {
    indices.points.push_back(t.month);
    findings.points.push_back(t.month);
    d.values.push_back(t.disclosure);
    s.values.push_back(t.service);
    i.values.push_back(t.interaction);
    a.values.push_back(t.availability);
    f.values.push_back(t.findings);
  }
  std::vector<std::vector<Cell>> rows;
  for (const TrendPoint& t : report.trends) {
    rows.push_back({Cell{t.month, "", ""}, Cell{std::to_string(t.findings), "", ""},
                    Cell{percent_text(t.availability), "", ""},
                    Cell{fixed(t.disclosure, 4), "", ""}, Cell{fixed(t.service, 4), "", ""},
                    Cell{fixed(t.interaction, 4), "", ""}});
  }
  doc.table(
      {std::string(pick(lang, "月份", "month")),
       std::string(pick(lang, "未整改问题", "open findings")),
       std::string(pick(lang, "平均可用率", "mean availability")), index_label("disclosure", lang),
       index_label("service", lang), index_label("interaction", lang)},
      std::move(rows));
  indices.series = {d, s, i, a};
  findings.series = {f};
  doc.chart(line_chart_svg(indices));
  doc.chart(line_chart_svg(findings));
}

}  // namespace sitepatrol::reports
