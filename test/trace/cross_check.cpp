// The runtime's missed-concurrency hint against async-sequential-await on the
// same coroutines (test/trace/cross_check.sh). Each coroutine's `expect:` line
// says who reports it: `both`, `dynamic` (the trace sees awaits back to back;
// the check knows they are ordered) or `neither`.
#include <awl/awl.hpp>

#include <cstdio>

namespace {

bool signed_in = false;

awl::Promise<int> fetch_price(int id) {
  co_await awl::sleep(30);
  co_return id * 2;
}
awl::Promise<int> fetch_stock(int id) {
  co_await awl::sleep(20);
  co_return id + 1;
}
awl::Promise<int> fetch_rating(int id) {
  co_await awl::sleep(10);
  co_return id % 5;
}
awl::Promise<void> sign_in() {
  co_await awl::sleep(5);
  signed_in = true;
}

// expect: both
awl::Promise<int> product_page(int id) {
  const int price = co_await fetch_price(id);
  const int stock = co_await fetch_stock(id);
  co_return price + stock;
}

// expect: both
awl::Promise<int> product_card(int id) {
  const int price = co_await fetch_price(id);
  const int stock = co_await fetch_stock(id);
  const int rating = co_await fetch_rating(id);
  co_return price + stock + rating;
}

// expect: dynamic (the second call needs the first's result)
awl::Promise<int> price_of_stock(int id) {
  const int stock = co_await fetch_stock(id);
  const int price = co_await fetch_price(stock);
  co_return price;
}

// expect: dynamic (signing in is an ordering step)
awl::Promise<int> account_price(int id) {
  co_await sign_in();
  const int price = co_await fetch_price(signed_in ? id : 0);
  co_return price;
}

// expect: neither (started together)
awl::Promise<int> product_page_together(int id) {
  const auto [price, stock] = co_await awl::when_all(fetch_price(id), fetch_stock(id));
  co_return price + stock;
}

// expect: neither (both started before the first await)
awl::Promise<int> product_page_started_early(int id) {
  awl::Promise<int> price = fetch_price(id);
  awl::Promise<int> stock = fetch_stock(id);
  const int p = co_await price;
  const int s = co_await stock;
  co_return p + s;
}

}  // namespace

// Prints one line per hint: "hint <function>".
int main() {
  awl::EventLoop loop{awl::virtual_time};
  awl::Trace trace;
  loop.set_trace(&trace);
  product_page(1);
  product_card(2);
  price_of_stock(3);
  account_price(4);
  product_page_together(5);
  product_page_started_early(6);
  loop.run();
  for (const awl::MissedConcurrency& hint : awl::missed_concurrency(trace))
    std::printf("hint %s  (%s)\n", hint.function.c_str(), awl::describe(hint).c_str());
  return 0;
}
