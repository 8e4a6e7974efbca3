#include <awl/awl.hpp>

#include <cstdio>

awl::Promise<int> twice(int value) {
  co_await awl::sleep(10);
  co_return value * 2;
}

int main() {
  awl::EventLoop loop{awl::virtual_time};
  int result = 0;
  awl::when_all(twice(20), twice(1)).then([&](const std::tuple<int, int>& values) {
    result = std::get<0>(values) + std::get<1>(values);
  });
  loop.run();
  std::printf("consumer result %d after %.0f ms\n", result, loop.now());
  return result == 42 && loop.now() == 10 ? 0 : 1;
}
