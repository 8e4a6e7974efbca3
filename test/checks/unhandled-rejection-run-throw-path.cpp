// RUN: %check_async %s async-unhandled-rejection %t
// ORACLE: unobserved
// Validation after the request started: the throw leaves the started
// promise behind, and its rejection goes unobserved (the caller sees only
// the validation error).
#include "oracle_api.hpp"
#include <stdexcept>

awl::Promise<int> checked_fetch(int id) {
  auto value = backend::fetch(id, 10);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: the promise in 'value' is not awaited or passed on along every path
  if (id < 0)
    throw std::invalid_argument("negative id");
  co_return co_await value;
}

int main() {
  return oracle::run([] { return checked_fetch(-1); });
}
