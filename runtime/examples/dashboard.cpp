// The article's loadDashboard: three independent 100 ms calls, awaited one
// after another (total = sum) and started together with when_all (total =
// max). On virtual time the durations are exact.
#include <awl/awl.hpp>

#include <cstdio>
#include <fstream>
#include <string>
#include <string_view>

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

// Runs one version with tracing on and prints its timeline (on an axis of
// `axis_ms`, 0 for its own span) and the hints of missed concurrency; `chrome_trace` (if given) receives Chrome trace
// JSON.
template <class Load>
double timed(awl::EventLoop& loop, const char* label, Load load, const std::string& chrome_trace,
             const std::string& svg, double axis_ms) {
  awl::Trace trace;
  loop.set_trace(&trace);
  const double start = loop.now();
  double elapsed = -1;
  load(42).then([&](const Dashboard& dashboard) {
    elapsed = loop.now() - start;
    std::printf("%-10s %s orders=%d stats=%.1f  elapsed %.0f ms\n", label, dashboard.user.c_str(), dashboard.orders,
                dashboard.stats, elapsed);
  });
  loop.run();
  loop.set_trace(nullptr);
  awl::TimelineOptions options;
  options.axis_ms = axis_ms;
  std::fputs(awl::timeline(trace, options).c_str(), stdout);
  for (const awl::MissedConcurrency& hint : awl::missed_concurrency(trace))
    std::printf("hint: %s\n", awl::describe(hint).c_str());
  if (!chrome_trace.empty()) {
    std::ofstream out(chrome_trace);
    awl::write_chrome_trace(trace, out);
  }
  if (!svg.empty()) {
    awl::TimelineSvgOptions svg_options;
    svg_options.axis_ms = axis_ms;
    svg_options.title = std::string(std::string_view(label) == "sequential" ? "three co_awaits one after another"
                                                                            : "started together with awl::when_all") +
                        ": " + std::to_string(static_cast<int>(elapsed)) + " ms";
    std::ofstream(svg) << awl::timeline_svg(trace, svg_options);
  }
  std::puts("");
  return elapsed;
}

}  // namespace

// dashboard [--chrome-trace PREFIX] [--svg PREFIX]: writes PREFIX-sequential
// and PREFIX-when_all .json (open them in https://ui.perfetto.dev or
// chrome://tracing) or .svg (docs/tracing/ is made this way).
int main(int argc, char** argv) {
  std::string chrome_prefix;
  std::string svg_prefix;
  for (int i = 1; i < argc; i += 2) {
    const std::string_view option = argv[i];
    if (i + 1 < argc && option == "--chrome-trace") {
      chrome_prefix = argv[i + 1];
    } else if (i + 1 < argc && option == "--svg") {
      svg_prefix = argv[i + 1];
    } else {
      std::fprintf(stderr, "usage: %s [--chrome-trace PREFIX] [--svg PREFIX]\n", argv[0]);
      return 2;
    }
  }
  const auto file = [](const std::string& prefix, const char* version, const char* extension) {
    return prefix.empty() ? std::string() : prefix + "-" + version + extension;
  };
  awl::EventLoop loop{awl::virtual_time};
  const double sequential =
      timed(loop, "sequential", load_dashboard_sequential, file(chrome_prefix, "sequential", ".json"),
            file(svg_prefix, "sequential", ".svg"), 0);
  const double parallel = timed(loop, "when_all", load_dashboard_parallel, file(chrome_prefix, "when_all", ".json"),
                                file(svg_prefix, "when_all", ".svg"), sequential);
  std::printf("sequential %.0f ms vs when_all %.0f ms: %.1fx faster\n", sequential, parallel, sequential / parallel);
  return sequential == 300 && parallel == 100 ? 0 : 1;
}
