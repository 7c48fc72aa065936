#include "tests/support/webdriver.h"

#include <arpa/inet.h>
#include <curl/curl.h>
#include <netinet/in.h>
#include <openssl/evp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <stdexcept>
#include <string_view>
#include <thread>

#include "tests/support/run_process.h"

namespace sitepatrol::testsupport {

namespace {

constexpr const char* kChromium = "/usr/bin/chromium";
constexpr const char* kDriver = "/usr/bin/chromedriver";
constexpr const char* kElementKey = "element-6066-11e4-a52e-4f735466cecf";

unsigned short free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);
  return ntohs(addr.sin_port);
}

std::size_t on_body(char* data, std::size_t size, std::size_t n, void* out) {
  static_cast<std::string*>(out)->append(data, size * n);
  return size * n;
}

std::string base64_decode(const std::string& text) {
  std::string out(text.size() / 4 * 3 + 3, '\0');
  const int n = EVP_DecodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                                reinterpret_cast<const unsigned char*>(text.data()),
                                static_cast<int>(text.size()));
  if (n < 0) throw std::runtime_error("webdriver: the screenshot is not base64");
  std::size_t padding = 0;
  for (auto it = text.rbegin(); it != text.rend() && *it == '='; ++it) ++padding;
  out.resize(static_cast<std::size_t>(n) - padding);
  return out;
}

}  // namespace

bool WebDriver::available() {
  return std::filesystem::exists(kChromium) && std::filesystem::exists(kDriver);
}

WebDriver::WebDriver(const std::filesystem::path& profile_dir) {
  const unsigned short port = free_port();
  base_ = "http://127.0.0.1:" + std::to_string(port);
  ProcessOptions options;
  options.timeout = std::chrono::minutes(10);
  driver_ = std::make_unique<ChildProcess>(
      std::vector<std::string>{kDriver, "--port=" + std::to_string(port)}, options);
  if (!driver_->wait_for_output("started successfully", std::chrono::seconds(20))) {
    throw std::runtime_error("chromedriver did not start: " + driver_->err() + driver_->out());
  }
  const nlohmann::json capabilities = {
      {"capabilities",
       {{"alwaysMatch",
         {{"browserName", "chrome"},
          {"goog:chromeOptions",
           {{"binary", kChromium},
            {"args",
             {"--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
              "--window-size=1400,1000", "--lang=zh-CN",
              "--user-data-dir=" + profile_dir.string()}}}}}}}}};
  const auto answer = call("POST", "/session", capabilities);
  session_ = answer.at("sessionId").get<std::string>();
}

WebDriver::~WebDriver() {
  if (!session_.empty()) {
    try {
      call("DELETE", "/session/" + session_);
    } catch (const std::exception&) {  // the browser is gone anyway; chromedriver is killed next
    }
  }
}

nlohmann::json WebDriver::call(const std::string& method, const std::string& path,
                               const nlohmann::json& body) {
  CURL* c = curl_easy_init();
  std::string answer;
  const std::string url = base_ + path;
  const std::string payload = body.is_null() ? "{}" : body.dump();
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method.c_str());
  if (method != "GET") curl_easy_setopt(c, CURLOPT_POSTFIELDS, payload.c_str());
  curl_slist* headers = curl_slist_append(nullptr, "Content-Type: application/json");
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &answer);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, 90L);
  const CURLcode rc = curl_easy_perform(c);
  long status = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
  curl_slist_free_all(headers);
  curl_easy_cleanup(c);
  if (rc != CURLE_OK) {
    throw std::runtime_error("webdriver " + method + " " + path + ": " + curl_easy_strerror(rc));
  }
  auto json = nlohmann::json::parse(answer, nullptr, false);
  if (json.is_discarded() || status >= 400) {
    throw std::runtime_error("webdriver " + method + " " + path + ": HTTP " +
                             std::to_string(status) + " " + answer.substr(0, 600));
  }
  return json.at("value");
}

void WebDriver::go(const std::string& url) {
  call("POST", "/session/" + session_ + "/url", {{"url", url}});
}
std::string WebDriver::url() {
  return call("GET", "/session/" + session_ + "/url").get<std::string>();
}
std::string WebDriver::source() {
  return call("GET", "/session/" + session_ + "/source").get<std::string>();
}
std::string WebDriver::title() {
  return call("GET", "/session/" + session_ + "/title").get<std::string>();
}

std::string WebDriver::element(const std::string& css) {
  const auto found = call("POST", "/session/" + session_ + "/element",
                          {{"using", "css selector"}, {"value", css}});
  return found.at(kElementKey).get<std::string>();
}

bool WebDriver::exists(const std::string& css) {
  const auto found = call("POST", "/session/" + session_ + "/elements",
                          {{"using", "css selector"}, {"value", css}});
  return !found.empty();
}

// A page that reloads (a click's navigation, the re-check page's refresh) between finding the
// element and reading it leaves a stale reference: found again on the new page, a few times.
// (Failed once in a clean-clone CI run of the operator's test.)
std::string WebDriver::text(const std::string& css) {
  for (int attempt = 1;; ++attempt) {
    try {
      return call("GET", "/session/" + session_ + "/element/" + element(css) + "/text")
          .get<std::string>();
    } catch (const std::runtime_error& e) {
      if (attempt == 10 ||
          std::string_view(e.what()).find("stale element") == std::string_view::npos)
        throw;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }
}

void WebDriver::type(const std::string& css, const std::string& text) {
  call("POST", "/session/" + session_ + "/element/" + element(css) + "/value", {{"text", text}});
}

void WebDriver::click(const std::string& css) {
  call("POST", "/session/" + session_ + "/element/" + element(css) + "/click",
       nlohmann::json::object());
}

nlohmann::json WebDriver::run(const std::string& script) {
  return call("POST", "/session/" + session_ + "/execute/sync",
              {{"script", script}, {"args", nlohmann::json::array()}});
}

nlohmann::json WebDriver::run_async(const std::string& script) {
  return call("POST", "/session/" + session_ + "/execute/async",
              {{"script", "const done = arguments[arguments.length - 1];\n" + script},
               {"args", nlohmann::json::array()}});
}

void WebDriver::screenshot(const std::filesystem::path& png) {
  const std::string data =
      base64_decode(call("GET", "/session/" + session_ + "/screenshot").get<std::string>());
  std::ofstream(png, std::ios::binary) << data;
}

}  // namespace sitepatrol::testsupport
