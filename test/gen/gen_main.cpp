// awl_gen_cases: runs generated programs (test/gen), each on a fresh
// awl::EventLoop, and prints "=== <index>" followed by the program's log.
//   awl_gen_cases [--only I,J,...] [--perturb I]
// --perturb I alters program I's log (swaps two adjacent different lines, or
// adds one) so that a test can show the comparison catches a difference.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <set>
#include <string>
#include <vector>

#include "gen_support.hpp"

namespace {

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

std::string perturbed(const std::string& text) {
  std::vector<std::string> lines = split_lines(text);
  std::string out;
  bool done = false;
  for (std::size_t i = 0; i + 1 < lines.size() && !done; ++i) {
    if (lines[i] != lines[i + 1]) {
      std::swap(lines[i], lines[i + 1]);
      done = true;
    }
  }
  if (!done) lines.push_back("perturbed");
  for (const auto& line : lines) out += line + '\n';
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::set<int> only;
  int perturb = -1;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--only") == 0 && i + 1 < argc) {
      for (char* item = std::strtok(argv[++i], ","); item != nullptr; item = std::strtok(nullptr, ","))
        only.insert(std::atoi(item));
    } else if (std::strcmp(argv[i], "--perturb") == 0 && i + 1 < argc) {
      perturb = std::atoi(argv[++i]);
    } else {
      std::fprintf(stderr, "usage: %s [--only I,J,...] [--perturb I]\n", argv[0]);
      return 2;
    }
  }
  for (const auto& [index, program] : awl_gen::programs()) {
    if (!only.empty() && only.count(index) == 0) continue;
    std::string buffer;
    awl_gen::log_buffer() = &buffer;
    try {
      program();
    } catch (const std::exception& error) {
      buffer += std::string("!! exception ") + error.what() + '\n';
    } catch (...) {
      buffer += "!! exception (not a std::exception)\n";
    }
    awl_gen::log_buffer() = nullptr;
    if (index == perturb) buffer = perturbed(buffer);
    std::printf("=== %d\n%s", index, buffer.c_str());
  }
  return 0;
}
