// Declarations the check tests await (awl promises, 'fetch'-like names are
// considered free of side effects by default).
#pragma once
#include <awl/promise.hpp>
#include <memory>
#include <string>
#include <utility>

struct User {
  int id = 0;
  std::string name;
};

awl::Promise<User> fetch_user(int id);
awl::Promise<int> fetch_orders(int user_id);
awl::Promise<int> fetch_count(int id);
awl::Promise<std::string> fetch_name(int id);
awl::Promise<double> fetch_stats(int id);
awl::Promise<std::pair<int, std::string>> fetch_pair(int id);
awl::Promise<int> fetch_from(const int *value);
awl::Promise<int> fetch_ref(const int &value);
awl::Promise<std::unique_ptr<int>> load_blob(int id);
awl::Promise<void> load_cache(int id);
awl::Promise<void> load_config();
awl::Promise<void> send_email(const std::string &to);
awl::Promise<void> notify(int id);

struct Database {
  awl::Promise<int> query(int key);             // non-const: a connection
  awl::Promise<int> lookup(int key) const;
};
struct Service {
  awl::Promise<int> fetch(int key);
};
struct Mutex {
  awl::Promise<void> lock();
  void unlock();
};

void log_event(const char *what);
extern int global_counter;
