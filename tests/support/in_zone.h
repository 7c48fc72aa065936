// InZone: sets TZ for the lifetime of a test (cron expressions and maintenance windows are
// local time) and restores it after. One test thread at a time, like setenv.
#pragma once

#include <cstdlib>
#include <ctime>
#include <string>

namespace sitepatrol::testsupport {

class InZone {
 public:
  explicit InZone(const char* tz) {
    if (const char* old = std::getenv("TZ")) old_ = old;
    setenv("TZ", tz, 1);
    tzset();
  }
  ~InZone() {
    if (old_.empty()) {
      unsetenv("TZ");
    } else {
      setenv("TZ", old_.c_str(), 1);
    }
    tzset();
  }
  InZone(const InZone&) = delete;
  InZone& operator=(const InZone&) = delete;

 private:
  std::string old_;
};

}  // namespace sitepatrol::testsupport
