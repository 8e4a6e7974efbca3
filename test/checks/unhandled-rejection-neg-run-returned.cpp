// RUN: %check_async %s async-unhandled-rejection %t
// ORACLE: observed
// A promise returned to the caller is the caller's to observe: returned from
// a plain function, after a branch, or chosen between two.
#include "oracle_api.hpp"

awl::Promise<int> lookup(int id) {
  auto pending = backend::fetch(id);
  return pending;
}

awl::Promise<int> lookup_either(int id, bool primary) {
  auto first = backend::fetch(id);
  auto second = backend::fetch(id + 1);
  if (primary) {
    (void)second.catch_([](std::exception_ptr) { return 0; });
    return first;
  }
  (void)first.catch_([](std::exception_ptr) { return 0; });
  return second;
}

awl::Promise<int> caller() {
  int a = co_await lookup(1);
  co_return a + co_await lookup_either(2, false);
}

int main() { return oracle::run(caller); }
