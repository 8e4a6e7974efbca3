// awl::run_blocking — the I/O model: runs a blocking function on a worker
// pool and settles the returned promise on the loop's thread. The loop stays
// alive (run() does not return) while such work is in flight.
#pragma once

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include <awl/detail/loop_core.hpp>
#include <awl/detail/unique_function.hpp>
#include <awl/event_loop.hpp>
#include <awl/promise.hpp>

namespace awl {
namespace detail {

class WorkerPool {
 public:
  static WorkerPool& instance() {
    static WorkerPool pool;
    return pool;
  }

  void submit(UniqueFunction work) {
    {
      std::lock_guard lock(mutex_);
      if (workers_.empty()) start_workers();
      queue_.push_back(std::move(work));
    }
    wake_.notify_one();
  }

  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;
  ~WorkerPool() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_all();
    for (auto& worker : workers_) worker.join();
  }

 private:
  WorkerPool() = default;

  void start_workers() {
    const unsigned count = std::max(2U, std::thread::hardware_concurrency());
    for (unsigned i = 0; i < count; ++i) workers_.emplace_back([this] { work(); });
  }

  void work() {
    for (;;) {
      UniqueFunction job;
      {
        std::unique_lock lock(mutex_);
        wake_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
        if (queue_.empty()) return;
        job = std::move(queue_.front());
        queue_.pop_front();
      }
      job();
    }
  }

  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<UniqueFunction> queue_;
  std::vector<std::thread> workers_;
  bool stopping_ = false;
};

}  // namespace detail

// Returns Promise<R> for fn() -> R; an exception thrown by fn rejects it.
template <class F, class R = std::invoke_result_t<std::decay_t<F>&>>
Promise<R> run_blocking(F&& function) {
  detail::LoopCore& core = detail::core_for("awl::run_blocking");
  EventLoop& loop = *EventLoop::current();  // the same object as core
  std::optional<Resolver<R>> resolve;
  std::optional<Rejecter<R>> reject;
  Promise<R> result([&](Resolver<R> res, Rejecter<R> rej) {
    resolve.emplace(std::move(res));
    reject.emplace(std::move(rej));
  });
  // The resolvers stay on the loop thread (their reference counts are not
  // atomic): the worker only hands back an outcome.
  struct Completion {
    Resolver<R> resolve;
    Rejecter<R> reject;
  };
  auto* completion = new Completion{std::move(*resolve), std::move(*reject)};
  core.begin_blocking_work();
  detail::WorkerPool::instance().submit([&loop, &core, completion, function = std::forward<F>(function)]() mutable {
    using Outcome = std::conditional_t<std::is_void_v<R>, std::monostate, R>;
    std::optional<Outcome> value;
    std::exception_ptr error;
    try {
      if constexpr (std::is_void_v<R>) {
        function();
        value.emplace();
      } else {
        value.emplace(function());
      }
    } catch (...) {
      error = std::current_exception();
    }
    loop.post([&core, completion, value = std::move(value), error = std::move(error)]() mutable {
      std::unique_ptr<Completion> owned(completion);
      core.end_blocking_work();
      if (error) {
        owned->reject(error);
      } else if constexpr (std::is_void_v<R>) {
        static_cast<void>(value);  // a monostate: used only by the other branch
        owned->resolve();
      } else {
        owned->resolve(std::move(*value));
      }
    });
  });
  return result;
}

}  // namespace awl
