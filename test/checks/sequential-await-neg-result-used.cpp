// RUN: %check_async %s async-sequential-await %t
// Negative: the second call needs the first result (a plain variable).
#include <awl/promise.hpp>

awl::Promise<int> fetch_user_id(int session);
awl::Promise<int> fetch_orders(int user_id);

awl::Promise<int> load(int session) {
  auto user = co_await fetch_user_id(session);
  auto orders = co_await fetch_orders(user);
  co_return orders;
}
