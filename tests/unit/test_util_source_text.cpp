#include <gtest/gtest.h>

#include "util/source_text.hpp"

using migsafe::SourceText;

TEST(SourceText, LfLines) {
    SourceText s("a\nbc\n\nd");
    EXPECT_EQ(s.line_count(), 4);
    EXPECT_EQ(s.locate(0).line, 1);
    EXPECT_EQ(s.locate(3).line, 2);
    EXPECT_EQ(s.locate(3).column, 2);
    EXPECT_EQ(s.line(2), "bc");
    EXPECT_EQ(s.locate(6).line, 4);
}

TEST(SourceText, CrLfCountsOneLineEnd) {
    SourceText s("ab\r\ncd\r\n");
    EXPECT_EQ(s.locate(4).line, 2);
    EXPECT_EQ(s.locate(4).column, 1);
    EXPECT_EQ(s.line(1), "ab");
    EXPECT_EQ(s.line(2), "cd");
}

TEST(SourceText, LoneCrIsALineEnd) {
    SourceText s("ab\rcd");
    EXPECT_EQ(s.locate(3).line, 2);
    EXPECT_EQ(s.line(2), "cd");
}

TEST(SourceText, BomIsNotAColumn) {
    SourceText s("\xEF\xBB\xBFSELECT 1;");
    EXPECT_EQ(s.locate(3).column, 1);
    EXPECT_EQ(s.line(1), "SELECT 1;");
    EXPECT_EQ(s.bom_size(), 3u);
}
