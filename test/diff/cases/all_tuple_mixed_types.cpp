// Promise.all over inputs of different types (awl: the tuple overload).
#include "case_registry.hpp"

namespace all_tuple_mixed_types {
using namespace awl_diff;

awl::Promise<int> num() {
  co_await awl::Promise<void>::resolve();
  co_return 42;
}
awl::Promise<std::string> str() {
  co_await awl::sleep(5);
  co_return "text";
}
awl::Promise<bool> flag() { co_return true; }

AWL_DIFF_CASE(all_tuple_mixed_types) {
  awl::EventLoop loop{awl::virtual_time};
  (void)awl::when_all(num(), str(), flag()).then([](const std::tuple<int, std::string, bool>& r) {
    log("got", std::get<0>(r), std::get<1>(r), std::get<2>(r));
  });
  loop.run();
  return 0;
}
}  // namespace all_tuple_mixed_types
