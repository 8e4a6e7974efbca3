// Umbrella header of the awl runtime.
#pragma once

#include "errors.hpp"
#include "event_loop.hpp"
#include "promise.hpp"
#include "race.hpp"
#include "run_blocking.hpp"
#include "sleep.hpp"
#include "trace.hpp"
#include "trace_views.hpp"
#include "when_all.hpp"
#include "when_all_settled.hpp"
#include "when_any.hpp"
