// Fuzzes the configuration loader (config/config.h, parse_config): operators write it, and
// `sitepatrol check URL...` builds one from arguments. Any text must give a Config or a
// ConfigError that prints, never a crash. Files named in the text are read relative to a
// directory that does not exist, so the fuzzer reads no file of this machine by accident
// (absolute paths excepted; nothing is written).
#include <cstddef>
#include <cstdint>

#include "config/config.h"
#include "tests/fuzz/fuzz_input.h"

using namespace sitepatrol;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto result =
      config::parse_config(fuzz::as_text(data, size), "/nonexistent/sitepatrol-fuzz/sites.toml");
  if (!result) (void)result.error().to_string();
  return 0;
}
