// RUN: %check_async --fix-notes %s async-sequential-await,async-await-late %t
// Negative: ordering steps. An await done for its effect (its result
// unused), whose callee's effects are not known, keeps its order with every
// different operation around it: wait for readiness, flush then read,
// notify, warm up then serve, check a permission then write. (The same
// operation on different arguments is still grouped: see
// sequential-await-discarded.cpp.)
#include <awl/promise.hpp>
#include <string>

awl::Promise<void> wait_ready();
awl::Promise<void> flush_cache();
awl::Promise<void> check_permission(int user);
awl::Promise<void> warm_up(int shard);
awl::Promise<int> fetch(int id);
awl::Promise<int> read(int key);
awl::Promise<void> write(int key, int value);
awl::Promise<void> send_email(const std::string &to);
awl::Promise<void> record_audit(int user);

awl::Promise<int> ready_then_fetch(int id) {
  co_await wait_ready();
  auto v = co_await fetch(id);
  co_return v;
}

awl::Promise<int> flush_then_read(int key) {
  co_await flush_cache();
  int v = co_await read(key);
  co_return v;
}

// The permission check throws on denial: the sequential order is the guard.
awl::Promise<void> guarded_write(int user, int key, int value) {
  co_await check_permission(user);
  co_await write(key, value);
}

awl::Promise<void> two_effects(int user) {
  co_await send_email("ops@example.com");
  co_await record_audit(user);
}

awl::Promise<int> warm_then_read(int key) {
  co_await warm_up(key % 4);
  auto v = co_await read(key);
  co_await warm_up(key % 4 + 1);
  co_return v;
}
