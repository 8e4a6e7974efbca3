// The microtask queue: a growable ring buffer of 32-byte jobs. A job is a
// function pointer plus 24 bytes of inline storage, so queueing a reaction or
// a small trivially copyable callable never touches the heap.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <new>
#include <type_traits>
#include <utility>

#include <awl/detail/pool.hpp>

namespace awl::detail {

struct Job {
  // `discard` is true when the job is dropped unrun (its loop is destroyed):
  // the job must then only release what it owns.
  using Handler = void (*)(Job& job, bool discard);
  Handler handler;
  alignas(void*) unsigned char storage[24];

  template <class T>
  T& as() noexcept {
    return *std::launder(reinterpret_cast<T*>(storage));
  }
};
static_assert(sizeof(Job) == 32);
static_assert(std::is_trivially_copyable_v<Job>);

template <class F>
inline constexpr bool fits_inline_job =
    std::is_trivially_copyable_v<F> && sizeof(F) <= sizeof(Job::storage) && alignof(F) <= alignof(void*);

// Wraps any void() callable into a job: inline when it fits, boxed otherwise.
template <class F>
Job make_callable_job(F&& function) {
  using Fn = std::decay_t<F>;
  Job job;
  if constexpr (fits_inline_job<Fn>) {
    ::new (static_cast<void*>(job.storage)) Fn(std::forward<F>(function));
    job.handler = [](Job& self, bool discard) {
      if (!discard) self.as<Fn>()();
    };
  } else {
    struct Box : Pooled {
      Fn function;
    };
    Box* box = new Box{{}, Fn(std::forward<F>(function))};
    ::new (static_cast<void*>(job.storage)) Box*(box);
    job.handler = [](Job& self, bool discard) {
      std::unique_ptr<Box> owned(self.as<Box*>());
      if (!discard) owned->function();
    };
  }
  return job;
}

class JobQueue {
 public:
  JobQueue() : buffer_(allocate(initial_capacity)), mask_(initial_capacity - 1) {}
  JobQueue(const JobQueue&) = delete;
  JobQueue& operator=(const JobQueue&) = delete;
  ~JobQueue() {
    discard_all();
    ::operator delete(buffer_);
  }

  bool empty() const noexcept { return head_ == tail_; }
  std::size_t size() const noexcept { return tail_ - head_; }

  void push(const Job& job) {
    if (tail_ - head_ >= mask_) [[unlikely]] {
      grow_and_push(job);
      return;
    }
    buffer_[tail_ & mask_] = job;
    ++tail_;
  }

  // Queues a job whose handler reads two pointers from its storage (a
  // reaction and its source, or a coroutine to resume), written straight into
  // the ring: no Job is built on the stack and copied in.
  void push_pair(Job::Handler handler, void* first, void* second) {
    if (tail_ - head_ >= mask_) [[unlikely]] {
      grow_and_push_pair(handler, first, second);  // a tail call: the fast path saves no registers
      return;
    }
    write_pair(handler, first, second);
  }

  // Runs jobs until the queue is empty, including jobs queued while draining.
  // If a job throws, the job is already removed and the rest stay queued.
  //
  // A job runs in place, in its ring slot, not from a copy: copying a 32-byte
  // job that was stored a moment ago (a reaction queued by the previous job)
  // reloads it in 16-byte pieces the CPU cannot forward from the narrower
  // pending stores, a stall of ~10 cycles per job. Its slot stays intact
  // while it runs: the ring counts as full one slot early (so pushes never
  // reach the slot just popped), and a buffer outgrown while a job runs is
  // freed only after that job returns.
  void drain() {
    if (head_ != tail_) run_all(false);  // a drain with nothing to run (most, between timers) costs no setup
  }
  void discard_all() noexcept {
    if (head_ != tail_) run_all(true);
  }

 private:
  static constexpr std::size_t initial_capacity = 1024;

  // A ring of a million jobs (32 MB) is drained from end to end: huge pages
  // where the allocation holds some (see advise_huge_pages).
  static Job* allocate(std::size_t capacity) {
    auto* buffer = static_cast<Job*>(::operator new(capacity * sizeof(Job)));
    if (capacity * sizeof(Job) >= 2 * huge_page_size) advise_huge_pages(buffer, capacity * sizeof(Job));
    return buffer;
  }

  void write_pair(Job::Handler handler, void* first, void* second) noexcept {
    Job& slot = buffer_[tail_ & mask_];
    slot.handler = handler;
    void* words[2] = {first, second};
    std::memcpy(slot.storage, static_cast<const void*>(words), sizeof words);
    ++tail_;
  }

  // Out of line so that push stays small enough to need no stack frame.
  [[gnu::noinline]] void grow_and_push(const Job& job) {
    grow();
    buffer_[tail_ & mask_] = job;
    ++tail_;
  }
  [[gnu::noinline]] void grow_and_push_pair(Job::Handler handler, void* first, void* second) {
    grow();
    write_pair(handler, first, second);
  }

  // With discard, handlers only release (discard_all is noexcept).
  void run_all(bool discard) {
    struct Done {
      JobQueue& queue;
      ~Done() {
        queue.running_ = false;
        queue.free_retired();
      }
    } done{*this};
    running_ = true;
    while (head_ != tail_) {
      Job& job = buffer_[head_ & mask_];
      prefetch_ahead(job);
      ++head_;
      job.handler(job, discard);
      if (retired_ != nullptr) [[unlikely]]
        free_retired();
    }
  }

  // A long drain reads the ring from end to end, a 64-byte line every two
  // jobs; the hardware prefetcher alone stops at every 4 KB page and falls
  // behind (a million queued jobs drained at 3.3 ns each instead of 1.8).
  // Asking for the line 128 jobs ahead costs one instruction per job (64
  // ahead left a million-job drain 1.3x above a ring held in cache; 128
  // brings it within 1.2x, for about 0.05 ns more per job at 1k-10k). Past
  // the end of the buffer it asks for memory that may not be mapped, which a
  // prefetch ignores; the jobs after a wrap-around go unprefetched.
  static void prefetch_ahead(const Job& job) noexcept {
    constexpr std::uintptr_t distance = 128 * sizeof(Job);
    const std::uintptr_t ahead = reinterpret_cast<std::uintptr_t>(&job) + distance;
    // An integer, not pointer arithmetic: the address may lie past the buffer.
    __builtin_prefetch(reinterpret_cast<const void*>(ahead));  // NOLINT(performance-no-int-to-ptr)
  }

  void free_retired() noexcept {
    ::operator delete(retired_);
    retired_ = nullptr;
  }

  [[gnu::noinline]] void grow() {
    const std::size_t capacity = mask_ + 1;
    Job* bigger = allocate(capacity * 2);
    const std::size_t count = tail_ - head_;
    for (std::size_t i = 0; i < count; ++i) bigger[i] = buffer_[(head_ + i) & mask_];
    // While a job runs, the first buffer outgrown holds its slot.
    if (running_ && retired_ == nullptr)
      retired_ = buffer_;
    else
      ::operator delete(buffer_);
    buffer_ = bigger;
    mask_ = capacity * 2 - 1;
    tail_ = count;
    head_ = 0;
  }

  Job* buffer_;
  std::size_t mask_;
  std::size_t head_ = 0;
  std::size_t tail_ = 0;
  Job* retired_ = nullptr;  // an outgrown buffer holding the running job's slot
  bool running_ = false;
};

}  // namespace awl::detail
