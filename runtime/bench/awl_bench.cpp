// awl runtime benchmarks. Every workload is timed twice per run:
//   whole  building the work (chain, promises, timers, queued tasks) + running
//          the loop to completion + destroying what was built;
//   drain  loop.run() alone, after everything was built.
// All runs share one EventLoop (virtual time), as in a long-running program.
// Each (workload, N) runs untimed warm-up runs (at least `warmup`, and at
// least 100 k elements in all), then `reps` timed runs, and
// prints one line per phase:
//   awl <workload> <N> <phase> <min ns/element> <median ns/element>
// with phases whole and drain (wall clock), whole_cpu and drain_cpu (the
// process's CPU time over the same intervals).
// Lines starting with '#' are comments. runtime/bench/node_bench.js prints the
// same lines for Node; scripts/bench_runtime.sh merges the two into a table.
//
// Usage: awl_bench [--reps R] [--warmup W] [--sizes 1000,10000,...]
//                  [--filter NAME-OR-PART] [--smoke]
// --smoke: N = 100 and 1000, one run each, no warm-up (the CTest smoke test).
// Exit status 1 if a workload computed a wrong result.
#include <awl/awl.hpp>

#include <algorithm>
#include <chrono>
#include <coroutine>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#ifndef AWL_BENCH_BUILD_TYPE
#define AWL_BENCH_BUILD_TYPE "unknown"
#endif

namespace {

using Clock = std::chrono::steady_clock;

// A wall-clock time (steady_clock) and the process's CPU time: on a shared
// machine the CPU time leaves out the time the process waited descheduled.
struct Stamp {
  Clock::time_point wall;
  double cpu_ns = 0;
};

Stamp stamp() {
  timespec cpu{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu);
  return {Clock::now(), static_cast<double>(cpu.tv_sec) * 1e9 + static_cast<double>(cpu.tv_nsec)};
}

struct Span {
  double wall = 0;  // ns
  double cpu = 0;   // ns
};

Span ns_between(const Stamp& from, const Stamp& to) {
  return {std::chrono::duration<double, std::nano>(to.wall - from.wall).count(), to.cpu_ns - from.cpu_ns};
}

// Makes `value` opaque to the optimiser (it may be read or written here).
template <class T>
void escape(T& value) {
  asm volatile("" : : "r"(&value) : "memory");
}

// One loop for the whole process, as a long-running program has: its
// microtask ring keeps its high-water capacity from one run to the next.
// Virtual time: timers fire without idle waiting; other workloads never
// look at the clock.
awl::EventLoop& the_loop() { return *awl::EventLoop::current(); }

struct Sample {
  Span whole;       // the whole job
  Span drain;       // loop.run() alone
  bool ok = false;  // the workload computed the expected result
};

// ---------------------------------------------------------------- 1. then-chain
// p = p.then(x => x + 1) x N on a pending promise, then resolve it.
Sample then_chain(std::size_t n) {
  awl::EventLoop& loop = the_loop();
  long result = -1;
  Stamp t1;
  Stamp t2;
  const auto t0 = stamp();
  {
    std::optional<awl::Resolver<long>> resolve;
    awl::Promise<long> root([&](awl::Resolver<long> r, const awl::Rejecter<long>&) { resolve.emplace(std::move(r)); });
    awl::Promise<long> p = root;
    for (std::size_t i = 0; i < n; ++i) p = p.then([](long x) { return x + 1; });
    p.then([&result](long x) { result = x; });
    (*resolve)(0L);
    t1 = stamp();
    loop.run();
    t2 = stamp();
  }
  const auto t3 = stamp();
  return {ns_between(t0, t3), ns_between(t1, t2), result == static_cast<long>(n)};
}

// Runs the async function `start()` (returning Promise<long>) to completion.
template <class Start>
Sample run_async(Start start, long expected) {
  awl::EventLoop& loop = the_loop();
  long result = -1;
  Stamp t1;
  Stamp t2;
  const auto t0 = stamp();
  {
    auto done = start().then([&result](long sum) { result = sum; });
    t1 = stamp();
    loop.run();
    t2 = stamp();
  }
  const auto t3 = stamp();
  return {ns_between(t0, t3), ns_between(t1, t2), result == expected};
}

long triangle(std::size_t n) { return static_cast<long>(n) * (static_cast<long>(n) - 1) / 2; }

// ------------------------------------------------------- 2. awaits of resolved
// for (i) sum += await Promise.resolve(i)
awl::Promise<long> await_resolved_body(std::size_t n) {
  long sum = 0;
  for (std::size_t i = 0; i < n; ++i) sum += co_await awl::Promise<long>::resolve(static_cast<long>(i));
  co_return sum;
}

Sample await_resolved(std::size_t n) {
  return run_async([n] { return await_resolved_body(n); }, triangle(n));
}

// 2b. The same with the N resolved promises created before the drain, so the
// drain is only the co_await resumptions.
awl::Promise<long> await_each(const std::vector<awl::Promise<long>>& inputs) {
  long sum = 0;
  for (const auto& input : inputs) sum += co_await input;
  co_return sum;
}

Sample await_prebuilt(std::size_t n) {
  awl::EventLoop& loop = the_loop();
  long result = -1;
  Stamp t1;
  Stamp t2;
  const auto t0 = stamp();
  {
    std::vector<awl::Promise<long>> inputs;
    inputs.reserve(n);
    for (std::size_t i = 0; i < n; ++i) inputs.push_back(awl::Promise<long>::resolve(static_cast<long>(i)));
    auto done = await_each(inputs).then([&result](long sum) { result = sum; });
    t1 = stamp();
    loop.run();
    t2 = stamp();
  }
  const auto t3 = stamp();
  return {ns_between(t0, t3), ns_between(t1, t2), result == triangle(n)};
}

// ------------------------------------------------ 3. co_await of async functions
// f is an eager async function returning a value without awaiting.
awl::Promise<long> eager_value(long i) { co_return i; }

awl::Promise<long> await_async_fn_body(std::size_t n) {
  long sum = 0;
  for (std::size_t i = 0; i < n; ++i) sum += co_await eager_value(static_cast<long>(i));
  co_return sum;
}

Sample co_await_fn(std::size_t n) {
  return run_async([n] { return await_async_fn_body(n); }, triangle(n));
}

// --------------------------------------------------------------- 4. when_all
// Inputs already resolved (Promise.resolve(i)) when when_all registers on them.
Sample when_all_resolved(std::size_t n) {
  awl::EventLoop& loop = the_loop();
  bool ok = false;
  Stamp t1;
  Stamp t2;
  const auto t0 = stamp();
  {
    std::vector<awl::Promise<long>> inputs;
    inputs.reserve(n);
    for (std::size_t i = 0; i < n; ++i) inputs.push_back(awl::Promise<long>::resolve(static_cast<long>(i)));
    auto done = awl::when_all(inputs).then([&ok, n](const std::vector<long>& values) {
      ok = values.size() == n && values.back() == static_cast<long>(n) - 1;
    });
    t1 = stamp();
    loop.run();
    t2 = stamp();
  }
  const auto t3 = stamp();
  return {ns_between(t0, t3), ns_between(t1, t2), ok};
}

// Inputs pending when when_all registers on them, then all resolved
// synchronously (before the drain).
Sample when_all_pending(std::size_t n) {
  awl::EventLoop& loop = the_loop();
  bool ok = false;
  Stamp t1;
  Stamp t2;
  const auto t0 = stamp();
  {
    std::vector<awl::Resolver<long>> resolvers;
    resolvers.reserve(n);
    std::vector<awl::Promise<long>> inputs;
    inputs.reserve(n);
    for (std::size_t i = 0; i < n; ++i)
      inputs.emplace_back(
          [&resolvers](awl::Resolver<long> r, const awl::Rejecter<long>&) { resolvers.push_back(std::move(r)); });
    auto done = awl::when_all(inputs).then([&ok, n](const std::vector<long>& values) {
      ok = values.size() == n && values.back() == static_cast<long>(n) - 1;
    });
    for (std::size_t i = 0; i < n; ++i) resolvers[i](static_cast<long>(i));
    t1 = stamp();
    loop.run();
    t2 = stamp();
  }
  const auto t3 = stamp();
  return {ns_between(t0, t3), ns_between(t1, t2), ok};
}

Sample when_all_settled_resolved(std::size_t n) {
  awl::EventLoop& loop = the_loop();
  bool ok = false;
  Stamp t1;
  Stamp t2;
  const auto t0 = stamp();
  {
    std::vector<awl::Promise<long>> inputs;
    inputs.reserve(n);
    for (std::size_t i = 0; i < n; ++i) inputs.push_back(awl::Promise<long>::resolve(static_cast<long>(i)));
    auto done = awl::when_all_settled(inputs).then([&ok, n](const std::vector<awl::Settled<long>>& outcomes) {
      ok = outcomes.size() == n && outcomes.back().fulfilled() && *outcomes.back().value == static_cast<long>(n) - 1;
    });
    t1 = stamp();
    loop.run();
    t2 = stamp();
  }
  const auto t3 = stamp();
  return {ns_between(t0, t3), ns_between(t1, t2), ok};
}

// ----------------------------------------------------------------- 5. timers
// All N timers at the same 1 ms delay, on virtual time: only the scheduling +
// firing overhead is measured (no idle waiting).
Sample timers_same(std::size_t n) {
  awl::EventLoop& loop = the_loop();
  const double start = loop.now();
  std::size_t fired = 0;
  const auto t0 = stamp();
  for (std::size_t i = 0; i < n; ++i) awl::set_timeout([count = &fired] { ++*count; }, 1);
  const auto t1 = stamp();
  loop.run();
  const auto t2 = stamp();
  return {ns_between(t0, t2), ns_between(t1, t2), fired == n && loop.now() - start == 1};
}

// Delays 0..99 ms (0 clamps to 1, as in Node), on virtual time.
Sample timers_varied(std::size_t n) {
  awl::EventLoop& loop = the_loop();
  const double start = loop.now();
  std::size_t fired = 0;
  const auto t0 = stamp();
  for (std::size_t i = 0; i < n; ++i) awl::set_timeout([count = &fired] { ++*count; }, static_cast<double>(i % 100));
  const auto t1 = stamp();
  loop.run();
  const auto t2 = stamp();
  return {ns_between(t0, t2), ns_between(t1, t2),
          fired == n &&
              loop.now() - start == static_cast<double>(std::max<std::size_t>(1, std::min<std::size_t>(n, 100) - 1))};
}

// ------------------------------------------------------------- 6. microtasks
Sample microtasks(std::size_t n) {
  awl::EventLoop& loop = the_loop();
  std::size_t counter = 0;
  const auto t0 = stamp();
  for (std::size_t i = 0; i < n; ++i) awl::queue_microtask([count = &counter] { ++*count; });
  const auto t1 = stamp();
  loop.run();
  const auto t2 = stamp();
  return {ns_between(t0, t2), ns_between(t1, t2), counter == n};
}

// ----------------------------------------------- 7. baseline: bare ring buffer
// The least a microtask queue can do: a growable power-of-two ring of
// {function pointer, context} entries, same initial capacity as awl's.
class BareRing {
 public:
  struct Entry {
    void (*function)(void*);
    void* context;
  };

  void push(Entry entry) {
    if (tail_ - head_ > mask_) grow();
    buffer_[tail_ & mask_] = entry;
    ++tail_;
  }
  void drain() {
    while (head_ != tail_) {
      const Entry entry = buffer_[head_ & mask_];
      ++head_;
      entry.function(entry.context);
    }
  }

 private:
  void grow() {
    const std::size_t capacity = mask_ + 1;
    std::unique_ptr<Entry[]> bigger(new Entry[capacity * 2]);
    for (std::size_t i = 0; i < capacity; ++i) bigger[i] = buffer_[(head_ + i) & mask_];
    buffer_ = std::move(bigger);
    mask_ = capacity * 2 - 1;
    tail_ -= head_;
    head_ = 0;
  }

  std::unique_ptr<Entry[]> buffer_{new Entry[1024]};
  std::size_t mask_ = 1023;
  std::size_t head_ = 0;
  std::size_t tail_ = 0;
};

__attribute__((noinline)) void bump(void* counter) { ++*static_cast<std::size_t*>(counter); }

Sample bare_ring(std::size_t n) {
  std::size_t counter = 0;
  Stamp t1;
  Stamp t2;
  const auto t0 = stamp();
  {
    static BareRing ring;  // reused across runs, like the loop's microtask ring
    escape(ring);          // callbacks could push: the drain must reload head/tail, as awl's does
    void (*function)(void*) = &bump;
    asm volatile("" : "+r"(function));  // no devirtualisation
    for (std::size_t i = 0; i < n; ++i) ring.push({function, &counter});
    t1 = stamp();
    ring.drain();
    t2 = stamp();
  }
  const auto t3 = stamp();
  return {ns_between(t0, t3), ns_between(t1, t2), counter == n};
}

// ---------------------------------------------- 6. the floor under co_await f()
// What `sum += co_await f(i)` costs with nothing but what JavaScript's await
// requires: an eager coroutine whose frame comes from a free list and holds
// its result, and an await that always continues through a FIFO (await
// never resumes synchronously). No shared state, reference counts,
// exceptions, rejection tracking or tracing. awl's co_await_fn divided by
// this is the overhead a runtime could still remove.
namespace bare {

BareRing& ring() {
  static BareRing instance;
  return instance;
}

void resume_handle(void* address) { std::coroutine_handle<>::from_address(address).resume(); }

// Frames up to block_size bytes share one free list of blocks that size (the
// two coroutines below have different frame sizes); larger ones use the heap.
struct FrameFreeList {
  static constexpr std::size_t block_size = 256;
  struct Node {
    Node* next;
  };
  Node* top = nullptr;
  void* take(std::size_t bytes) {
    if (bytes > block_size) return ::operator new(bytes);
    if (top == nullptr) return ::operator new(block_size);
    return std::exchange(top, top->next);
  }
  void give(void* frame, std::size_t bytes) noexcept {
    if (bytes > block_size) {
      ::operator delete(frame);
      return;
    }
    top = new (frame) Node{top};
  }
  ~FrameFreeList() {
    while (top != nullptr) ::operator delete(std::exchange(top, top->next));
  }
};

FrameFreeList& frames() {
  static FrameFreeList instance;
  return instance;
}

struct Task {
  struct promise_type {
    long value = 0;
    std::coroutine_handle<> waiter;
    bool done = false;
    static void* operator new(std::size_t bytes) { return frames().take(bytes); }
    static void operator delete(void* frame, std::size_t bytes) noexcept { frames().give(frame, bytes); }
    Task get_return_object() noexcept { return Task{std::coroutine_handle<promise_type>::from_promise(*this)}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    struct FinalAwaiter {
      bool await_ready() noexcept { return false; }
      void await_suspend(std::coroutine_handle<promise_type> self) noexcept {
        promise_type& promise = self.promise();
        promise.done = true;
        if (promise.waiter) ring().push({&resume_handle, promise.waiter.address()});
      }
      void await_resume() noexcept {}
    };
    FinalAwaiter final_suspend() noexcept { return {}; }
    void return_value(long result) noexcept { value = result; }
    void unhandled_exception() noexcept { std::abort(); }
  };

  explicit Task(std::coroutine_handle<promise_type> handle) noexcept : handle_(handle) {}
  Task(Task&& other) noexcept : handle_(std::exchange(other.handle_, {})) {}
  Task& operator=(Task&&) = delete;
  ~Task() {
    if (handle_) handle_.destroy();
  }

  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> waiter) const noexcept {
    if (handle_.promise().done) {
      ring().push({&resume_handle, waiter.address()});
    } else {
      handle_.promise().waiter = waiter;
    }
  }
  long await_resume() const noexcept { return handle_.promise().value; }

 private:
  std::coroutine_handle<promise_type> handle_;
};

__attribute__((noinline)) Task value_of(long i) { co_return i; }

Task sum_of(std::size_t n) {
  long sum = 0;
  for (std::size_t i = 0; i < n; ++i) sum += co_await value_of(static_cast<long>(i));
  co_return sum;
}

}  // namespace bare

Sample bare_co_await_fn(std::size_t n) {
  long result = -1;
  Stamp t1;
  Stamp t2;
  const auto t0 = stamp();
  {
    bare::Task task = bare::sum_of(n);
    t1 = stamp();
    bare::ring().drain();
    t2 = stamp();
    result = task.await_resume();
  }
  const auto t3 = stamp();
  return {ns_between(t0, t3), ns_between(t1, t2), result == triangle(n)};
}

// ------------------------------------------------------------------ harness
struct Workload {
  const char* name;
  Sample (*run)(std::size_t);
  std::size_t fixed_n;  // 0: run at every size of --sizes; else this N (capped at the largest size)
};

const Workload workloads[] = {
    {"then_chain", then_chain, 0},
    {"await_resolved", await_resolved, 0},
    {"await_prebuilt", await_prebuilt, 1'000'000},
    {"co_await_fn", co_await_fn, 1'000'000},
    {"microtasks", microtasks, 0},
    {"bare_ring", bare_ring, 0},
    {"bare_co_await_fn", bare_co_await_fn, 1'000'000},
    {"when_all", when_all_resolved, 0},
    {"when_all_pending", when_all_pending, 100'000},
    {"when_all_settled", when_all_settled_resolved, 100'000},
    {"timers_same", timers_same, 100'000},
    {"timers_varied", timers_varied, 100'000},
};

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  const std::size_t mid = values.size() / 2;
  return values.size() % 2 != 0 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

std::vector<std::size_t> parse_sizes(const char* text) {
  std::vector<std::size_t> sizes;
  for (const char* p = text; *p != '\0';) {
    char* end = nullptr;
    const unsigned long long value = std::strtoull(p, &end, 10);
    if (end == p || value == 0) {
      std::fprintf(stderr, "awl_bench: bad --sizes '%s'\n", text);
      std::exit(2);
    }
    sizes.push_back(static_cast<std::size_t>(value));
    p = *end == ',' ? end + 1 : end;
  }
  return sizes;
}

int usage() {
  std::fprintf(stderr, "usage: awl_bench [--reps R] [--warmup W] [--sizes N1,N2,...] [--filter SUBSTRING] [--smoke]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  int reps = 7;
  int warmup = 1;
  std::vector<std::size_t> sizes{1'000, 10'000, 100'000, 1'000'000};
  std::string filter;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    const bool has_value = i + 1 < argc;
    if (arg == "--reps" && has_value) {
      reps = std::max(1, std::atoi(argv[++i]));
    } else if (arg == "--warmup" && has_value) {
      warmup = std::max(0, std::atoi(argv[++i]));
    } else if (arg == "--sizes" && has_value) {
      sizes = parse_sizes(argv[++i]);
    } else if (arg == "--filter" && has_value) {
      filter = argv[++i];
    } else if (arg == "--smoke") {
      reps = 1;
      warmup = 0;
      sizes = {100, 1'000};
    } else {
      return usage();
    }
  }
  const std::size_t largest = *std::max_element(sizes.begin(), sizes.end());
  awl::EventLoop loop{awl::virtual_time};

  std::printf("# awl_bench build_type=%s compiler=\"%s\" reps=%d warmup=%d stat=min,median (ns per element)\n",
              AWL_BENCH_BUILD_TYPE, __VERSION__, reps, warmup);
  std::fflush(stdout);
  int failures = 0;
  // --filter: a workload's exact name selects only it, else any name containing the text.
  bool exact = false;
  for (const Workload& workload : workloads) exact = exact || filter == workload.name;
  for (const Workload& workload : workloads) {
    const std::string name = workload.name;
    if (!filter.empty() && (exact ? name != filter : name.find(filter) == std::string::npos)) continue;
    std::vector<std::size_t> ns = sizes;
    if (workload.fixed_n != 0) ns = {std::min(workload.fixed_n, largest)};
    for (const std::size_t n : ns) {
      std::vector<double> whole;
      std::vector<double> drain;
      std::vector<double> whole_cpu;
      std::vector<double> drain_cpu;
      // Warm up on at least 100 k elements (small N: many untimed runs), so
      // that Node's JIT has settled; the same rule on both sides.
      const int warmups = warmup == 0 ? 0 : std::max<int>(warmup, static_cast<int>((100'000 + n - 1) / n));
      for (int rep = 0; rep < warmups + reps; ++rep) {
        const Sample sample = workload.run(n);
        if (!sample.ok) {
          ++failures;
          std::fprintf(stderr, "awl_bench: %s N=%zu computed a wrong result\n", workload.name, n);
        }
        if (rep < warmups) continue;
        const auto per_element = [n](double ns) { return ns / static_cast<double>(n); };
        whole.push_back(per_element(sample.whole.wall));
        drain.push_back(per_element(sample.drain.wall));
        whole_cpu.push_back(per_element(sample.whole.cpu));
        drain_cpu.push_back(per_element(sample.drain.cpu));
      }
      const auto print = [&](const char* phase, const std::vector<double>& values) {
        std::printf("awl %s %zu %s %.3f %.3f\n", workload.name, n, phase,
                    *std::min_element(values.begin(), values.end()), median(values));
      };
      print("whole", whole);
      print("drain", drain);
      print("whole_cpu", whole_cpu);
      print("drain_cpu", drain_cpu);
      std::fflush(stdout);
    }
  }
  return failures == 0 ? 0 : 1;
}
