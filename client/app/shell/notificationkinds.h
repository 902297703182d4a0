#pragma once

#include "ui/icons.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace plein::app {

// The kinds of notification a person can tell apart: turn off in the settings, see by their
// icon in the notification centre, and get collapsed into one bubble on the desktop ("3 new
// replies"). A kind groups the `kind` strings capabilities add that start with its prefix.
// These are the kinds the feed, groups and chat ("chat.direct", "chat.mention", "chat.reply")
// add; a capability with kinds of its own (events) adds a row here, and kinds without one
// still notify and list, with the general icon, under the desktop-notifications switch alone.
class NotificationKinds
{
    Q_DECLARE_TR_FUNCTIONS(plein::app::NotificationKinds)

public:
    struct Kind
    {
        QString key; // stored as notifications/kinds/<key>
        QString prefix; // "reply" matches "reply"; "group." matches "group.request"...
        QString label; // in the settings
        icons::Icon icon = icons::Icon::Notifications;
    };

    static QList<Kind> all();
    // The entry `kind` belongs to, if any.
    static std::optional<Kind> of(const QString& kind);
    static icons::Icon iconOf(const QString& kind);
    // The summary of one bubble that stands for `count` notifications of `kind`.
    static QString collapsedSummary(const QString& kind, int count);
    // "3 messages", "2 replies": `count` notifications of `kind` in a sum.
    static QString countText(const QString& kind, int count);
    // What these notifications were, by kind, the most first: "3 messages, 2 replies".
    static QString breakdown(const QStringList& kinds);
    // The freedesktop category hint for `kind` ("im.received"...), empty when none fits.
    static QString category(const QString& kind);
};

} // namespace plein::app
