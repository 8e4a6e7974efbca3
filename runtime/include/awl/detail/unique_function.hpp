// A move-only `void()` callable with small-buffer storage: macrotasks and
// timer callbacks may own move-only state (results of blocking work, resolvers).
#pragma once

#include <cstddef>
#include <new>
#include <type_traits>
#include <utility>

namespace awl::detail {

class UniqueFunction {
 public:
  UniqueFunction() noexcept = default;

  template <class F, class Fn = std::decay_t<F>,
            class = std::enable_if_t<!std::is_same_v<Fn, UniqueFunction> && std::is_invocable_r_v<void, Fn&>>>
  UniqueFunction(F&& function) {  // NOLINT(google-explicit-constructor): a callable converts
    if constexpr (stored_inline<Fn>) {
      ::new (static_cast<void*>(buffer_)) Fn(std::forward<F>(function));
      ops_ = &inline_ops<Fn>;
    } else {
      *reinterpret_cast<Fn**>(buffer_) = new Fn(std::forward<F>(function));
      ops_ = &heap_ops<Fn>;
    }
  }

  UniqueFunction(UniqueFunction&& other) noexcept : ops_(other.ops_) {
    if (ops_) ops_->move(other.buffer_, buffer_);
    other.ops_ = nullptr;
  }

  UniqueFunction& operator=(UniqueFunction&& other) noexcept {
    if (this != &other) {
      reset();
      ops_ = other.ops_;
      if (ops_) ops_->move(other.buffer_, buffer_);
      other.ops_ = nullptr;
    }
    return *this;
  }

  UniqueFunction(const UniqueFunction&) = delete;
  UniqueFunction& operator=(const UniqueFunction&) = delete;
  ~UniqueFunction() { reset(); }

  explicit operator bool() const noexcept { return ops_ != nullptr; }
  void operator()() { ops_->invoke(buffer_); }

  void reset() noexcept {
    if (ops_) {
      ops_->destroy(buffer_);
      ops_ = nullptr;
    }
  }

 private:
  static constexpr std::size_t buffer_size = 3 * sizeof(void*);

  struct Ops {
    void (*invoke)(void*);
    void (*move)(void* from, void* to) noexcept;
    void (*destroy)(void*) noexcept;
  };

  template <class Fn>
  static constexpr bool stored_inline =
      sizeof(Fn) <= buffer_size && alignof(Fn) <= alignof(std::max_align_t) && std::is_nothrow_move_constructible_v<Fn>;

  template <class Fn>
  static constexpr Ops inline_ops{[](void* self) { (*std::launder(static_cast<Fn*>(self)))(); },
                                  [](void* from, void* to) noexcept {
                                    Fn* source = std::launder(static_cast<Fn*>(from));
                                    ::new (to) Fn(std::move(*source));
                                    source->~Fn();
                                  },
                                  [](void* self) noexcept { std::launder(static_cast<Fn*>(self))->~Fn(); }};

  template <class Fn>
  static constexpr Ops heap_ops{
      [](void* self) { (**static_cast<Fn**>(self))(); },
      [](void* from, void* to) noexcept { *static_cast<Fn**>(to) = *static_cast<Fn**>(from); },
      [](void* self) noexcept { delete *static_cast<Fn**>(self); }};

  alignas(std::max_align_t) unsigned char buffer_[buffer_size];
  const Ops* ops_ = nullptr;
};

}  // namespace awl::detail
