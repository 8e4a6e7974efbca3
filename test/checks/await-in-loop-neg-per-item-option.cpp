// RUN: %check_async --config="{CheckOptions: {async-await-in-loop.PerItemChains: false}}" %s async-await-in-loop %t
// Negative: with PerItemChains off, a body that awaits several times per
// item is not reported (await-in-loop-per-item.cpp reports this loop).
#include <awl/promise.hpp>
#include <string>
#include <vector>

struct User {
  int id = 0;
  std::string email;
};
awl::Promise<User> get_user(int id);
awl::Promise<bool> send_mail(std::string to, std::string text);

awl::Promise<int> notify_all(std::vector<int> ids) {
  int sent = 0;
  for (int id : ids) {
    User u = co_await get_user(id);
    bool ok = co_await send_mail(u.email, "hello");
    if (ok)
      ++sent;
  }
  co_return sent;
}
