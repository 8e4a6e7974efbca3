// RUN: %check_async %s async-sequential-await %t
// RUN-AND-COMPARE
// ELAPSED-BEFORE: 300ms
// ELAPSED-AFTER: 200ms
// A constant completion token, `net_token[ec]` (as asio code writes
// `redirect_error(use_awaitable, ec)` behind a constexpr object): its
// operator[] returns a fresh token by value, so handing it on writes
// nothing of `net_token`. Two sends on different sockets with their own
// error codes are independent.
#include <awl/awl.hpp>
#include <cstdio>

struct ErrorSink {
  int *code;
};
struct NetToken {
  ErrorSink operator[](int &code) const noexcept { return ErrorSink{&code}; }
};
inline constexpr NetToken net_token;

struct Socket {
  int id;
};

awl::Promise<int> send_on(Socket &socket, double ms, ErrorSink sink) {
  co_await awl::sleep(ms);
  *sink.code = socket.id * 10;
  co_return socket.id;
}

awl::Promise<int> send_both(Socket &left, Socket &right) {
  int left_code = 0;
  int right_code = 0;
  int a = co_await send_on(left, 100, net_token[left_code]);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 2 independent co_await expressions run one after another; start them together with 'awl::when_all' [async-sequential-await]
  int b = co_await send_on(right, 200, net_token[right_code]);
  // CHECK-FIXES: {{^}}  auto [a, b] = co_await awl::when_all(send_on(left, 100, net_token[left_code]), send_on(right, 200, net_token[right_code]));{{$}}
  std::printf("sent %d %d, codes %d %d\n", a, b, left_code, right_code);
  co_return a + b;
}

int main() {
  awl::EventLoop loop{awl::virtual_time};
  Socket left{1};
  Socket right{2};
  const double start = loop.now();
  (void)send_both(left, right).then([&](int sum) {
    std::printf("sum %d\n", sum);
    std::printf("elapsed %.0fms\n", loop.now() - start);
  });
  loop.run();
}
