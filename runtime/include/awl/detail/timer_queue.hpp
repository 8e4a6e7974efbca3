// Timers ordered by due time, then by insertion (Node's order). Callbacks
// live in a slot table; an id carries a generation so a stale or cleared id
// is harmless.
#pragma once

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

#include "unique_function.hpp"

namespace awl::detail {

class TimerQueue {
 public:
  struct Fired {
    UniqueFunction callback;  // empty when the timer was cancelled
    std::uint32_t slot = 0;
    std::uint32_t generation = 0;
    double interval = 0;  // 0 for a timeout
  };

  std::uint64_t add(UniqueFunction callback, double due, double interval) {
    std::uint32_t slot;
    if (!free_slots_.empty()) {
      slot = free_slots_.back();
      free_slots_.pop_back();
    } else {
      slot = static_cast<std::uint32_t>(slots_.size());
      slots_.emplace_back();
    }
    Slot& entry = slots_[slot];
    entry.callback = std::move(callback);
    entry.active = true;
    entry.interval = interval;
    ++live_;
    push_heap_entry(due, slot, entry.generation);
    return (std::uint64_t{entry.generation} << 32) | (std::uint64_t{slot} + 1);
  }

  void cancel(std::uint64_t id) noexcept {
    const std::uint64_t low = id & 0xffffffffU;
    if (low == 0 || low > slots_.size()) return;
    const auto slot = static_cast<std::uint32_t>(low - 1);
    if (slots_[slot].generation != static_cast<std::uint32_t>(id >> 32) || !slots_[slot].active) return;
    free_slot(slot);
  }

  bool empty() const noexcept { return live_ == 0; }
  std::size_t size() const noexcept { return live_; }

  bool has_due(double now) {
    drop_stale_top();
    return !heap_.empty() && heap_.front().due <= now;
  }

  double next_due() {
    drop_stale_top();
    return heap_.empty() ? 0 : heap_.front().due;
  }

  // Removes the earliest timer; a timeout's slot is freed before its callback
  // runs, an interval's stays reserved until finish().
  Fired pop_due() {
    drop_stale_top();
    Fired fired;
    if (heap_.empty()) return fired;
    const HeapEntry top = heap_.front();
    std::pop_heap(heap_.begin(), heap_.end(), Later{});
    heap_.pop_back();
    Slot& entry = slots_[top.slot];
    fired.callback = std::move(entry.callback);
    fired.slot = top.slot;
    fired.generation = top.generation;
    fired.interval = entry.interval;
    if (entry.interval == 0) free_slot(top.slot);
    return fired;
  }

  // Reschedules an interval unless its callback cleared it.
  void finish(Fired&& fired, double now) {
    if (fired.interval == 0) return;
    Slot& entry = slots_[fired.slot];
    if (!entry.active || entry.generation != fired.generation) return;
    entry.callback = std::move(fired.callback);
    push_heap_entry(now + fired.interval, fired.slot, fired.generation);
  }

  void clear() noexcept {
    heap_.clear();
    slots_.clear();
    free_slots_.clear();
    live_ = 0;
  }

 private:
  struct Slot {
    UniqueFunction callback;
    double interval = 0;
    std::uint32_t generation = 0;
    bool active = false;
  };
  struct HeapEntry {
    double due;
    std::uint64_t sequence;
    std::uint32_t slot;
    std::uint32_t generation;
  };
  struct Later {
    bool operator()(const HeapEntry& a, const HeapEntry& b) const noexcept {
      return a.due != b.due ? a.due > b.due : a.sequence > b.sequence;
    }
  };

  void push_heap_entry(double due, std::uint32_t slot, std::uint32_t generation) {
    heap_.push_back({due, next_sequence_++, slot, generation});
    std::push_heap(heap_.begin(), heap_.end(), Later{});
  }

  void free_slot(std::uint32_t slot) noexcept {
    Slot& entry = slots_[slot];
    entry.callback.reset();
    entry.active = false;
    ++entry.generation;
    free_slots_.push_back(slot);
    --live_;
  }

  void drop_stale_top() {
    while (!heap_.empty()) {
      const HeapEntry& top = heap_.front();
      const Slot& entry = slots_[top.slot];
      if (entry.active && entry.generation == top.generation) return;
      std::pop_heap(heap_.begin(), heap_.end(), Later{});
      heap_.pop_back();
    }
  }

  std::vector<HeapEntry> heap_;
  std::vector<Slot> slots_;
  std::vector<std::uint32_t> free_slots_;
  std::size_t live_ = 0;
  std::uint64_t next_sequence_ = 0;
};

}  // namespace awl::detail
