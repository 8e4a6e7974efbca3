// RUN: %check_async %s async-await-in-loop %t
// RUN-AND-COMPARE
// ELAPSED-BEFORE: 600ms
// ELAPSED-AFTER: 100ms
// A loop whose await is the first statement of a try block that is the
// body's last statement: each iteration handles its own call's failure and
// goes on. The calls start together through awl::when_all_settled, and the
// loop runs again with each outcome where its await was: get() gives the
// value or rethrows the call's exception into the same handler; a continue
// in the try statement only skips the rest of it. 600 ms -> 100 ms; the
// same names, the same users missing, the same order.
#include <awl/awl.hpp>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

awl::Promise<std::string> fetch_name(int user) {
  co_await awl::sleep(100);
  if (user % 2 == 0)
    throw std::runtime_error("no user " + std::to_string(user));
  co_return "user" + std::to_string(user);
}

awl::Promise<void> send_reminder(int user) {
  co_await awl::sleep(100);
  if (user == 3)
    throw std::runtime_error("cannot remind 3");
}

awl::Promise<std::vector<std::string>> names_of(std::vector<int> users) {
  std::vector<std::string> names;
  std::vector<int> missing;
  for (int user : users) {
    try {
      names.push_back(co_await fetch_name(user));
      // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: co_await in a loop runs the iterations one after another; start them together and await once with 'awl::when_all_settled' [async-await-in-loop]
    } catch (const std::runtime_error &) {
      missing.push_back(user);
    }
  }
  // CHECK-FIXES: {{^}}  std::vector<awl::Promise<std::string>> name_tasks;{{$}}
  // CHECK-FIXES: {{^}}    name_tasks.push_back(fetch_name(user));{{$}}
  // CHECK-FIXES: {{^}}  auto name_results = co_await awl::when_all_settled(std::move(name_tasks));{{$}}
  // CHECK-FIXES: {{^}}      names.push_back(std::move(*next_name++).get());{{$}}
  for (int user : missing)
    names.push_back("missing " + std::to_string(user));
  co_return names;
}

// An index loop, a discarded result and a counter of failures: the handler
// still sees its own call's exception.
awl::Promise<int> remind_all(int count) {
  int failed = 0;
  for (int i = 1; i <= count; ++i) {
    try {
      co_await send_reminder(i);
      // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: co_await in a loop runs the iterations one after another; start them together and await once with 'awl::when_all_settled' [async-await-in-loop]
    } catch (const std::runtime_error &) {
      ++failed;
    }
  }
  // CHECK-FIXES: {{^}}    send_reminder_tasks.push_back(send_reminder(i));{{$}}
  // CHECK-FIXES: {{^}}  auto send_reminders = co_await awl::when_all_settled(std::move(send_reminder_tasks));{{$}}
  // CHECK-FIXES: {{^}}      std::move(*next_send_reminder++).get();{{$}}
  co_return failed;
}

// A continue in the try statement that ends the body only skips the rest of
// it: every call still starts, in the loop run again as in the original.
awl::Promise<int> total_scores(std::vector<int> users) {
  int total = 0;
  int failed = 0;
  for (int user : users) {
    try {
      const std::string name = co_await fetch_name(user);
      // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: co_await in a loop runs the iterations one after another; start them together and await once with 'awl::when_all_settled' [async-await-in-loop]
      if (name.size() > 5)
        continue;
      total += static_cast<int>(name.size());
    } catch (const std::runtime_error &) {
      ++failed;
      continue;
    }
  }
  // CHECK-FIXES: {{^}}      const std::string name = std::move(*next_name++).get();{{$}}
  co_return total * 100 + failed;
}

int main() {
  awl::EventLoop loop{awl::virtual_time};
  const double start = loop.now();
  // The three run at once; their results are printed in a fixed order.
  std::vector<std::string> names;
  int failed = 0;
  int total = 0;
  (void)names_of({1, 2, 3, 4}).then([&](const std::vector<std::string> &got) { names = got; });
  (void)remind_all(6).then([&](int got) { failed = got; });
  (void)total_scores({1, 2, 3, 10, 11}).then([&](int got) { total = got; });
  loop.run();
  for (const auto &name : names)
    std::printf("%s\n", name.c_str());
  std::printf("%d failed\ntotal %d\n", failed, total);
  std::printf("elapsed %.0fms\n", loop.now() - start);
}
