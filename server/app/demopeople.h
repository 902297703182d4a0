#pragma once

#include <QHash>
#include <QString>

#include <optional>

namespace plein::server {

struct ServerCore;
struct User;

// The demo organisation's profiles: job titles at the water board, where each works, phone
// numbers, expertise and interests, with interests shared (hardlopen, fotografie, wandelen,
// zeilen) so that the directory's filters find colleagues. Each person writes their own,
// through the people service. An error says what failed.
std::optional<QString> seedDemoProfiles(ServerCore& core, const QHash<QString, User>& users);

// Whether the demo's profiles were made already (anna's has a job title).
bool hasDemoProfiles(ServerCore& core, const User& anna);

} // namespace plein::server
