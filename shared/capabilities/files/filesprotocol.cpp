#include "capabilities/files/filesprotocol.h"

namespace plein::protocol::files {

namespace {

using L = QLatin1StringView;

constexpr CapabilitySpec spec {L("files"), Feature, {}, {}};

} // namespace

const CapabilitySpec& capability()
{
    return spec;
}

} // namespace plein::protocol::files
