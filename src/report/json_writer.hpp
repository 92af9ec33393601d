// A streaming JSON writer (pretty, 2-space indent, keys in the order written). Reports of large
// projects are tens of MB: building them as a DOM first cost more than parsing the SQL.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace migsafe::report {

class JsonWriter {
public:
    JsonWriter& begin_object();
    JsonWriter& end_object();
    JsonWriter& begin_array();
    JsonWriter& end_array();
    JsonWriter& key(std::string_view k);
    JsonWriter& value(std::string_view s);
    JsonWriter& value(const char* s) { return value(std::string_view(s)); }
    JsonWriter& value(long long v);
    JsonWriter& value(int v) { return value(static_cast<long long>(v)); }
    JsonWriter& value(size_t v) { return value(static_cast<long long>(v)); }
    JsonWriter& value(bool b);
    JsonWriter& null();
    // key + value shorthands
    template <typename T>
    JsonWriter& field(std::string_view k, const T& v) {
        key(k);
        return value(v);
    }
    std::string take() { return std::move(out_) + "\n"; }

private:
    void before_value();
    void newline();
    std::string out_;
    struct Level {
        bool array;
        bool empty;
    };
    std::vector<Level> stack_;
    bool after_key_ = false;
};

// Appends s as a JSON string literal; bytes that are not valid UTF-8 become U+FFFD.
void append_json_string(std::string& out, std::string_view s);

}  // namespace migsafe::report
