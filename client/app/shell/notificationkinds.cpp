#include "shell/notificationkinds.h"

#include <QHash>

#include <algorithm>

namespace plein::app {

namespace {

const QLatin1StringView replyKey {"replies"};
const QLatin1StringView mentionKey {"mentions"};
const QLatin1StringView groupKey {"groups"};
const QLatin1StringView messageKey {"messages"};
const QLatin1StringView commentKey {"comments"};

bool matches(const QString& kind, const QString& prefix)
{
    return prefix.endsWith(u'.') ? kind.startsWith(prefix) : kind == prefix;
}

} // namespace

QList<NotificationKinds::Kind> NotificationKinds::all()
{
    return {
        {messageKey, QStringLiteral("chat."), tr("Chat: direct messages, mentions and replies"),
         icons::Icon::Send},
        {replyKey, QStringLiteral("reply"), tr("Replies to your posts"), icons::Icon::Reply},
        {mentionKey, QStringLiteral("mention"), tr("Mentions of you"), icons::Icon::Account},
        {groupKey, QStringLiteral("group."), tr("Group requests, invitations and approvals"),
         icons::Icon::Groups},
        {commentKey, QStringLiteral("comment."),
         tr("Comments on your articles, and mentions in comments"), icons::Icon::Article},
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
    if (key == messageKey)
        return tr("%n new messages", nullptr, count);
    if (key == commentKey)
        return tr("%n new comments", nullptr, count);
    return tr("%n new notifications", nullptr, count);
}

QString NotificationKinds::countText(const QString& kind, int count)
{
    const auto entry = of(kind);
    const QString key = entry ? entry->key : QString();
    if (key == replyKey)
        return tr("%n reply(s)", nullptr, count);
    if (key == mentionKey)
        return tr("%n mention(s)", nullptr, count);
    if (key == groupKey)
        return tr("%n group notification(s)", nullptr, count);
    if (key == messageKey)
        return tr("%n message(s)", nullptr, count);
    if (key == commentKey)
        return tr("%n comment(s)", nullptr, count);
    return tr("%n other notification(s)", nullptr, count);
}

QString NotificationKinds::breakdown(const QStringList& kinds)
{
    // By the settings' order of kinds, the unknown ones last; the biggest count first.
    const QList<Kind> known = all();
    QList<std::pair<int, QString>> counts; // count, a kind of the entry
    QHash<QString, qsizetype> positions; // entry key ("" for unknown) -> index in counts
    for (const QString& kind : kinds) {
        const auto entry = of(kind);
        const QString key = entry ? entry->key : QString();
        const auto position = positions.constFind(key);
        if (position == positions.constEnd()) {
            positions.insert(key, counts.size());
            counts.append({1, kind});
        } else {
            counts[*position].first += 1;
        }
    }
    const auto rank = [&known](const QString& kind) {
        const auto entry = of(kind);
        for (qsizetype i = 0; entry && i < known.size(); ++i) {
            if (known.at(i).key == entry->key)
                return i;
        }
        return known.size();
    };
    std::stable_sort(counts.begin(), counts.end(), [&rank](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : rank(a.second) < rank(b.second);
    });
    QStringList parts;
    for (const auto& [count, kind] : std::as_const(counts))
        parts.append(countText(kind, count));
    // A list, not a sentence: the same in every language Plein speaks.
    return parts.join(QStringLiteral(", "));
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
