// Mock of libcoro's umbrella header coro/coro.hpp (jbaldwin/libcoro v0.16),
// for the awaitlint check tests. Runnable: see ../mock_loop.hpp.
#pragma once
#include "coro/concepts/awaitable.hpp"
#include "coro/concepts/executor.hpp"
#include "coro/event.hpp"
#include "coro/io_scheduler.hpp"
#include "coro/latch.hpp"
#include "coro/mutex.hpp"
#include "coro/scheduler.hpp"
#include "coro/semaphore.hpp"
#include "coro/sync_wait.hpp"
#include "coro/task.hpp"
#include "coro/task_group.hpp"
#include "coro/thread_pool.hpp"
#include "coro/time.hpp"
#include "coro/when_all.hpp"
