// RUN: %check_async %s async-await-in-loop %t
// Negative: while (true), for (;;) and do ... while (false) loops: the
// body decides when the loop ends (or it never does), or there is only one
// iteration.
#include <awl/promise.hpp>

awl::Promise<void> serve_one(int port);
awl::Promise<void> load_cache(int shard);

awl::Promise<void> serve(int port) {
  while (true) co_await serve_one(port);
}

awl::Promise<void> serve_again(int port) {
  for (;;) {
    co_await serve_one(port);
  }
}

awl::Promise<void> once(int shard) {
  do {
    co_await load_cache(shard);
  } while (false);
  while (1) co_await load_cache(shard);
}
