// Fuzzes robots.txt parsing and matching (crawler/robots.h): the file is the site's. The
// first line is a path to test, the rest the robots.txt.
#include <cstddef>
#include <cstdint>
#include <string>

#include "crawler/robots.h"
#include "tests/fuzz/fuzz_input.h"

using namespace sitepatrol;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto [path, text] = fuzz::first_line_and_rest(fuzz::as_text(data, size));
  auto robots = crawler::parse_robots(text, "sitepatrol/0.1 (+https://example.gov.cn/)");
  (void)robots.allowed(path);
  (void)robots.allowed("/");
  (void)robots.allowed("/robots.txt");
  (void)robots.allowed("/col/col123/index.html?page=2&id=%E4%BA%A4");
  return 0;
}
