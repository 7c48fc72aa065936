// A browser-like HTTP client for the console's tests: keeps cookies between requests (as a
// browser does; curl's cookie engine), does not follow redirects (the test reads the 303),
// and posts forms. libcurl easy, loopback only. Belongs to one thread.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace sitepatrol::testsupport {

struct WebAnswer {
  int status = 0;                                            // 0 when no answer came
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased
  std::string body;
  std::string header(const std::string& lower_name) const;  // the first; "" when absent
};

class WebClient {
 public:
  explicit WebClient(std::string base_url);  // "http://127.0.0.1:PORT"
  ~WebClient();
  WebClient(const WebClient&) = delete;
  WebClient& operator=(const WebClient&) = delete;

  WebAnswer get(const std::string& path, const std::vector<std::string>& headers = {});
  // application/x-www-form-urlencoded from `fields` (encoded here).
  WebAnswer post(const std::string& path, const std::map<std::string, std::string>& fields,
                 const std::vector<std::string>& headers = {});
  // Signs in through the login form; true when the console answered with its session cookie.
  bool sign_in(const std::string& name, const std::string& password);
  // The hidden csrf field of a page ("" when the page has none).
  static std::string csrf_of(const std::string& page);

 private:
  WebAnswer perform(const std::string& path, const std::string* body,
                    const std::vector<std::string>& headers);

  std::string base_;
  struct Handle;
  std::unique_ptr<Handle> handle_;
};

}  // namespace sitepatrol::testsupport
