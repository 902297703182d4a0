#include "capabilities/search/searchcapability.h"

#include "capabilities/search/searchprotocol.h"
#include "capabilities/search/searchreads.h"
#include "core/handlerregistry.h"

namespace plein::server {

void SearchCapability::registerHandlers(HandlerRegistry& registry)
{
    registry.addLongRead(protocol::search::SearchQuery, &SearchReads::query);
}

} // namespace plein::server
