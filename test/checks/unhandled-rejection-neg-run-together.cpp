// RUN: %check_async %s async-unhandled-rejection %t
// ORACLE: observed
// Promises started early and awaited together (when_all, when_all_settled),
// or the first await's failure caught before the second is awaited: no
// failure is lost.
#include "oracle_api.hpp"
#include <awl/when_all_settled.hpp>

awl::Promise<int> together(int id) {
  auto user = backend::fetch(id, 10);
  auto orders = backend::fetch(id + 1, 20);
  auto [u, o] = co_await awl::when_all(user, orders);
  co_return u + o;
}

awl::Promise<int> settled(int id) {
  auto user = backend::fetch(id, 10);
  auto orders = backend::fetch(id + 1, 20);
  auto [u, o] = co_await awl::when_all_settled(user, orders);
  co_return (u.fulfilled() ? 1 : 0) + (o.fulfilled() ? 1 : 0);
}

awl::Promise<int> first_caught(int id) {
  auto user = backend::fetch(id, 10);
  auto orders = backend::fetch(id + 1, 20);
  int u = 0;
  try {
    u = co_await user;
  } catch (const std::exception &) {
    u = -1;
  }
  int o = 0;
  try {
    o = co_await orders;
  } catch (const std::exception &) {
  }
  co_return u + o;
}

awl::Promise<int> timer_first(int id) {
  auto pause = awl::sleep(5);
  auto orders = backend::fetch(id, 20);
  co_await pause;
  try {
    co_return co_await orders;
  } catch (const std::exception &) {
    co_return 0;
  }
}

awl::Promise<void> all() {
  try {
    co_await together(1);
  } catch (const std::exception &) {
  }
  co_await settled(2);
  co_await first_caught(3);
  co_await timer_first(4);
}

int main() { return oracle::run(all); }
