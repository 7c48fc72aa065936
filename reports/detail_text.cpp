#include "reports/detail_text.h"

#include <algorithm>
#include <array>
#include <functional>
#include <map>

#include "config/ymd.h"
#include "reports/calendar.h"
#include "reports/link_display.h"

namespace sitepatrol::reports {
namespace {

using checks::DetailArgs;

// A detail's values by key; "" for a key the finding does not have.
class Values {
 public:
  explicit Values(const DetailArgs& args) : args_(args) {}
  std::string operator[](std::string_view key) const {
    return std::string(checks::arg_of(args_, key));
  }
  bool has(std::string_view key) const { return !checks::arg_of(args_, key).empty(); }

 private:
  const DetailArgs& args_;
};

// `text` when `value` is there, else nothing: the optional parts of a sentence.
std::string when(bool value, std::string text) { return value ? std::move(text) : std::string(); }

// "2025-08-12" → "2025年8月12日"; anything else as it is.
std::string zh_date(std::string_view iso) {
  const auto day = config::detail::parse_ymd(std::string(iso));
  return day ? date_text(Date(*day), Lang::zh) : std::string(iso);
}

std::string zh_status(std::string_view status) {
  static const std::map<std::string_view, std::string_view> meaning = {
      {"400", "请求错误"},   {"401", "需要登录"},     {"403", "禁止访问"},
      {"404", "页面不存在"}, {"410", "页面已删除"},   {"500", "服务器内部错误"},
      {"502", "网关错误"},   {"503", "服务暂不可用"}, {"504", "网关超时"},
  };
  auto it = meaning.find(status);
  return "HTTP " + std::string(status) +
         (it == meaning.end() ? std::string() : "（" + std::string(it->second) + "）");
}

// What a fetch that failed answered, from "status", "error" (checks::FetchError's name) and
// "error_text" (curl's words, English: kept for the English reader only).
std::string answer(const Values& v, Lang lang) {
  static const std::map<std::string_view, std::pair<std::string_view, std::string_view>> errors = {
      {"dns", {"域名解析失败", "dns"}},
      {"connect", {"无法连接服务器", "connect"}},
      {"tls", {"TLS握手失败", "tls"}},
      {"timeout", {"响应超时", "timeout"}},
      {"reset", {"连接被重置", "reset"}},
      {"too_large", {"文件过大", "too_large"}},
      {"redirect_loop", {"重定向循环", "redirect_loop"}},
      {"too_many_redirects", {"重定向次数过多", "too_many_redirects"}},
      {"other", {"访问失败", "other"}},
  };
  if (!v.has("error")) {
    return lang == Lang::zh ? zh_status(v["status"]) : "HTTP " + v["status"];
  }
  if (lang == Lang::en && v.has("error_text")) return v["error_text"];
  auto it = errors.find(v["error"]);
  if (it == errors.end()) return lang == Lang::zh ? std::string("访问失败") : v["error"];
  return std::string(pick(lang, it->second.first, it->second.second));
}

// A column as the site names it: “通知公告”栏目 / 通知公告 (notice).
std::string zh_column(const Values& v) { return "“" + v["name"] + "”栏目"; }
std::string en_column(const Values& v) {
  return v.has("column") ? v["name"] + " (" + v["column"] + ")" : v["name"];
}

// A required column by its Chinese name: the table's (report_terms.h), else the first name
// the configuration knows it by (a user's own column kind).
std::string zh_column_key(const Values& v) {
  std::string label = column_label(v["column"], Lang::zh);
  if (label == v["column"] && v.has("names")) label = v["names"].substr(0, v["names"].find("、"));
  return label;
}

std::string zh_class(std::string_view column_class) {
  static const std::map<std::string_view, std::string_view> labels = {
      {"news", "动态要闻类"},          {"notice", "通知公告类"},     {"policy", "政策文件类"},
      {"static", "相对稳定类"},        {"disclosure", "信息公开类"}, {"finance", "财政信息类"},
      {"personnel", "人事信息类"},     {"planning", "规划计划类"},   {"statistics", "统计信息类"},
      {"mailbox_stats", "信箱统计类"},
  };
  auto it = labels.find(column_class);
  return it == labels.end() ? std::string() : std::string(it->second);
}

// "组织机构、机构职能、机构设置等（另有17个）".
std::string zh_cues(const Values& v, std::string_view key) {
  const std::string more = v[std::string(key) + "_more"];
  return v[key] + when(!more.empty(), "等（另有" + more + "个）");
}
std::string en_cues(const Values& v, std::string_view key) {
  std::string list = v[key];
  for (std::size_t at; (at = list.find("、")) != std::string::npos;) list.replace(at, 3, ", ");
  const std::string more = v[std::string(key) + "_more"];
  return list + when(!more.empty(), " (and " + more + " more)");
}

std::string zh_hidden_by(std::string_view hidden_by) {
  static const std::map<std::string_view, std::string_view> techniques = {
      {"hidden attribute", "hidden属性"},
      {"zero size with overflow:hidden", "尺寸为0且overflow:hidden"},
      {"clip to nothing", "裁剪为空"},
      {"positioned off-screen", "定位到屏幕外"},
      {"marquee out of view", "滚动字幕移出可视区"},
      {"text-indent off-screen", "text-indent移出屏幕"},
      {"color same as background", "文字颜色与背景色相同"},
  };
  if (hidden_by.empty()) return "样式隐藏";
  const std::size_t on = hidden_by.find(" on ");
  const std::string_view technique = hidden_by.substr(0, on);
  auto it = techniques.find(technique);
  std::string out = it == techniques.end() ? std::string(technique) : std::string(it->second);
  if (on != std::string_view::npos) out += "，所在元素" + std::string(hidden_by.substr(on + 4));
  return out;
}

std::string zh_spam_field(std::string_view field) {
  static const std::map<std::string_view, std::string_view> labels = {
      {"title", "标题"},
      {"meta_keywords", "关键词元数据"},
      {"meta_description", "描述元数据"},
      {"hidden_text", "隐藏文字"},
      {"text", "正文"},
      {"hidden_link", "隐藏链接"},
      {"link_text", "链接文字"},
  };
  auto it = labels.find(field);
  return it == labels.end() ? std::string(field) : std::string(it->second);
}

std::string spam_terms(const Values& v, Lang lang) {
  std::string out;
  for (int i = 1;; ++i) {
    const std::string n = std::to_string(i);
    if (!v.has("term" + n)) break;
    const std::string count = v["count" + n];
    const bool many = !count.empty() && count != "1";
    if (lang == Lang::zh) {
      out += when(i > 1, "、") + "“" + v["term" + n] + "”" + when(many, "×" + count) + "（" +
             zh_spam_field(v["field" + n]) + "）";
    } else {
      std::string field = v["field" + n];
      std::ranges::replace(field, '_', ' ');
      out += when(i > 1, ", ") + v["term" + n] + when(many, " ×" + count) + " (" + field + ")";
    }
  }
  if (v.has("more"))
    out += std::string(pick(lang, "等（另有", ", and ")) + v["more"] +
           std::string(pick(lang, "个）", " more"));
  return out;
}

std::string headers(const Values& v, Lang lang) {
  std::string out, ids = v["headers"];
  for (std::size_t start = 0; start <= ids.size();) {
    std::size_t end = ids.find(',', start);
    if (end == std::string::npos) end = ids.size();
    const std::string_view id = std::string_view(ids).substr(start, end - start);
    std::string name = id == "hsts"      ? "Strict-Transport-Security"
                       : id == "nosniff" ? "X-Content-Type-Options: nosniff"
                       : id == "frame"
                           ? std::string(pick(lang, "X-Frame-Options（或CSP frame-ancestors）",
                                              "X-Frame-Options or CSP frame-ancestors"))
                           : std::string(id);
    if (!name.empty()) out += when(!out.empty(), std::string(pick(lang, "、", ", "))) + name;
    start = end + 1;
  }
  return out;
}

std::string personal_data(const Values& v, Lang lang) {
  struct Kind {
    std::string_view key, zh, en_one, en_many;
  };
  static constexpr std::array<Kind, 3> kinds = {{
      {"resident_ids", "身份证号", "resident ID number", "resident ID numbers"},
      {"bank_cards", "银行卡号", "bank card number", "bank card numbers"},
      {"mobiles", "姓名旁的手机号", "mobile number beside names", "mobile numbers beside names"},
  }};
  std::string out;
  for (const Kind& k : kinds) {
    if (!v.has(k.key)) continue;
    const std::string n = v[k.key], shown = v[std::string(k.key) + "_shown"];
    if (lang == Lang::zh) {
      out += when(!out.empty(), "；") + std::string(k.zh) + n + "个（" + shown + "）";
    } else {
      out += when(!out.empty(), ", ") + n + " " + std::string(n == "1" ? k.en_one : k.en_many) +
             " (" + shown + ")";
    }
  }
  return std::string(pick(lang, "发现未脱敏的个人信息：", "unmasked personal data: ")) + out;
}

// One content error, numbered i (checks/content.cpp hit_args).
std::string content_error(const Values& v, const std::string& i, Lang lang) {
  const std::string found = v["found" + i], right = v["right" + i], reason = v["reason" + i];
  const std::string sentence = v["sentence" + i];
  if (lang == Lang::en) {
    std::string out = "\"" + found + "\"";
    if (reason == "abolished") {
      out += " (abolished " + v["date" + i] + when(!right.empty(), "; now " + right) + ")";
    } else if (reason == "wrong_title") {
      out += " (wrong title: " + v["holder" + i] + " never held the office of " + v["office" + i] +
             ")";
    } else {
      const std::string why = reason == "leader_name"        ? "leader's name"
                              : reason == "leader_name_list" ? "leader's name in a list"
                              : reason == "formulation"      ? "fixed formulation"
                              : reason == "misstated"        ? "misstated formulation"
                              : reason == "typo"             ? "wrong character"
                                                             : reason;
      out += " should be \"" + right + "\" (" + why + ")";
    }
    return out + ": " + sentence;
  }
  std::string out = "“" + found + "”";
  if (reason == "abolished") {
    out += "（该机构已于" + zh_date(v["date" + i]) + "撤销" +
           when(!right.empty(), "，现为“" + right + "”") + "）";
  } else if (reason == "wrong_title") {
    out += "（职务有误：" + v["holder" + i] + "未担任过" + v["office" + i] + "）";
  } else {
    const std::string why = reason == "leader_name"        ? "领导姓名"
                            : reason == "leader_name_list" ? "领导名单中的姓名"
                            : reason == "formulation"      ? "规范表述"
                            : reason == "misstated"        ? "表述错误"
                            : reason == "typo"             ? "错别字"
                                                           : "";
    out += "应为“" + right + "”" + when(!why.empty(), "（" + why + "）");
  }
  return out + "，原文：" + sentence;
}

std::string content_errors(const Values& v, Lang lang) {
  std::string out;
  for (int i = 1; v.has("found" + std::to_string(i)); ++i) {
    out += when(i > 1, std::string(pick(lang, "；", "; "))) +
           content_error(v, std::to_string(i), lang);
  }
  if (v.has("more"))
    out += std::string(pick(lang, "；另有", "; and ")) + v["more"] +
           std::string(pick(lang, "处", " more"));
  return out;
}

std::string tamper(const Values& v, Lang lang) {
  if (lang == Lang::en) {
    std::string out = "structure " + v["structure_pct"] + "% changed";
    out += when(v.has("new_block"), "; new block of " + v["new_block"] + " repeated elements");
    out += when(v.has("scripts"), "; new script " + v["scripts"]);
    out += when(v.has("scripts_more"), "; " + v["scripts_more"] + " more new scripts");
    out += when(v.has("iframes"), "; new iframe " + v["iframes"]);
    out += when(v.has("iframes_more"), "; " + v["iframes_more"] + " more new iframes");
    out += when(v.has("inline_scripts"), "; " + v["inline_scripts"] + " new inline scripts");
    out += when(v.has("title_from") || v.has("title_to"),
                "; title changed from '" + v["title_from"] + "' to '" + v["title_to"] + "'");
    return out;
  }
  std::string out = "页面结构与基线相比变化" + v["structure_pct"] + "%";
  out += when(v.has("new_block"), "；新增由" + v["new_block"] + "个重复元素组成的区块");
  out += when(v.has("scripts"), "；新增脚本" + v["scripts"]);
  out += when(v.has("scripts_more"), "（另有" + v["scripts_more"] + "个）");
  out += when(v.has("iframes"), "；新增内嵌框架" + v["iframes"]);
  out += when(v.has("iframes_more"), "（另有" + v["iframes_more"] + "个）");
  out += when(v.has("inline_scripts"), "；新增" + v["inline_scripts"] + "段内联脚本");
  out += when(v.has("title_from") || v.has("title_to"),
              "；标题由“" + v["title_from"] + "”变为“" + v["title_to"] + "”");
  return out;
}

std::string darklink(const Values& v, Lang lang, bool review) {
  if (lang == Lang::en) {
    std::string out = "hidden by " + (v.has("hidden_by") ? v["hidden_by"] : std::string("style"));
    out += when(v.has("text"), "; text " + v["text"]);
    out += when(v.has("spam_terms"), "; spam terms " + v["spam_terms"]);
    out += when(v.has("tld"), "; TLD " + v["tld"]);
    out += when(v.has("host_word"), "; host name says " + v["host_word"]);
    out += when(v.has("farm_links"), "; one of " + v["farm_links"] + " hidden links to " +
                                         v["farm_hosts"] + " unrelated hosts");
    return out + when(review, "; no spam term, suspicious host or link farm: review");
  }
  std::string out = "链接被隐藏（" + zh_hidden_by(v["hidden_by"]) + "）";
  out += when(v.has("text"), "；链接文字“" + v["text"] + "”");
  std::string terms = v["spam_terms"];
  for (std::size_t at; (at = terms.find(", ")) != std::string::npos;) terms.replace(at, 2, "、");
  out += when(!terms.empty(), "；含违规词" + terms);
  out += when(v.has("tld"), "；使用可疑顶级域名" + v["tld"]);
  out += when(v.has("host_word"), "；域名含可疑词" + v["host_word"]);
  out += when(v.has("farm_links"),
              "；本页共有" + v["farm_links"] + "个指向" + v["farm_hosts"] + "个无关网站的隐藏链接");
  return out + when(review, "；未发现违规词、可疑域名或链接群，请人工核查");
}

using Render = std::function<std::string(const Values&)>;

struct Sentence {
  Render zh;
  Render en;
};

// A fetch failure: Chinese without curl's English words; English as checks::describe_fetch,
// curl's words after `prefix` or `fallback` without them.
Sentence fetch_failure(std::string_view zh, std::string_view prefix, std::string_view fallback) {
  return {[zh](const Values&) { return std::string(zh); },
          [prefix, fallback](const Values& v) {
            return std::string(prefix) +
                   (v.has("error_text") ? v["error_text"] : std::string(fallback));
          }};
}

const std::map<std::string_view, Sentence>& sentences() {
  static const std::map<std::string_view, Sentence> table = {
      // Fetching (checks/describe.h): AVAIL-DOWN and LINK-BROKEN.
      {"fetch.http",
       {+[](const Values& v) { return "服务器返回" + zh_status(v["status"]); },
        +[](const Values& v) { return "HTTP " + v["status"]; }}},
      {"fetch.no_answer",
       {+[](const Values&) { return std::string("服务器未返回HTTP应答"); },
        +[](const Values&) { return std::string("no HTTP answer"); }}},
      {"fetch.dns", fetch_failure("域名解析失败", "DNS: ", "could not resolve host")},
      {"fetch.connect", fetch_failure("无法连接服务器", "connect: ", "connection failed")},
      {"fetch.tls", fetch_failure("TLS握手失败", "TLS: ", "handshake failed")},
      {"fetch.reset", fetch_failure("连接被重置，应答未完整接收",
                                    "connection reset: ", "closed before the answer was complete")},
      {"fetch.other", fetch_failure("访问失败", "", "fetch failed")},
      {"fetch.timeout",
       {+[](const Values& v) { return v["seconds"] + "秒内无响应（超时）"; },
        +[](const Values& v) { return "timeout after " + v["seconds"] + " s"; }}},
      {"fetch.blocked_private",
       {+[](const Values&) { return std::string("未访问：内网地址"); },
        +[](const Values&) { return std::string("not fetched: private network address"); }}},
      {"fetch.redirect_loop",
       {+[](const Values&) { return std::string("重定向循环"); },
        +[](const Values&) { return std::string("redirect loop"); }}},
      {"fetch.too_many_redirects",
       {+[](const Values&) { return std::string("重定向次数过多"); },
        +[](const Values&) { return std::string("too many redirects"); }}},
      {"fetch.robots",
       {+[](const Values&) { return std::string("未访问：robots.txt禁止抓取"); },
        +[](const Values&) { return std::string("not fetched: disallowed by robots.txt"); }}},
      // Availability.
      {"avail.slow",
       {+[](const Values& v) {
          return "首页响应用时" + v["ms"] + "毫秒（要求" + v["limit_ms"] + "毫秒以内）";
        },
        +[](const Values& v) {
          return "answered in " + v["ms"] + " ms (limit " + v["limit_ms"] + " ms)";
        }}},
      {"avail.ratio",
       {+[](const Values& v) {
          return "近" + v["days"] + "天" + v["probes"] + "次监测中" + v["failed"] + "次无法访问（" +
                 v["percent"] + "%）";
        },
        +[](const Values& v) {
          return v["failed"] + " of " + v["probes"] + " probes failed in " + v["days"] + " days (" +
                 v["percent"] + " %)";
        }}},
      {"avail.ratio_warning",
       {+[](const Values& v) {
          return "近" + v["days"] + "天" + v["probes"] + "次监测中" + v["failed"] + "次无法访问（" +
                 v["percent"] + "%）；预警，达到5%即为严重问题";
        },
        +[](const Values& v) {
          return v["failed"] + " of " + v["probes"] + " probes failed in " + v["days"] + " days (" +
                 v["percent"] + " %); early warning, critical at 5 %";
        }}},
      // Links.
      {"link.timeout",
       {+[](const Values& v) { return v["seconds"] + "秒内无响应（超时）"; },
        +[](const Values& v) { return "no answer within " + v["seconds"] + " s"; }}},
      {"link.redirect_loop",
       {+[](const Values& v) {
          return "跳转" + v["hops"] + "次后出现重定向循环" +
                 when(v.has("back_to"), "，回到" + v["back_to"]);
        },
        +[](const Values& v) {
          return "redirect loop after " + v["hops"] + (v["hops"] == "1" ? " hop" : " hops") +
                 when(v.has("back_to"), ", back to " + v["back_to"]);
        }}},
      {"link.too_many_redirects",
       {+[](const Values& v) {
          return "重定向超过" + v["limit"] + "次（跟踪" + v["hops"] + "次后停止）";
        },
        +[](const Values& v) {
          return "more than " + v["limit"] + " redirects (stopped after " + v["hops"] +
                 (v["hops"] == "1" ? " hop)" : " hops)");
        }}},
      {"link.malformed",
       {+[](const Values&) { return std::string("链接地址格式错误"); },
        +[](const Values&) { return std::string("malformed URL"); }}},
      {"link.unapproved",
       {+[](const Values& v) { return "外部链接" + v["url"] + "未经审核（不在批准的外链范围内）"; },
        +[](const Values& v) { return v["url"]; }}},
      {"link.soft404",
       {+[](const Values& v) {
          return "页面返回HTTP 200，但内容显示页面不存在" +
                 when(v.has("title"), "（页面标题“" + v["title"] + "”）");
        },
        +[](const Values& v) {
          return "HTTP 200, but the page says it does not exist" +
                 when(v.has("title"), " (title \"" + v["title"] + "\")");
        }}},
      // Certificates.
      {"tls.expired",
       {+[](const Values& v) {
          return "证书已于" + zh_date(v["date"]) + "过期（已过期" + v["days"] + "天）";
        },
        +[](const Values& v) {
          return "certificate expired on " + v["date"] + " (" + v["days"] +
                 (v["days"] == "1" ? " day ago)" : " days ago)");
        }}},
      {"tls.not_yet_valid",
       {+[](const Values& v) { return "证书在" + zh_date(v["date"]) + "之前尚未生效"; },
        +[](const Values& v) { return "certificate not valid before " + v["date"]; }}},
      {"tls.verify_failed",
       {+[](const Values&) { return std::string("证书校验未通过"); },
        +[](const Values& v) { return "certificate verification failed: " + v["error_text"]; }}},
      {"tls.handshake_failed",
       {+[](const Values&) { return std::string("TLS握手失败"); },
        +[](const Values& v) {
          return "TLS handshake failed: " +
                 (v.has("error_text") ? v["error_text"] : std::string("no detail"));
        }}},
      {"tls.expires_soon",
       {+[](const Values& v) {
          return "证书将于" + zh_date(v["date"]) + "到期（剩余" + v["days"] + "天）";
        },
        +[](const Values& v) {
          return "certificate expires on " + v["date"] + " (" + v["days"] +
                 (v["days"] == "1" ? " day left)" : " days left)");
        }}},
      // Freshness and columns.
      {"fresh.home_undated",
       {+[](const Values&) {
          return std::string("首页没有标注日期的信息（未标注日期的信息视为未更新）");
        },
        +[](const Values&) {
          return std::string(
              "no dated entry on the homepage (information without a date counts as not "
              "updated)");
        }}},
      {"fresh.home_stale",
       {+[](const Values& v) {
          return "首页最新信息发布于" + zh_date(v["newest"]) + "，已" + v["age_days"] +
                 "天未更新（要求" + v["limit_days"] + "天内更新）";
        },
        +[](const Values& v) {
          return "homepage not updated: newest entry " + v["newest"] + " is " + v["age_days"] +
                 " days old (limit " + v["limit_days"] + " days)";
        }}},
      {"fresh.column_undated",
       {+[](const Values& v) { return zh_column(v) + "的信息均未标注日期（视为未更新）"; },
        +[](const Values& v) {
          return en_column(v) + ": no entry carries a date (counts as not updated)";
        }}},
      {"fresh.column_stale",
       {+[](const Values& v) {
          return zh_column(v) + "最新信息发布于" + zh_date(v["newest"]) + "，已" + v["age_days"] +
                 "天未更新（" + zh_class(v["column_class"]) + "栏目要求" + v["limit_days"] +
                 "天内更新）";
        },
        +[](const Values& v) {
          return en_column(v) + " [" + v["column_class"] + "]: newest entry " + v["newest"] +
                 " is " + v["age_days"] + " days old (limit " + v["limit_days"] + " days)";
        }}},
      {"fresh.mailbox_stats_stale",
       {+[](const Values& v) {
          return "信箱收件、办件统计最新一期为" + zh_date(v["newest"]) + "，已" + v["age_days"] +
                 "天未更新（要求" + v["limit_days"] + "天内更新）";
        },
        +[](const Values& v) {
          return "mailbox statistics (收件/办件统计): newest entry " + v["newest"] + ", " +
                 v["age_days"] + " days old (limit " + v["limit_days"] + ")";
        }}},
      {"fresh.mailbox_stats_undated",
       {+[](const Values&) { return std::string("信箱收件、办件统计没有标注日期的信息"); },
        +[](const Values&) {
          return std::string("mailbox statistics (收件/办件统计): no dated entry");
        }}},
      {"column.placeholder",
       {+[](const Values& v) { return zh_column(v) + "显示暂无信息"; },
        +[](const Values& v) {
          return en_column(v) + ": the column says it has no information yet";
        }}},
      {"column.no_entries",
       {+[](const Values& v) { return zh_column(v) + "未列出任何信息"; },
        +[](const Values& v) { return en_column(v) + ": the column lists no entries"; }}},
      {"column.missing",
       {+[](const Values& v) {
          return "未找到“" + zh_column_key(v) + "”栏目（" +
                 category_label(v["category"], Lang::zh) + "网站须设置）；已检索" + v["nav_pages"] +
                 "个页面的导航（共" + v["nav_links"] + "个链接）及" + v["pages"] +
                 "个页面的名称和列表，查找名称为" + zh_cues(v, "names") +
                 when(v.has("endings"), "、名称以" + zh_cues(v, "endings") + "结尾") +
                 when(v.has("paths"), "或目录为" + zh_cues(v, "paths")) + "的栏目";
        },
        +[](const Values& v) {
          return "no " + v["column"] + " column found (required for category " + v["category"] +
                 "); searched the navigation of " + v["nav_pages"] + " pages (" + v["nav_links"] +
                 " links) and the names and lists of " + v["pages"] + " pages for names " +
                 en_cues(v, "names") +
                 when(v.has("endings"), ", names ending in " + en_cues(v, "endings")) +
                 when(v.has("paths"), ", URL folders " + en_cues(v, "paths"));
        }}},
      // Interaction.
      {"interact.not_found",
       {+[](const Values& v) {
          return "未找到" + feature_label(v["kind"], Lang::zh) + "入口：" +
                 when(v.has("names"), "没有名为" + v["names"] + "等的链接，") + "配置中也未指定";
        },
        +[](const Values& v) {
          return "no link named " + v["names"] + " … and no [[site.feature]] of kind " + v["kind"];
        }}},
      {"interact.no_working_channel",
       {+[](const Values& v) {
          return "没有可用的" + feature_label(v["kind"], Lang::zh) + "渠道：" + v["url"] +
                 "仅提供电话号码";
        },
        +[](const Values& v) {
          return "no working channel: " + v["url"] + " gives only a telephone number";
        }}},
      {"interact.action_fails",
       {+[](const Values& v) {
          return "表单提交地址" + v["action"] + "无法使用（" + answer(v, Lang::zh) + "）";
        },
        +[](const Values& v) {
          return "form action " + v["action"] + " answers " + answer(v, Lang::en);
        }}},
      {"interact.search_fails",
       {+[](const Values& v) {
          return "以网站名称搜索时，" + v["url"] + "无法使用（" + answer(v, Lang::zh) + "）";
        },
        +[](const Values& v) {
          return "searching for the site's name: " + v["url"] + " answers " + answer(v, Lang::en);
        }}},
      {"interact.search_error_page",
       {+[](const Values& v) { return "以网站名称搜索时，" + v["url"] + "显示错误页面"; },
        +[](const Values& v) {
          return "searching for the site's name: " + v["url"] + " shows an error page";
        }}},
      {"interact.page_fails",
       {+[](const Values& v) { return v["url"] + "无法访问（" + answer(v, Lang::zh) + "）"; },
        +[](const Values& v) { return v["url"] + " answers " + answer(v, Lang::en); }}},
      {"interact.no_search_form",
       {+[](const Values& v) { return v["url"] + "页面上没有搜索框"; },
        +[](const Values& v) { return v["url"] + " holds no search form"; }}},
      {"interact.phone_only",
       {+[](const Values& v) { return v["url"] + "仅提供电话号码"; },
        +[](const Values& v) { return v["url"] + " gives only a telephone number"; }}},
      {"interact.no_form",
       {+[](const Values& v) { return v["url"] + "页面上既没有可填写留言的表单，也没有留言列表"; },
        +[](const Values& v) {
          return v["url"] + " holds no form to write in and no list of messages";
        }}},
      {"interact.no_list",
       {+[](const Values& v) { return v["url"] + "页面上没有标注日期的信息列表"; },
        +[](const Values& v) { return v["url"] + " holds no dated list"; }}},
      {"interact.unanswered",
       {+[](const Values& v) {
          return "留言“" + v["title"] + "”于" + zh_date(v["posted"]) + "提交，已过" +
                 v["age_days"] + "天，仍为“" + v["state"] + "”";
        },
        +[](const Values& v) {
          return "“" + v["title"] + "” posted " + v["posted"] + ", " + v["age_days"] +
                 " days ago, still " + v["state"];
        }}},
      {"interact.too_few_interviews",
       {+[](const Values& v) {
          return v["year"] + "年在线访谈" + v["count"] + "期；" +
                 category_label(v["category"], Lang::zh) + "网站每年至少应开展" + v["required"] +
                 "期";
        },
        +[](const Values& v) {
          return v["count"] + " online interviews in " + v["year"] + "; a " + v["category"] +
                 " site must hold at least " + v["required"] + " a year";
        }}},
      // Identifiers and meta tags.
      {"meta.missing",
       {+[](const Values& v) {
          const std::string kind = v["page_kind"] == "homepage" ? "首页"
                                   : v["page_kind"] == "column" ? "栏目页"
                                                                : "文章页";
          return v["pages"] == "1"
                     ? kind + "缺少该元数据"
                     : v["pages"] + "个" + kind + "中有" + v["missing"] + "个缺少该元数据";
        },
        +[](const Values& v) {
          return "missing on " + v["missing"] + " of " + v["pages"] + " " + v["page_kind"] +
                 (v["pages"] == "1" ? " page" : " pages");
        }}},
      {"id.missing_site_code",
       {+[](const Values&) { return std::string("首页页脚未见网站标识码（10位）"); },
        +[](const Values&) {
          return std::string("no 网站标识码 (a 10-character site code) in the homepage footer");
        }}},
      {"id.missing_icp",
       {+[](const Values&) { return std::string("首页页脚未见ICP备案号（如京ICP备19014889号）"); },
        +[](const Values&) {
          return std::string("no ICP备案号 (e.g. 京ICP备19014889号) in the homepage footer");
        }}},
      {"id.missing_police_record",
       {+[](const Values&) {
          return std::string("首页页脚未见公安机关备案号（如京公网安备11010202008000号）");
        },
        +[](const Values&) {
          return std::string(
              "no 公安机关备案号 (e.g. 京公网安备11010202008000号) in the homepage footer");
        }}},
      {"id.missing_party_gov_mark",
       {+[](const Values&) {
          return std::string("首页未见党政机关网站标识（指向conac.cn的链接或图片）");
        },
        +[](const Values&) {
          return std::string("no 党政机关网站 mark (a link or image to conac.cn) on the homepage");
        }}},
      // Security.
      {"sec.plain_http",
       {+[](const Values&) { return std::string("首页以HTTP明文传输"); },
        +[](const Values&) { return std::string("homepage served over plain HTTP"); }}},
      {"sec.https_redirects_to_http",
       {+[](const Values& v) {
          return "首页以HTTP明文传输（" + v["from"] + "跳转至" + v["to"] + "）";
        },
        +[](const Values& v) {
          return "homepage served over plain HTTP (" + v["from"] + " redirects to " + v["to"] + ")";
        }}},
      {"sec.headers_missing",
       {+[](const Values& v) { return "缺少安全响应头：" + headers(v, Lang::zh); },
        +[](const Values& v) { return "missing: " + headers(v, Lang::en); }}},
      {"sec.mixed_content",
       {+[](const Values& v) {
          return "HTTPS页面以HTTP加载资源：" + v["url"] + "（" + v["element"] + "元素）" +
                 when(v.has("more"), "，另有" + v["more"] + "个");
        },
        +[](const Values& v) {
          return "mixed content: " + v["url"] + " (" + v["element"] + ")" +
                 when(v.has("more"), " and " + v["more"] + " more");
        }}},
      {"sec.foreign_script",
       {+[](const Values& v) {
          return "加载了来自" + v["host"] + "的" + v["element"] + "资源（非本站且未经批准）";
        },
        +[](const Values& v) {
          return v["element"] + " from " + v["host"] + " (not the site's, not approved)";
        }}},
      {"sec.spam",
       {+[](const Values& v) {
          return "违规内容评分" + v["score"] + "，达到阈值" + v["threshold"] + "：" +
                 spam_terms(v, Lang::zh);
        },
        +[](const Values& v) {
          return "score " + v["score"] + " ≥ " + v["threshold"] + ": " + spam_terms(v, Lang::en);
        }}},
      {"sec.tamper",
       {+[](const Values& v) { return tamper(v, Lang::zh); },
        +[](const Values& v) { return tamper(v, Lang::en); }}},
      {"sec.darklink",
       {+[](const Values& v) { return darklink(v, Lang::zh, false); },
        +[](const Values& v) { return darklink(v, Lang::en, false); }}},
      {"sec.darklink_review",
       {+[](const Values& v) { return darklink(v, Lang::zh, true); },
        +[](const Values& v) { return darklink(v, Lang::en, true); }}},
      // Content.
      {"content.personal_data",
       {+[](const Values& v) { return personal_data(v, Lang::zh); },
        +[](const Values& v) { return personal_data(v, Lang::en); }}},
      {"content.errors",
       {+[](const Values& v) { return content_errors(v, Lang::zh); },
        +[](const Values& v) { return content_errors(v, Lang::en); }}},
  };
  return table;
}

std::string meta_tag_label(std::string_view tag, Lang lang) {
  static const std::map<std::string_view, std::pair<std::string_view, std::string_view>> labels = {
      {"SiteName", {"网站名称", "site name"}},
      {"SiteDomain", {"网站域名", "site domain"}},
      {"SiteIDCode", {"网站标识码", "site code"}},
      {"ColumnName", {"栏目名称", "column name"}},
      {"ColumnType", {"栏目类别", "column type"}},
      {"ArticleTitle", {"文章标题", "article title"}},
      {"PubDate", {"发布日期", "publication date"}},
      {"ContentSource", {"文章来源", "content source"}},
  };
  auto it = labels.find(tag);
  if (it == labels.end()) return std::string(tag);
  return lang == Lang::zh ? std::string(it->second.first) + "元数据（" + std::string(tag) + "）"
                          : std::string(tag) + " meta tag (" + std::string(it->second.second) + ")";
}

}  // namespace

std::string render_detail(std::string_view code, const checks::DetailArgs& args, Lang lang) {
  auto it = sentences().find(code);
  if (it == sentences().end()) return {};
  const Values values(args);
  return (lang == Lang::zh ? it->second.zh : it->second.en)(values);
}

std::string detail_text(const checks::Finding& f, Lang lang) {
  if (lang == Lang::en && !f.detail.empty()) return f.detail;
  std::string text = render_detail(f.detail_code, f.detail_args, lang);
  return text.empty() ? f.detail : text;
}

std::vector<std::string_view> detail_codes() {
  std::vector<std::string_view> codes;
  for (const auto& [code, sentence] : sentences()) codes.push_back(code);
  return codes;
}

std::string subject_text(const checks::Finding& f, Lang lang) {
  const std::string_view code = f.code;
  if (code == "ID-MISSING" || code.starts_with("INTERACT-MISSING") ||
      code.starts_with("INTERACT-BROKEN") || code == "INTERACT-TOO-FEW") {
    return feature_label(f.subject, lang);
  }
  if (code == "COLUMN-MISSING") return column_label(f.subject, lang);
  if (code == "META-MISSING") return meta_tag_label(f.subject, lang);
  // The href stays the real URL (report_format.cpp's subject_cell); the text is readable.
  if (code.starts_with("LINK-")) return display_url(f.subject);
  return f.subject;
}

}  // namespace sitepatrol::reports
