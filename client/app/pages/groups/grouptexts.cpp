#include "pages/groups/grouptexts.h"

#include "grouprow.h"

namespace plein::app {

using L = QLatin1StringView;

QString GroupTexts::kind(const QString& kind)
{
    if (kind == L("private"))
        return tr("Private group");
    if (kind == L("secret"))
        return tr("Secret group");
    return tr("Public group");
}

QString GroupTexts::role(const QString& role)
{
    if (role == L("owner"))
        return tr("Owner");
    if (role == L("moderator"))
        return tr("Moderator");
    return tr("Member");
}

QString GroupTexts::summary(const QString& kind, int members, bool archived, const QString& myState)
{
    QStringList parts {GroupTexts::kind(kind), tr("%n member(s)", nullptr, members)};
    if (archived)
        parts << tr("archived");
    if (myState == L("member"))
        parts << tr("you are a member");
    else if (myState == L("pending"))
        parts << tr("you asked to join");
    else if (myState == L("invited"))
        parts << tr("you are invited");
    return parts.join(QStringLiteral(" · "));
}

QString GroupTexts::summary(const client::GroupRow& group)
{
    return summary(group.kind, group.members, group.archived, group.myState);
}

QString GroupTexts::stateHint(const client::GroupRow& group)
{
    if (group.archived)
        return tr("This group is archived: it can be read, but nothing new can be written.");
    if (group.myState == L("pending"))
        return tr("You asked to join. An owner or moderator of the group decides.");
    if (group.myState == L("invited"))
        return tr("You are invited to join this group.");
    if (group.myState == L("member"))
        return QString();
    if (group.kind == L("private"))
        return tr("Only members read this group. Ask to join, and an owner or moderator "
                  "decides.");
    if (group.kind == L("secret"))
        return tr("This group is by invitation only.");
    return QString();
}

} // namespace plein::app
