#pragma once

namespace plein {

inline constexpr const char* versionString = PLEIN_VERSION;

} // namespace plein
