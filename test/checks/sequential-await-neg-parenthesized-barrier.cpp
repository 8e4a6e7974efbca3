// RUN: %check_async %s async-sequential-await %t
// Negative: a helper whose body waits on a timer in parentheses,
// `co_await (awl::sleep(50))`, waits as much as one without them: awaiting
// the helper orders what follows (a settling delay before a reading).
#include <awl/awl.hpp>

int last_reading = 0;

awl::Promise<void> settle_down() { co_await (awl::sleep(50)); }
awl::Promise<void> settle_down_twice() { co_await ((awl::sleep(50))); }

awl::Promise<int> read_cached(int sensor) {
  co_await awl::Promise<void>::resolve();
  co_return sensor * 2;
}

awl::Promise<int> sample(int sensor) {
  co_await settle_down();
  int value = co_await read_cached(sensor);
  co_return value;
}

awl::Promise<int> sample_slowly(int sensor) {
  co_await settle_down_twice();
  int value = co_await read_cached(sensor);
  co_return value;
}
