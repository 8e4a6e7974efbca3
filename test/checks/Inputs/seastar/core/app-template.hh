// Mock of seastar/core/app-template.hh: app.run(argc, argv, func) runs
// func() -> future<int> or future<> to completion (on the mock loop) and
// returns its int (or 0), 1 after printing an exception.
#pragma once
#include "../../mock_loop.hpp"
#include "future.hh"
#include <cstdio>
#include <exception>
#include <functional>

namespace seastar {
class app_template {
public:
  struct config {};
  explicit app_template(config = config()) {}
  int run(int, char **, std::function<future<int>()> &&func) noexcept {
    return finish(futurize_invoke(func));
  }
  int run(int, char **, std::function<future<>()> &&func) noexcept {
    return finish(futurize_invoke(func).then([] { return 0; }));
  }

private:
  static int finish(future<int> f) noexcept {
    try {
      int rc = f.get();
      mock_loop::run();
      return rc;
    } catch (const std::exception &e) {
      std::fprintf(stderr, "%s\n", e.what());
      return 1;
    }
  }
};
} // namespace seastar
