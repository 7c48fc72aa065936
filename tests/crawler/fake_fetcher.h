// An in-memory Fetcher for tests above the curl layer: scripted answers per URL, every
// request recorded, completions posted to the io_context (never inline, like CurlFetcher).
//
// Thread rules: like CurlFetcher, use it on the io_context's thread only.
#pragma once

#include <chrono>
#include <deque>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>

#include "crawler/fetcher.h"

namespace sitepatrol::crawler::fakes {

inline FetchResponse answer(int status,
                            std::vector<std::pair<std::string, std::string>> headers = {},
                            std::string body = "") {
  FetchResponse r;
  r.status = status;
  r.headers = std::move(headers);
  r.body = std::move(body);
  r.elapsed_ms = 1;
  return r;
}

inline FetchResponse redirect_to(std::string location, int status = 301) {
  return answer(status, {{"location", std::move(location)}});
}

inline FetchResponse failure(checks::FetchError error, std::string text = "scripted failure") {
  FetchResponse r;
  r.error = error;
  r.error_text = std::move(text);
  r.elapsed_ms = 1;
  return r;
}

class FakeFetcher final : public Fetcher {
 public:
  struct Seen {
    FetchRequest request;
    std::chrono::steady_clock::time_point at;
  };

  explicit FakeFetcher(boost::asio::io_context& io) : io_(io) {}

  // Answers for `url`, given in order; the last one repeats. Unscripted URLs get a 404.
  void script(const std::string& url, std::vector<FetchResponse> answers) {
    scripts_[url] = std::deque<FetchResponse>(answers.begin(), answers.end());
  }

  // Every answer arrives this long after its request.
  void set_latency(std::chrono::milliseconds latency) { latency_ = latency; }

  void fetch(FetchRequest request, FetchHandler done) override {
    seen.push_back({request, std::chrono::steady_clock::now()});
    FetchResponse r = answer(404, {{"content-type", "text/html"}}, "<html>404</html>");
    if (auto it = scripts_.find(request.url); it != scripts_.end() && !it->second.empty()) {
      r = it->second.front();
      if (it->second.size() > 1) it->second.pop_front();
    }
    if (latency_.count() == 0) {
      boost::asio::post(
          io_, [done = std::move(done), r = std::move(r)]() mutable { done(std::move(r)); });
      return;
    }
    auto timer = std::make_shared<boost::asio::steady_timer>(io_, latency_);
    timer->async_wait([timer, done = std::move(done), r = std::move(r)](
                          const boost::system::error_code&) mutable { done(std::move(r)); });
  }

  std::vector<std::string> urls() const {
    std::vector<std::string> out;
    for (const auto& s : seen) out.push_back(s.request.url);
    return out;
  }

  std::vector<Seen> seen;

 private:
  boost::asio::io_context& io_;
  std::map<std::string, std::deque<FetchResponse>> scripts_;
  std::chrono::milliseconds latency_{0};
};

}  // namespace sitepatrol::crawler::fakes
