// RUN: %check_async %s async-sequential-await,async-await-in-loop %t
// Negative: a member that returns an operation without being a coroutine
// (asio's and Beast's async_* members, a client's request factory) only
// starts it; the operation then works on the object. Its visible body shows
// nothing of that, so two such calls on one object stay in order: one
// client unsubscribing twice, one stream read and then closed.
#include "fetch_api.hpp"
#include <string>

#include <memory>

// The client's state; the operation holds on to it and runs later.
struct SessionState {
  int pending = 0;
};
struct SessionOperation {
  std::shared_ptr<SessionState> state;
  std::string argument;
};
// Hands the operation to the client's machinery (here it just completes):
// nothing in its body writes the client.
awl::Promise<int> run_operation(SessionOperation op) {
  return awl::Promise<int>::resolve(static_cast<int>(op.argument.size()));
}

class Session {
public:
  awl::Promise<int> unsubscribe(const std::string &topic) {
    return run_operation(SessionOperation{state_, topic});
  }
  awl::Promise<int> read_frame() { return run_operation({state_, "read"}); }
  awl::Promise<int> close(int code) {
    return run_operation({state_, std::to_string(code)});
  }

private:
  std::shared_ptr<SessionState> state_ = std::make_shared<SessionState>();
};

awl::Promise<int> leave_topics(Session &client) {
  co_await client.unsubscribe("prices");
  co_await client.unsubscribe("news");
  co_return 0;
}

awl::Promise<int> read_and_close(Session &stream) {
  int frame = co_await stream.read_frame();
  int closed = co_await stream.close(1001);
  co_return frame + closed;
}

// Writes to one queue: the order of the values is the point.
awl::Promise<int> blast(Session &queue) {
  for (int i = 0; i < 3; ++i)
    co_await queue.unsubscribe(std::to_string(i));
  co_return 0;
}
