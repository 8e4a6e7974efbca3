// RUN: %check_async %s async-await-in-loop %t
// Negative: loop bodies that await several times per item, where running
// the items together could change what happens. Each loop is one reason;
// none is reported.
#include <awl/promise.hpp>
#include <awl/sleep.hpp>
#include <string>
#include <vector>

struct User {
  int id = 0;
  std::string email;
};
awl::Promise<User> get_user(int id);
awl::Promise<bool> send_mail(std::string to, std::string text);
awl::Promise<void> login(int id);
awl::Promise<std::string> fetch_secret(int id);
awl::Promise<int> get_score(int id);
awl::Promise<int> next_page(int cursor);
void audit(int id); // defined elsewhere: effects unknown

struct Connection {
  awl::Promise<int> query(int key);
  awl::Promise<void> send(int value);
};

int session_user = 0; // what login_global sets and fetch_session reads
awl::Promise<void> login_global(int id) {
  session_user = id;
  co_await awl::sleep(1);
}
awl::Promise<int> fetch_session() {
  co_await awl::sleep(1);
  co_return session_user;
}
awl::Promise<int> fetch_session_of(int id) {
  co_await awl::sleep(1);
  co_return session_user + id;
}

// An ordering step: login's result is unused, and the next operation is a
// different one; its effect may sit in state every iteration shares.
awl::Promise<std::vector<std::string>> secrets(std::vector<int> ids) {
  std::vector<std::string> out;
  for (int id : ids) {
    co_await login(id);
    out.push_back(co_await fetch_secret(id));
  }
  co_return out;
}

// The same with both bodies visible: login_global writes the global that
// fetch_session_of reads.
awl::Promise<int> sessions(std::vector<int> ids) {
  int total = 0;
  for (int id : ids) {
    co_await login_global(id);
    total += co_await fetch_session_of(id);
  }
  co_return total;
}

// A rate limit between the items: a barrier.
awl::Promise<void> throttled(std::vector<int> ids) {
  for (int id : ids) {
    User u = co_await get_user(id);
    co_await send_mail(u.email, "hi");
    co_await awl::sleep(100);
  }
}

// One connection for every item.
awl::Promise<void> over_one_connection(Connection &conn, std::vector<int> keys) {
  for (int key : keys) {
    int v = co_await conn.query(key);
    co_await conn.send(v);
  }
}

// Find-first: the loop stops at the first match.
awl::Promise<int> first_high(std::vector<int> ids) {
  for (int id : ids) {
    User u = co_await get_user(id);
    if (co_await get_score(u.id) > 90)
      co_return u.id;
  }
  co_return -1;
}

// break: the later items must not start.
awl::Promise<int> until_low(std::vector<int> ids) {
  int n = 0;
  for (int id : ids) {
    User u = co_await get_user(id);
    int score = co_await get_score(u.id);
    if (score < 10)
      break;
    ++n;
  }
  co_return n;
}

// A call of unknown effect in the body.
awl::Promise<void> audited(std::vector<int> ids) {
  for (int id : ids) {
    User u = co_await get_user(id);
    audit(u.id);
    co_await send_mail(u.email, "audited");
  }
}

// A cursor: each item's result feeds the next item's call.
awl::Promise<int> pages(std::vector<int> ids) {
  int cursor = 0;
  int sum = 0;
  for (int id : ids) {
    int page = co_await next_page(cursor + id);
    sum += co_await get_score(page);
    cursor += page;
  }
  co_return sum;
}

// The last one to finish would win.
awl::Promise<int> latest(std::vector<int> ids) {
  int last = 0;
  for (int id : ids) {
    User u = co_await get_user(id);
    last = co_await get_score(u.id);
  }
  co_return last;
}

// A set one item fills and the next reads (skip duplicates).
awl::Promise<int> unique_scores(std::vector<int> ids) {
  std::vector<int> seen;
  int total = 0;
  for (int id : ids) {
    User u = co_await get_user(id);
    bool dup = false;
    for (int s : seen)
      dup |= s == u.id;
    if (dup)
      continue;
    seen.push_back(u.id);
    total += co_await get_score(u.id);
  }
  co_return total;
}

// One await in a nested loop (itself a find-first), another outside it.
awl::Promise<int> nested(std::vector<std::vector<int>> groups) {
  int total = 0;
  for (const auto &group : groups) {
    User head = co_await get_user(group.front());
    for (int id : group) {
      total += co_await get_score(id + head.id);
      if (total > 100)
        break;
    }
  }
  co_return total;
}

// The same call every time in one of the awaits: a repetition.
awl::Promise<int> polled(std::vector<int> ids) {
  int total = 0;
  for (int id : ids) {
    total += co_await fetch_session();
    total += co_await get_score(id);
  }
  co_return total;
}

// A try block whose handler leaves the loop: the first failure stops the
// items after it from ever starting.
awl::Promise<int> guarded_until_failure(std::vector<int> ids) {
  int total = 0;
  for (int id : ids) {
    User u = co_await get_user(id);
    try {
      total += co_await get_score(u.id);
    } catch (...) {
      break;
    }
  }
  co_return total;
}

// A handler that changes what the next item's call is given: each item
// depends on the outcome of the one before.
awl::Promise<int> guarded_backoff(std::vector<int> ids) {
  int total = 0;
  int retries = 0;
  for (int id : ids) {
    User u = co_await get_user(id + retries);
    try {
      total += co_await get_score(u.id);
    } catch (...) {
      ++retries;
    }
  }
  co_return total;
}

// while (true): not bounded by its header.
awl::Promise<void> forever() {
  int id = 0;
  while (true) {
    User u = co_await get_user(id++);
    co_await send_mail(u.email, "again");
  }
}

// co_yield-free, but co_return inside: leaves the loop.
awl::Promise<int> leaves(std::vector<int> ids) {
  for (int id : ids) {
    User u = co_await get_user(id);
    if (u.email.empty())
      co_return id;
    co_await send_mail(u.email, "x");
  }
  co_return 0;
}

// A continue that would skip the while loop's own step.
awl::Promise<int> skips_step(std::vector<int> ids) {
  std::size_t i = 0;
  int n = 0;
  while (i < ids.size()) {
    User u = co_await get_user(ids[i]);
    if (u.email.empty())
      continue;
    n += co_await get_score(u.id);
    ++i;
  }
  co_return n;
}

// The step under a branch is still a step; a result tested by an if is not
// dropped, so this loop is refused only for its first await.
awl::Promise<int> step_in_branch(std::vector<int> ids) {
  int n = 0;
  for (int id : ids) {
    if (id > 0)
      co_await login(id);
    if (co_await send_mail(std::to_string(id), "x"))
      ++n;
  }
  co_return n;
}
