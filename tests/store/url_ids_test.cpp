#include "store/url_ids.h"

#include <gtest/gtest.h>

#include <string>

namespace sitepatrol::store {
namespace {

TEST(UrlIds, ARememberedUrlIsFoundByItsExactText) {
  UrlIds ids(8);
  ids.remember("http://www.jt.gov.cn/zwgk/", 7, 0);
  EXPECT_EQ(ids.find("http://www.jt.gov.cn/zwgk/", 0), 7);
  EXPECT_EQ(ids.find("http://www.jt.gov.cn/zwgk", 0), std::nullopt);
  EXPECT_EQ(ids.find("HTTP://www.jt.gov.cn/zwgk/", 0), std::nullopt);
}

// An id handed out inside a transaction that was rolled back may be given to another URL.
TEST(UrlIds, ARollbackForgetsEverythingRememberedBefore) {
  UrlIds ids(8);
  ids.remember("http://a.gov.cn/", 1, 0);
  ids.remember("http://b.gov.cn/", 2, 0);
  EXPECT_EQ(ids.find("http://a.gov.cn/", 1), std::nullopt);
  EXPECT_EQ(ids.find("http://b.gov.cn/", 1), std::nullopt);
  ids.remember("http://c.gov.cn/", 2, 1);
  EXPECT_EQ(ids.find("http://c.gov.cn/", 1), 2);
}

TEST(UrlIds, AFullMemoryStartsAgainEmpty) {
  UrlIds ids(3);
  for (int i = 0; i < 3; ++i) ids.remember("http://a.gov.cn/" + std::to_string(i), i, 0);
  EXPECT_EQ(ids.size(), 3u);
  ids.remember("http://a.gov.cn/new", 9, 0);
  EXPECT_EQ(ids.size(), 1u);
  EXPECT_EQ(ids.find("http://a.gov.cn/0", 0), std::nullopt);
  EXPECT_EQ(ids.find("http://a.gov.cn/new", 0), 9);
}

TEST(UrlIds, ANewCapacityBoundsWhatComesAndEmptiesAMemoryPastIt) {
  UrlIds ids(2);
  ids.set_capacity(4);
  for (int i = 0; i < 4; ++i) ids.remember("http://a.gov.cn/" + std::to_string(i), i, 0);
  EXPECT_EQ(ids.size(), 4u);
  EXPECT_EQ(ids.find("http://a.gov.cn/0", 0), 0);
  ids.set_capacity(3);
  EXPECT_EQ(ids.size(), 0u);
  EXPECT_EQ(ids.find("http://a.gov.cn/3", 0), std::nullopt);
}

}  // namespace
}  // namespace sitepatrol::store
