// [security]: defaults and reading the section (config/security.h, config/security_section.h).
#include <algorithm>

#include "config/security.h"
#include "config/security_section.h"

namespace sitepatrol::config {

const std::vector<std::string>& default_approved_script_hosts() {
  // Each entry covers its subdomains. Whole domains only where the operator serves nothing
  // but its own code from every subdomain (cnzz.com, 51.la); otherwise single hosts.
  // clang-format off
  static const std::vector<std::string> hosts = {
      // statistics
      "hm.baidu.com", "hmcdn.baidu.com", "zz.bdstatic.com", "push.zhanzhang.baidu.com",
      "cnzz.com", "51.la",
      // public front-end CDNs
      "cdn.bootcdn.net", "cdn.bootcss.com", "cdn.staticfile.org", "cdn.staticfile.net",
      "cdnjs.cloudflare.com", "cdn.jsdelivr.net", "unpkg.com", "ajax.googleapis.com",
      "code.jquery.com", "ajax.aspnetcdn.com", "lib.baomitu.com", "libs.baidu.com",
      "apps.bdimg.com", "lib.sinaapp.com", "g.alicdn.com",
      // maps
      "api.map.baidu.com", "api0.map.bdimg.com", "webapi.amap.com", "restapi.amap.com",
      "map.qq.com", "apis.map.qq.com", "api.tianditu.gov.cn",
      // WeChat JS-SDK, sharing, embedded video
      "res.wx.qq.com", "res2.wx.qq.com", "bdimg.share.baidu.com", "v.qq.com",
      "player.bilibili.com",
      // government widgets: 我为政府网站找错 (both hosts it has been served from), 党政机关 mark
      "zfwzgl.www.gov.cn", "pucha.kaipuyun.cn", "dcs.conac.cn",
  };
  // clang-format on
  return hosts;
}

SecurityConfig default_security() {
  SecurityConfig s;
  s.spam_terms = builtin_spam_terms();
  s.approved_script_hosts = default_approved_script_hosts();
  return s;
}

namespace detail {

void read_security(TableReader& r, SecurityConfig& out, const std::filesystem::path& folder) {
  out = default_security();

  std::string terms_file;
  if (r.read("spam_terms_file", terms_file) && !terms_file.empty()) {
    out.spam_terms_file = relative_to(folder, terms_file);
    std::error_code ec;
    if (!std::filesystem::is_regular_file(out.spam_terms_file, ec)) {
      r.problems().add(r.node("spam_terms_file")->source(), r.path_of("spam_terms_file"),
                       "cannot open '" + out.spam_terms_file.string() + "'");
    } else if (auto terms = load_spam_terms(out.spam_terms_file)) {
      out.spam_terms = std::move(*terms);
    } else {
      r.problems().add(std::move(terms.error()));  // the term file's own name, line and key
    }
  }
  r.read("spam_threshold", out.spam_threshold, 1, 1'000'000);

  std::vector<std::string> hosts;
  if (r.read("approved_script_hosts", hosts, check_domain)) {
    for (auto& host : hosts) {
      if (std::ranges::find(out.approved_script_hosts, host) == out.approved_script_hosts.end()) {
        out.approved_script_hosts.push_back(std::move(host));
      }
    }
  }
  r.read("tamper_threshold", out.tamper_threshold, 0.0, 1.0, /*lo_open=*/true);
  r.reject_unknown_keys();
}

}  // namespace detail
}  // namespace sitepatrol::config
