// Cross-thread stress for ThreadSanitizer (CTest label `tsan`): many threads
// posting to one loop, many run_blocking calls, several loops at once.
#include "test_support.hpp"

#include <atomic>
#include <chrono>
#include <memory>
#include <thread>

namespace {

using awl::EventLoop;
using awl::Promise;

constexpr int kThreads = 8;
constexpr int kPostsPerThread = 2'000;
constexpr int kBlockingCalls = 500;

TEST(Threads, ManyThreadsPostConcurrently) {
  EventLoop loop;
  const auto loop_thread = std::this_thread::get_id();
  long executed = 0;  // touched on the loop thread only
  bool all_on_loop_thread = true;
  std::vector<long> per_thread(kThreads, 0);
  // A far timer keeps run() waiting until the last task arrives.
  const awl::TimerId keep_alive = loop.set_timeout([] { ADD_FAILURE() << "timed out waiting for posts"; }, 60000);
  std::atomic<int> ready{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      ++ready;
      while (ready.load() < kThreads) std::this_thread::yield();
      for (int i = 0; i < kPostsPerThread; ++i) {
        loop.post([&, t, loop_thread] {
          all_on_loop_thread = all_on_loop_thread && std::this_thread::get_id() == loop_thread;
          ++per_thread[static_cast<std::size_t>(t)];
          if (++executed == long{kThreads} * kPostsPerThread) loop.clear_timeout(keep_alive);
        });
      }
    });
  }
  loop.run();
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(executed, long{kThreads} * kPostsPerThread);
  for (long n : per_thread) EXPECT_EQ(n, kPostsPerThread);
  EXPECT_TRUE(all_on_loop_thread);
}

TEST(Threads, PostsAndMicrotasksInterleaveSafely) {
  EventLoop loop;
  long micro = 0;
  long macro = 0;
  const awl::TimerId keep_alive = loop.set_timeout([] { ADD_FAILURE() << "timed out"; }, 60000);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 1000; ++i) {
        loop.post([&] {
          ++macro;
          Promise<int>::resolve(1).then([&](int v) {
            micro += v;
            if (micro == 4000) loop.clear_timeout(keep_alive);
          });
        });
      }
    });
  }
  loop.run();
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(macro, 4000);
  EXPECT_EQ(micro, 4000);
}

TEST(Threads, ManyRunBlockingCalls) {
  EventLoop loop;
  const auto loop_thread = std::this_thread::get_id();
  std::atomic<int> ran{0};
  long sum = 0;
  int settled_elsewhere = 0;
  for (int i = 0; i < kBlockingCalls; ++i) {
    awl::run_blocking([i, &ran] {
      ++ran;
      return i;
    }).then([&, loop_thread](int v) {
      sum += v;
      if (std::this_thread::get_id() != loop_thread) ++settled_elsewhere;
    });
  }
  loop.run();
  EXPECT_EQ(ran.load(), kBlockingCalls);
  EXPECT_EQ(sum, long{kBlockingCalls} * (kBlockingCalls - 1) / 2);
  EXPECT_EQ(settled_elsewhere, 0);
}

TEST(Threads, RunBlockingWithThrowsAndCapturedState) {
  EventLoop loop;
  int fulfilled = 0;
  int rejected = 0;
  for (int i = 0; i < 200; ++i) {
    auto payload = std::make_shared<std::string>(50, static_cast<char>('a' + i % 26));
    awl::run_blocking([payload, i]() -> std::string {
      if (i % 3 == 0) throw std::runtime_error("failed " + std::to_string(i));
      return *payload + std::to_string(i);
    }).then([&](const std::string&) { ++fulfilled; }, [&](const std::exception_ptr&) { ++rejected; });
  }
  loop.run();
  EXPECT_EQ(fulfilled + rejected, 200);
  EXPECT_EQ(rejected, 67);
}

TEST(Threads, SeveralLoopsOnSeveralThreadsShareTheWorkerPool) {
  constexpr int kLoops = 4;
  std::vector<long> sums(kLoops, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < kLoops; ++t) {
    threads.emplace_back([&sums, t] {
      EventLoop loop;
      auto body = [](int base) -> Promise<long> {
        long sum = 0;
        for (int i = 0; i < 50; ++i) sum += co_await awl::run_blocking([base, i] { return long{base} + i; });
        std::vector<Promise<long>> parallel;
        for (int i = 0; i < 50; ++i) parallel.push_back(awl::run_blocking([i] { return long{i}; }));
        for (long v : co_await awl::when_all(parallel)) sum += v;
        co_return sum;
      };
      body(t * 1000).then([&sums, t](long v) { sums[static_cast<std::size_t>(t)] = v; });
      loop.run();
    });
  }
  for (auto& thread : threads) thread.join();
  for (int t = 0; t < kLoops; ++t) EXPECT_EQ(sums[static_cast<std::size_t>(t)], 50L * t * 1000 + 1225 + 1225);
}

TEST(Threads, LoopDestroyedRightAfterBlockingWorkCompletes) {
  // Each iteration destroys its loop as soon as run() returned: the worker's
  // completion post must be entirely finished with the loop by then.
  for (int round = 0; round < 200; ++round) {
    auto loop = std::make_unique<EventLoop>();
    int value = 0;
    awl::run_blocking([round] { return round; }).then([&](int v) { value = v; });
    loop->run();
    EXPECT_EQ(value, round);
    loop.reset();
  }
}

TEST(Threads, RunBlockingWhileOtherThreadsPost) {
  EventLoop loop;
  long posted = 0;
  long blocked = 0;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 500; ++i) loop.post([&] { ++posted; });
    });
  for (int i = 0; i < 200; ++i) awl::run_blocking([] { std::this_thread::yield(); }).then([&] { ++blocked; });
  for (auto& thread : threads) thread.join();  // all posts are queued before run()
  loop.run();
  EXPECT_EQ(posted, 2000);
  EXPECT_EQ(blocked, 200);
}

}  // namespace
