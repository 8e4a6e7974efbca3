// RUN: %check_async %s async-sequential-await %t
// An operand in parentheses is the call inside them: `co_await (f(x))`
// awaits f(x) exactly as `co_await f(x)` does.
#include <awl/awl.hpp>

awl::Promise<int> fetch_price(int item);
awl::Promise<int> fetch_stock(int item);

awl::Promise<int> price_times_stock(int item) {
  int price = co_await (fetch_price(item));
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 2 independent co_await expressions run one after another; start them together with 'awl::when_all' [async-sequential-await]
  int stock = co_await ((fetch_stock(item)));
  // CHECK-FIXES: {{^}}  auto [price, stock] = co_await awl::when_all(fetch_price(item), fetch_stock(item));{{$}}
  co_return price * stock;
}

// Parentheses hide no dependence: the second call needs the first result.
awl::Promise<int> stock_of_cheapest(int item) {
  int cheapest = co_await (fetch_price(item));
  int stock = co_await (fetch_stock(cheapest));
  co_return stock;
}
