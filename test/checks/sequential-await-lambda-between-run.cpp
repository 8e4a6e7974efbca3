// RUN: %check_async %s async-sequential-await %t
// RUN-AND-COMPARE
// ELAPSED-BEFORE: 200ms
// ELAPSED-AFTER: 100ms
// A lambda's return belongs to the lambda: code between two awaits that
// builds a value with an immediately invoked lambda, or searches with a
// predicate, neither leaves nor suspends the coroutine. (Both used to end
// the group: "code between them may leave or suspend".) The fix runs both
// lookups at once, 200 ms -> 100 ms, same output. (A lambda that throws:
// sequential-await-throw-between.cpp.)
#include <awl/awl.hpp>
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

struct Member {
  int id;
  std::string name;
};

awl::Promise<int> fetch_points(int user) {
  co_await awl::sleep(100);
  co_return user * 7;
}
awl::Promise<std::vector<Member>> fetch_members(int guild) {
  co_await awl::sleep(100);
  co_return std::vector<Member>{{1, "ann"}, {guild, "bob"}};
}

awl::Promise<std::string> leaderboard_line(int guild, int user) {
  int points = co_await fetch_points(user);
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 2 independent co_await expressions run one after another; start them together with 'awl::when_all' [async-sequential-await]
  auto label = [user]() -> std::string {
    if (user < 0)
      return "nobody";
    return "user " + std::to_string(user);
  }();
  std::vector<Member> members = co_await fetch_members(guild);
  // CHECK-FIXES: {{^}}  auto label = [user]() -> std::string {{{$}}
  // CHECK-FIXES: {{^}}  auto [points, members] = co_await awl::when_all(fetch_points(user), fetch_members(guild));{{$}}
  auto it = std::find_if(members.begin(), members.end(),
                         [user](const Member &m) { return m.id == user; });
  co_return label + ": " + std::to_string(points) +
      (it != members.end() ? " (" + it->name + ")" : "");
}

int main() {
  awl::EventLoop loop{awl::virtual_time};
  const double start = loop.now();
  (void)leaderboard_line(3, 3).then([&](const std::string &line) {
    std::printf("%s\n", line.c_str());
    std::printf("elapsed %.0fms\n", loop.now() - start);
  });
  loop.run();
}
