// RUN: %check_async %s async-sequential-await %t
// Negative: an await nested in another's operand does not join the group
// before it when it uses that group's result, when something with an
// effect may be evaluated ahead of it (another argument that calls), when
// a branch decides whether it runs at all (?:, &&), or when the await
// before it is an ordering step.
#include <awl/promise.hpp>

awl::Promise<int> fetch_price(int sku);
awl::Promise<int> fetch_stock(int sku);
awl::Promise<bool> fetch_flag(int sku);
awl::Promise<int> combine(int value, int scale);
awl::Promise<void> flush_cache();
int next_ticket();

awl::Promise<int> uses_the_result(int sku) {
  int price = co_await fetch_price(sku);
  int stock = co_await combine(co_await fetch_stock(price), 2);
  co_return price + stock;
}

awl::Promise<int> a_call_may_run_first(int sku) {
  int price = co_await fetch_price(sku);
  int stock = co_await combine(next_ticket(), co_await fetch_stock(sku));
  co_return price + stock;
}

awl::Promise<int> conditional(int sku, bool cached) {
  int price = co_await fetch_price(sku);
  int stock = co_await (cached ? combine(co_await fetch_stock(sku), 1)
                               : fetch_stock(sku + 1));
  co_return price + stock;
}

awl::Promise<int> short_circuit(int sku, bool wanted) {
  int price = co_await fetch_price(sku);
  int stock = co_await combine(wanted && co_await fetch_flag(sku), 3);
  co_return price + stock;
}

awl::Promise<int> after_an_ordering_step(int sku) {
  co_await flush_cache();
  int stock = co_await combine(co_await fetch_stock(sku), 2);
  co_return stock;
}
