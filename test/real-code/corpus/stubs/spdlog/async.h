// Stub: see spdlog/spdlog.h.
#pragma once
#include "spdlog.h"
