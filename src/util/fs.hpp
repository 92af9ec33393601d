#pragma once
#include <string>

#include "util/result.hpp"

namespace migsafe {

Result<std::string> read_text_file(const std::string& path);
// Writes to path.tmp then renames: never a half-written file.
Result<bool> write_file_atomic(const std::string& path, const std::string& content);
std::string sha256_hex(const std::string& data);

}  // namespace migsafe
