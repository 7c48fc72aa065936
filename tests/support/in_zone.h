// InZone: sets TZ for the lifetime of a test (cron expressions and maintenance windows are
// local time) and restores it after; utc() names an instant whatever the zone. One test
// thread at a time, like setenv.
#pragma once

#include <chrono>
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

inline std::chrono::system_clock::time_point utc(int y, int mo, int d, int h, int mi, int s = 0) {
  std::tm tm{};
  tm.tm_year = y - 1900;
  tm.tm_mon = mo - 1;
  tm.tm_mday = d;
  tm.tm_hour = h;
  tm.tm_min = mi;
  tm.tm_sec = s;
  return std::chrono::system_clock::from_time_t(timegm(&tm));
}

}  // namespace sitepatrol::testsupport
