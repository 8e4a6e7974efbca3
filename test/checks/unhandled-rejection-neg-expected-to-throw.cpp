// RUN: %check_async %s async-unhandled-rejection %t
// Tests that expect creating a promise to throw (a bad executor, a closed
// connection) declare it and fail the test on the next line: the promise
// never exists when the test passes, so nothing is left unobserved.
#include "fetch_api.hpp"
#include <stdexcept>

void report_failure(const char *what);
#define BOOST_FAIL(message) report_failure(message)
#define FAIL() report_failure("failed")
#define ADD_FAILURE() report_failure("failure")

void creating_without_a_loop_throws() {
  try {
    auto user = fetch_user(1);
    BOOST_FAIL("should throw");
  } catch (const std::exception &) {
  }
}

void gtest_style() {
  try {
    auto count = fetch_count(2);
    FAIL();
  } catch (...) {
  }
  try {
    auto stats = fetch_stats(3);
    ADD_FAILURE();
  } catch (...) {
  }
}
