#include "crawler/tls_dates.h"

#include <gtest/gtest.h>

#include <optional>

namespace sitepatrol::crawler {
namespace {

TEST(ParseCertDate, OpenSslFormatWithPaddedDay) {
  // What CURLINFO_CERTINFO gives after "Expire date:".
  EXPECT_EQ(parse_cert_date("Jan  1 00:00:00 2027 GMT"), 1798761600);
  EXPECT_EQ(parse_cert_date(" Jan  1 00:00:00 2027 GMT"), 1798761600);  // after the colon
}

TEST(ParseCertDate, TwoDigitDayAndLeapDay) {
  EXPECT_EQ(parse_cert_date("Feb 29 12:34:56 2028 GMT"), 1835440496);
  EXPECT_EQ(parse_cert_date("Nov 25 02:00:00 2026 GMT"), 1795572000);
}

TEST(ParseCertDate, IsUtcWhateverTheLocalZone) {
  // timegm, not mktime: the date is the same instant in every time zone.
  EXPECT_EQ(parse_cert_date("Jan  1 00:00:00 1970 GMT"), 0);
}

TEST(ParseCertDate, NotADateIsNullopt) {
  EXPECT_EQ(parse_cert_date(""), std::nullopt);
  EXPECT_EQ(parse_cert_date("not a date"), std::nullopt);
  EXPECT_EQ(parse_cert_date("2027-01-01T00:00:00Z"), std::nullopt);
  EXPECT_EQ(parse_cert_date("Foo  1 00:00:00 2027 GMT"), std::nullopt);
}

}  // namespace
}  // namespace sitepatrol::crawler
