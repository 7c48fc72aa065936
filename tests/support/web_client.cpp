#include "tests/support/web_client.h"

#include <curl/curl.h>

#include <regex>

#include "config/ascii.h"

namespace sitepatrol::testsupport {

struct WebClient::Handle {
  CURL* curl = curl_easy_init();
  ~Handle() { curl_easy_cleanup(curl); }
};

namespace {

std::size_t on_body(char* data, std::size_t size, std::size_t n, void* out) {
  static_cast<std::string*>(out)->append(data, size * n);
  return size * n;
}

std::size_t on_header(char* data, std::size_t size, std::size_t n, void* out) {
  std::string line(data, size * n);
  auto& headers = *static_cast<std::vector<std::pair<std::string, std::string>>*>(out);
  const auto colon = line.find(':');
  if (colon != std::string::npos) {
    std::string value = line.substr(colon + 1);
    while (!value.empty() && (value.front() == ' ')) value.erase(0, 1);
    while (!value.empty() && (value.back() == '\r' || value.back() == '\n')) value.pop_back();
    headers.emplace_back(ascii_lower(line.substr(0, colon)), value);
  }
  return size * n;
}

std::string encode(CURL* curl, const std::map<std::string, std::string>& fields) {
  std::string out;
  for (const auto& [name, value] : fields) {
    char* v = curl_easy_escape(curl, value.data(), static_cast<int>(value.size()));
    if (!out.empty()) out += '&';
    out += name + "=" + v;
    curl_free(v);
  }
  return out;
}

}  // namespace

std::string WebAnswer::header(const std::string& lower_name) const {
  for (const auto& [name, value] : headers) {
    if (name == lower_name) return value;
  }
  return {};
}

WebClient::WebClient(std::string base_url)
    : base_(std::move(base_url)), handle_(std::make_unique<Handle>()) {
  curl_easy_setopt(handle_->curl, CURLOPT_COOKIEFILE, "");  // the cookie engine, in memory
  curl_easy_setopt(handle_->curl, CURLOPT_TIMEOUT, 30L);
}

WebClient::~WebClient() = default;

WebAnswer WebClient::perform(const std::string& path, const std::string* body,
                             const std::vector<std::string>& headers) {
  CURL* c = handle_->curl;
  WebAnswer answer;
  const std::string url = base_ + path;
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &answer.body);
  curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(c, CURLOPT_HEADERDATA, &answer.headers);
  if (body != nullptr) {
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, body->c_str());
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, static_cast<long>(body->size()));
  } else {
    curl_easy_setopt(c, CURLOPT_HTTPGET, 1L);
  }
  curl_slist* list = nullptr;
  for (const auto& h : headers) list = curl_slist_append(list, h.c_str());
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, list);
  if (curl_easy_perform(c) == CURLE_OK) {
    long status = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    answer.status = static_cast<int>(status);
  }
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, nullptr);
  curl_slist_free_all(list);
  return answer;
}

WebAnswer WebClient::get(const std::string& path, const std::vector<std::string>& headers) {
  return perform(path, nullptr, headers);
}

WebAnswer WebClient::post(const std::string& path, const std::map<std::string, std::string>& fields,
                          const std::vector<std::string>& headers) {
  const std::string body = encode(handle_->curl, fields);
  return perform(path, &body, headers);
}

bool WebClient::sign_in(const std::string& name, const std::string& password) {
  const WebAnswer answer = post("/login", {{"name", name}, {"password", password}, {"back", "/"}});
  return answer.status == 303 && answer.header("set-cookie").starts_with("sp_session=");
}

std::string WebClient::csrf_of(const std::string& page) {
  static const std::regex field(R"re(name="csrf" value="([0-9a-f]+)")re");
  std::smatch m;
  return std::regex_search(page, m, field) ? m[1].str() : std::string();
}

}  // namespace sitepatrol::testsupport
