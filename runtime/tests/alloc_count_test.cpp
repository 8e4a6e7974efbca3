// Zero heap allocations in steady state. This executable replaces the global
// operator new/delete with counting versions.
#include "test_support.hpp"

#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <iterator>
#include <new>
#include <vector>

namespace {
std::atomic<long> g_allocations{0};
thread_local bool t_counting = false;

void* counted_allocate(std::size_t size) {
  if (t_counting) g_allocations.fetch_add(1, std::memory_order_relaxed);
  if (size == 0) size = 1;
  if (void* p = std::malloc(size)) return p;
  throw std::bad_alloc();
}
void* counted_allocate_aligned(std::size_t size, std::align_val_t alignment) {
  if (t_counting) g_allocations.fetch_add(1, std::memory_order_relaxed);
  const auto align = static_cast<std::size_t>(alignment);
  const std::size_t rounded = (size + align - 1) / align * align;
  if (void* p = std::aligned_alloc(align, rounded == 0 ? align : rounded)) return p;
  throw std::bad_alloc();
}
}  // namespace

void* operator new(std::size_t size) { return counted_allocate(size); }
void* operator new[](std::size_t size) { return counted_allocate(size); }
void* operator new(std::size_t size, const std::nothrow_t&) noexcept {
  try {
    return counted_allocate(size);
  } catch (...) {
    return nullptr;
  }
}
void* operator new[](std::size_t size, const std::nothrow_t&) noexcept {
  try {
    return counted_allocate(size);
  } catch (...) {
    return nullptr;
  }
}
void* operator new(std::size_t size, std::align_val_t a) { return counted_allocate_aligned(size, a); }
void* operator new[](std::size_t size, std::align_val_t a) { return counted_allocate_aligned(size, a); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete[](void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t) noexcept { std::free(p); }
void operator delete(void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::align_val_t) noexcept { std::free(p); }
void operator delete(void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }
void operator delete[](void* p, std::size_t, std::align_val_t) noexcept { std::free(p); }

namespace {

using awl::EventLoop;
using awl::Promise;

// Counts the global allocations made by `body` on this thread.
template <class Body>
long allocations_during(Body&& body) {
  g_allocations = 0;
  t_counting = true;
  body();
  t_counting = false;
  return g_allocations.load();
}

constexpr int kOps = 10'000;

#ifdef AWL_DISABLE_POOL
#define SKIP_WITHOUT_POOL() \
  GTEST_SKIP() << "awl's allocation pool is disabled under ASan/TSan (AWL_DISABLE_POOL): every block goes to the heap"
#else
#define SKIP_WITHOUT_POOL() (void)0
#endif

TEST(AllocCount, CounterSeesAllocations) {
  // The replacement is active: otherwise every 0 below would be meaningless.
  const long n = allocations_during([] {
    // Through a volatile pointer: clang may elide a visible new/delete pair.
    static int* volatile escaped = nullptr;
    escaped = new int(1);
    delete escaped;
    std::string s(100, 'x');
  });
  EXPECT_EQ(n, 2);
}

TEST(AllocCount, QueuedMicrotasks) {
  SKIP_WITHOUT_POOL();
  EventLoop loop;
  int counter = 0;
  auto round = [&] {
    for (int i = 0; i < kOps; ++i) loop.queue_microtask([&counter] { ++counter; });
    loop.run();
  };
  round();  // warm-up: grows the queue
  EXPECT_EQ(allocations_during(round), 0);
  EXPECT_EQ(counter, 2 * kOps);
}

TEST(AllocCount, ThenReactionsOnASettledPromise) {
  SKIP_WITHOUT_POOL();
  EventLoop loop;
  auto settled = Promise<int>::resolve(1);
  long sum = 0;
  auto round = [&] {
    for (int i = 0; i < kOps; ++i) settled.then([&sum](int v) { sum += v; });
    loop.run();
  };
  round();  // warm-up: fills the pool with derived-promise blocks
  EXPECT_EQ(allocations_during(round), 0);
  EXPECT_EQ(sum, 2 * kOps);
}

TEST(AllocCount, ThenReactionsOnAPendingPromise) {
  SKIP_WITHOUT_POOL();
  EventLoop loop;
  long sum = 0;
  auto round = [&] {
    awl_test::Deferred<int> d;
    for (int i = 0; i < kOps; ++i) d.promise.then([&sum](int v) { sum += v; });
    (*d.resolve)(1);
    loop.run();
  };
  round();
  EXPECT_EQ(allocations_during(round), 0);
  EXPECT_EQ(sum, 2 * kOps);
}

TEST(AllocCount, SequentialAwaitsOfSettledPromises) {
  SKIP_WITHOUT_POOL();
  EventLoop loop;
  long sum = 0;
  auto body = [&sum]() -> Promise<void> {
    for (int i = 0; i < kOps; ++i) sum += co_await Promise<int>::resolve(1);
  };
  auto round = [&] {
    body();
    loop.run();
  };
  round();
  EXPECT_EQ(allocations_during(round), 0);
  EXPECT_EQ(sum, 2 * kOps);
}

Promise<int> one() { co_return 1; }

TEST(AllocCount, SequentialAwaitsOfAsyncFunctions) {
  SKIP_WITHOUT_POOL();
  EventLoop loop;
  long sum = 0;
  auto body = [&sum]() -> Promise<void> {
    for (int i = 0; i < kOps; ++i) sum += co_await one();
  };
  auto round = [&] {
    body();
    loop.run();
  };
  round();
  EXPECT_EQ(allocations_during(round), 0);
  EXPECT_EQ(sum, 2 * kOps);
}

TEST(AllocCount, ThenChainStepsOnAPool) {
  SKIP_WITHOUT_POOL();
  EventLoop loop;
  int result = 0;
  auto round = [&] {
    Promise<int> p = Promise<int>::resolve(0);
    for (int i = 0; i < kOps; ++i) p = p.then([](int v) { return v + 1; });
    p.then([&result](int v) { result = v; });
    loop.run();
  };
  round();
  EXPECT_EQ(allocations_during(round), 0);
  EXPECT_EQ(result, kOps);
}

// Short-lived blocks (an async function's state) go through the class's
// spare word; no block is lost between the spare and the list, whichever
// way it is allocated again.
TEST(AllocCount, ShortLivedBlocksMoveBetweenSpareAndList) {
  SKIP_WITHOUT_POOL();
  using namespace awl::detail;
  constexpr std::size_t size = 48;
  constexpr std::size_t cls = pool_class_of(size);
  void* first = pool_allocate_short_lived(size);
  void* second = pool_allocate_short_lived(size);
  ASSERT_NE(first, second);
  long allocations = allocations_during([&] {
    pool_deallocate_short_lived(first, cls);  // the spare is empty: first waits there
    EXPECT_EQ(pool_allocate_short_lived(size), first);
    pool_deallocate_short_lived(first, cls);
    pool_deallocate_short_lived(second, cls);  // the spare is taken: second goes to the list
    EXPECT_EQ(pool_allocate(size), second);    // the list does not see the spare
    EXPECT_EQ(pool_allocate_short_lived(size), first);
    pool_deallocate(second, size);
    pool_deallocate_short_lived(first, cls);
  });
  EXPECT_EQ(allocations, 0);
  void* again_first = pool_allocate_short_lived(size);
  void* again_second = pool_allocate_short_lived(size);  // spare empty: from the list
  EXPECT_EQ(again_first, first);
  EXPECT_EQ(again_second, second);
  pool_deallocate(again_first, size);
  pool_deallocate(again_second, size);
}

// when_all over inputs already in the ready form (Promise::resolve, async
// functions that finished at once) takes no slot array: one allocation, the
// values, which become the result. A pending input among them takes the
// slot array too.
TEST(AllocCount, WhenAllOverReadyInputsAllocatesOnlyItsValues) {
  SKIP_WITHOUT_POOL();
  EventLoop loop;
  auto run_all = [&](bool one_pending) {
    std::vector<Promise<long>> inputs;
    inputs.reserve(kOps);
    for (long i = 0; i < kOps; ++i) inputs.push_back(Promise<long>::resolve(i));
    if (one_pending) inputs[kOps / 2] = Promise<long>::resolve(0).then([](long) { return long{kOps / 2}; });
    long sum = 0;
    const long allocations = allocations_during([&] {
      awl::when_all(inputs).then([&](const std::vector<long>& values) {
        for (const long v : values) sum += v;
      });
      loop.run();
    });
    EXPECT_EQ(sum, long{kOps} * (kOps - 1) / 2);
    return allocations;
  };
  run_all(true);  // warm-up: the pool's blocks, the ring's capacity
  EXPECT_EQ(run_all(false), 1);
  EXPECT_EQ(run_all(true), 2);
}

// Once the pool has carved pool_huge_after bytes, its chunks are whole huge
// pages (2 MB, aligned), offered to the kernel for transparent huge pages.
TEST(AllocCount, LargePoolsCarveHugePageChunks) {
  SKIP_WITHOUT_POOL();
  using awl::detail::huge_page_size;
  using awl::detail::pool_allocate;
  using awl::detail::pool_deallocate;
  using awl::detail::tls_pool;
  constexpr std::size_t block = awl::detail::pool_max_block;
  std::vector<void*> blocks;
  // Up to the threshold and one huge chunk beyond it.
  while (tls_pool.carved < awl::detail::pool_huge_after + huge_page_size) blocks.push_back(pool_allocate(block));
  const auto chunk_start = reinterpret_cast<std::uintptr_t>(tls_pool.chunk_end) - huge_page_size;
  EXPECT_EQ(chunk_start % huge_page_size, 0U);
  EXPECT_EQ(reinterpret_cast<std::uintptr_t>(blocks.back()) / huge_page_size, chunk_start / huge_page_size);
  for (void* p : blocks) pool_deallocate(p, block);
}

// The ready form: an async function that finishes without suspending, and
// Promise::resolve, take no block from the pool while the promise lives.
awl::Promise<long> ready_at_once(long v) { co_return v; }

TEST(AllocCount, ReadyFormTakesNoPoolBlock) {
  SKIP_WITHOUT_POOL();
  EventLoop loop;
  auto snapshot = [] {
    const awl::detail::PoolLists& lists = awl::detail::tls_pool;
    std::vector<const void*> words(std::begin(lists.head), std::end(lists.head));
    words.insert(words.end(), std::begin(lists.spare), std::end(lists.spare));
    words.push_back(lists.chunk_cursor);
    return words;
  };
  const auto before = snapshot();
  awl::Promise<long> from_function = ready_at_once(3);
  awl::Promise<long> resolved = awl::Promise<long>::resolve(4);
  EXPECT_EQ(snapshot(), before);
  EXPECT_TRUE(from_function.is_fulfilled());  // a state now: something other than an await needs one
  EXPECT_NE(snapshot(), before);
  long sum = 0;
  auto body = [&]() -> awl::Promise<void> { sum = co_await std::move(from_function) + co_await std::move(resolved); };
  body();
  loop.run();
  EXPECT_EQ(sum, 7);
}

}  // namespace
