// Views of an awl::Trace: the coroutines it saw with their awaits
// (coroutines_of), Chrome trace-event JSON for Perfetto and chrome://tracing
// (write_chrome_trace), a text Gantt chart (timeline), and the dynamic twin
// of async-sequential-await: awaits that ran one after another on promises
// each started just before its await (missed_concurrency).
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <initializer_list>
#include <map>
#include <ostream>
#include <source_location>
#include <string>
#include <string_view>
#include <vector>

#include <awl/trace.hpp>

namespace awl {

struct TracedAwait {
  std::uintptr_t promise = 0;
  std::string awaited;     // the callee's short name, or how the promise was made ("executor", "when_all", ...)
  std::size_t callee = 0;  // the awaited coroutine's index, 0 if the promise is not a coroutine's
  bool created_just_before = false;  // made by this coroutine since it last resumed (or began)
  double created = 0;                // when the awaited promise was made (-1: before the trace)
  double settled = -1;               // when it settled (-1: not seen)
  double suspended = 0;
  double resumed = -1;  // -1: still waiting when the trace ends
  bool rejected = false;
};

struct TracedCoroutine {
  std::size_t index = 0;   // 1, 2, ... in the order they began
  std::size_t parent = 0;  // the coroutine running when this one began, 0 for none
  std::uintptr_t id = 0;   // Promise<T>::id() of its promise
  std::string name;        // short function name
  std::source_location where;
  double begin = 0;
  double end = -1;  // -1: had not ended when the trace ends
  bool rejected = false;
  std::vector<TracedAwait> awaits;
};

namespace detail {

// "awl::Promise<int> (anonymous namespace)::get_user(int)" (GCC: "{anonymous}::") -> "get_user";
// "awl::Promise<T> ns::f(T) [T = int]" -> "ns::f";
// "auto main()::(lambda)::operator()() const" -> "main()::(lambda)".
inline std::string short_function_name(std::string_view full) {
  std::string_view text = full;
  // Template arguments: clang's " [T = int]", GCC's " [with T = int]".
  if (!text.empty() && text.back() == ']') {
    if (const std::size_t open = text.rfind(" ["); open != std::string_view::npos) text = text.substr(0, open);
  }
  for (std::string_view suffix : {" const", " &&", " &", " noexcept", " volatile"}) {
    while (text.size() > suffix.size() && text.substr(text.size() - suffix.size()) == suffix)
      text.remove_suffix(suffix.size());
  }
  if (text.empty() || text.back() != ')') return std::string(full);
  // The parameter list is the last top-level parenthesised group.
  std::size_t open = text.size() - 1;
  for (int depth = 0;; --open) {
    if (text[open] == ')') ++depth;
    if (text[open] == '(' && --depth == 0) break;
    if (open == 0) return std::string(full);
  }
  std::string_view qualified = text.substr(0, open);
  // The name starts after the last space outside brackets (the return type).
  std::size_t start = 0;
  int depth = 0;
  for (std::size_t i = 0; i < qualified.size(); ++i) {
    const char c = qualified[i];
    if (c == '<' || c == '(') ++depth;
    if (c == '>' || c == ')') --depth;
    if (c == ' ' && depth == 0) start = i + 1;
  }
  std::string name(qualified.substr(start));
  for (std::string_view noise : {"(anonymous namespace)::", "{anonymous}::", "::operator()"}) {
    for (std::size_t at; (at = name.find(noise)) != std::string::npos;) name.erase(at, noise.size());
  }
  return name;
}

inline std::string format_ms(double ms) {
  char text[32];
  if (ms >= 100 || ms == static_cast<double>(static_cast<long long>(ms)))
    std::snprintf(text, sizeof text, "%.0f ms", ms);
  else if (ms >= 1)
    std::snprintf(text, sizeof text, "%.1f ms", ms);
  else
    std::snprintf(text, sizeof text, "%.3f ms", ms);
  return text;
}

inline void write_json_string(std::ostream& out, std::string_view text) {
  out << '"';
  for (const char c : text) {
    if (c == '"' || c == '\\') {
      out << '\\' << c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
      out << escaped;
    } else {
      out << c;
    }
  }
  out << '"';
}

inline std::string location_of(const std::source_location& where) {
  std::string_view file = where.file_name();
  if (const std::size_t slash = file.rfind('/'); slash != std::string_view::npos) file.remove_prefix(slash + 1);
  return std::string(file) + ":" + std::to_string(where.line());
}

}  // namespace detail

// The coroutines of a trace, in the order they began, each with its awaits
// in order. Awaits of coroutines that are not awl async functions are left out.
inline std::vector<TracedCoroutine> coroutines_of(const Trace& trace) {
  struct Made {
    double time;
    std::size_t event;
    std::uintptr_t creator;  // a coroutine id (0: none)
    std::size_t coroutine;   // index when the promise is a coroutine's
    const char* how;
  };
  std::vector<TracedCoroutine> coroutines;
  std::map<std::uintptr_t, std::size_t> live;           // coroutine id -> index (latest with that id)
  std::map<std::uintptr_t, Made> made;                  // promise id -> its latest creation
  std::map<std::uintptr_t, std::size_t> segment_start;  // coroutine id -> event index it last began/resumed at
  std::map<std::uintptr_t, std::pair<std::size_t, std::size_t>> waiting;  // coroutine id -> (index, await)
  const auto& events = trace.events();
  for (std::size_t e = 0; e < events.size(); ++e) {
    const TraceEvent& event = events[e];
    switch (event.kind) {
      case TraceKind::coroutine_begin: {
        TracedCoroutine coroutine;
        coroutine.index = coroutines.size() + 1;
        const auto parent = live.find(event.other);
        coroutine.parent = event.other != 0 && parent != live.end() ? parent->second : 0;
        coroutine.id = event.promise;
        coroutine.name = detail::short_function_name(event.where.function_name());
        coroutine.where = event.where;
        coroutine.begin = event.time;
        live[event.subject] = coroutine.index;
        made[event.promise] = {event.time, e, event.other, coroutine.index, nullptr};
        segment_start[event.subject] = e;
        waiting.erase(event.subject);
        coroutines.push_back(std::move(coroutine));
        break;
      }
      case TraceKind::coroutine_end:
        if (const auto it = live.find(event.subject); it != live.end()) {
          coroutines[it->second - 1].end = event.time;
          coroutines[it->second - 1].rejected = event.rejected;
        }
        break;
      case TraceKind::promise_created:
        made[event.subject] = {event.time, e, event.other, 0, event.label};
        break;
      case TraceKind::promise_settled:
        for (auto& [id, at] : waiting) {
          TracedAwait& await = coroutines[at.first - 1].awaits[at.second];
          if (await.promise == event.subject && await.settled < 0) await.settled = event.time;
        }
        break;
      case TraceKind::await_suspend: {
        const auto it = live.find(event.subject);
        if (it == live.end()) break;
        TracedCoroutine& coroutine = coroutines[it->second - 1];
        TracedAwait await;
        await.promise = event.other;
        await.suspended = event.time;
        await.created = -1;
        if (const auto m = made.find(event.other); m != made.end()) {
          const Made& creation = m->second;
          await.created = creation.time;
          await.callee = creation.coroutine;
          await.awaited = creation.coroutine != 0 ? coroutines[creation.coroutine - 1].name
                                                  : std::string(creation.how != nullptr ? creation.how : "promise");
          await.created_just_before =
              creation.creator == event.subject && creation.event > segment_start[event.subject];
          // A coroutine that already ended settled its promise when it ended.
          if (creation.coroutine != 0 && coroutines[creation.coroutine - 1].end >= 0)
            await.settled = coroutines[creation.coroutine - 1].end;
        } else {
          await.awaited = "promise";
        }
        waiting[event.subject] = {coroutine.index, coroutine.awaits.size()};
        coroutine.awaits.push_back(std::move(await));
        break;
      }
      case TraceKind::await_resume: {
        segment_start[event.subject] = e;
        const auto at = waiting.find(event.subject);
        if (at == waiting.end()) break;
        TracedAwait& await = coroutines[at->second.first - 1].awaits[at->second.second];
        await.resumed = event.time;
        await.rejected = event.rejected;
        if (await.settled < 0) await.settled = event.time;
        waiting.erase(at);
        break;
      }
      case TraceKind::macrotask_begin:
      case TraceKind::macrotask_end:
        break;
    }
  }
  return coroutines;
}

// Chrome's trace-event format (JSON object form): track 0 is the event loop
// (a slice per macrotask), then one track per coroutine with a slice for its
// life and one per await, and a flow arrow from each settlement to the
// resumption it caused. Timestamps in microseconds of the loop's clock.
inline void write_chrome_trace(const Trace& trace, std::ostream& out) {
  const std::vector<TracedCoroutine> coroutines = coroutines_of(trace);
  const auto& events = trace.events();
  const double last = events.empty() ? 0 : events.back().time;
  const auto us = [](double ms) { return ms * 1000.0; };
  bool first = true;
  const auto open = [&](const char* phase, std::size_t tid, double ts) {
    out << (first ? "\n" : ",\n") << R"({"ph":")" << phase << R"(","pid":1,"tid":)" << tid << R"(,"ts":)" << us(ts);
    first = false;
  };
  out.precision(17);
  out << R"({"displayTimeUnit":"ms","traceEvents":[)";
  open("M", 0, 0);
  out << R"(,"name":"process_name","args":{"name":"awl event loop"}})";
  open("M", 0, 0);
  out << R"(,"name":"thread_name","args":{"name":"event loop"}})";
  for (const TracedCoroutine& coroutine : coroutines) {
    open("M", coroutine.index, 0);
    out << R"(,"name":"thread_name","args":{"name":)";
    detail::write_json_string(out, coroutine.name + " #" + std::to_string(coroutine.index));
    out << "}}";
    open("M", coroutine.index, 0);
    out << R"(,"name":"thread_sort_index","args":{"sort_index":)" << coroutine.index << "}}";
  }
  // Macrotasks on track 0.
  std::vector<const TraceEvent*> started;
  for (const TraceEvent& event : events) {
    if (event.kind == TraceKind::macrotask_begin) started.push_back(&event);
    if (event.kind == TraceKind::macrotask_end && !started.empty()) {
      const TraceEvent& begin = *started.back();
      started.pop_back();
      open("X", 0, begin.time);
      out << R"(,"dur":)" << us(event.time - begin.time) << R"(,"name":)";
      detail::write_json_string(out, begin.label != nullptr ? begin.label : "macrotask");
      out << R"(,"cat":"macrotask","args":{"timer":)" << begin.subject << "}}";
    }
  }
  std::size_t flow = 0;
  for (const TracedCoroutine& coroutine : coroutines) {
    const double end = coroutine.end >= 0 ? coroutine.end : last;
    open("X", coroutine.index, coroutine.begin);
    out << R"(,"dur":)" << us(end - coroutine.begin) << R"(,"name":)";
    detail::write_json_string(out, coroutine.name);
    out << R"(,"cat":"coroutine","args":{"location":)";
    detail::write_json_string(out, detail::location_of(coroutine.where));
    out << R"(,"ended":)" << (coroutine.end >= 0 ? "true" : "false") << R"(,"rejected":)"
        << (coroutine.rejected ? "true" : "false") << R"(,"parent":)" << coroutine.parent << "}}";
    for (const TracedAwait& await : coroutine.awaits) {
      const double resumed = await.resumed >= 0 ? await.resumed : last;
      open("X", coroutine.index, await.suspended);
      out << R"(,"dur":)" << us(resumed - await.suspended) << R"(,"name":)";
      detail::write_json_string(out, "await " + await.awaited);
      out << R"(,"cat":"await","args":{"promise":)" << await.promise << R"(,"rejected":)"
          << (await.rejected ? "true" : "false") << "}}";
      if (await.resumed < 0 || await.settled < 0) continue;
      // The arrow starts where the promise settled: at the end of the awaited
      // coroutine, or on the event loop's track.
      ++flow;
      open("s", await.callee, await.settled);
      out << R"(,"id":)" << flow << R"(,"name":"settled","cat":"settle"})";
      open("f", coroutine.index, await.resumed);
      out << R"(,"bp":"e","id":)" << flow << R"(,"name":"settled","cat":"settle"})";
    }
  }
  out << "\n]}\n";
}

namespace detail {

// The rows of a timeline: each coroutine under the one running when it began
// (depth first, in the order they began), and the time axis.
struct TimelineLayout {
  std::vector<std::pair<std::size_t, int>> rows;  // (coroutine index, depth)
  double from = 0;
  double span = 1;
  double last = 0;              // the trace's last event: the end of what did not end
  std::size_t label_width = 0;  // the widest name with its indentation (two per depth), in characters
};

inline TimelineLayout layout_timeline(const Trace& trace, const std::vector<TracedCoroutine>& coroutines,
                                      double axis_ms) {
  TimelineLayout layout;
  if (coroutines.empty()) return layout;
  layout.last = trace.events().back().time;
  layout.from = coroutines.front().begin;
  double to = layout.from;
  for (const TracedCoroutine& coroutine : coroutines) {
    layout.from = std::min(layout.from, coroutine.begin);
    to = std::max(to, coroutine.end >= 0 ? coroutine.end : layout.last);
  }
  layout.span = axis_ms > 0 ? axis_ms : (to > layout.from ? to - layout.from : 1);
  std::vector<std::vector<std::size_t>> children(coroutines.size() + 1);
  for (const TracedCoroutine& coroutine : coroutines) children[coroutine.parent].push_back(coroutine.index);
  std::vector<std::pair<std::size_t, int>> stack;
  for (auto it = children[0].rbegin(); it != children[0].rend(); ++it) stack.emplace_back(*it, 0);
  while (!stack.empty()) {
    const auto [index, depth] = stack.back();
    stack.pop_back();
    layout.rows.emplace_back(index, depth);
    layout.label_width =
        std::max(layout.label_width, static_cast<std::size_t>(2 * depth) + coroutines[index - 1].name.size());
    for (auto it = children[index].rbegin(); it != children[index].rend(); ++it) stack.emplace_back(*it, depth + 1);
  }
  return layout;
}

inline std::string xml_escaped(std::string_view text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

}  // namespace detail

struct TimelineOptions {
  int width = 50;      // columns of the time axis
  double axis_ms = 0;  // the time the axis spans; 0: the trace's own span (set it to compare traces)
  bool ascii = false;  // '#' instead of '█'
};

// A text Gantt chart: one row per coroutine (callees indented under the
// coroutine that started them), a bar from its start to its end on a shared
// time axis, and its duration at the end of the row.
inline std::string timeline(const Trace& trace, const TimelineOptions& options = {}) {
  const std::vector<TracedCoroutine> coroutines = coroutines_of(trace);
  if (coroutines.empty()) return "(no coroutines traced)\n";
  const detail::TimelineLayout layout = detail::layout_timeline(trace, coroutines, options.axis_ms);
  const int width = std::max(options.width, 10);
  const std::string full = options.ascii ? "#" : "\u2588";
  const std::size_t label_width = layout.label_width;

  const auto column = [&](double time) {
    return static_cast<int>(std::lround((time - layout.from) / layout.span * width));
  };
  std::string text;
  for (const auto& [index, depth] : layout.rows) {
    const TracedCoroutine& coroutine = coroutines[index - 1];
    const double end = coroutine.end >= 0 ? coroutine.end : layout.last;
    std::string label = std::string(static_cast<std::size_t>(2 * depth), ' ') + coroutine.name;
    label.resize(label_width, ' ');
    int stop = std::min(std::max(column(end), column(coroutine.begin) + 1), width);  // an instant still shows
    const int start = std::min(column(coroutine.begin), stop - 1);
    text += label + " |";
    for (int c = 0; c < width; ++c) text += (c >= start && c < stop) ? full : " ";
    text += "| " + detail::format_ms(end - coroutine.begin);
    if (coroutine.end < 0) text += " (not finished)";
    if (coroutine.rejected) text += " (threw)";
    text += '\n';
  }
  std::string axis(label_width, ' ');
  axis += " 0";
  const std::string total = detail::format_ms(layout.span);
  axis += std::string(static_cast<std::size_t>(std::max(1, width + 1 - static_cast<int>(total.size()))), ' ');
  axis += total + '\n';
  return text + axis;
}

struct TimelineSvgOptions {
  std::string title;    // drawn above the chart when not empty
  double axis_ms = 0;   // as TimelineOptions::axis_ms
  int bar_width = 480;  // pixels of the time axis
};

// The same chart as an SVG picture (for documentation): a bar per coroutine,
// its duration beside it, grid lines at round times.
inline std::string timeline_svg(const Trace& trace, const TimelineSvgOptions& options = {}) {
  const std::vector<TracedCoroutine> coroutines = coroutines_of(trace);
  const detail::TimelineLayout layout = detail::layout_timeline(trace, coroutines, options.axis_ms);
  constexpr int row = 26, char_width = 8, margin = 12, label_gap = 12, duration_width = 90;
  const int left = margin + static_cast<int>(layout.label_width) * char_width + label_gap;
  const int top = margin + (options.title.empty() ? 0 : row);
  const int width = left + options.bar_width + duration_width + margin;
  const int height = top + static_cast<int>(layout.rows.size()) * row + row + margin;
  const auto x = [&](double time) { return left + (time - layout.from) / layout.span * options.bar_width; };
  const char* palette[] = {"#3b6ea8", "#e0873a", "#4f9a55", "#a8558f", "#8a7a3b"};
  const auto number = [](double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", value);
    return std::string(text);
  };
  std::string svg;
  const auto add = [&svg](std::initializer_list<std::string_view> parts) {
    for (const std::string_view part : parts) svg.append(part);
  };

  add({R"(<svg xmlns="http://www.w3.org/2000/svg" width=")", std::to_string(width), R"(" height=")",
       std::to_string(height), R"(" font-family="monospace" font-size="13">)", "\n",
       R"(<rect width="100%" height="100%" fill="white"/>)", "\n"});
  if (!options.title.empty())
    add({R"(<text x=")", std::to_string(margin), R"(" y=")", std::to_string(margin + 14), R"(" font-weight="bold">)",
         detail::xml_escaped(options.title), "</text>\n"});
  // Grid lines at 1, 2 or 5 times a power of ten: at most 11 of them.
  double step = 0.001;
  for (int i = 0; layout.span / step > 10; ++i) step *= i % 3 == 1 ? 2.5 : 2;
  const int grid_bottom = top + static_cast<int>(layout.rows.size()) * row;
  const auto lines = static_cast<int>(std::floor(layout.span / step + 1e-9));
  for (int line = 0; line <= lines; ++line) {
    const double t = line * step;
    const std::string gx = number(x(layout.from + t));
    add({R"(<line x1=")", gx, R"(" y1=")", std::to_string(top), R"(" x2=")", gx, R"(" y2=")",
         std::to_string(grid_bottom), R"(" stroke="#dddddd"/>)", "\n"});
    add({R"(<text x=")", gx, R"(" y=")", std::to_string(grid_bottom + 16), R"(" text-anchor="middle" fill="#555555">)",
         detail::format_ms(t), "</text>\n"});
  }
  int y = top;
  for (const auto& [index, depth] : layout.rows) {
    const TracedCoroutine& coroutine = coroutines[index - 1];
    const double end = coroutine.end >= 0 ? coroutine.end : layout.last;
    const double x0 = x(coroutine.begin);
    const double x1 = std::max(x(end), x0 + 2);  // an instant still shows
    std::string note = detail::format_ms(end - coroutine.begin);
    if (coroutine.end < 0) note += " (not finished)";
    if (coroutine.rejected) note += " (threw)";
    add({R"(<text x=")", std::to_string(margin + 2 * depth * char_width), R"(" y=")", std::to_string(y + 17), R"(">)",
         detail::xml_escaped(coroutine.name), "</text>\n"});
    add({R"(<rect x=")", number(x0), R"(" y=")", std::to_string(y + 4), R"(" width=")", number(x1 - x0),
         R"(" height=")", std::to_string(row - 8), R"(" rx="3" fill=")", palette[depth % 5], R"("/>)", "\n"});
    add({R"(<text x=")", number(x1 + 6), R"(" y=")", std::to_string(y + 17), R"(" fill="#333333">)", note,
         "</text>\n"});
    y += row;
  }
  svg += "</svg>\n";
  return svg;
}

// Awaits that ran one after another in one coroutine, each on a promise the
// coroutine had started just before awaiting it, and each of which had to
// wait: started together they would have overlapped, if they are independent
// (the trace cannot tell; async-sequential-await's dependence analysis can).
struct MissedConcurrency {
  std::size_t coroutine = 0;  // index in coroutines_of(trace)
  std::string function;
  std::source_location where;
  std::vector<TracedAwait> awaits;  // two or more, in order
  double took = 0;                  // from the first promise's start to the last resumption
  double together = 0;              // the longest of them alone: roughly the time if started together
};

inline std::vector<MissedConcurrency> missed_concurrency(const Trace& trace) {
  std::vector<MissedConcurrency> found;
  for (const TracedCoroutine& coroutine : coroutines_of(trace)) {
    const auto waited = [](const TracedAwait& await) {
      return await.created_just_before && await.resumed > await.suspended && await.settled >= 0;
    };
    const auto& awaits = coroutine.awaits;
    for (std::size_t i = 0; i < awaits.size();) {
      std::size_t j = i;
      while (j < awaits.size() && waited(awaits[j])) ++j;
      if (j - i >= 2) {
        MissedConcurrency hint;
        hint.coroutine = coroutine.index;
        hint.function = coroutine.name;
        hint.where = coroutine.where;
        hint.awaits.assign(awaits.begin() + static_cast<std::ptrdiff_t>(i),
                           awaits.begin() + static_cast<std::ptrdiff_t>(j));
        hint.took = hint.awaits.back().resumed - hint.awaits.front().created;
        for (const TracedAwait& await : hint.awaits)
          hint.together = std::max(hint.together, await.settled - await.created);
        found.push_back(std::move(hint));
      }
      i = std::max(j, i + 1);
    }
  }
  return found;
}

// "dashboard.cpp:31: load_dashboard_sequential awaited get_user, get_orders,
// get_stats one after another: 300 ms; started together: about 100 ms"
inline std::string describe(const MissedConcurrency& hint) {
  std::string text = detail::location_of(hint.where) + ": " + hint.function + " awaited ";
  for (std::size_t i = 0; i < hint.awaits.size(); ++i) {
    if (i > 0) text += i + 1 == hint.awaits.size() ? " and " : ", ";
    text += hint.awaits[i].awaited;
  }
  text += " one after another (" + detail::format_ms(hint.took) + "), each started just before its await; ";
  text += "if they are independent, started together they take about " + detail::format_ms(hint.together);
  return text;
}

}  // namespace awl
