#pragma once

#include "presence/presence.h"

#include <QColor>
#include <QIcon>
#include <QPixmap>
#include <QString>

#include <optional>

namespace plein::app::chatavatar {

// A person's avatar (ui/avatar) as a pixmap, drawn once per person, size and pixel ratio:
// a chat paints one on nearly every screenful of messages.
QPixmap pixmap(const QString& name, const QString& username, int size, qreal ratio);
// The same as an icon, for lists that show icons (the sidebar, the people picker); with
// `presence`, its dot as withPresence() draws it, in a ring cut out to transparent.
QIcon icon(const QString& name, const QString& username,
           std::optional<client::Presence::State> presence = std::nullopt);
// A group of people (a conversation of named people): two overlapping avatars.
QIcon pairIcon(const QString& firstName, const QString& firstUsername, const QString& secondName,
               const QString& secondUsername);

// A group's chat: the group's initial on its colour in a rounded square, as the sidebar draws
// groups.
QIcon groupIcon(const QString& groupName);
QPixmap groupPixmap(const QString& groupName, int size, qreal ratio);

// `avatar` with a dot at its lower right saying whether the person is there: green online,
// amber away, red do not disturb, a grey ring offline; cut out of `background`.
QPixmap withPresence(const QPixmap& avatar, client::Presence::State state,
                     const QColor& background);

} // namespace plein::app::chatavatar
