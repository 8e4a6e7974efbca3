// RUN: %check_async %s async-await-in-loop %t
// Negative: rate limiting. A sleep, timer or limiter in the body means the
// spacing of the calls is the point; so is a loop of sleeps.
#include <awl/promise.hpp>
#include <awl/sleep.hpp>
#include <vector>

awl::Promise<int> fetch_count(int id);
struct RateLimiter {
  awl::Promise<void> acquire();
};

awl::Promise<int> throttled(const std::vector<int>& ids, RateLimiter& limiter) {
  int total = 0;
  for (int id : ids) {
    total += co_await fetch_count(id);
    co_await awl::sleep(100);
  }
  for (int id : ids) {
    co_await limiter.acquire();
    total += co_await fetch_count(id);
  }
  for (int i = 0; i < 3; ++i) co_await awl::sleep(100);
  for (int i = 0; i < 3; ++i) co_await limiter.acquire();
  co_return total;
}
