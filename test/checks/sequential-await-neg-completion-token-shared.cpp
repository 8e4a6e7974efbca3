// RUN: %check_async %s async-sequential-await %t
// Negative: a completion token keeps a reference to the error code it was
// made from, and the operation writes it when it completes. Two operations
// handed tokens over the same `ec` both write it: started together, the
// code read afterwards could be either one's. The token's factory has a
// visible body that only takes an address, which must not pass for "reads
// only": what it returns goes into the operation.
#include <awl/awl.hpp>

struct ErrorSink {
  int *code;
};
struct NetToken {
  ErrorSink operator[](int &code) const noexcept { return ErrorSink{&code}; }
};
inline constexpr NetToken net_token;

// A token made by a constructor that binds the reference.
struct CodeRef {
  int &code;
  explicit CodeRef(int &c) : code(c) {}
};

struct Socket {
  int id;
};

awl::Promise<int> send_on(Socket &socket, ErrorSink sink);
awl::Promise<int> send_with(Socket &socket, CodeRef ref);
ErrorSink make_sink(int &code) { return ErrorSink{&code}; }

awl::Promise<int> send_both_shared_code(Socket &left, Socket &right) {
  int ec = 0;
  int a = co_await send_on(left, net_token[ec]);
  int b = co_await send_on(right, net_token[ec]);
  co_return a + b + ec;
}

awl::Promise<int> send_both_constructed(Socket &left, Socket &right) {
  int ec = 0;
  int a = co_await send_with(left, CodeRef(ec));
  int b = co_await send_with(right, CodeRef(ec));
  co_return a + b + ec;
}

awl::Promise<int> send_both_factory(Socket &left, Socket &right) {
  int ec = 0;
  int a = co_await send_on(left, make_sink(ec));
  int b = co_await send_on(right, make_sink(ec));
  co_return a + b + ec;
}
