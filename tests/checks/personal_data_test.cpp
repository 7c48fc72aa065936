#include "checks/personal_data.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "checks/privacy.h"

namespace sitepatrol::checks {
namespace {

using Strings = std::vector<std::string>;

// 11010519491231002X is the worked example of GB 11643-1999 itself; the others are made with
// its check rule and are nobody's.
constexpr const char* kId = "11010519491231002X";
constexpr const char* kId2 = "320102198001010016";

TEST(ResidentId, CheckCharacterProvinceAndDateMustHold) {
  EXPECT_TRUE(valid_resident_id(kId));
  EXPECT_TRUE(valid_resident_id(kId2));
  EXPECT_TRUE(valid_resident_id("110101200002290042"));   // 29 February of a leap year
  EXPECT_FALSE(valid_resident_id("320102198001010017"));  // check digit off by one
  EXPECT_FALSE(valid_resident_id("990102198001010016"));  // no province 99
  EXPECT_FALSE(valid_resident_id("320102198013010016"));  // month 13
  EXPECT_FALSE(valid_resident_id("11010519491231002"));   // 17 characters
}

TEST(ResidentId, FoundAloneOnlyAndNeverMasked) {
  EXPECT_EQ(find_personal_data(std::string("申请人：张三，身份证号：") + kId + "。").resident_ids,
            Strings{kId});
  EXPECT_EQ(find_personal_data(std::string("身份证号码 ") + kId2 + " 住址").resident_ids,
            Strings{kId2});
  // Inside a longer number, a file name or a masked form: not an ID.
  EXPECT_TRUE(find_personal_data(std::string("流水号 9") + kId2 + "1").resident_ids.empty());
  EXPECT_TRUE(find_personal_data(std::string("P") + kId2 + ".pdf").resident_ids.empty());
  EXPECT_TRUE(find_personal_data("身份证号：110105********002X").resident_ids.empty());
  // An organisation's unified social credit code is published on purpose.
  EXPECT_TRUE(find_personal_data(std::string("统一社会信用代码：") + kId2).resident_ids.empty());
  // Full-width digits are the same number to a reader.
  EXPECT_EQ(find_personal_data("身份证：３２０１０２１９８００１０１００１６").resident_ids,
            Strings{kId2});
}

TEST(BankCard, LuhnPrefixAndACardWordBeforeIt) {
  EXPECT_TRUE(luhn_valid("6222021234567890128"));
  EXPECT_FALSE(luhn_valid("6222021234567890127"));
  EXPECT_EQ(find_personal_data("收款人：李四 银行卡号：6222 0212 3456 7890 128").bank_cards,
            Strings{"6222021234567890128"});
  EXPECT_EQ(find_personal_data("开户行：工商银行 账号6217000000001236").bank_cards,
            Strings{"6217000000001236"});
  // No card word: a serial number that happens to pass Luhn.
  EXPECT_TRUE(find_personal_data("项目编号 6222021234567890128").bank_cards.empty());
  // A unit's account, published for payments, is not personal.
  EXPECT_TRUE(
      find_personal_data("收款单位：某某市财政局 账号：6222021234567890128").bank_cards.empty());
  EXPECT_TRUE(find_personal_data("银行卡号：6222021234567890127").bank_cards.empty());
}

TEST(Mobiles, OnlyAListBesideNamesCounts) {
  const std::string list =
      "序号 姓名 性别 联系电话 1 张伟 男 13812345678 2 李娜 女 139-1234-5678 3 王芳 女 "
      "137 1234 5678";
  EXPECT_EQ(find_personal_data(list).mobiles,
            (Strings{"13812345678", "13912345678", "13712345678"}));
  // One or two contacts are what a government page publishes on purpose.
  EXPECT_TRUE(find_personal_data("联系人：张伟 13812345678；李娜 13912345678").mobiles.empty());
  // Numbers with no name before them: hotlines and offices.
  EXPECT_TRUE(find_personal_data("服务热线 13812345678 投诉电话 13912345678 值班电话 13712345678")
                  .mobiles.empty());
  // Masked lists are what 公示 should publish.
  EXPECT_TRUE(
      find_personal_data("张伟 138****5678 李娜 139****5678 王芳 137****5678").mobiles.empty());
}

TEST(Masks, ShowTheEndsOnly) {
  EXPECT_EQ(mask_resident_id(kId), "110105********002X");
  EXPECT_EQ(mask_bank_card("6222021234567890128"), "6222***********0128");
  EXPECT_EQ(mask_mobile("13812345678"), "138****5678");
}

TEST(Privacy, OneCriticalFindingPerPageWithMaskedNumbersOnly) {
  config::SiteConfig site;
  site.id = "hb-jtt";
  SiteContext ctx;
  ctx.site = &site;
  PageResult page;
  page.url = "http://www.site.example/gsgg/t1.html";
  page.status = 200;
  page.text = std::string("公示名单 张伟 ") + kId + " 13812345678 李娜 " + kId2 +
              " 13912345678 王芳 110101200002290042 13712345678";
  Findings out;
  check_privacy(ctx, page, out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].code, "CONTENT-PRIVACY");
  EXPECT_EQ(out[0].severity, Severity::critical);
  EXPECT_EQ(out[0].subject, page.url);
  EXPECT_EQ(out[0].detail,
            "unmasked personal data: 3 resident ID numbers (110105********002X, "
            "320102********0016, 110101********0042), 3 mobile numbers beside names "
            "(138****5678, 139****5678, 137****5678)");
  for (const char* full : {kId, kId2, "13812345678"}) {
    EXPECT_EQ(out[0].detail.find(full), std::string::npos) << full;
  }

  page.text = "本站公示名单已按规定隐去身份证号 110105********002X。";
  out.clear();
  check_privacy(ctx, page, out);
  EXPECT_TRUE(out.empty());
}

}  // namespace
}  // namespace sitepatrol::checks
