// RUN: %check_async %s async-unhandled-rejection %t
// A started promise no code ever mentions again; a lazy task held in a
// variable and never awaited never even starts.
#include "fetch_api.hpp"
#include <cppcoro/task.hpp>

awl::Promise<int> warm_up(int id) {
  auto stats = fetch_stats(id);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: the promise in 'stats' is never awaited or passed on: if it rejects, no code observes the exception [async-unhandled-rejection]
  co_return id;
}

cppcoro::task<int> compute(int x);

cppcoro::task<int> lazy_dropped(int x) {
  auto job = compute(x);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: the task in 'job' is never awaited or passed on: it never starts [async-unhandled-rejection]
  co_return x;
}

void log_line(const char *text);
#define LOG(text) log_line(text)

// Only a test failure macro says the call is expected to throw: any other
// statement after the declaration leaves the promise unobserved.
void in_a_try_block() {
  try {
    auto stats = fetch_stats(4);
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: the promise in 'stats' is never awaited or passed on
    LOG("fetching");
  } catch (...) {
  }
}

void in_a_lambda() {
  auto refresh = [](int id) {
    auto pending = fetch_count(id);
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: the promise in 'pending' is never awaited or passed on
  };
  refresh(1);
}
