// Mock of drogon/HttpAppFramework.h: drogon::app() and its main loop.
#pragma once
#include <trantor/net/EventLoop.h>

namespace drogon {
class HttpAppFramework {
public:
  trantor::EventLoop *getLoop() const {
    static trantor::EventLoop loop;
    return &loop;
  }
  trantor::EventLoop *getIOLoop(size_t) const { return getLoop(); }
  void run() { getLoop()->loop(); }
  void quit() { getLoop()->quit(); }
};
inline HttpAppFramework &app() {
  static HttpAppFramework framework;
  return framework;
}
} // namespace drogon
