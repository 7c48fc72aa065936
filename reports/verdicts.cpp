#include "reports/verdicts.h"

#include <cstdio>
#include <map>

namespace sitepatrol::reports {

namespace {

std::vector<std::string> subjects(const SiteMonth& site, std::string_view code,
                                  checks::Severity at_least = checks::Severity::info) {
  std::vector<std::string> out;
  for (const store::FindingRow& row : site.current) {
    if (row.finding.code == code && row.finding.severity >= at_least) {
      out.push_back(row.finding.subject);
    }
  }
  return out;
}

bool is_key_class(std::string_view column_class) {
  return column_class == "news" || column_class == "notice" || column_class == "policy";
}

// A stale column's class: the column statistics', else the configured column's, else "".
std::string class_of(const SiteMonth& site, const std::string& url) {
  if (site.columns) {
    for (const ColumnStat& c : *site.columns) {
      if (c.url == url) return c.column_class;
    }
  }
  auto it = site.site.column_classes.find(url);
  return it == site.site.column_classes.end() ? std::string() : it->second;
}

VetoCheck count_check(std::string item, std::vector<std::string> evidence, int veto, int warn,
                      std::string basis) {
  VetoCheck c;
  c.item = std::move(item);
  c.value = static_cast<double>(evidence.size());
  c.threshold = veto;
  c.vetoed = c.value >= veto;
  c.warning = warn > 0 && c.value >= warn;
  c.basis = std::move(basis);
  c.evidence = std::move(evidence);
  return c;
}

std::string percent(double share) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f %%", share * 100);
  return buf;
}

}  // namespace

std::optional<Unavailability> unavailability(const SiteMonth& site) {
  if (site.probes && site.probes->probes > 0) {
    return Unavailability{static_cast<double>(site.probes->failed) / site.probes->probes, "probes"};
  }
  if (site.runs > 0) {
    return Unavailability{static_cast<double>(site.runs_down) / site.runs, "runs"};
  }
  return std::nullopt;
}

SiteVerdict judge_site(const SiteMonth& site) {
  SiteVerdict v;
  {
    VetoCheck c;
    c.item = "unreachable";
    c.threshold = kUnreachableVeto;
    if (auto u = unavailability(site)) {
      c.basis = u->basis;
      c.value = u->share;
      c.vetoed = u->share >= kUnreachableVeto;
      c.warning = c.vetoed || u->share >= kUnreachableWarn;
    }
    // AVAIL-RATIO is the daemon's own veto-level verdict over a week of probes; without the
    // probes themselves it decides the item.
    if (c.basis != "probes" && !subjects(site, "AVAIL-RATIO").empty()) {
      c.basis = "AVAIL-RATIO";
      c.vetoed = c.warning = true;
    }
    c.evidence = subjects(site, "AVAIL-RATIO");
    for (std::string& s : subjects(site, "AVAIL-DOWN")) c.evidence.push_back(std::move(s));
    v.checks.push_back(std::move(c));
  }
  v.checks.push_back(count_check("homepage_stale", subjects(site, "FRESH-HOME"), 1, 0, "findings"));

  std::vector<std::string> stale;
  std::vector<std::string> key_stale;
  std::vector<std::string> blank;
  std::string column_basis = site.columns ? "columns" : "findings";
  if (site.columns) {
    for (const ColumnStat& c : *site.columns) {
      if (c.stale) stale.push_back(c.url);
      if (c.stale && is_key_class(c.column_class)) key_stale.push_back(c.url);
      if (c.empty) blank.push_back(c.url);
    }
  } else {
    stale = subjects(site, "FRESH-COLUMN");
    for (const std::string& url : stale) {
      if (is_key_class(class_of(site, url))) key_stale.push_back(url);
    }
    blank = subjects(site, "COLUMN-EMPTY");
  }
  v.checks.push_back(
      count_check("key_columns_stale", key_stale, kKeyColumnsStaleVeto, 0, column_basis));
  v.checks.push_back(
      count_check("columns_stale", stale, kColumnsStaleVeto, kColumnsStaleWarn, column_basis));
  v.checks.push_back(
      count_check("columns_blank", blank, kColumnsBlankVeto, kColumnsBlankWarn, column_basis));

  std::vector<std::string> response = subjects(site, "INTERACT-UNANSWERED");
  for (const store::FindingRow& row : site.current) {
    const auto& f = row.finding;
    if ((f.code == "INTERACT-MISSING" || f.code == "INTERACT-BROKEN") &&
        f.subject == "message_board")
      response.push_back(f.code + " " + f.subject);
  }
  v.checks.push_back(count_check("poor_response", response, 1, 0, "findings"));
  // A warning SEC-DARKLINK is a hidden foreign link without evidence of spam, left for review:
  // only critical ones (checks/darklink.h) are dark links that fail the veto.
  v.checks.push_back(count_check(
      "dark_links", subjects(site, "SEC-DARKLINK", checks::Severity::critical), 1, 0, "findings"));
  v.checks.push_back(count_check("spam", subjects(site, "SEC-SPAM"), 1, 0, "findings"));
  v.checks.push_back(count_check("tampering", subjects(site, "SEC-TAMPER"), 1, 0, "findings"));
  v.checks.push_back(count_check("privacy", subjects(site, "CONTENT-PRIVACY"), 1, 0, "findings"));
  v.checks.push_back(count_check("misstatement",
                                 subjects(site, "CONTENT-MISSTATEMENT", checks::Severity::critical),
                                 1, 0, "findings"));
  for (const VetoCheck& c : v.checks) v.passed = v.passed && !c.vetoed;
  return v;
}

std::string veto_label(std::string_view item, Lang lang) {
  static const std::map<std::string_view, std::pair<std::string_view, std::string_view>> labels = {
      {"unreachable", {"站点无法访问", "site unreachable"}},
      {"homepage_stale", {"首页不更新", "homepage not updated"}},
      {"key_columns_stale",
       {"动态、要闻、通知公告、政策文件类栏目不更新",
        "news, notice and policy columns not updated"}},
      {"columns_stale", {"应更新栏目不更新", "columns not updated"}},
      {"columns_blank", {"空白栏目", "blank columns"}},
      {"poor_response", {"互动回应差", "poor response to the public"}},
      {"dark_links", {"暗链", "dark links"}},
      {"spam", {"违规内容", "spam content"}},
      {"tampering", {"页面被篡改", "defacement"}},
      {"privacy", {"隐私泄露", "personal data leaked"}},
      {"misstatement", {"严重表述错误", "serious misstatements"}},
  };
  auto it = labels.find(item);
  if (it == labels.end()) return std::string(item);
  return std::string(pick(lang, it->second.first, it->second.second));
}

std::string veto_reason(const VetoCheck& check, Lang lang) {
  const std::string label = veto_label(check.item, lang);
  if (check.item == "unreachable") {
    if (check.basis == "AVAIL-RATIO") {
      return label + std::string(pick(lang, "：近7天探测失败比例 ≥ 5 %（AVAIL-RATIO）",
                                      ": failed probes over 7 days >= 5 % (AVAIL-RATIO)"));
    }
    const std::string_view of =
        check.basis == "probes" ? pick(lang, "探测", "probes") : pick(lang, "巡检", "patrols");
    return label + std::string(pick(lang, "：", ": ")) + std::string(of) +
           std::string(pick(lang, "失败比例 ", " failed ")) + percent(check.value) + " ≥ " +
           percent(check.threshold);
  }
  const int value = static_cast<int>(check.value);
  const int threshold = static_cast<int>(check.threshold);
  if (threshold <= 1) {
    return label + std::string(pick(lang, "：", ": ")) + std::to_string(value) +
           std::string(pick(lang, " 处", value == 1 ? " item" : " items"));
  }
  return label + std::string(pick(lang, "：", ": ")) + std::to_string(value) +
         std::string(pick(lang, " 个 ≥ ", " >= ")) + std::to_string(threshold);
}

}  // namespace sitepatrol::reports
