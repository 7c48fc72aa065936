// ParseBacklog: pages handed to the parse pool and not back yet. When the pool is behind (a
// patrol of many sites is bound by the parse, not the network), every answer read ahead is
// a body held in memory until a worker gets to it: at 1,024 sites in flight, tens of
// megabytes (docs/performance.md). So while `high` pages wait, the gate starts no request,
// and it starts them again when half of them are done. Reading ahead of the pool gains no
// time: the pool is what the patrol waits for.
//
// Thread rules: the io_context's thread only, like HostGate.
#pragma once

#include <cstddef>

#include "crawler/host_gate.h"

namespace sitepatrol::crawler {

class ParseBacklog {
 public:
  ParseBacklog(HostGate& gate, std::size_t high) : gate_(gate), high_(high < 2 ? 2 : high) {}

  void add() {
    if (++waiting_ >= high_ && !holding_) {
      holding_ = true;
      gate_.hold(true);
    }
  }
  void done() {
    if (waiting_ > 0) --waiting_;
    if (holding_ && waiting_ <= high_ / 2) {
      holding_ = false;
      gate_.hold(false);
    }
  }
  std::size_t waiting() const { return waiting_; }

 private:
  HostGate& gate_;
  std::size_t high_;
  std::size_t waiting_ = 0;
  bool holding_ = false;  // one hold of the gate at most: another holder may share it
};

}  // namespace sitepatrol::crawler
