// SourceText: a file's bytes plus a byte-offset -> line:column map.
// Handles LF, CRLF and lone CR line ends and a UTF-8 BOM (columns count bytes, 1-based).
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace migsafe {

struct LineCol {
    int line = 0;
    int column = 0;
};

class SourceText {
public:
    SourceText() = default;
    explicit SourceText(std::string text);
    const std::string& text() const { return text_; }
    LineCol locate(size_t offset) const;
    int line_count() const { return static_cast<int>(line_starts_.size()); }
    // Text of a 1-based line, without its line end.
    std::string_view line(int line) const;
    size_t line_start(int line) const { return line_starts_.at(line - 1); }
    size_t bom_size() const { return bom_; }

private:
    std::string text_;
    std::vector<size_t> line_starts_;
    size_t bom_ = 0;
};

}  // namespace migsafe
