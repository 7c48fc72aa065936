// Fuzzes URL resolution and normal form (crawler/url.h): every href of every page goes
// through them. The first line is the base, the rest the reference; the whole input is also
// normalised on its own. The normal form must be a fixed point: normalising a normalised URL
// changes nothing (issue 12, failure 14), and a resolved URL is already normal; url_host
// gives split_url's host. Such a difference aborts with the URLs printed.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "crawler/url.h"
#include "tests/fuzz/fuzz_input.h"

using namespace sitepatrol;

namespace {

void expect_fixed_point(std::string_view what, const std::string& url) {
  auto again = crawler::normalize_url(url);
  if (again && *again == url) return;
  std::fprintf(stderr, "%.*s is not a fixed point of normalize_url:\n  %s\n  -> %s\n",
               static_cast<int>(what.size()), what.data(), url.c_str(),
               again ? again->c_str() : "(nullopt)");
  std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto text = fuzz::as_text(data, size);
  auto [base, ref] = fuzz::first_line_and_rest(text);

  if (auto normal = crawler::normalize_url(text)) {
    expect_fixed_point("normalize_url(input)", *normal);
    (void)crawler::split_url(*normal);
    (void)crawler::url_host(*normal);
    (void)crawler::looks_like_resource(*normal);
  }
  if (auto resolved = crawler::resolve_url(base, ref))
    expect_fixed_point("resolve_url(base, ref)", *resolved);
  else
    (void)crawler::is_malformed_reference(ref);
  (void)crawler::reference_scheme(ref);
  // url_host's short way (a plain authority read off) must agree with the long one.
  auto parts = crawler::split_url(text);
  if (crawler::url_host(text) != (parts ? parts->host : std::string())) {
    std::fprintf(stderr, "url_host and split_url disagree on %s\n", std::string(text).c_str());
    std::abort();
  }
  return 0;
}
