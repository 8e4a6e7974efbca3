// Mock of drogon/HttpClient.h (drogonframework/drogon), runnable:
//   auto client = drogon::HttpClient::newHttpClient("http://host");
//   HttpResponsePtr resp = co_await client->sendRequestCoro(req);
// sendRequestCoro returns internal::HttpRespAwaiter, a
// CallbackAwaiter<HttpResponsePtr> (co_await gives const HttpResponsePtr&);
// it throws drogon::HttpException on a failed request.
// The mock's "server" answers after HttpClient::mockLatency seconds of
// virtual time (mock-only knob, default 0.1) with status 200 and the body
// "<METHOD> <host><path>"; a path starting with "/fail" fails with
// ReqResult::NetworkFailure.
#pragma once
#include "HttpRequest.h"
#include "HttpResponse.h"
#include "HttpTypes.h"
#include "utils/coroutine.h"
#include <trantor/net/EventLoop.h>
#include <trantor/utils/NonCopyable.h>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <string>

namespace drogon {
class HttpException : public std::exception {
public:
  HttpException() = delete;
  explicit HttpException(ReqResult res) : resultCode_(res) {}
  const char *what() const noexcept override {
    return resultCode_ == ReqResult::Timeout ? "Timeout" : "Network failure";
  }
  ReqResult code() const { return resultCode_; }

private:
  ReqResult resultCode_;
};

class HttpClient;
using HttpClientPtr = std::shared_ptr<HttpClient>;
using HttpReqCallback = std::function<void(ReqResult, const HttpResponsePtr &)>;

namespace internal {
struct HttpRespAwaiter : public CallbackAwaiter<HttpResponsePtr> {
  HttpRespAwaiter(HttpClient *client, HttpRequestPtr req, double timeout)
      : client_(client), req_(std::move(req)), timeout_(timeout) {}
  void await_suspend(std::coroutine_handle<> handle);

private:
  HttpClient *client_;
  HttpRequestPtr req_;
  double timeout_;
};
} // namespace internal

class HttpClient : public trantor::NonCopyable {
public:
  /// Mock-only: how long the mock server takes to answer, in seconds.
  static inline double mockLatency = 0.1;

  explicit HttpClient(std::string host) : host_(std::move(host)) {}
  void sendRequest(const HttpRequestPtr &req, const HttpReqCallback &callback, double timeout = 0) {
    (void)timeout;
    std::string line = std::string(to_string_view(req->method())) + " " + host_ + req->path();
    bool fail = req->path().rfind("/fail", 0) == 0;
    trantor::EventLoop loop;
    loop.runAfter(mockLatency, [callback, line, fail] {
      if (fail)
        return callback(ReqResult::NetworkFailure, nullptr);
      auto resp = HttpResponse::newHttpResponse();
      resp->setBody(line);
      callback(ReqResult::Ok, resp);
    });
  }
  internal::HttpRespAwaiter sendRequestCoro(HttpRequestPtr req, double timeout = 0) {
    return internal::HttpRespAwaiter(this, std::move(req), timeout);
  }
  static HttpClientPtr newHttpClient(const std::string &ip, uint16_t port, bool useSSL = false,
                                     trantor::EventLoop * = nullptr, bool = false, bool = true) {
    return std::make_shared<HttpClient>(std::string(useSSL ? "https://" : "http://") + ip + ":" +
                                        std::to_string(port));
  }
  static HttpClientPtr newHttpClient(const std::string &hostString, trantor::EventLoop * = nullptr,
                                     bool = false, bool = true) {
    return std::make_shared<HttpClient>(hostString);
  }

private:
  std::string host_;
};

inline void internal::HttpRespAwaiter::await_suspend(std::coroutine_handle<> handle) {
  client_->sendRequest(
      req_,
      [handle, this](ReqResult result, const HttpResponsePtr &resp) {
        if (result == ReqResult::Ok)
          setValue(resp);
        else
          setException(std::make_exception_ptr(HttpException(result)));
        handle.resume();
      },
      timeout_);
}
} // namespace drogon
