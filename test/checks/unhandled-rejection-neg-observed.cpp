// RUN: %check_async %s async-unhandled-rejection %t
// Negative: promises whose outcome some code observes, or whose detach is
// explicit, and calls that return no task.
#include "fetch_api.hpp"
#include <exception>
#include <vector>

int compute(int x);
void fire_and_forget(int id); // returns nothing: nothing to lose

awl::Promise<int> observed(int id) {
  (void)fetch_count(id);                       // explicit detach
  static_cast<void>(fetch_orders(id));         // explicit detach
  co_await fetch_count(id);                    // awaited
  auto later = fetch_count(id);                // kept, awaited below
  std::vector<awl::Promise<int>> all;
  all.push_back(fetch_orders(id));             // stored
  fetch_count(id).catch_([](std::exception_ptr) { return 0; });
  fetch_count(id).then([](int v) { return v; },
                       [](std::exception_ptr) { return -1; });
  compute(id);
  fire_and_forget(id);
  int sum = co_await later;
  for (auto &p : all)
    sum += co_await p;
  co_return sum;
}

awl::Promise<int> handed_to_caller(int id) { return fetch_count(id); }

void plain(int id) {
  auto p = fetch_count(id);
  p.then([](int) {}, [](std::exception_ptr) {});
  compute(id);
}

struct Holder {
  awl::Promise<int> current;
  awl::Promise<int> &get() { return current; }
  void replace(int id) {
    current = fetch_count(id); // operator= returns the held promise
    get();                     // a reference to a promise held elsewhere
  }
};
