// RUN: %check_async %s async-sequential-await,async-await-in-loop %t
// Negative: a database client made for concurrent use (drogon's DbClient
// pools its connections) runs two statements in either order once both are
// started, so a statement that writes stays in turn with every other
// statement, although the two share no variable. Reads after reads are
// grouped (sequential-await-database-reads-run.cpp).
#include <drogon/nosql/RedisClient.h>
#include <drogon/orm/DbClient.h>
#include <drogon/utils/coroutine.h>
// (fmt::format as {fmt} declares it; its text is what the statement is)
#include <string>
#include <vector>

using namespace drogon;
using orm::DbClientPtr;
using nosql::RedisClientPtr;
namespace fmt {
template <typename... Args> std::string format(const char *format, Args &&...args);
}

Task<size_t> insert_then_count(DbClientPtr db, std::string name) {
  co_await db->execSqlCoro("INSERT INTO users(name) VALUES ($1)", name);
  auto rows = co_await db->execSqlCoro("SELECT count(*) FROM users");
  co_return rows.size();
}

Task<size_t> update_then_read(DbClientPtr db, std::string name) {
  auto changed = co_await db->execSqlCoro("update users set seen = now() where name = $1", name);
  auto rows = co_await db->execSqlCoro("select seen from users where name = $1", name);
  co_return changed.affectedRows() + rows.size();
}

// The read first: the write must not start before it.
Task<size_t> read_then_delete(DbClientPtr db, int id) {
  auto before = co_await db->execSqlCoro("SELECT * FROM orders WHERE user_id = $1", id);
  auto gone = co_await db->execSqlCoro("DELETE FROM orders WHERE user_id = $1", id);
  co_return before.size() + gone.affectedRows();
}

// Reads that lock or advance something write.
Task<size_t> locking_reads(DbClientPtr db, int id) {
  auto locked = co_await db->execSqlCoro("SELECT balance FROM accounts WHERE id = $1 FOR UPDATE", id);
  auto other = co_await db->execSqlCoro("SELECT balance FROM accounts WHERE id = $1", id + 1);
  auto next = co_await db->execSqlCoro("SELECT nextval('order_ids')");
  auto last = co_await db->execSqlCoro("SELECT max(id) FROM orders");
  auto held = co_await db->execSqlCoro("SELECT pg_advisory_lock($1)", id);
  auto count = co_await db->execSqlCoro("SELECT count(*) FROM orders");
  co_return locked.size() + other.size() + next.size() + last.size() + held.size() + count.size();
}

// A statement the code does not spell out may write.
Task<size_t> unseen_statement(DbClientPtr db, std::string statement) {
  auto a = co_await db->execSqlCoro(statement);
  auto b = co_await db->execSqlCoro("SELECT count(*) FROM users");
  co_return a.size() + b.size();
}

// Spelled out elsewhere: a constant, a formatted string, a concatenation.
constexpr const char *kPurge = "DELETE FROM sessions WHERE expires < now()";
Task<size_t> spelled_elsewhere(DbClientPtr db, int days) {
  auto purged = co_await db->execSqlCoro(kPurge);
  auto left = co_await db->execSqlCoro("SELECT count(*) FROM sessions");
  auto aged = co_await db->execSqlCoro(fmt::format("UPDATE sessions SET age = age + {}", days));
  auto oldest = co_await db->execSqlCoro("SELECT min(age) FROM sessions");
  auto moved = co_await db->execSqlCoro(std::string("INSERT INTO archive SELECT * FROM sessions WHERE age > ") +
                                        std::to_string(days));
  auto archived = co_await db->execSqlCoro("SELECT count(*) FROM archive");
  co_return purged.size() + left.size() + aged.size() + oldest.size() + moved.size() + archived.size();
}

// Transaction control and schema changes write.
Task<size_t> transaction(DbClientPtr db) {
  auto begun = co_await db->execSqlCoro("BEGIN");
  auto rows = co_await db->execSqlCoro("SELECT * FROM stock");
  auto made = co_await db->execSqlCoro("CREATE TABLE IF NOT EXISTS audit (id int)");
  auto audit = co_await db->execSqlCoro("SELECT * FROM audit");
  co_return begun.size() + rows.size() + made.size() + audit.size();
}

// A helper whose body writes: its callers see the write.
Task<void> add_user(DbClientPtr db, std::string name) {
  co_await db->execSqlCoro("INSERT INTO users(name) VALUES ($1)", name);
}
Task<size_t> helper_then_read(DbClientPtr db) {
  co_await add_user(db, "ada");
  auto rows = co_await db->execSqlCoro("SELECT count(*) FROM users");
  co_return rows.size();
}

// A cache: a write, then the read of the same key.
Task<std::string> cache_round_trip(RedisClientPtr redis, std::string key) {
  co_await redis->execCommandCoro("set %s %s", key, "fresh");
  auto value = co_await redis->execCommandCoro("get %s", key);
  auto hits = co_await redis->execCommandCoro("INCR hits");
  auto seen = co_await redis->execCommandCoro("GET hits");
  co_return value.asString() + seen.asString() + hits.asString();
}

// A loop of writes: run together, the rows may land in another order.
Task<void> insert_all(DbClientPtr db, std::vector<std::string> names) {
  for (const auto &name : names)
    co_await db->execSqlCoro("INSERT INTO users(name) VALUES ($1)", name);
}
Task<void> delete_each(DbClientPtr db, std::vector<int> ids) {
  for (int id : ids) {
    co_await db->execSqlCoro("DELETE FROM orders WHERE id = $1", id);
  }
}
