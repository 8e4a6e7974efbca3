// RUN: %check_async %s async-sequential-await %t
// A callee that writes only to an object it made itself (make_shared) has no
// effect outside: the fix goes on the warning.
#include <awl/awl.hpp>
#include <memory>
#include <string>
struct Request { std::string path; void setPath(std::string p) { path = std::move(p); } };
awl::Promise<std::string> fetch_page(std::string path) {
  auto req = std::make_shared<Request>();
  req->setPath(path);
  co_await awl::sleep(100);
  co_return req->path;
}
awl::Promise<int> run() {
  std::string a = co_await fetch_page("/a");
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 2 independent co_await expressions run one after another; start them together with 'awl::when_all' [async-sequential-await]
  std::string b = co_await fetch_page("/b");
  co_return static_cast<int>(a.size() + b.size());
}
// CHECK-FIXES: {{^}}  auto [a, b] = co_await awl::when_all(fetch_page("/a"), fetch_page("/b"));{{$}}
