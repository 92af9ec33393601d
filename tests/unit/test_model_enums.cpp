#include <gtest/gtest.h>

#include "model/enums.hpp"

using namespace migsafe;

TEST(Enums, StatusRoundTrip) {
    for (auto s : {Status::Pass, Status::Partial, Status::Fail, Status::NotApplicable})
        EXPECT_EQ(parse_status(to_string(s)), s);
}
TEST(Enums, SeverityRoundTripAndLowerCase) {
    for (auto s : {Severity::Low, Severity::Medium, Severity::High, Severity::Critical})
        EXPECT_EQ(parse_severity(to_string(s)), s);
    EXPECT_EQ(parse_severity("high"), Severity::High);
    EXPECT_FALSE(parse_severity("urgent"));
}
TEST(Enums, LockModeRoundTripAndBlocking) {
    for (int i = 0; i <= 8; ++i) {
        auto m = static_cast<LockMode>(i);
        EXPECT_EQ(parse_lock_mode(to_string(m)), m);
    }
    EXPECT_TRUE(blocks_reads(LockMode::AccessExclusive));
    EXPECT_FALSE(blocks_reads(LockMode::Share));
    EXPECT_TRUE(blocks_writes(LockMode::Share));
    EXPECT_FALSE(blocks_writes(LockMode::ShareUpdateExclusive));
}
TEST(Enums, OpKindRoundTrip) {
    for (int i = 0; i <= static_cast<int>(OpKind::Other); ++i) {
        auto k = static_cast<OpKind>(i);
        EXPECT_EQ(parse_op_kind(to_string(k)), k) << to_string(k);
    }
}
TEST(Enums, LayoutAndCategoryRoundTrip) {
    for (auto l : {Layout::Dbmate, Layout::GolangMigrate, Layout::Flyway, Layout::Plain, Layout::Knex})
        EXPECT_EQ(parse_layout(to_string(l)), l);
    for (int i = 0; i <= static_cast<int>(Category::Types); ++i)
        EXPECT_EQ(parse_category(to_string(static_cast<Category>(i))), static_cast<Category>(i));
}
