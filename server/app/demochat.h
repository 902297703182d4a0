#pragma once

#include <QHash>
#include <QString>

#include <optional>

namespace plein::server {

struct ServerCore;
struct User;

// The demo organisation's conversations: a direct one of anna and bram over two days (code in
// C++ and SQL, a reply, reactions), "Sluis Eefde" of five people (a snippet, an @mention of
// anna) and the chat of the group Lunchwandelaars, with some of it unread for anna. Made
// through the chat service like any user's messages. An error says what failed.
std::optional<QString> seedDemoChat(ServerCore& core, const QHash<QString, User>& users);

} // namespace plein::server
