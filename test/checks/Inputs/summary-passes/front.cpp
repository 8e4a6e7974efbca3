// The second file of sequential-await-summary-passes.cpp: coroutines whose
// effects are in back.cpp.
#include "chain.hpp"

awl::Promise<int> next_number() {
  const int n = bump_counter();
  co_return co_await awl::Promise<int>::resolve(n);
}
awl::Promise<int> read_number() {
  co_return co_await awl::Promise<int>::resolve(shared_counter);
}
awl::Promise<void> remember_later(int id) {
  remember(id);
  co_await awl::Promise<int>::resolve(id);
}
awl::Promise<int> price(int id) {
  co_return co_await awl::Promise<int>::resolve(id * 3);
}
