// One promise's value seen by every consumer: awaits, thens, all, race,
// finally - none may take it away from the others.
#include "case_registry.hpp"

namespace value_shared_by_consumers {
using namespace awl_diff;
using P = awl::Promise<std::string>;

awl::Promise<std::string> awaiter(std::string name, P shared) {
  std::string v = co_await shared;
  log(name, "awaited", v);
  co_return v;
}
awl::Promise<void> late_await(P shared) { log("late await", co_await shared); }

AWL_DIFF_CASE(value_shared_by_consumers) {
  awl::EventLoop loop{awl::virtual_time};
  Deferred<std::string> d;
  const P shared = d.promise();
  (void)awaiter("first", shared);
  (void)shared.then([](const std::string& v) { log("then 1", v); });
  (void)awaiter("second", shared);
  (void)awl::when_all(shared, shared).then([](const std::tuple<std::string, std::string>& v) {
    log("all", std::get<0>(v) + "+" + std::get<1>(v));
  });
  (void)awl::race(shared).then([](const std::string& v) { log("race", v); });
  (void)shared.finally([] { log("finally"); }).then([](const std::string& v) { log("after finally", v); });
  (void)shared.then([](const std::string& v) { log("then 2", v); });
  awl::set_timeout([d] { d.resolve("a fairly long string value that does not fit in small-string storage"); }, 5);
  awl::set_timeout([shared] { (void)late_await(shared); }, 30);
  loop.run();
  return 0;
}
}  // namespace value_shared_by_consumers
