// The article's loadDashboard: three independent 100 ms calls, awaited one
// after another (total = sum) and started together with when_all (total =
// max). On virtual time the durations are exact.
#include <awl/awl.hpp>

#include <cstdio>
#include <string>

namespace {

struct Dashboard {
  std::string user;
  int orders = 0;
  double stats = 0;
};

// Stand-ins for network calls: each takes 100 ms.
awl::Promise<std::string> get_user(int user_id) {
  co_await awl::sleep(100);
  co_return "user-" + std::to_string(user_id);
}
awl::Promise<int> get_orders(int user_id) {
  co_await awl::sleep(100);
  co_return user_id * 3;
}
awl::Promise<double> get_stats(int user_id) {
  co_await awl::sleep(100);
  co_return user_id / 2.0;
}

// SLOW: each call starts only after the previous one finished.
awl::Promise<Dashboard> load_dashboard_sequential(int user_id) {
  std::string user = co_await get_user(user_id);
  int orders = co_await get_orders(user_id);
  double stats = co_await get_stats(user_id);
  co_return Dashboard{user, orders, stats};
}

// FAST: all three start at once.
awl::Promise<Dashboard> load_dashboard_parallel(int user_id) {
  auto [user, orders, stats] = co_await awl::when_all(get_user(user_id), get_orders(user_id), get_stats(user_id));
  co_return Dashboard{user, orders, stats};
}

template <class Load>
double timed(awl::EventLoop& loop, const char* label, Load load) {
  const double start = loop.now();
  double elapsed = -1;
  load(42).then([&](const Dashboard& dashboard) {
    elapsed = loop.now() - start;
    std::printf("%-10s %s orders=%d stats=%.1f  elapsed %.0f ms\n", label, dashboard.user.c_str(), dashboard.orders,
                dashboard.stats, elapsed);
  });
  loop.run();
  return elapsed;
}

}  // namespace

int main() {
  awl::EventLoop loop{awl::virtual_time};
  const double sequential = timed(loop, "sequential", load_dashboard_sequential);
  const double parallel = timed(loop, "when_all", load_dashboard_parallel);
  std::printf("sequential %.0f ms vs when_all %.0f ms: %.1fx faster\n", sequential, parallel, sequential / parallel);
  return sequential == 300 && parallel == 100 ? 0 : 1;
}
