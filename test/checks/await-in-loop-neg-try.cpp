// RUN: %check_async %s async-await-in-loop %t
// Negative: loops whose await sits in a try block, where starting every
// call first would change what runs. A handler that leaves the loop (break,
// rethrow, return) stops the later calls from ever starting; code before
// the await in the try block may throw before the call starts; a handler
// that changes what the next call is given makes each call depend on the
// previous outcome; a retry awaits the same call every time.
#include <awl/promise.hpp>
#include <stdexcept>
#include <vector>

awl::Promise<int> fetch(int id);
awl::Promise<int> fetch_after(int id, int delay);
awl::Promise<void> connect(int host);
void check_id(int id); // defined elsewhere: may throw
int parse(int raw) {
  if (raw < 0)
    throw std::invalid_argument("negative");
  return raw * 2;
}

// The first failure ends the loop: the later calls never start.
awl::Promise<std::vector<int>> until_failure(std::vector<int> ids) {
  std::vector<int> out;
  for (int id : ids) {
    try {
      out.push_back(co_await fetch(id));
    } catch (const std::exception &) {
      break;
    }
  }
  co_return out;
}

// The handler rethrows: the same.
awl::Promise<std::vector<int>> rethrowing(std::vector<int> ids) {
  std::vector<int> out;
  for (int id : ids) {
    try {
      out.push_back(co_await fetch(id));
    } catch (const std::exception &) {
      throw;
    }
  }
  co_return out;
}

// The handler returns from the coroutine.
awl::Promise<int> first_failure(std::vector<int> ids) {
  int sum = 0;
  for (int id : ids) {
    try {
      sum += co_await fetch(id);
    } catch (...) {
      co_return -id;
    }
  }
  co_return sum;
}

// Code before the await in the try block may throw: then the call never
// starts, and the handler runs instead.
awl::Promise<std::vector<int>> checked_first(std::vector<int> ids) {
  std::vector<int> out;
  for (int id : ids) {
    try {
      const int key = parse(id);
      out.push_back(co_await fetch(key));
    } catch (const std::invalid_argument &) {
      out.push_back(-1);
    }
  }
  co_return out;
}

// The handler backs off: each call is given what the previous failures
// left.
awl::Promise<std::vector<int>> backing_off(std::vector<int> ids) {
  std::vector<int> out;
  int delay = 0;
  for (int id : ids) {
    try {
      out.push_back(co_await fetch_after(id, delay));
    } catch (const std::exception &) {
      delay += 100;
    }
  }
  co_return out;
}

// A retry: the same call every time, the failure swallowed.
awl::Promise<void> connect_with_retries(int host) {
  for (int attempt = 0; attempt < 3; ++attempt) {
    try {
      co_await connect(host);
    } catch (const std::exception &) {
    }
  }
}

// The handler calls a function of unknown effect.
awl::Promise<std::vector<int>> reported(std::vector<int> ids) {
  std::vector<int> out;
  for (int id : ids) {
    try {
      out.push_back(co_await fetch(id));
    } catch (const std::exception &) {
      check_id(id);
    }
  }
  co_return out;
}

// A break after the await: a result ends the loop.
awl::Promise<int> until_negative(std::vector<int> ids) {
  int sum = 0;
  for (int id : ids) {
    try {
      const int value = co_await fetch(id);
      if (value < 0)
        break;
      sum += value;
    } catch (...) {
    }
  }
  co_return sum;
}

// A continue that also skips the trailing `++i` of a while loop.
awl::Promise<int> skipping_the_step(std::vector<int> ids) {
  int sum = 0;
  std::size_t i = 0;
  while (i < ids.size()) {
    try {
      sum += co_await fetch(ids[i]);
    } catch (...) {
      continue;
    }
    ++i;
  }
  co_return sum;
}
