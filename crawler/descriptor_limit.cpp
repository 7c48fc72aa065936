#include "crawler/descriptor_limit.h"

#include <sys/resource.h>

#include <algorithm>

namespace sitepatrol::crawler {

long raise_descriptor_limit() {
  constexpr rlim_t kCeiling = 1 << 20;
  rlimit r{};
  if (::getrlimit(RLIMIT_NOFILE, &r) != 0) return 1024;
  const rlim_t hard = r.rlim_max == RLIM_INFINITY ? kCeiling : std::min(r.rlim_max, kCeiling);
  if (r.rlim_cur == RLIM_INFINITY || r.rlim_cur >= hard) return static_cast<long>(hard);
  rlimit raised = r;
  raised.rlim_cur = hard;
  if (::setrlimit(RLIMIT_NOFILE, &raised) == 0) return static_cast<long>(hard);
  return static_cast<long>(r.rlim_cur);
}

}  // namespace sitepatrol::crawler
