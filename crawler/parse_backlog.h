// ParseBacklog: pages handed to the parse pool and not back yet. When the pool is behind (a
// patrol of many sites is bound by the parse, not the network), every answer read ahead is
// a body held in memory until a worker gets to it: at 1,024 sites in flight, tens of
// megabytes (docs/performance.md). So while `high` pages wait, the gate starts no request,
// and it starts them again when half of them are done (crawler/hold_mark.h). Reading ahead
// of the pool gains no time: the pool is what the patrol waits for.
//
// Thread rules: the io_context's thread only, like HostGate.
#pragma once

#include <cstddef>

#include "crawler/hold_mark.h"
#include "crawler/host_gate.h"

namespace sitepatrol::crawler {

class ParseBacklog {
 public:
  ParseBacklog(HostGate& gate, std::size_t high)
      : mark_(high, [&gate](bool on) { gate.hold(on); }) {}

  void add() { mark_.up(); }
  void done() { mark_.down(); }
  std::size_t waiting() const { return mark_.count(); }

 private:
  HoldMark mark_;
};

}  // namespace sitepatrol::crawler
