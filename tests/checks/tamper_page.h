// A TRS-style government homepage, generated with knobs for what changes between patrols
// (news items, dates, "new" icons) and for what an attacker does (deface the body, inject a
// hidden link block, add a script or frame); and that page as the tamper check receives it.
// Test-only; pure.
#pragma once

#include <string>
#include <string_view>
#include <utility>

#include "checks/fingerprint.h"
#include "checks/inputs.h"
#include "crawler/html.h"

namespace sitepatrol::checks::testing {

struct PageKnobs {
  int first_item = 1;  // number of the newest news item (items count down from it)
  int news_items = 20;
  int notice_items = 8;
  int new_icons = 2;  // leading news items marked with a "new" icon
  int day = 24;       // date of the newest item, November 2026
  std::string title = "湖北省交通运输厅";
  std::string common_js = "/js/common.js?v=20261101";
  bool defaced = false;           // body replaced by a "hacked by" page
  int injected_links = 0;         // hidden gambling links appended inside the footer
  bool injected_as_list = false;  // ... as <ul><li><a> rather than bare <a>s in a <div>
  std::string extra_script;       // another <script src> in the head
  std::string extra_iframe;       // a hidden <iframe src> before </body>
};

inline std::string news_date(int day) {
  const int d = 1 + ((day % 30) + 30) % 30;
  return std::string("2026-11-") + (d < 10 ? "0" : "") + std::to_string(d);
}

inline std::string tamper_page(const PageKnobs& k) {
  std::string h = "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + k.title +
                  "</title>\n<meta name=\"SiteName\" content=\"湖北省交通运输厅\">"
                  "<meta name=\"SiteDomain\" content=\"www.site.example\">"
                  "<link rel=\"stylesheet\" href=\"/css/style.css\">\n"
                  "<script src=\"/js/jquery.min.js\"></script><script src=\"" +
                  k.common_js + "\"></script>\n";
  if (!k.extra_script.empty()) h += "<script src=\"" + k.extra_script + "\"></script>\n";
  h += "</head>\n";
  if (k.defaced) {
    return h +
           "<body bgcolor=\"black\"><div><h1>Hacked by X</h1><img src=\"http://evil.example/"
           "skull.jpg\"><p>Greetz to all my friends</p><p><b>X-Team</b></p></div></body></html>";
  }
  h += "<body>\n<div class=\"top\"><div class=\"wrap\"><a class=\"logo\" href=\"/\"><img "
       "src=\"/images/logo.png\"></a><div class=\"search\"><form action=\"/search/\"><input "
       "type=\"text\" name=\"q\"><input type=\"submit\" value=\"搜索\"></form></div></div></div>\n";
  h += "<div class=\"nav\"><ul>";
  for (const char* item : {"首页", "机构概况", "信息公开", "政务服务", "互动交流", "专题专栏",
                           "交通数据", "出行服务"}) {
    h += std::string("<li") + (std::string_view(item) == "首页" ? " class=\"on\"" : "") +
         "><a href=\"/x/\">" + item + "</a></li>";
  }
  h += "</ul></div>\n<div class=\"banner\"><div class=\"focus\"><ul>";
  for (int i = 0; i < 5; ++i) {
    h += "<li><a href=\"/ztzl/" + std::to_string(i) + "/\"><img src=\"/images/f" +
         std::to_string(i) + ".jpg\"></a><p><a href=\"/ztzl/\">专题 " + std::to_string(i) +
         "</a></p></li>";
  }
  h += "</ul></div></div>\n<div class=\"main wrap\"><div class=\"col-left\">\n"
       "<div class=\"box news\"><div class=\"hd\"><h3>工作动态</h3><a class=\"more\" "
       "href=\"/gzdt/\">更多</a></div><ul class=\"list\">\n";
  for (int i = 0; i < k.news_items; ++i) {
    const int n = k.first_item + i;
    h += "<li><a href=\"/gzdt/202611/t2026_" + std::to_string(n) + ".html\" title=\"新闻 " +
         std::to_string(n) + "\">省厅召开第" + std::to_string(n) + "次交通运输工作会议</a>";
    if (i < k.new_icons) h += "<img class=\"new\" src=\"/images/new.gif\">";
    h += "<span class=\"date\">" + news_date(k.day - i) + "</span></li>\n";
  }
  h += "</ul></div>\n<div class=\"box notice\"><div class=\"hd\"><h3>通知公告</h3><a "
       "class=\"more\" href=\"/tzgg/\">更多</a></div><ul class=\"list\">\n";
  for (int i = 0; i < k.notice_items; ++i) {
    h += "<li><a href=\"/tzgg/t" + std::to_string(k.first_item * 7 + i) +
         ".html\">关于公路养护招标的公告</a><span class=\"date\">" + news_date(k.day - 2 * i) +
         "</span></li>\n";
  }
  h += "</ul></div></div>\n<div class=\"col-right\"><div class=\"box service\"><div "
       "class=\"hd\"><h3>政务服务</h3></div><ul class=\"svc\">";
  for (const char* item :
       {"办事指南", "在线申报", "办理状态", "结果公示", "表格下载", "政策解读"}) {
    h += std::string("<li><a href=\"/bsfw/\"><img src=\"/images/i.png\"><span>") + item +
         "</span></a></li>";
  }
  h += "</ul></div>\n<div class=\"box interact\"><div class=\"hd\"><h3>互动交流</h3></div><ul>"
       "<li><a href=\"/hdjl/lyzx/\">留言咨询</a></li><li><a href=\"/hdjl/zxft/\">在线访谈</a></li>"
       "<li><a href=\"/hdjl/yjzj/\">意见征集</a></li></ul></div></div></div>\n";
  h += "<div class=\"links\"><select><option>政府网站</option>";
  for (int i = 0; i < 6; ++i) h += "<option value=\"http://www.gov.cn/\">中国政府网</option>";
  h += "</select></div>\n<div class=\"footer\"><div class=\"foot-nav\"><a href=\"/gywm/\">关于我们"
       "</a> | <a href=\"/wzdt/\">网站地图</a> | <a href=\"/lxwm/\">联系我们</a></div>"
       "<div class=\"copyright\"><p>主办单位：湖北省交通运输厅</p><p>网站标识码：4200000001 "
       "<a href=\"https://beian.miit.gov.cn/\">鄂ICP备05003311号</a> <a "
       "href=\"http://www.beian.gov.cn/\"><img src=\"/images/ga.png\">鄂公网安备 42010602000001号"
       "</a></p><p><a href=\"https://bszs.conac.cn/\"><img src=\"/images/dzjg.png\"></a></p></div>";
  if (k.injected_links > 0) {
    h += k.injected_as_list ? "<ul style=\"position:absolute;top:-999px\">"
                            : "<div style=\"display:none\">";
    for (int i = 0; i < k.injected_links; ++i) {
      const std::string a = "<a href=\"http://bet" + std::to_string(i) + ".example/\">澳门赌场" +
                            std::to_string(i) + "</a>";
      h += k.injected_as_list ? "<li>" + a + "</li>" : a;
    }
    h += k.injected_as_list ? "</ul>" : "</div>";
  }
  h += "</div>\n";
  if (!k.extra_iframe.empty()) {
    h += "<iframe src=\"" + k.extra_iframe + "\" width=\"0\" height=\"0\"></iframe>\n";
  }
  h += "</body></html>\n";
  return h;
}

// What the tamper check sees of such a page: parsed as the crawler parses the homepage and
// column pages, then sketched.
inline PageResult parsed_page(const PageKnobs& knobs,
                              const std::string& url = "http://www.site.example/") {
  crawler::ParseOptions options;
  options.structure = true;
  crawler::ParsedHtml html = crawler::parse_html(tamper_page(knobs), url, options);
  PageResult page;
  page.url = url;
  page.final_url = url;
  page.status = 200;
  page.title = html.title;
  page.links = std::move(html.links);
  page.sketch = sketch_page(html.tag_paths, page.links, page.title);
  return page;
}

}  // namespace sitepatrol::checks::testing
