// Mock of boost/cobalt/main.hpp: define `cobalt::main co_main(int argc,
// char* argv[])` instead of main(); this header then provides main(), which
// runs co_main on the event loop (the mock's) and returns its co_return
// value. As in Boost.Cobalt, main() is only emitted when co_main is defined.
#pragma once
#include "../../mock_loop.hpp"
#include "detail/mock.hpp"
#include <coroutine>

namespace boost::cobalt {
namespace detail {
struct main_promise;
}
class main;
} // namespace boost::cobalt

auto co_main(int argc, char *argv[]) -> boost::cobalt::main;

namespace boost::cobalt {
class main {
  detail::main_promise *promise;
  main(detail::main_promise *p) : promise(p) {}
  friend auto ::co_main(int argc, char *argv[]) -> boost::cobalt::main;
  friend struct detail::main_promise;
};

namespace detail {
#if defined(__clang__)
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wmain"
#endif
extern "C" {
int main(int argc, char *argv[]);
}
#if defined(__clang__)
#pragma clang diagnostic pop
#endif

struct main_promise : promise_base {
  main_promise(int, char **) { [[maybe_unused]] volatile auto p = &detail::main; }
  int *result = nullptr;
  bool *done = nullptr;
  cobalt::main get_return_object() { return cobalt::main{this}; }
  std::suspend_always initial_suspend() noexcept { return {}; }
  std::suspend_never final_suspend() noexcept {
    *done = true;
    return {};
  }
  void unhandled_exception() { throw; }
  void return_value(int res = 0) { *result = res; }

  static int run_main(cobalt::main mn) {
    int res = 0;
    bool finished = false;
    mn.promise->result = &res;
    mn.promise->done = &finished;
    std::coroutine_handle<main_promise>::from_promise(*mn.promise).resume();
    mock_loop::run_until([&] { return finished; });
    return res;
  }
  friend int main(int argc, char *argv[]) { return run_main(co_main(argc, argv)); }
};
} // namespace detail
} // namespace boost::cobalt

// As in Boost.Cobalt, co_main's promise comes from coroutine_traits.
namespace std {
template <typename Char> struct coroutine_traits<boost::cobalt::main, int, Char> {
  using promise_type = boost::cobalt::detail::main_promise;
};
} // namespace std
