// RUN: %check_async %s async-await-in-loop %t
// A loop body that awaits several times per item (fetch the user, then
// mail them) runs the items one after another although no item needs
// another's results: reported, without a fix-it (the rewrite moves the body
// into a coroutine per item, a lambda, which the check does not write), with
// a note on what running the items together changes besides the time.
#include <awl/promise.hpp>
#include <cstdio>
#include <string>
#include <vector>

struct User {
  int id = 0;
  std::string email;
};
awl::Promise<User> get_user(int id);
awl::Promise<bool> send_mail(std::string to, std::string text);
awl::Promise<int> get_score(int id);

// Fetch, then act on what was fetched; a counter of the successes.
awl::Promise<int> notify_all(std::vector<int> ids) {
  int sent = 0;
  for (int id : ids) {
    User u = co_await get_user(id);
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: co_await in a loop runs the iterations one after another, 2 awaits each, although no iteration needs another's results; run each iteration's awaits in a coroutine of its own and start them together with 'awl::when_all' [async-await-in-loop]
    // CHECK-NOTES: :[[@LINE-2]]:14: warning: co_await in a loop runs the iterations one after another, 2 awaits each
    // CHECK-NOTES: :[[@LINE-3]]:14: note: no fix-it: the body awaits more than once: its awaits would move into a coroutine per iteration (a lambda taking the item by value), all started before the one await; then every iteration starts even when an earlier one fails, their writes outside the loop come in the order they finish
    bool ok = co_await send_mail(u.email, "hello");
    if (ok)
      ++sent;
  }
  co_return sent;
}

// An await under a branch (a cache miss), continues on a failure, results
// collected in a vector.
awl::Promise<std::vector<User>> load_scored(std::vector<int> ids,
                                            std::vector<User> cache) {
  std::vector<User> out;
  for (int id : ids) {
    User u;
    u.id = id;
    bool cached = false;
    for (const User &c : cache)
      if (c.id == id) {
        u = c;
        cached = true;
      }
    if (!cached) {
      u = co_await get_user(id);
      // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: co_await in a loop runs the iterations one after another, 2 awaits each, although no iteration needs another's results; run each iteration's awaits in a coroutine of its own and start them together with 'awl::when_all' [async-await-in-loop]
      // CHECK-NOTES: :[[@LINE-2]]:11: warning: co_await in a loop runs the iterations one after another, 2 awaits each
      // CHECK-NOTES: :[[@LINE-3]]:11: note: no fix-it: the body awaits more than once: its awaits would move into a coroutine per iteration (a lambda taking the item by value), all started before the one await; then every iteration starts even when an earlier one fails, their writes outside the loop come in the order they finish, a 'continue' becomes a co_return of the iteration's coroutine
      if (u.email.empty())
        continue;
    }
    int score = co_await get_score(u.id);
    if (score < 0)
      continue;
    out.push_back(u);
  }
  co_return out;
}

// An index loop storing into its own element, with a log line.
awl::Promise<std::vector<int>> scores_by_index(std::vector<int> ids) {
  std::vector<int> totals(ids.size());
  for (std::size_t i = 0; i < ids.size(); ++i) {
    User u = co_await get_user(ids[i]);
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: co_await in a loop runs the iterations one after another, 2 awaits each, although no iteration needs another's results; run each iteration's awaits in a coroutine of its own and start them together with 'awl::when_all' [async-await-in-loop]
    // CHECK-NOTES: :[[@LINE-2]]:14: warning: co_await in a loop runs the iterations one after another, 2 awaits each
    // CHECK-NOTES: :[[@LINE-3]]:14: note: no fix-it: the body awaits more than once: its awaits would move into a coroutine per iteration (a lambda taking the item by value), all started before the one await; then every iteration starts even when an earlier one fails, their writes outside the loop come in the order they finish, the log lines of different iterations interleave
    std::printf("user %d\n", u.id);
    totals[i] = co_await get_score(u.id);
  }
  co_return totals;
}

// Three awaits, the last one's result dropped: it is the last, so it sets
// up nothing after it.
awl::Promise<void> welcome_all(std::vector<int> ids) {
  for (int id : ids) {
    User u = co_await get_user(id);
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: co_await in a loop runs the iterations one after another, 3 awaits each
    // CHECK-NOTES: :[[@LINE-2]]:14: warning: co_await in a loop runs the iterations one after another, 3 awaits each
    // CHECK-NOTES: :[[@LINE-3]]:14: note: no fix-it: the body awaits more than once: its awaits would move into a coroutine per iteration (a lambda taking the item by value), all started before the one await; then every iteration starts even when an earlier one fails{{$}}
    int score = co_await get_score(id);
    co_await send_mail(u.email, std::to_string(score));
  }
}

// A result tested by an if is used: the first await is no step.
awl::Promise<int> tested(std::vector<int> ids) {
  int n = 0;
  for (int id : ids) {
    if (co_await send_mail(std::to_string(id), "ping"))
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: co_await in a loop runs the iterations one after another, 2 awaits each
      // CHECK-NOTES: :[[@LINE-2]]:9: warning: co_await in a loop runs the iterations one after another, 2 awaits each
      // CHECK-NOTES: :[[@LINE-3]]:9: note: no fix-it: the body awaits more than once
      n += co_await get_score(id);
  }
  co_return n;
}

// A try block moves into its item's coroutine with the awaits it guards
// and catches there what it caught before: each item's failure is
// swallowed as in the loop.
awl::Promise<int> guarded(std::vector<int> ids) {
  int total = 0;
  for (int id : ids) {
    User u = co_await get_user(id);
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: co_await in a loop runs the iterations one after another, 2 awaits each
    // CHECK-NOTES: :[[@LINE-2]]:14: warning: co_await in a loop runs the iterations one after another, 2 awaits each
    // CHECK-NOTES: :[[@LINE-3]]:14: note: no fix-it: the body awaits more than once
    try {
      total += co_await get_score(u.id);
    } catch (...) {
    }
  }
  co_return total;
}

// Two awaits in one try block: a failure of the first skips the second,
// in the item's coroutine as in the loop.
awl::Promise<int> pairs(std::vector<int> ids) {
  int sum = 0;
  for (int id : ids) {
    try {
      sum += co_await get_score(id);
      // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: co_await in a loop runs the iterations one after another, 2 awaits each
      // CHECK-NOTES: :[[@LINE-2]]:14: warning: co_await in a loop runs the iterations one after another, 2 awaits each
      // CHECK-NOTES: :[[@LINE-3]]:14: note: no fix-it: the body awaits more than once
      sum += co_await get_score(id + 1);
    } catch (...) {
    }
  }
  co_return sum;
}

// One await in a try block that is not the body's last statement: the
// rewrite cannot take it out, the iterations can still run together.
awl::Promise<int> found_scores(std::vector<int> ids) {
  int found = 0;
  for (int id : ids) {
    int score = -1;
    try {
      score = co_await get_score(id);
      // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: co_await in a loop runs the iterations one after another, although no iteration needs another's results
      // CHECK-NOTES: :[[@LINE-2]]:15: warning: co_await in a loop runs the iterations one after another
      // CHECK-NOTES: :[[@LINE-3]]:15: note: no fix-it
    } catch (...) {
    }
    if (score >= 0)
      ++found;
  }
  co_return found;
}
