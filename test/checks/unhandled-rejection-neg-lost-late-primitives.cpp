// RUN: %check_async %s async-unhandled-rejection %t
// Not lost late: the first await cannot fail (a timer), or its failure is
// caught before the second promise is awaited, or the second promise is a
// copy of a started one awaited later by the same code.
#include "fetch_api.hpp"
#include <awl/sleep.hpp>
#include <exception>

awl::Promise<int> paced(int id) {
  auto pause = awl::sleep(10);
  auto count = fetch_count(id);
  co_await pause;
  co_return co_await count;
}

awl::Promise<int> guarded(int id) {
  auto user = fetch_user(id);
  auto count = fetch_count(id);
  int base = 0;
  try {
    User u = co_await user;
    base = u.id;
  } catch (const std::exception &) {
    base = -1;
  }
  co_return base + co_await count;
}

awl::Promise<int> awaited_first(int id) {
  auto count = fetch_count(id);
  int first = co_await count;
  auto orders = fetch_orders(first);
  co_return co_await orders;
}
