#pragma once

#include "core/capability.h"

#include <memory>
#include <vector>

namespace plein::server {

struct ServerCore;

// Every capability of this server, in the order they are built (a capability may use those
// before it). This is the one list to extend when a capability is added.
std::vector<std::unique_ptr<Capability>> createCapabilities(ServerCore& core);

} // namespace plein::server
