// RUN: %check_async %s async-await-in-loop %t
// Negative: find-first loops stop at the first match (break, return,
// co_return, goto, throw): later calls must not start.
#include <awl/promise.hpp>
#include <stdexcept>
#include <vector>

struct User {
  int id = 0;
  bool admin = false;
};
awl::Promise<User> fetch_user(int id);

awl::Promise<int> first_admin(const std::vector<int>& ids) {
  for (int id : ids) {
    User user = co_await fetch_user(id);
    if (user.admin) co_return user.id;
  }
  int found = -1;
  for (int id : ids) {
    User user = co_await fetch_user(id);
    if (user.admin) {
      found = user.id;
      break;
    }
  }
  for (int id : ids) {
    User user = co_await fetch_user(id);
    if (!user.admin) throw std::runtime_error("not an admin");
  }
  for (int id : ids) {
    User user = co_await fetch_user(id);
    if (user.admin) goto done;
  }
done:
  co_return found;
}
