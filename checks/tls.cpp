#include "checks/tls.h"

#include <chrono>
#include <cstdio>

#include "checks/emit.h"
#include "checks/host.h"

namespace sitepatrol::checks {
namespace {

constexpr std::int64_t kDay = 24 * 60 * 60;
constexpr std::int64_t kWarnDays = 30;

// "2026-12-01" (UTC).
std::string utc_date(std::int64_t unix_seconds) {
  using namespace std::chrono;
  const year_month_day ymd{floor<days>(sys_seconds{seconds{unix_seconds}})};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return text;
}

std::string days(std::int64_t n) { return std::to_string(n) + (n == 1 ? " day" : " days"); }

}  // namespace

void check_tls(const SiteContext& ctx, const SiteResult& result, Findings& out) {
  const PageResult& home = result.homepage;
  const TlsInfo& tls = home.tls;
  if (!tls.https) return;
  const std::string& url = home.final_url.empty() ? home.url : home.final_url;
  const std::string host(host_of(url));
  const std::int64_t now =
      std::chrono::duration_cast<std::chrono::seconds>(ctx.now.time_since_epoch()).count();
  const auto report = [&](Severity severity, Detail detail) {
    emit(ctx, out, "TLS-CERT", severity, host, home.url, std::move(detail));
  };

  if (tls.not_after && *tls.not_after < now) {
    report(Severity::error, {"certificate expired on " + utc_date(*tls.not_after) + " (" +
                                 days((now - *tls.not_after) / kDay) + " ago)",
                             "tls.expired",
                             {{"date", utc_date(*tls.not_after)},
                              {"days", std::to_string((now - *tls.not_after) / kDay)}}});
  } else if (tls.not_before && *tls.not_before > now) {
    report(Severity::error, {"certificate not valid before " + utc_date(*tls.not_before),
                             "tls.not_yet_valid",
                             {{"date", utc_date(*tls.not_before)}}});
  } else if (!tls.verify_error.empty()) {
    report(Severity::error, {"certificate verification failed: " + tls.verify_error,
                             "tls.verify_failed",
                             {{"error_text", tls.verify_error}}});
  } else if (home.error == FetchError::tls) {
    report(Severity::error,
           {"TLS handshake failed: " +
                (home.error_text.empty() ? std::string("no detail") : home.error_text),
            "tls.handshake_failed",
            {{"error_text", home.error_text}}});
  } else if (tls.not_after && *tls.not_after - now < kWarnDays * kDay) {
    report(Severity::warning, {"certificate expires on " + utc_date(*tls.not_after) + " (" +
                                   days((*tls.not_after - now) / kDay) + " left)",
                               "tls.expires_soon",
                               {{"date", utc_date(*tls.not_after)},
                                {"days", std::to_string((*tls.not_after - now) / kDay)}}});
  }
}

}  // namespace sitepatrol::checks
