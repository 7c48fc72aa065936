#include "crawler/pending_memory.h"

#include <gtest/gtest.h>

#include <optional>
#include <string>

namespace sitepatrol::crawler {
namespace {

store::PageMemory memory_titled(std::string title) {
  store::PageMemory m;
  m.title = std::move(title);
  return m;
}

TEST(PendingMemory, AnAnswerThatCameFirstIsHandedOverWhenAsked) {
  PendingMemory pending;
  pending.set(memory_titled("交通运输厅"));
  std::optional<PendingMemory::Memory> got;
  pending.then([&](PendingMemory::Memory m) { got = std::move(m); });
  ASSERT_TRUE(got.has_value());
  ASSERT_TRUE(got->has_value());
  EXPECT_EQ((*got)->title, "交通运输厅");
}

TEST(PendingMemory, AWaiterRunsOnceWhenTheAnswerComes) {
  PendingMemory pending;
  int calls = 0;
  std::optional<PendingMemory::Memory> got;
  pending.then([&](PendingMemory::Memory m) {
    ++calls;
    got = std::move(m);
  });
  EXPECT_EQ(calls, 0);
  pending.set(std::nullopt);  // the store knows no such page
  EXPECT_EQ(calls, 1);
  ASSERT_TRUE(got.has_value());
  EXPECT_FALSE(got->has_value());
}

}  // namespace
}  // namespace sitepatrol::crawler
