#include "reports/report_terms.h"

#include <algorithm>
#include <map>
#include <utility>

namespace sitepatrol::reports {

namespace {

using Labels = std::map<std::string_view, std::pair<std::string_view, std::string_view>>;

std::string label(const Labels& labels, std::string_view key, Lang lang) {
  auto it = labels.find(key);
  if (it == labels.end()) return std::string(key);
  return std::string(pick(lang, it->second.first, it->second.second));
}

const Labels& code_labels() {
  static const Labels labels = {
      {"AVAIL-DOWN", {"首页无法访问", "homepage unreachable"}},
      {"AVAIL-SLOW", {"首页响应缓慢", "homepage slow"}},
      {"AVAIL-RATIO", {"首页可用率不达标", "homepage availability below 95 %"}},
      {"TLS-CERT", {"证书问题", "certificate problem"}},
      {"FRESH-HOME", {"首页长期未更新", "homepage not updated"}},
      {"FRESH-COLUMN", {"栏目不更新", "column not updated"}},
      {"COLUMN-EMPTY", {"空白栏目", "blank column"}},
      {"COLUMN-MISSING", {"栏目缺失", "column missing"}},
      {"LINK-BROKEN", {"断链", "broken link"}},
      {"LINK-TIMEOUT", {"链接超时", "link timed out"}},
      {"LINK-REDIRECT-LOOP", {"重定向循环", "redirect loop"}},
      {"LINK-SOFT404", {"软404页面", "soft 404"}},
      {"LINK-UNAPPROVED", {"未经审核的外链（错链）", "unapproved external link"}},
      {"INTERACT-MISSING", {"互动功能缺失", "interactive feature missing"}},
      {"INTERACT-BROKEN", {"互动功能不可用", "interactive feature unusable"}},
      {"INTERACT-UNANSWERED", {"留言超过3个月未答复", "message unanswered over 3 months"}},
      {"INTERACT-TOO-FEW", {"在线访谈次数不足", "too few online interviews"}},
      {"SEC-DARKLINK", {"暗链", "dark link"}},
      {"SEC-SPAM", {"违规内容（博彩、色情等）", "spam content"}},
      {"SEC-FOREIGN-SCRIPT", {"外部脚本", "foreign script"}},
      {"SEC-TAMPER", {"页面被篡改", "page tampered"}},
      {"SEC-NO-HTTPS", {"未启用HTTPS", "no HTTPS"}},
      {"SEC-HEADERS", {"缺少安全响应头", "security headers missing"}},
      {"ID-MISSING", {"网站标识缺失", "site identifier missing"}},
      {"META-MISSING", {"元数据缺失", "meta tags missing"}},
      {"CONTENT-PRIVACY", {"隐私泄露", "personal data leaked"}},
      {"CONTENT-MISSTATEMENT", {"严重表述错误", "serious misstatement"}},
      {"CONTENT-TYPO", {"错别字", "typo"}},
      {"CONTENT-OUTDATED", {"内容过时（已撤销机构、已离任领导）", "outdated names"}},
  };
  return labels;
}

const Labels& feature_labels() {
  static const Labels labels = {
      {"message_board", {"留言咨询投诉", "message board"}},
      {"interview", {"在线访谈", "online interviews"}},
      {"solicitation", {"意见征集", "opinion solicitation"}},
      {"mailbox", {"领导信箱", "mailbox"}},
      {"search", {"站内搜索", "site search"}},
      {"disclosure_request", {"依申请公开", "disclosure on request"}},
      {"site_code", {"网站标识码", "site code"}},
      {"icp", {"ICP备案号", "ICP number"}},
      {"police_record", {"公安机关备案号", "police record number"}},
      {"party_gov_mark", {"党政机关网站标识", "party and government site mark"}},
  };
  return labels;
}

}  // namespace

const std::vector<ColumnKey>& column_keys() {
  using G = ColumnGroup;
  static const std::vector<ColumnKey> keys = {
      {"organization",
       "组织机构",
       "organization",
       "static",
       G::disclosure,
       {"local", "ministry_unit", "maritime"}},
      {"disclosure_guide",
       "政府信息公开指南",
       "disclosure guide",
       "disclosure",
       G::disclosure,
       {"local", "maritime", "ministry"}},
      {"disclosure_catalog",
       "政府信息公开目录",
       "disclosure catalogue",
       "disclosure",
       G::disclosure,
       {"local", "maritime", "ministry"}},
      {"disclosure_annual_report",
       "政府信息公开年报",
       "disclosure annual report",
       "disclosure",
       G::disclosure,
       {"local", "maritime", "ministry"}},
      {"planning", "规划计划", "planning", "planning", G::disclosure, {"local", "maritime"}},
      {"budget", "财政预决算", "budget", "finance", G::disclosure, {"local", "maritime"}},
      {"statistics",
       "统计数据",
       "statistics",
       "statistics",
       G::disclosure,
       {"local", "ministry_unit"}},
      {"personnel",
       "人事信息",
       "personnel",
       "personnel",
       G::disclosure,
       {"local", "maritime", "ministry"}},
      {"emergency",
       "应急管理",
       "emergency management",
       "news",
       G::disclosure,
       {"local", "maritime"}},
      {"policy",
       "政策法规",
       "policy",
       "policy",
       G::disclosure,
       {"ministry_unit", "maritime", "ministry"}},
      {"news", "工作动态", "news", "news", G::disclosure, {"ministry_unit", "ministry"}},
      {"service_guide",
       "办事指南",
       "service guides",
       "static",
       G::service,
       {"local", "ministry_unit", "maritime"}},
      {"online_application",
       "在线申报",
       "online application",
       "static",
       G::service,
       {"local", "ministry_unit", "maritime"}},
      {"status_query",
       "办理状态查询",
       "status query",
       "static",
       G::service,
       {"local", "ministry_unit", "maritime"}},
      {"result_publicity",
       "结果公示",
       "results",
       "notice",
       G::service,
       {"local", "ministry_unit", "maritime"}},
      {"travel_info", "出行信息", "travel information", "news", G::service, {"local", "ministry"}},
      {"maritime_projects", "海事项目", "maritime projects", "notice", G::disclosure, {"maritime"}},
      {"penalties_fees",
       "行政处罚与规费",
       "penalties and fees",
       "notice",
       G::disclosure,
       {"maritime"}},
      {"maritime_special",
       "海事特色专题",
       "maritime special topics",
       "static",
       G::service,
       {"maritime"}},
  };
  return keys;
}

std::vector<std::string_view> required_columns(std::string_view category, ColumnGroup group) {
  std::vector<std::string_view> out;
  for (const ColumnKey& k : column_keys()) {
    if (k.group != group) continue;
    if (std::find(k.required_for.begin(), k.required_for.end(), category) != k.required_for.end())
      out.push_back(k.key);
  }
  return out;
}

const std::vector<std::string_view>& interaction_channels() {
  static const std::vector<std::string_view> kinds = {"message_board", "interview", "solicitation",
                                                      "mailbox"};
  return kinds;
}

int required_interviews(std::string_view category) { return category == "ministry_unit" ? 1 : 2; }

std::string code_label(std::string_view code, Lang lang) {
  return label(code_labels(), code, lang);
}

std::string column_label(std::string_view key, Lang lang) {
  for (const ColumnKey& k : column_keys()) {
    if (k.key == key) return std::string(pick(lang, k.zh, k.en));
  }
  return std::string(key);
}

std::string feature_label(std::string_view kind, Lang lang) {
  return label(feature_labels(), kind, lang);
}

std::string severity_label(checks::Severity severity, Lang lang) {
  switch (severity) {
    case checks::Severity::critical:
      return std::string(pick(lang, "严重（单项否决）", "critical"));
    case checks::Severity::error:
      return std::string(pick(lang, "错误", "error"));
    case checks::Severity::warning:
      return std::string(pick(lang, "警告", "warning"));
    case checks::Severity::info:
      return std::string(pick(lang, "提示", "info"));
  }
  return {};
}

std::string category_label(std::string_view category, Lang lang) {
  static const Labels labels = {
      {"local", {"地方交通运输主管部门", "local transport department"}},
      {"ministry", {"部网站", "ministry portal"}},
      {"ministry_unit", {"部属有关单位", "ministry unit"}},
      {"maritime", {"直属海事机构", "maritime bureau"}},
  };
  return label(labels, category, lang);
}

std::string coverage_text(std::string_view state, std::string_view reason, Lang lang) {
  if (state == "maintenance") {  // down in a maintenance window: "WINDOW; ERROR"
    return std::string(pick(lang, "维护窗口内首页无法访问（",
                            "in a maintenance window, homepage unreachable (")) +
           std::string(reason) +
           std::string(pick(lang, "），其余页面均未能检查", "); nothing else could be checked"));
  }
  if (state == "down") {
    return std::string(pick(lang, "首页无法访问（", "homepage unreachable (")) +
           std::string(reason) +
           std::string(pick(lang, "），其余页面均未能检查", "); nothing else could be checked"));
  }
  if (reason == "page_limit") {
    return std::string(pick(lang, "页面数达到上限（max_pages_per_site），部分页面未能检查",
                            "page limit reached (max_pages_per_site); some pages were not read"));
  }
  if (reason.starts_with("robots_unreachable")) {
    return std::string(pick(lang, "robots.txt 无法读取（", "robots.txt unavailable (")) +
           std::string(reason.substr(std::min(reason.size(), reason.find(':') + 2))) +
           std::string(pick(lang, "），按 RFC 9309 仅检查首页",
                            "); per RFC 9309 only the homepage was read"));
  }
  if (reason == "request_limit") {
    return std::string(pick(lang, "请求数达到上限（max_requests_per_site），部分页面和链接未能检查",
                            "request limit reached (max_requests_per_site); some pages and "
                            "links were not checked"));
  }
  if (reason == "link_limit") {
    return std::string(pick(lang, "单页链接数超过上限（max_links_per_page），部分链接未能检查",
                            "a page had more references than max_links_per_page; the rest were "
                            "not checked"));
  }
  if (reason == "time_limit") {
    return std::string(pick(lang, "巡检时间达到上限（max_run_time），部分页面未能检查",
                            "time limit reached (max_run_time); some pages were not read"));
  }
  return std::string(pick(lang, "检查未完成", "check incomplete"));
}

}  // namespace sitepatrol::reports
