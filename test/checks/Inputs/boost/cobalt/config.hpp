// Mock of boost/cobalt/config.hpp (boostorg/cobalt). cobalt::executor is
// asio::any_io_executor in Boost.Cobalt; the mock's is a plain tag (its work
// runs on ../../mock_loop.hpp). pmr is std::pmr (BOOST_COBALT_USE_STD_PMR,
// the default).
#pragma once
#include <memory_resource>

namespace boost::cobalt {
struct executor {
  friend bool operator==(const executor &, const executor &) noexcept { return true; }
};
namespace pmr = std::pmr;
} // namespace boost::cobalt
