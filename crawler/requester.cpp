#include "crawler/requester.h"

#include <algorithm>
#include <charconv>
#include <ctime>
#include <limits>

#include <boost/asio/steady_timer.hpp>

#include "crawler/url.h"

namespace sitepatrol::crawler {

namespace asio = boost::asio;
using checks::FetchError;

struct Requester::Job {
  std::string url;            // original
  std::string current;        // this hop
  std::vector<std::string> chain;
  std::function<void(FetchRequest&)> shape;
  bool head = false;
  bool fell_back = false;     // HEAD was refused; now a headers-only GET
  int retries = 0;
  double elapsed_ms = 0;
  OutcomeHandler done;
  Outcome outcome;
};

Requester::Requester(asio::io_context& io, Fetcher& fetcher, HostGate& gate,
                     RequestFactory factory, RequesterOptions options)
    : io_(io), fetcher_(fetcher), gate_(gate), factory_(std::move(factory)),
      options_(options) {}

void Requester::get(const std::string& url, std::function<void(FetchRequest&)> shape,
                    OutcomeHandler done) {
  auto job = std::make_shared<Job>();
  job->url = job->current = url;
  job->chain.push_back(url);
  job->shape = std::move(shape);
  job->done = std::move(done);
  attempt(std::move(job));
}

void Requester::check(const std::string& url, OutcomeHandler done) {
  auto job = std::make_shared<Job>();
  job->url = job->current = url;
  job->chain.push_back(url);
  job->head = true;
  job->done = std::move(done);
  attempt(std::move(job));
}

void Requester::attempt(std::shared_ptr<Job> job) {
  const std::string host = url_host(job->current);
  gate_.acquire(host, [this, job, host] {
    FetchRequest request = factory_(job->current);
    if (job->head) {
      request.head = !job->fell_back;
      request.want_body = false;
    }
    if (job->shape && job->chain.size() == 1) job->shape(request);
    if (job->shape && job->chain.size() > 1) {
      // Later hops keep the body wishes of the first (and its body cap: an attachment's is
      // not a page's), not its validators.
      FetchRequest shaped = request;
      job->shape(shaped);
      request.html_only = shaped.html_only;
      request.want_body = shaped.want_body;
      request.want_certinfo = shaped.want_certinfo;
      request.max_body = shaped.max_body;
    }
    job->outcome.method = request.head ? "HEAD" : "GET";
    fetcher_.fetch(std::move(request), [this, job, host](FetchResponse response) {
      gate_.release(host);
      answered(job, std::move(response));
    });
  });
}

void Requester::answered(std::shared_ptr<Job> job, FetchResponse r) {
  job->elapsed_ms += r.elapsed_ms;
  const int s = r.status;

  // Transient trouble: retry with backoff (honouring Retry-After) a bounded number of times.
  const bool transient = r.error == FetchError::reset || s == 429 || s == 503;
  if (transient && job->retries < options_.max_retries) {
    auto wait = options_.backoff * (1 << job->retries);
    if (auto ra = parse_retry_after(r.header("retry-after"), std::chrono::system_clock::now()))
      wait = std::min(*ra, options_.max_retry_after);
    ++job->retries;
    retry_later(job, std::chrono::duration_cast<std::chrono::milliseconds>(wait));
    return;
  }

  // HEAD refused: ask again with GET, reading headers only.
  if (job->head && !job->fell_back && (s == 405 || s == 403 || s == 501)) {
    job->fell_back = true;
    attempt(job);
    return;
  }

  const bool redirect = s == 301 || s == 302 || s == 303 || s == 307 || s == 308;
  const auto location = r.header("location");
  if (redirect && !location.empty()) {
    auto next = resolve_url(job->current, location);
    if (next) {
      if (std::find(job->chain.begin(), job->chain.end(), *next) != job->chain.end()) {
        job->chain.push_back(*next);  // the hop that closes the loop is part of the record
        job->outcome.error = FetchError::redirect_loop;
        job->outcome.error_text = "redirect loop back to " + *next;
      } else if (static_cast<int>(job->chain.size()) > options_.max_redirects) {
        job->outcome.error = FetchError::too_many_redirects;
        job->outcome.error_text =
            "more than " + std::to_string(options_.max_redirects) + " redirects";
      } else {
        job->chain.push_back(*next);
        job->current = *next;
        job->retries = 0;
        attempt(job);
        return;
      }
      job->outcome.response = std::move(r);
      complete(job);
      return;
    }
    // A redirect no browser can follow over HTTP (ftp:, file:, mailto:, ...) or that cannot
    // be parsed ends the chain: the link is broken for every reader.
    const std::string target(location.substr(0, 200));  // a data: URL can be megabytes
    job->outcome.error = FetchError::other;
    job->outcome.error_text =
        is_malformed_reference(location)
            ? "redirect to a malformed URL: " + target
            : "redirect to a non-HTTP(S) target (" + reference_scheme(location) + ":): " + target;
    job->outcome.response = std::move(r);
    complete(job);
    return;
  }
  job->outcome.error = r.error;
  job->outcome.error_text = r.error_text;
  job->outcome.response = std::move(r);
  complete(job);
}

void Requester::retry_later(std::shared_ptr<Job> job, std::chrono::milliseconds wait) {
  auto timer = std::make_shared<asio::steady_timer>(io_, wait);
  timer->async_wait([this, job, timer](const boost::system::error_code&) { attempt(job); });
}

void Requester::complete(std::shared_ptr<Job> job) {
  Outcome& o = job->outcome;
  o.url = job->url;
  o.final_url = job->current;
  o.redirects.assign(job->chain.begin() + 1, job->chain.end());
  o.elapsed_ms = job->elapsed_ms;
  auto done = std::move(job->done);
  done(std::move(o));
}

std::optional<std::chrono::milliseconds> parse_retry_after(
    std::string_view value, std::chrono::system_clock::time_point now) {
  while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
  if (value.empty()) return std::nullopt;
  long seconds = 0;
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), seconds);
  if (ec == std::errc{} && end == value.data() + value.size() && seconds >= 0) {
    // Clamped so the multiplication cannot overflow into a negative wait.
    constexpr long kMaxSeconds = std::numeric_limits<long>::max() / 1000;
    return std::chrono::milliseconds(std::min(seconds, kMaxSeconds) * 1000);
  }
  std::tm tm{};
  std::string text(value);
  if (!strptime(text.c_str(), "%a, %d %b %Y %H:%M:%S GMT", &tm)) return std::nullopt;
  auto at = std::chrono::system_clock::from_time_t(timegm(&tm));
  if (at <= now) return std::chrono::milliseconds(0);
  return std::chrono::duration_cast<std::chrono::milliseconds>(at - now);
}

}  // namespace sitepatrol::crawler
