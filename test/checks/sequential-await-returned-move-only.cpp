// RUN: %check_async --config="{CheckOptions: {async-sequential-await.OrderingSteps: false}}" %s async-sequential-await %t
// A variable that is returned keeps a real declaration: a structured binding
// is not moved implicitly by co_return, so a unique_ptr would not compile.
#include <cppcoro/task.hpp>
#include <memory>

cppcoro::task<void> load_cache(int id);
cppcoro::task<std::unique_ptr<int>> load_blob(int id);

cppcoro::task<std::unique_ptr<int>> load(int id) {
  co_await load_cache(id);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 2 independent co_await expressions run one after another; start them together with 'cppcoro::when_all' [async-sequential-await]
  auto blob = co_await load_blob(id);
  // CHECK-FIXES: {{^}}  auto [cache_done, blob_value] = co_await cppcoro::when_all(load_cache(id), load_blob(id));{{$}}
  // CHECK-FIXES-NEXT: {{^}}  auto blob = std::move(blob_value);{{$}}
  co_return blob;
}
