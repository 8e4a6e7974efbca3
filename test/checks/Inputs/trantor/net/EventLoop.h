// Mock of trantor/net/EventLoop.h (an-tao/trantor): the event loop drogon's
// coroutine helpers take (sleepCoro, queueInLoopCoro, switchThreadCoro).
// Every mock loop is the one virtual-time loop of ../../mock_loop.hpp:
// runAfter(seconds, f) is a virtual-time timer, queueInLoop(f) runs f on a
// later turn, runInLoop(f) runs it now (we are always "in the loop thread").
#pragma once
#include "../../mock_loop.hpp"
#include "../utils/NonCopyable.h"
#include <chrono>
#include <functional>
#include <vector>

namespace trantor {
class EventLoop : NonCopyable {
public:
  using Func = std::function<void()>;
  EventLoop() = default;

  void loop() {
    mock_loop::run();
    auto onQuit = std::move(quitCallbacks_);
    for (auto &f : onQuit)
      f();
  }
  void quit() {}
  bool isInLoopThread() const { return true; }
  void assertInLoopThread() {}
  void runInLoop(const Func &f) { f(); }
  void runInLoop(Func &&f) { f(); }
  void queueInLoop(const Func &f) { mock_loop::post(Func(f)); }
  void queueInLoop(Func &&f) { mock_loop::post(std::move(f)); }
  void runAfter(double delay, const Func &cb) {
    mock_loop::after(std::chrono::round<mock_loop::duration>(std::chrono::duration<double>(delay)),
                     Func(cb));
  }
  void runAfter(const std::chrono::duration<double> &delay, const Func &cb) {
    runAfter(delay.count(), cb);
  }
  void runOnQuit(Func &&cb) { quitCallbacks_.push_back(std::move(cb)); }
  void runOnQuit(const Func &cb) { quitCallbacks_.push_back(cb); }
  /// nullptr: the mock runs no trantor loop thread.
  static EventLoop *getEventLoopOfCurrentThread() { return nullptr; }

private:
  std::vector<Func> quitCallbacks_;
};
} // namespace trantor
