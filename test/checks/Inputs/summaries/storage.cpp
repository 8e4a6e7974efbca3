// The other file of unhandled-rejection-summaries.cpp: its coroutines'
// bodies are only known to that test through the summaries.
#include "storage.hpp"

namespace {
// Internal: no other file can name it.
awl::Promise<void> settle_quietly() {
  try {
    co_await device_call(0);
  } catch (...) {
  }
}
} // namespace

awl::Promise<void> Disk::lock() { co_await settle_quietly(); }

awl::Promise<void> Disk::refresh() {
  try {
    co_await device_call(1);
  } catch (const DiskError &) {
  }
}

awl::Promise<void> Disk::sync() {
  co_await lock();
  co_await refresh();
}

awl::Promise<void> Disk::unmount() { co_await device_call(2); }

awl::Promise<void> Disk::flush_all() { co_await settle_local(*this); }

awl::Promise<void> Disk::eject() const {
  co_await settle_quietly();
  throw DiskError{5};
}

awl::Promise<void> ping(int rounds) {
  if (rounds > 0)
    co_await pong(rounds - 1);
}

awl::Promise<void> CopyJob::start() { co_await settle_quietly(); }

awl::Promise<void> EraseJob::start() { co_await device_call(3); }

awl::Promise<void> DiskRestore::begin() {
  Disk disk;
  co_await disk.lock();
  try {
    co_await device_call(4);
  } catch (const DiskError &) {
  }
}

awl::Promise<void> OpticalRestore::begin() {
  Disk disk;
  co_await disk.lock();
  disk.unmount(); // dropped, not awaited: not this coroutine's failure
}
