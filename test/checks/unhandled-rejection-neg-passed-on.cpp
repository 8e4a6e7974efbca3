// RUN: %check_async %s async-unhandled-rejection %t
// A promise passed on is observed by whoever receives it: an argument (by
// value, by reference, moved), a lambda's capture, a struct's member, a
// copy that is awaited, a container handed to when_all. Any mention counts
// as observing it (a state query too): when unsure, the check stays quiet.
#include "fetch_api.hpp"
#include <awl/when_all.hpp>
#include <utility>
#include <vector>

void keep(awl::Promise<int> p);
void watch(const awl::Promise<int> &p);
struct Pending {
  awl::Promise<int> value;
};
void track(Pending p);

void by_value(int id) {
  auto count = fetch_count(id);
  keep(std::move(count));
}

void by_reference(int id) {
  auto count = fetch_count(id);
  watch(count);
}

void into_struct(int id) {
  auto count = fetch_count(id);
  track(Pending{count});
}

awl::Promise<int> captured(int id) {
  auto count = fetch_count(id);
  auto later = [count]() -> awl::Promise<int> { co_return co_await count; };
  co_return co_await later();
}

awl::Promise<int> copied(int id) {
  auto count = fetch_count(id);
  auto same = count;
  co_return co_await same;
}

awl::Promise<int> in_container(int n) {
  std::vector<awl::Promise<int>> pending;
  for (int i = 0; i < n; ++i) {
    auto one = fetch_count(i);
    pending.push_back(one);
  }
  int total = 0;
  for (int v : co_await awl::when_all(pending))
    total += v;
  co_return total;
}

awl::Promise<int> conditional_on_state(int id) {
  auto count = fetch_count(id);
  if (!count.is_pending())
    co_return 0;
  co_return co_await count;
}
