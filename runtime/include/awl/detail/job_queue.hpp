// The microtask queue: a growable ring buffer of 32-byte jobs. A job is a
// function pointer plus 24 bytes of inline storage, so queueing a reaction or
// a small trivially copyable callable never touches the heap.
#pragma once

#include <cstddef>
#include <cstring>
#include <memory>
#include <new>
#include <type_traits>
#include <utility>

#include "pool.hpp"

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
    if (tail_ - head_ > mask_) [[unlikely]] {
      grow_and_push(job);
      return;
    }
    buffer_[tail_ & mask_] = job;
    ++tail_;
  }

  // Runs jobs until the queue is empty, including jobs queued while draining.
  // If a job throws, the job is already removed and the rest stay queued.
  void drain() {
    while (head_ != tail_) {
      Job job = buffer_[head_ & mask_];
      ++head_;
      job.handler(job, false);
    }
  }

  void discard_all() noexcept {
    while (head_ != tail_) {
      Job job = buffer_[head_ & mask_];
      ++head_;
      job.handler(job, true);
    }
  }

 private:
  static constexpr std::size_t initial_capacity = 1024;

  static Job* allocate(std::size_t capacity) { return static_cast<Job*>(::operator new(capacity * sizeof(Job))); }

  // Out of line so that push stays small enough to need no stack frame.
  [[gnu::noinline]] void grow_and_push(const Job& job) {
    grow();
    buffer_[tail_ & mask_] = job;
    ++tail_;
  }

  void grow() {
    const std::size_t capacity = mask_ + 1;
    Job* bigger = allocate(capacity * 2);
    for (std::size_t i = 0; i < capacity; ++i) bigger[i] = buffer_[(head_ + i) & mask_];
    ::operator delete(buffer_);
    buffer_ = bigger;
    mask_ = capacity * 2 - 1;
    tail_ = tail_ - head_;
    head_ = 0;
  }

  Job* buffer_;
  std::size_t mask_;
  std::size_t head_ = 0;
  std::size_t tail_ = 0;
};

}  // namespace awl::detail
