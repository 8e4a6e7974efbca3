// The array of Promise.all reaches every reaction and awaiter intact.
#include "case_registry.hpp"

namespace value_all_result_shared {
using namespace awl_diff;
using V = std::vector<std::string>;

awl::Promise<void> awaiter(awl::Promise<V> all) {
  const V v = co_await all;
  log("await", v.size(), v[0].size() + v[1].size());
}

AWL_DIFF_CASE(value_all_result_shared) {
  awl::EventLoop loop{awl::virtual_time};
  const awl::Promise<std::string> later([](awl::Resolver<std::string> resolve, awl::Rejecter<std::string>) {
    awl::set_timeout([resolve] { resolve(std::string(40, 'y')); }, 5);
  });
  const auto all = awl::when_all(std::vector{awl::Promise<std::string>::resolve(std::string(40, 'x')), later});
  (void)all.then([](const V& v) { log("then A", v.size(), v[0].size(), v[1].size()); });
  (void)awaiter(all);
  (void)all.then([](const V& v) { log("then B", v[1].substr(0, 3)); });
  loop.run();
  return 0;
}
}  // namespace value_all_result_shared
