// Mock of the Boost.Cobalt umbrella header boost/cobalt.hpp (boostorg/cobalt,
// Boost 1.84+; Debian's Boost has no cobalt), for the awaitlint check tests.
// Runnable: see ../../mock_loop.hpp. Only boost/cobalt* is mocked: asio,
// system::result and variant2 come from Debian's Boost.
#pragma once
#include <boost/cobalt/config.hpp>
#include <boost/cobalt/detached.hpp>
#include <boost/cobalt/gather.hpp>
#include <boost/cobalt/join.hpp>
#include <boost/cobalt/main.hpp>
#include <boost/cobalt/promise.hpp>
#include <boost/cobalt/race.hpp>
#include <boost/cobalt/run.hpp>
#include <boost/cobalt/spawn.hpp>
#include <boost/cobalt/task.hpp>
#include <boost/cobalt/this_coro.hpp>
#include <boost/cobalt/this_thread.hpp>
