// RUN: %check_async --fix-notes %s async-await-in-loop %t
// Loops whose await is guarded by a try block, where the rewrite through
// awl::when_all_settled may change what is observed: the fix goes on a note
// that says what. A handler that logs prints its lines after every call
// finished; a callee that is no coroutine and may throw before it returns
// its task would throw in the first loop, outside the try block. A while
// loop cannot be run a second time to hand each outcome to its try block:
// reported without a fix.
#include <awl/promise.hpp>
#include <awl/when_all_settled.hpp>
#include <cstdio>
#include <stdexcept>
#include <vector>

awl::Promise<int> fetch_count(int id);

awl::Promise<int> total_logged(const std::vector<int> &ids) {
  int total = 0;
  for (int id : ids) {
    try {
      total += co_await fetch_count(id);
    } catch (const std::exception &error) {
      std::printf("no count for %d: %s\n", id, error.what());
    }
  }
  co_return total;
}
// CHECK-NOTES: :[[@LINE-7]]:16: warning: co_await in a loop runs the iterations one after another; start them together and await once with 'awl::when_all_settled' [async-await-in-loop]
// CHECK-NOTES: :[[@LINE-8]]:16: note: fix-it on this note only (apply with --fix-notes): 'awl::when_all_settled' starts every iteration's call at once, while the loop starts a call only after the previous one finished, and the loop writes to a log or console, whose lines may come out in another order
// CHECK-FIXES: {{^}}    count_tasks.push_back(fetch_count(id));{{$}}
// CHECK-FIXES: {{^}}      total += std::move(*next_count++).get();{{$}}

// Not a coroutine: a negative id throws here, at the call.
awl::Promise<int> fetch_checked(int id) {
  if (id < 0)
    throw std::invalid_argument("negative id");
  return fetch_count(id);
}

awl::Promise<std::vector<int>> counts_checked(const std::vector<int> &ids) {
  std::vector<int> counts;
  for (int id : ids) {
    try {
      counts.push_back(co_await fetch_checked(id));
    } catch (const std::invalid_argument &) {
      counts.push_back(0);
    }
  }
  co_return counts;
}
// CHECK-NOTES: :[[@LINE-7]]:24: warning: co_await in a loop runs the iterations one after another; start them together and await once with 'awl::when_all_settled' [async-await-in-loop]
// CHECK-NOTES: :[[@LINE-8]]:24: note: fix-it on this note only (apply with --fix-notes): 'awl::when_all_settled' starts every iteration's call at once, while the loop starts a call only after the previous one finished, and 'fetch_checked' may throw before it returns its task, which would no longer be caught by the try block
// CHECK-FIXES: {{^}}    checked_tasks.push_back(fetch_checked(id));{{$}}

awl::Promise<int> total_while(const std::vector<int> &ids) {
  int total = 0;
  std::size_t i = 0;
  while (i < ids.size()) {
    try {
      total += co_await fetch_count(ids[i]);
    } catch (const std::exception &) {
    }
    ++i;
  }
  co_return total;
}
// CHECK-NOTES: :[[@LINE-7]]:16: warning: co_await in a loop runs the iterations one after another; start them together and await once with 'awl::when_all_settled' [async-await-in-loop]
// CHECK-NOTES: :[[@LINE-8]]:16: note: no fix-it: each outcome goes back to its try block, and this loop cannot run a second time to give them
