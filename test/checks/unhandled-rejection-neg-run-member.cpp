// RUN: %check_async %s async-unhandled-rejection %t
// ORACLE: observed
// A promise stored in a member (or a container that outlives the call) is
// observed by whoever later awaits the member: this function does not lose
// it.
#include "oracle_api.hpp"
#include <vector>

struct Prefetcher {
  awl::Promise<int> next;
  std::vector<awl::Promise<int>> queued;

  void prefetch(int id) {
    auto pending = backend::fetch(id);
    next = pending;
  }
  void enqueue(int id) {
    auto pending = backend::fetch(id);
    queued.push_back(std::move(pending));
  }
  awl::Promise<int> take() {
    int total = 0;
    try {
      total += co_await next;
    } catch (const std::exception &) {
    }
    for (auto &item : queued) {
      try {
        total += co_await item;
      } catch (const std::exception &) {
      }
    }
    co_return total;
  }
};

awl::Promise<int> use() {
  Prefetcher p;
  p.prefetch(1);
  p.enqueue(2);
  p.enqueue(3);
  co_return co_await p.take();
}

int main() { return oracle::run(use); }
