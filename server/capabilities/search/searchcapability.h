#pragma once

#include "core/capability.h"

namespace plein::server {

// Search on the server: search.query, a long read (core/readpool.h) over the full-text indexes
// of its migration. It keeps nothing of its own: the indexes follow the tables by triggers
// (SQLite) or stored columns (PostgreSQL).
class SearchCapability : public Capability
{
public:
    QLatin1StringView name() const override { return QLatin1StringView("search"); }
    void registerHandlers(HandlerRegistry& registry) override;
};

} // namespace plein::server
