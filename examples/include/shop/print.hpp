// How every example program reports: one line,
//
//   [dashboard] user=user-42 orders=126 stats=21.0 -- 300 ms (virtual time)
//
// what it computed, then how long it took. scripts/demo.sh compares the part
// before " -- " and the milliseconds before and after awaitlint's fixes.
#pragma once

#include <cstdio>
#include <string>

namespace shop {

inline void print_result(const char* program, const std::string& result, double elapsed_ms, const char* clock) {
  std::printf("[%s] %s -- %.0f ms (%s)\n", program, result.c_str(), elapsed_ms, clock);
}

}  // namespace shop
