#pragma once

#include <QHash>
#include <QString>

#include <optional>

namespace plein::server {

struct ServerCore;
struct User;

// The demo organisation's YamJams: one held last month on the business plan (closed, with
// answered and unanswered questions), one live now on the new laptops (live for a week after
// the demo is made), and one with the board three days ahead (moderated, anonymous questions
// allowed, two questions asked early). Made through the YamJam service like anyone's; the
// archived one is moved into the past afterwards. An error says what failed.
std::optional<QString> seedDemoYamJams(ServerCore& core, const QHash<QString, User>& users);

bool hasDemoYamJams(ServerCore& core);

} // namespace plein::server
