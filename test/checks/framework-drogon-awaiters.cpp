// RUN: %check_async %s async-sequential-await,async-await-in-loop %t
// drogon::when_all reaches each operand through operator co_await, so it
// takes Task<T>s but not the awaiters execSqlCoro and execCommandCoro
// return: awaits of those are reported without a fix-it (a fix that wraps
// each in a lambda coroutine would not read as written by a person).
#include <drogon/nosql/RedisClient.h>
#include <drogon/orm/DbClient.h>
#include <drogon/utils/coroutine.h>
#include <string>
#include <vector>

using namespace drogon;

Task<size_t> two_reads(orm::DbClientPtr db, nosql::RedisClientPtr redis, int id) {
  auto orders = co_await db->execSqlCoro("SELECT * FROM orders WHERE user_id = $1", id);
  // CHECK-NOTES: :[[@LINE-1]]:17: warning: 2 independent co_await expressions run one after another; start them together with 'drogon::when_all' [async-sequential-await]
  // CHECK-NOTES: :[[@LINE-2]]:17: note: no fix-it: 'drogon::when_all' takes tasks (operands with an operator co_await), and 'drogon::orm::internal::SqlAwaiter' is an awaiter: await each in a task of its own first
  // CHECK-NOTES: :[[@LINE-3]]:17: note: independent co_await 1 of 2
  auto cart = co_await redis->execCommandCoro("GET cart:%d", id);
  // CHECK-NOTES: :[[@LINE-1]]:15: note: independent co_await 2 of 2
  co_return orders.size() + cart.asString().size();
}

Task<std::vector<size_t>> per_user(orm::DbClientPtr db, std::vector<int> ids) {
  std::vector<size_t> counts;
  for (int id : ids)
    counts.push_back((co_await db->execSqlCoro("SELECT * FROM orders WHERE user_id = $1", id)).size());
  // CHECK-NOTES: :[[@LINE-1]]:23: warning: co_await in a loop runs the iterations one after another; start them together and await once with 'drogon::when_all' [async-await-in-loop]
  // CHECK-NOTES: :[[@LINE-2]]:23: note: no fix-it: 'drogon::when_all' takes a range of tasks (with an operator co_await), and 'drogon::orm::internal::SqlAwaiter' is an awaiter: await each in a task of its own first
  co_return counts;
}
