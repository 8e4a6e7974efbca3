// RUN: %check_async %s async-unhandled-rejection %t
// A switch whose case returns before the started lookup is awaited.
#include "fetch_api.hpp"

enum class Mode { Fast, Full };

awl::Promise<int> resolve(int id, Mode mode) {
  auto record = fetch_count(id);
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: the promise in 'record' is not awaited or passed on along every path
  switch (mode) {
  case Mode::Fast:
    co_return id;
  case Mode::Full:
    break;
  }
  co_return co_await record;
}
