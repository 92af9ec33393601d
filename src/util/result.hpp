// Result<T>: a value or an Error{file, line, message}. Only cli::run prints errors.
#pragma once
#include <string>
#include <utility>
#include <variant>

namespace migsafe {

struct Error {
    std::string file;  // may be empty
    int line = 0;      // 0 when unknown
    std::string message;
    std::string to_string() const;
};

template <typename T>
class Result {
public:
    Result(T value) : v_(std::move(value)) {}
    Result(Error e) : v_(std::move(e)) {}
    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }
    T& value() { return std::get<0>(v_); }
    const T& value() const { return std::get<0>(v_); }
    T& operator*() { return value(); }
    T* operator->() { return &value(); }
    const Error& error() const { return std::get<1>(v_); }

private:
    std::variant<T, Error> v_;
};

}  // namespace migsafe
