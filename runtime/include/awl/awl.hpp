// Umbrella header of the awl runtime.
#pragma once

#include <awl/errors.hpp>
#include <awl/event_loop.hpp>
#include <awl/promise.hpp>
#include <awl/race.hpp>
#include <awl/run_blocking.hpp>
#include <awl/sleep.hpp>
#include <awl/trace.hpp>
#include <awl/trace_views.hpp>
#include <awl/when_all.hpp>
#include <awl/when_all_settled.hpp>
#include <awl/when_any.hpp>
