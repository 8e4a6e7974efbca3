// then(onFulfilled, onRejected): onRejected does not see errors thrown by
// onFulfilled of the same then; a later catch does.
#include "case_registry.hpp"

namespace chain_then_two_callbacks {
using namespace awl_diff;

AWL_DIFF_CASE(chain_then_two_callbacks) {
  awl::EventLoop loop{awl::virtual_time};
  awl::Promise<std::string>::resolve("v")
      .then(
          [](const std::string& v) {
            log("onFulfilled", v);
            throw std::runtime_error("from onFulfilled");
          },
          [](const std::exception_ptr& e) { log("onRejected (not called)", message(e)); })
      .catch_([](const std::exception_ptr& e) { log("later catch", message(e)); });
  (void)awl::Promise<std::string>::reject(std::runtime_error("r"))
      .then(
          [](const std::string&) -> std::string {
            log("not called");
            return "";
          },
          [](const std::exception_ptr& e) {
            log("onRejected", message(e));
            return std::string("recovered");
          })
      .then([](const std::string& v) { log("then", v); });
  loop.run();
  return 0;
}
}  // namespace chain_then_two_callbacks
