// RUN: %check_async %s async-unhandled-rejection %t
// A generator yields many values and its reads decide how much of it runs:
// one left unread after its last read (a reader loop that ends when the
// socket closes, a read under a condition) is torn down with the function,
// not a failure nobody sees (Boost.Cobalt cancels an unread generator). A
// generator never read at all is still reported, and so is a promise of one
// value left on the same paths.
#include <coroutine>
#include <exception>

namespace stream {
// Eager, as Boost.Cobalt's generator: it runs to its first co_yield.
template <class T> struct generator {
  struct promise_type {
    generator get_return_object();
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    std::suspend_always yield_value(T value);
    void return_void() {}
    void unhandled_exception();
  };
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) const noexcept;
  T await_resume() const;
};

// One value, eager.
template <class T> struct promise {
  struct promise_type {
    promise get_return_object();
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_always final_suspend() noexcept { return {}; }
    void return_value(T value);
    void unhandled_exception();
  };
  bool await_ready() const noexcept;
  void await_suspend(std::coroutine_handle<>) const noexcept;
  T await_resume() const;
};
} // namespace stream

stream::generator<int> frames(int socket);
stream::promise<int> fetch(int id);
bool is_open(int socket);
void handle(int frame);

stream::promise<int> reader_loop(int socket) {
  auto reader = frames(socket);
  while (is_open(socket))
    handle(co_await reader);
  co_return 0;
}

stream::promise<int> read_one_if_open(int socket) {
  auto reader = frames(socket);
  if (is_open(socket))
    handle(co_await reader);
  co_return 0;
}

stream::promise<int> never_read(int socket) {
  auto reader = frames(socket);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: the promise in 'reader' is never awaited or passed on: if it rejects, no code observes the exception [async-unhandled-rejection]
  co_return socket;
}

stream::promise<int> one_value_if_open(int socket) {
  auto value = fetch(socket);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: the promise in 'value' is not awaited or passed on along every path: if it rejects there, no code observes the exception [async-unhandled-rejection]
  if (is_open(socket))
    handle(co_await value);
  co_return 0;
}
