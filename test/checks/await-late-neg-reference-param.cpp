// RUN: %check_async %s async-await-late %t
// Negative: a task that takes its argument by reference (or pointer, or
// string_view) is not awaited late: the code in between could change or
// end what it refers to while it runs.
#include "fetch_api.hpp"
#include <string_view>

awl::Promise<int> fetch_view(std::string_view key);

awl::Promise<int> load(int id) {
  int key = id * 2;
  auto a = co_await fetch_ref(key);
  int extra = 0;
  if (id > 3) {
    extra = co_await fetch_count(id);
  }
  key = extra;
  auto b = co_await fetch_view("orders");
  if (id > 5) {
    extra += co_await fetch_count(id);
  }
  co_return a + b + extra + key;
}
