// RUN: %check_async --fix-notes %s async-sequential-await %t
// RUN-AND-COMPARE
// ELAPSED-BEFORE: 600ms
// ELAPSED-AFTER: 300ms
// Statements that only read (SELECT, Redis GET) may run together on a
// client made for concurrent use, directly or through helpers whose bodies
// only read. drogon::when_all takes tasks: the helpers' Task<T>s get a
// fix-it (on a note: execSqlCoro and execCommandCoro are non-const member
// functions), the bare awaiters of execSqlCoro only the warning.
#include <drogon/nosql/RedisClient.h>
#include <drogon/orm/DbClient.h>
#include <drogon/utils/coroutine.h>
#include <cstdio>
#include <string>

using namespace drogon;

Task<std::string> user_name(orm::DbClientPtr db, int id) {
  auto rows = co_await db->execSqlCoro("SELECT name FROM users WHERE id = $1", id);
  co_return rows[0][0].as<std::string>();
}
Task<size_t> order_count(orm::DbClientPtr db, int id) {
  auto rows = co_await db->execSqlCoro("select count(*) from orders where user_id = $1", id);
  co_return rows.size();
}
Task<std::string> visits(nosql::RedisClientPtr redis, int id) {
  auto value = co_await redis->execCommandCoro("get visits:%d", id);
  co_return value.isNil() ? "none" : value.asString();
}

Task<std::string> order_rows(orm::DbClientPtr db, int id) {
  auto user = co_await db->execSqlCoro("SELECT name FROM users WHERE id = $1", id);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 3 independent co_await expressions run one after another; start them together with 'drogon::when_all' [async-sequential-await]
  auto count = co_await db->execSqlCoro("SELECT count(*) FROM orders WHERE user_id = $1", id);
  auto more = co_await db->execSqlCoro("SELECT * FROM orders WHERE user_id = $1", id);
  co_return user[0][0].as<std::string>() + " " + std::to_string(count.size() + more.size());
}

Task<> profile(orm::DbClientPtr db, nosql::RedisClientPtr redis, int id) {
  const double t0 = mock_loop::now_ms();
  std::string name = co_await user_name(db, id);
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 4 independent co_await expressions run one after another; start them together with 'drogon::when_all' [async-sequential-await]
  size_t orders = co_await order_count(db, id);
  std::string seen = co_await visits(redis, id);
  std::string rows = co_await order_rows(db, id);
  // CHECK-FIXES: {{^}}  auto [name, orders, seen, rows] = co_await drogon::when_all(user_name(db, id), order_count(db, id), visits(redis, id), order_rows(db, id));{{$}}
  std::printf("%s %zu %s %s\n", name.c_str(), orders, seen.c_str(), rows.c_str());
  std::printf("elapsed %.0fms\n", mock_loop::now_ms() - t0);
}

int main() {
  auto db = orm::DbClient::newPgClient("host=mock", 1);
  auto redis = nosql::RedisClient::newRedisClient();
  sync_wait(profile(db, redis, 7));
}
