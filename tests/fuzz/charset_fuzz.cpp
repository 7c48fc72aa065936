// Fuzzes charset detection and decoding (crawler/charset.h): bodies and Content-Type headers
// come from the server. The first line is the Content-Type, the rest the body. Whatever the
// bytes, conversion gives UTF-8 (invalid sequences become U+FFFD) and never fails.
#include <cstddef>
#include <cstdint>
#include <string>

#include "crawler/charset.h"
#include "tests/fuzz/fuzz_input.h"

using namespace sitepatrol;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto [content_type, body] = fuzz::first_line_and_rest(fuzz::as_text(data, size));
  auto charset = crawler::detect_charset(content_type, body);
  auto utf8 = crawler::to_utf8(body, charset);
  (void)crawler::encode_query(utf8, charset);
  // The charsets government sites use, whatever was detected.
  for (const char* other : {"gb18030", "big5", "utf-16le", "utf-8"})
    (void)crawler::to_utf8(body, other);
  (void)crawler::encode_query(body, "gbk");
  return 0;
}
