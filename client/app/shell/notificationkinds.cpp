#include "shell/notificationkinds.h"

namespace plein::app {

namespace {

const QLatin1StringView replyKey {"replies"};
const QLatin1StringView mentionKey {"mentions"};
const QLatin1StringView groupKey {"groups"};

bool matches(const QString& kind, const QString& prefix)
{
    return prefix.endsWith(u'.') ? kind.startsWith(prefix) : kind == prefix;
}

} // namespace

QList<NotificationKinds::Kind> NotificationKinds::all()
{
    return {
        {replyKey, QStringLiteral("reply"), tr("Replies to your posts"), icons::Icon::Reply},
        {mentionKey, QStringLiteral("mention"), tr("Mentions of you"), icons::Icon::Account},
        {groupKey, QStringLiteral("group."), tr("Group requests, invitations and approvals"),
         icons::Icon::Groups},
    };
}

std::optional<NotificationKinds::Kind> NotificationKinds::of(const QString& kind)
{
    for (const Kind& entry : all()) {
        if (matches(kind, entry.prefix))
            return entry;
    }
    return std::nullopt;
}

icons::Icon NotificationKinds::iconOf(const QString& kind)
{
    const auto entry = of(kind);
    return entry ? entry->icon : icons::Icon::Notifications;
}

QString NotificationKinds::collapsedSummary(const QString& kind, int count)
{
    const auto entry = of(kind);
    const QString key = entry ? entry->key : QString();
    if (key == replyKey)
        return tr("%n new replies", nullptr, count);
    if (key == mentionKey)
        return tr("%n new mentions", nullptr, count);
    if (key == groupKey)
        return tr("%n group notifications", nullptr, count);
    return tr("%n new notifications", nullptr, count);
}

QString NotificationKinds::category(const QString& kind)
{
    // The categories of the Desktop Notifications Specification: a reply or a mention is a
    // message received; a group's news is about messaging in general.
    const auto entry = of(kind);
    if (!entry)
        return QString();
    return entry->key == groupKey ? QStringLiteral("im") : QStringLiteral("im.received");
}

} // namespace plein::app
