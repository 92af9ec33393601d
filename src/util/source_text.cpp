#include "util/source_text.hpp"

#include <algorithm>

namespace migsafe {

SourceText::SourceText(std::string text) : text_(std::move(text)) {
    if (text_.size() >= 3 && static_cast<unsigned char>(text_[0]) == 0xEF &&
        static_cast<unsigned char>(text_[1]) == 0xBB && static_cast<unsigned char>(text_[2]) == 0xBF)
        bom_ = 3;
    line_starts_.push_back(0);
    for (size_t i = 0; i < text_.size(); ++i) {
        char c = text_[i];
        if (c == '\n') {
            line_starts_.push_back(i + 1);
        } else if (c == '\r') {
            if (i + 1 < text_.size() && text_[i + 1] == '\n') ++i;
            line_starts_.push_back(i + 1);
        }
    }
}

LineCol SourceText::locate(size_t offset) const {
    auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
    int line = static_cast<int>(it - line_starts_.begin());
    size_t start = line_starts_[line - 1];
    size_t col = offset - start + 1;
    if (line == 1 && bom_ && col > bom_) col -= bom_;
    return {line, static_cast<int>(col)};
}

std::string_view SourceText::line(int line) const {
    if (line < 1 || line > line_count()) return {};
    size_t start = line_starts_[line - 1];
    size_t end = line < line_count() ? line_starts_[line] : text_.size();
    while (end > start && (text_[end - 1] == '\n' || text_[end - 1] == '\r')) --end;
    if (line == 1 && bom_ && end >= bom_) start += bom_;
    return std::string_view(text_).substr(start, end - start);
}

}  // namespace migsafe
