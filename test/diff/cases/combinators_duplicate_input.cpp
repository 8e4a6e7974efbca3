// The same promise passed twice to each combinator.
#include "case_registry.hpp"

namespace combinators_duplicate_input {
using namespace awl_diff;

AWL_DIFF_CASE(combinators_duplicate_input) {
  awl::EventLoop loop{awl::virtual_time};
  const awl::Promise<std::string> p([](awl::Resolver<std::string> resolve, awl::Rejecter<std::string>) {
    awl::set_timeout([resolve] { resolve("v"); }, 5);
  });
  const auto bad = awl::Promise<std::string>::reject(std::runtime_error("bad"));
  (void)awl::when_all(p, p).then(
      [](const std::tuple<std::string, std::string>& v) { log("all", std::get<0>(v) + "," + std::get<1>(v)); });
  (void)awl::when_all_settled(std::vector{bad, bad}).then([](const std::vector<awl::Settled<std::string>>& r) {
    log("allSettled",
        std::string(r[0].rejected() ? "rejected" : "fulfilled") + "," + (r[1].rejected() ? "rejected" : "fulfilled"));
  });
  awl::when_any(bad, bad).catch_([](const std::exception_ptr& e) {
    try {
      std::rethrow_exception(e);
    } catch (const awl::AggregateError& aggregate) {
      log("any", message(aggregate.errors()[0]) + "," + message(aggregate.errors()[1]));
    }
    return std::string();
  });
  (void)awl::race(p, p).then([](const std::string& v) { log("race", v); });
  loop.run();
  return 0;
}
}  // namespace combinators_duplicate_input
