// Minimal mongocxx stand-in, see mongocxx/client.hpp.
#pragma once
#include <mongocxx/client.hpp>
