// RUN: %check_async --fix-notes %s async-sequential-await,async-await-late %t
// Negative: what the callees do orders the awaits, as far as their bodies
// in this file show - refresh_token writes the token fetch_secret reads; a
// lambda handed to a call sets a flag the next call may check; two deposits read and
// write one balance (grouped, the second would overwrite the first: a lost
// update); a test step checks a counter between two steps.
#include <awl/awl.hpp>
#include <functional>
#include <string>

std::string session_token;
awl::Promise<void> refresh_token(const std::string &user) {
  co_await awl::sleep(10);
  session_token = "token-for-" + user;
}
awl::Promise<std::string> fetch_secret(int id) {
  co_await awl::sleep(10);
  co_return session_token + "/" + std::to_string(id);
}

awl::Promise<std::string> open_vault(int id) {
  co_await refresh_token("admin");
  auto secret = co_await fetch_secret(id);
  co_return secret;
}

bool ready = false;
awl::Promise<int> prepared(std::function<void()> setup);
awl::Promise<int> count_if_ready(int id);

awl::Promise<int> setup_then_count(int id) {
  int m = co_await prepared([] { ready = true; });
  int n = co_await count_if_ready(id);
  co_return m + n;
}

int balance = 20;
awl::Promise<void> deposit(int amount) {
  int before = balance;
  co_await awl::sleep(10);
  balance = before + amount;
}

awl::Promise<int> pay_twice() {
  co_await deposit(10);
  co_await deposit(20);
  co_return balance; // 50; started together: 40 or 30
}

int steps_done = 0;
bool expect(bool condition);
awl::Promise<int> step(int n);

awl::Promise<int> scenario() {
  int a = co_await step(1);
  expect(steps_done == 1);
  int b = co_await step(2);
  co_return a + b;
}
