// awl_diff_cases <name>: runs one differential case and exits with its status.
// An exception escaping the case (e.g. awl::UnhandledRejectionError thrown by
// EventLoop::run() in the default `throw` mode) is printed to stderr and gives
// exit status 1, as an uncaught error gives in Node.
#include <cstdio>
#include <cstring>
#include <exception>

#include "case_registry.hpp"

int main(int argc, char** argv) {
  auto& cases = awl_diff::registry();
  if (argc != 2 || std::strcmp(argv[1], "--list") == 0) {
    for (const auto& entry : cases) std::printf("%s\n", entry.first.c_str());
    return argc == 2 ? 0 : 2;
  }
  const auto found = cases.find(argv[1]);
  if (found == cases.end()) {
    std::fprintf(stderr, "awl_diff_cases: no case named '%s' (--list lists them)\n", argv[1]);
    return 2;
  }
  int status = 0;
  try {
    status = found->second();
  } catch (const std::exception& error) {
    std::fflush(stdout);
    std::fprintf(stderr, "%s\n", error.what());
    status = 1;
  } catch (...) {
    std::fflush(stdout);
    std::fprintf(stderr, "awl_diff_cases: a non-std::exception escaped the case\n");
    status = 1;
  }
  std::fflush(stdout);
  return status;
}
