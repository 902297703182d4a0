#pragma once

#include "protocol/messagespec.h"

namespace plein::protocol::people {

// People: profiles (job title, location, phone, expertise, interests, about) and the directory.
inline constexpr QLatin1StringView PeopleUpdateProfile {"people.update_profile"};
inline constexpr QLatin1StringView PeopleGet {"people.get"};
inline constexpr QLatin1StringView PeopleSearch {"people.search"};
inline constexpr QLatin1StringView PeopleFacets {"people.facets"};

inline constexpr QLatin1StringView PeopleProfile {"people.profile"};

inline constexpr QLatin1StringView Feature {"people"};

// Limits of a profile, part of the contract (docs/protocol.md).
inline constexpr int maxNameChars = 128; // display name, department, job title, location
inline constexpr int maxPhoneChars = 32;
inline constexpr int maxAboutChars = 1000;
inline constexpr int maxTags = 20; // expertise, and interests, each
inline constexpr int maxTagChars = 40;
inline constexpr int maxSearchPage = 200;
inline constexpr int defaultSearchPage = 50;
inline constexpr int maxFacets = 100; // per kind of facet

const CapabilitySpec& capability();

} // namespace plein::protocol::people
