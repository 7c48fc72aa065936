// The web console's end-to-end set-up (issue 17), shared by the HTTP tests and the Chromium
// tests: two sites of two units — the spam fixture site (a critical SEC-SPAM, a single-veto
// item, so the month's verdict fails) and a site whose broken link carries the report tests'
// XSS link text — patrolled once, then a real `sitepatrol daemon` serving the console with
// three users whose hashes come from `sitepatrol hash-password`: an operator, a viewer, and a
// viewer limited to the second site's unit. Header-only (tests compile *_test.cpp only).
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "tests/integration/daemon_helpers.h"
#include "tests/integration/daemon_receivers.h"
#include "tests/integration/patrol_harness.h"
#include "tests/support/web_client.h"

namespace sitepatrol::integration {

inline constexpr std::string_view kXssHost = "www.xss.example";
inline constexpr std::string_view kSpamUnit = "江苏省交通运输厅";
inline constexpr std::string_view kOtherUnit = "交通运输部海事局";

class ConsoleSetup {
 public:
  ConsoleSetup() {
    // The link's text is markup as text (escaped in the page): <img src=x onerror=...>坏链接.
    xss_.page("/",
              "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>"
              "<script>alert('title')</script>首页</title></head><body><a href=\"/files/"
              "gone.pdf\">&lt;img src=x onerror=alert(1)&gt;坏链接</a></body></html>");
    patrol_.set("check_external_links", "false");
    patrol_.resolve(kXssHost, xss_.port());
    patrol_.add_site("xss", site_url(kXssHost, xss_.port()),
                     "name = \"海事<b>局</b>\"\nunit = \"" + std::string(kOtherUnit) + "\"");
  }

  // Patrols once, hashes the passwords and starts the daemon; false (with the reason in
  // `error`) when something did not come up.
  bool start(std::string& error) {
    const auto first = patrol_.crawl();
    if (first.exit_code != 0 && first.exit_code != 1) {
      error = "crawl: " + first.err;
      return false;
    }
    std::string users;
    for (const auto& [name, role, units] :
         {std::tuple{"li", "operator", ""}, std::tuple{"wang", "viewer", ""},
          std::tuple{"zhao", "viewer", kOtherUnit.data()}}) {
      testsupport::ProcessOptions options;
      options.stdin_data = password(name) + "\n";
      const auto hashed =
          testsupport::run_process({testsupport::sitepatrol_binary(), "hash-password"}, options);
      if (hashed.exit_code != 0 || !hashed.out.starts_with("$argon2id$")) {
        error = "hash-password: " + hashed.err;
        return false;
      }
      users += "\n[[console.user]]\nname = \"" + std::string(name) + "\"\npassword_hash = \"" +
               hashed.out.substr(0, hashed.out.size() - 1) + "\"\nrole = \"" + role + "\"\n";
      if (*units) users += "units = [\"" + std::string(units) + "\"]\n";
    }
    const std::string text =
        patrol_.config_text() +
        "\n[schedule]\npatrol = \"0 0 1 1 *\"\nprobe_interval = \"1h\"\n"
        "\n[http]\nlisten = \"127.0.0.1:0\"\n\n[console]\nlogin_attempts = 3\n" +
        users;
    patrol_.dir().write_file("sites.toml", text);
    testsupport::ProcessOptions options;
    options.timeout = std::chrono::seconds(240);
    options.working_dir = patrol_.dir().path();
    daemon_ = std::make_unique<testsupport::ChildProcess>(
        std::vector<std::string>{testsupport::sitepatrol_binary(), "--log-level", "info", "daemon",
                                 "-c", patrol_.config_path().string()},
        options);
    port_ = metrics_port(*daemon_);
    if (port_ == 0 || !daemon_->wait_for_output("console on", std::chrono::seconds(5))) {
      error = "daemon: " + daemon_->err();
      return false;
    }
    return true;
  }

  static std::string password(std::string_view user) { return std::string(user) + "-pass-2026"; }
  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  // A client signed in as `user` (or not signed in, for "").
  std::unique_ptr<testsupport::WebClient> client(const std::string& user = "") const {
    auto c = std::make_unique<testsupport::WebClient>(base_url());
    if (!user.empty()) {
      EXPECT_TRUE(c->sign_in(user, password(user))) << user;
    }
    return c;
  }
  // The spam page's URL: the subject of the SEC-SPAM finding.
  std::string spam_page() const { return on_site(spam_, "/xwdt/t20261120_1.html"); }
  // The XSS site's broken link: the subject of its LINK-BROKEN finding.
  std::string broken_link() const { return site_url(kXssHost, xss_.port(), "/files/gone.pdf"); }
  // The site owner's fix: the homepage no longer carries the broken link.
  void remove_broken_link() {
    xss_.page("/",
              "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>首页</title></head>"
              "<body><p>首页</p></body></html>");
  }
  // The XSS site goes down: its homepage resets every connection.
  void take_xss_site_down() { xss_.reset("/"); }
  std::string daemon_err() const { return daemon_ ? daemon_->err() : ""; }
  Patrol& patrol() { return patrol_; }

 private:
  FixtureServer spam_{std::filesystem::path(SITEPATROL_TEST_DATA) / "integration/security/spam"};
  FixtureServer xss_;
  Patrol patrol_{spam_, "name = \"江苏交通\"\nunit = \"" + std::string(kSpamUnit) + "\""};
  std::unique_ptr<testsupport::ChildProcess> daemon_;
  unsigned short port_ = 0;
};

}  // namespace sitepatrol::integration
