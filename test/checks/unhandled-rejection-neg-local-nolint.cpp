// RUN: %check_async %s async-unhandled-rejection %t
// NOLINT on the declaration silences the local's warning.
#include "fetch_api.hpp"

awl::Promise<int> prefetch(int id, bool cached) {
  auto warm = fetch_count(id); // NOLINT(async-unhandled-rejection)
  // NOLINTNEXTLINE(async-unhandled-rejection)
  auto user = fetch_user(id);
  if (cached)
    co_return 0;
  User u = co_await user;
  co_return u.id;
}
