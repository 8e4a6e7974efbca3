// RUN: %check_async %s async-unhandled-rejection %t
// A promise whose continuation is attached with a rejection handler, a
// promise moved into a pending list that a supervisor awaits, and one
// handed to a helper that observes it: the ways real code keeps failures
// visible outside coroutines.
#include "fetch_api.hpp"
#include <utility>
#include <vector>

std::vector<awl::Promise<int>> in_flight;
void supervise(awl::Promise<int> p);

void start_jobs(int n) {
  for (int i = 0; i < n; ++i) {
    auto job = fetch_count(i);
    in_flight.push_back(std::move(job));
  }
  auto audit = fetch_count(-1);
  supervise(audit);
  auto report = fetch_orders(1);
  (void)report.then([](int) {}, [](std::exception_ptr) {});
}
