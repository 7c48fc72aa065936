// The number of files (sockets included) the process may open. A patrol with a high
// concurrency needs more than the common soft limit of 1,024, so the soft limit is raised to
// the hard one, as servers and crawlers usually do at start.
#pragma once

namespace sitepatrol::crawler {

// Raises RLIMIT_NOFILE's soft limit to its hard limit (at most 1,048,576) and returns the
// limit now in force; 1,024 when it cannot be read.
long raise_descriptor_limit();

}  // namespace sitepatrol::crawler
