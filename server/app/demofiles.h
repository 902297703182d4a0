#pragma once

#include <QHash>
#include <QString>

#include <optional>

namespace plein::server {

struct ServerCore;
struct User;

// The demo organisation's pictures and files, all drawn or written here (libvips): a photo
// for every person (their initials on a gradient of their own colours), a chart of water
// levels and a diagram of the lock's sensors as PNG, a CSV of the measurements and a Markdown
// note. They are stored through the files service like any upload, set as the photos through
// the people service, and attached to two new posts and a chat message of bram to anna.
std::optional<QString> seedDemoFiles(ServerCore& core, const QHash<QString, User>& users);

// The cover of one of the demo's articles, drawn (PNG, 1200 × 500): `scene` 0 the lock of
// Eefde at night, 1 a writer's page, 2 a walk through the polder, 3 three pillars (the plan).
// Empty, with `error`, when libvips could not draw it.
QByteArray demoCover(int scene, QString* error);

// Whether the demo's photos were made already (anna's profile has one).
bool hasDemoPhotos(ServerCore& core, const User& anna);

} // namespace plein::server
