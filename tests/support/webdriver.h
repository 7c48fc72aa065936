// Headless Chromium driven through WebDriver (Debian's chromium and chromium-driver), for the
// console's browser tests: a real browser signs in, clicks, fills forms and runs the page's
// script, as a person would. The W3C WebDriver protocol is JSON over HTTP to chromedriver on
// loopback (libcurl). Throws std::runtime_error with chromedriver's message when a command
// fails, so a test reads what went wrong. Belongs to one thread.
#pragma once

#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

namespace sitepatrol::testsupport {

class ChildProcess;

class WebDriver {
 public:
  // Starts chromedriver and a headless Chromium with its profile in `profile_dir`.
  explicit WebDriver(const std::filesystem::path& profile_dir);
  ~WebDriver();
  WebDriver(const WebDriver&) = delete;
  WebDriver& operator=(const WebDriver&) = delete;

  // Whether chromium and chromedriver are installed (deploy/install-deps.sh installs both).
  static bool available();

  void go(const std::string& url);
  std::string url();
  std::string source();
  std::string title();
  // The text of the first element matching a CSS selector; throws when there is none.
  std::string text(const std::string& css);
  bool exists(const std::string& css);
  void type(const std::string& css, const std::string& text);
  void click(const std::string& css);
  // Runs `script` (a function body) in the page; its return value.
  nlohmann::json run(const std::string& script);
  // Runs `script`, which ends by calling done(value) (a fetch's answer, say); that value.
  nlohmann::json run_async(const std::string& script);
  // A PNG of the window.
  void screenshot(const std::filesystem::path& png);

 private:
  nlohmann::json call(const std::string& method, const std::string& path,
                      const nlohmann::json& body = nullptr);
  std::string element(const std::string& css);

  std::unique_ptr<ChildProcess> driver_;
  std::string base_;
  std::string session_;
};

}  // namespace sitepatrol::testsupport
