#include "alerts/message.h"

#include "reports/calendar.h"
#include "reports/detail_text.h"
#include "reports/report_terms.h"

namespace sitepatrol::alerts {

namespace {

using reports::Lang;

struct Writer {
  Lang lang;
  const MessageOptions& o;

  std::string pick(std::string_view zh, std::string_view en) const {
    return std::string(reports::pick(lang, zh, en));
  }
  std::string at(std::chrono::system_clock::time_point t) const {
    return reports::local_minute_text(utc_time(t), o.zone, lang);
  }
  // "湖北省交通运输厅（https://jtt.hubei.gov.cn/）" / "... (https://...)"
  std::string site(const Alert& a) const {
    const std::string name = a.name.empty() ? a.site : a.name;
    return lang == Lang::zh ? name + "（" + a.url + "）" : name + " (" + a.url + ")";
  }
  std::string count(std::size_t n, std::string_view zh_unit, std::string_view en_one,
                    std::string_view en_many) const {
    const std::string num = std::to_string(n);
    if (lang == Lang::zh) return num + std::string(zh_unit);
    return num + " " + std::string(n == 1 ? en_one : en_many);
  }
};

// "- 失效链接 https://…/a.pdf “办事指南” 所在页面 https://…/ 等3个页面：服务器返回HTTP 404"
std::string finding_line(const Writer& w, const store::FindingRow& row) {
  const checks::Finding& f = row.finding;
  const bool zh = w.lang == Lang::zh;
  std::string line = "- " + reports::code_label(f.code, w.lang) + (zh ? "：" : ": ") +
                     reports::subject_text(f, w.lang);
  const std::string text = row.carriers.empty() ? "" : row.carriers.front().text;
  if (!text.empty()) line += zh ? "“" + text + "”" : " \"" + text + "\"";
  const std::string page = row.carriers.empty() ? f.page : row.carriers.front().page;
  if (!page.empty() && page != f.subject) {
    line += w.pick("，所在页面 ", ", on ") + page;
    if (row.carriers.size() > 1) {
      const std::size_t more = row.carriers.size() - 1;
      line += zh ? "（另有" + std::to_string(more) + "个页面）"
                 : " (and " + w.count(more, "", "more page", "more pages") + ")";
    }
  }
  const std::string detail = reports::detail_text(f, w.lang);
  if (!detail.empty()) line += (zh ? "。" : ": ") + detail;
  return line;
}

std::string finding_lines(const Writer& w, const std::vector<store::FindingRow>& rows) {
  std::string out;
  std::size_t shown = 0;
  for (const auto& row : rows) {
    if (shown == w.o.max_findings) {
      const std::size_t rest = rows.size() - shown;
      out += w.lang == Lang::zh ? "\n……另有" + std::to_string(rest) + "项"
                                : "\n... and " + std::to_string(rest) + " more";
      break;
    }
    out += "\n" + finding_line(w, row);
    ++shown;
  }
  return out;
}

std::string last_probe(const Writer& w, const Alert& a) {
  std::string what = a.probe_error;
  if (a.probe_status > 0 && what.find("HTTP ") == std::string::npos)  // error may say "HTTP 503"
    what += (what.empty() ? "" : ", ") + std::string("HTTP ") + std::to_string(a.probe_status);
  if (what.empty()) return "";
  return w.pick("\n最近一次探测：", "\nLast probe: ") + what;
}

Message site_down(const Writer& w, const Alert& a) {
  const auto since = a.since.value_or(a.time);
  const std::string probes = std::to_string(a.down_after);
  if (w.lang == Lang::zh) {
    return {"网站无法访问：" + a.name,
            w.site(a) + "自" + w.at(since) + "起无法访问，已连续" + probes + "次探测失败。" +
                last_probe(w, a),
            ""};
  }
  return {"Site down: " + a.name,
          w.site(a) + " has not answered since " + w.at(since) + ": " + probes +
              " probes in a row failed." + last_probe(w, a),
          ""};
}

Message site_up(const Writer& w, const Alert& a) {
  std::string text = w.site(a) + w.pick("于", " answers again since ") + w.at(a.time) +
                     w.pick("恢复访问", "");
  if (a.since && a.outage) {
    text += w.lang == Lang::zh
                ? "，此前自" + w.at(*a.since) + "起无法访问，共" + outage_text(*a.outage, "zh") + "。"
                : "; it was down from " + w.at(*a.since) + ", for " + outage_text(*a.outage, "en") +
                      ".";
  } else {
    text += w.pick("。", ".");
  }
  if (a.probe_status > 0) {
    text += w.lang == Lang::zh ? "\n响应：HTTP " + std::to_string(a.probe_status) + "，用时" +
                                     std::to_string(a.probe_ms) + "毫秒"
                               : "\nAnswer: HTTP " + std::to_string(a.probe_status) + " in " +
                                     std::to_string(a.probe_ms) + " ms";
  }
  return {w.pick("网站恢复访问：", "Site up: ") + a.name, text, ""};
}

Message findings(const Writer& w, const Alert& a) {
  const std::size_t n = a.findings.size();
  if (a.event == "critical") {
    return {w.pick("严重问题：", "Critical findings: ") + a.name,
            w.site(a) + w.pick("新发现", ": ") + w.count(n, "个严重问题：", "new critical finding:",
                                                        "new critical findings:") +
                finding_lines(w, a.findings),
            ""};
  }
  if (a.event == "homepage_links") {
    return {w.pick("首页新增失效链接：", "Broken links on the homepage: ") + a.name,
            w.pick("首页 ", "Homepage of ") + w.site(a) + w.pick("新发现", ": ") +
                w.count(n, "个失效链接：", "new dead link:", "new dead links:") +
                finding_lines(w, a.findings),
            ""};
  }
  return {w.pick("新增失效链接：", "New dead links: ") + a.name,
          w.site(a) + w.pick("本次巡查新发现", ": this patrol found ") +
              w.count(n, "个失效链接：", "new dead link:", "new dead links:") +
              finding_lines(w, a.findings),
          ""};
}

Message test(const Writer& w) {
  return {w.pick("sitepatrol测试消息", "sitepatrol test message"),
          w.pick("这是sitepatrol发出的测试消息。收到即说明本告警渠道配置正确。",
                 "This is a test message from sitepatrol: this alert channel works."),
          ""};
}

}  // namespace

std::string site_link(const std::string& base_url, const std::string& site) {
  if (base_url.empty()) return "";
  if (const auto at = base_url.find("{site}"); at != std::string::npos) {
    std::string out = base_url;
    out.replace(at, 6, site);
    return out;
  }
  if (site.empty()) return base_url;
  return base_url + (base_url.ends_with('/') ? "" : "/") + site + "/";
}

std::string local_time_text(std::chrono::system_clock::time_point t, const config::TimeZone& zone,
                            const std::string& lang) {
  return reports::local_minute_text(utc_time(t), zone, lang == "en" ? Lang::en : Lang::zh);
}

std::string outage_text(std::chrono::seconds length, const std::string& lang) {
  const bool zh = lang != "en";
  const long s = std::max<long>(0, static_cast<long>(length.count()));
  if (s < 60) return std::to_string(s) + (zh ? "秒" : " s");
  const long minutes = s / 60 % 60, hours = s / 3600 % 24, days = s / 86400;
  std::string out;
  if (s >= 48 * 3600) {
    out = std::to_string(days) + (zh ? "天" : " d");
    if (hours) out += (zh ? "" : " ") + std::to_string(hours) + (zh ? "小时" : " h");
    return out;
  }
  const long total_hours = s / 3600;
  if (total_hours) out = std::to_string(total_hours) + (zh ? "小时" : " h");
  if (minutes || !total_hours)
    out += (out.empty() || zh ? "" : " ") + std::to_string(minutes) + (zh ? "分" : " min");
  return out;
}

MessageOptions message_options(const config::AlertChannel& channel, const config::TimeZone& zone) {
  MessageOptions o;
  o.lang = channel.lang;
  o.zone = zone;
  o.base_url = channel.base_url;
  return o;
}

Message render_message(const Alert& alert, const MessageOptions& options) {
  const Writer w{options.lang == "en" ? Lang::en : Lang::zh, options};
  Message m;
  if (alert.event == "site_down") {
    m = site_down(w, alert);
  } else if (alert.event == "site_up") {
    m = site_up(w, alert);
  } else if (alert.event == "test") {
    m = test(w);
  } else {
    m = findings(w, alert);
  }
  m.link = site_link(options.base_url, alert.site);
  if (!m.link.empty()) m.text += w.pick("\n详情：", "\nDetails: ") + m.link;
  m.text += w.pick("\n时间：", "\nTime: ") + w.at(alert.time);
  return m;
}

}  // namespace sitepatrol::alerts
