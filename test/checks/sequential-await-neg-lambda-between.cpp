// RUN: %check_async %s async-sequential-await %t
// Negative: a lambda's own return and throw no longer end a group, but what
// its body reads and writes still counts: each lambda below, called between
// the two awaits, carries the first result into the second call, writes a
// global the second callee reads, or calls a function of unknown effect.
// Also a coroutine lambda started between them: its call is the start of
// work that may observe the order.
#include <awl/promise.hpp>
#include <stdexcept>

awl::Promise<int> fetch_a(int id);
awl::Promise<int> fetch_b(int id);
void notify_listeners(int id);
awl::Promise<void> audit(int id);

int g_region = 0;
awl::Promise<int> fetch_in_region(int id) {
  co_await fetch_a(g_region);
  co_return id;
}

awl::Promise<int> result_through_lambda(int id) {
  int a = co_await fetch_a(id);
  int key = id;
  [&key, a] {
    if (a < 0)
      throw std::invalid_argument("negative");
    key += a;
  }();
  int b = co_await fetch_b(key);
  co_return a + b;
}

awl::Promise<int> lambda_writes_global(int id) {
  int a = co_await fetch_a(id);
  [] {
    g_region = 2;
    return 0;
  }();
  int b = co_await fetch_in_region(id);
  co_return a + b;
}

awl::Promise<int> lambda_calls_unknown(int id) {
  int a = co_await fetch_a(id);
  const int checked = [id] {
    notify_listeners(id);
    return id;
  }();
  int b = co_await fetch_b(checked);
  co_return a + b;
}

awl::Promise<int> coroutine_lambda_between(int id) {
  int a = co_await fetch_a(id);
  awl::Promise<void> logged = [id]() -> awl::Promise<void> { co_await audit(id); }();
  int b = co_await fetch_b(id);
  co_await logged;
  co_return a + b;
}
