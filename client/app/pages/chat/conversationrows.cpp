#include "pages/chat/conversationrows.h"

#include "chat/chat.h"
#include "chat/conversationlistmodel.h"
#include "pages/chat/chatavatar.h"
#include "pages/chat/chattexts.h"

#include <QApplication>
#include <QPalette>

namespace plein::app {

using client::ConversationListModel;

ConversationRows::ConversationRows(client::ConversationListModel& conversations, client::Chat& chat,
                                   QObject* parent)
    : QIdentityProxyModel(parent)
    , m_conversations(conversations)
    , m_chat(chat)
{
    setSourceModel(&conversations);
    // Rows come and go in bursts (a snapshot, a busy conversation moving up).
    m_watchSoon.setSingleShot(true);
    m_watchSoon.setInterval(100);
    connect(&m_watchSoon, &QTimer::timeout, this, &ConversationRows::watchFirstRows);
    const auto soon = [this]() { m_watchSoon.start(); };
    connect(this, &QAbstractItemModel::rowsInserted, this, soon);
    connect(this, &QAbstractItemModel::rowsRemoved, this, soon);
    connect(this, &QAbstractItemModel::rowsMoved, this, soon);
    connect(this, &QAbstractItemModel::modelReset, this, soon);
    connect(this, &QAbstractItemModel::layoutChanged, this, soon);
}

void ConversationRows::setPresence(client::Presence* presence)
{
    if (m_presence)
        disconnect(m_presence, nullptr, this, nullptr);
    m_presence = presence;
    m_icons.clear();
    if (m_presence)
        connect(m_presence, &client::Presence::changed, this, &ConversationRows::presenceChanged);
    watchFirstRows();
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, 0), {Qt::DecorationRole});
}

QList<qint64> ConversationRows::peopleOf(const QModelIndexList& rows)
{
    QList<qint64> people;
    for (const QModelIndex& row : rows) {
        const qint64 other = row.data(ConversationListModel::OtherMemberRole).toLongLong();
        if (other > 0 && !people.contains(other))
            people.append(other);
    }
    return people;
}

void ConversationRows::watchFirstRows()
{
    if (!m_presence)
        return;
    QModelIndexList first;
    for (int row = 0; row < std::min(rowCount(), int(watchedRows)); ++row)
        first.append(index(row, 0));
    m_presence->watch(this, peopleOf(first));
}

void ConversationRows::presenceChanged(qint64 userId)
{
    for (int row = 0; row < rowCount(); ++row) {
        const QModelIndex i = index(row, 0);
        if (i.data(ConversationListModel::OtherMemberRole).toLongLong() == userId)
            Q_EMIT dataChanged(i, i, {Qt::DecorationRole});
    }
}

QVariant ConversationRows::data(const QModelIndex& index, int role) const
{
    switch (role) {
    case Qt::DecorationRole:
        return iconOf(index);
    case Qt::ForegroundRole:
        if (index.data(ConversationListModel::MutedRole).toBool())
            return QApplication::palette().brush(QPalette::PlaceholderText);
        return QVariant();
    case BadgeRole: {
        const int unread = index.data(ConversationListModel::UnreadRole).toInt();
        const bool muted = index.data(ConversationListModel::MutedRole).toBool();
        return muted && !index.data(ConversationListModel::MentionRole).toBool() ? 0 : unread;
    }
    case PreviewTextRole: {
        const QString preview = index.data(ConversationListModel::PreviewRole).toString();
        const client::ConversationRow c = m_conversations.rowAt(mapToSource(index).row());
        return !preview.isEmpty() && c.lastAuthorId == m_chat.me() ? ChatTexts::ownPreview(preview)
                                                                   : preview;
    }
    default:
        return QIdentityProxyModel::data(index, role);
    }
}

QIcon ConversationRows::iconOf(const QModelIndex& index) const
{
    const client::ConversationRow c = m_conversations.rowAt(mapToSource(index).row());
    const qint64 me = m_chat.me();
    QList<client::ChatMember> others;
    for (const client::ChatMember& member : c.members) {
        if (member.id != me)
            others.append(member);
    }
    // A conversation with oneself shows oneself.
    if (c.isDirect() && others.isEmpty() && !c.members.isEmpty())
        others.append(c.members.first());
    // A direct conversation with someone else shows their presence.
    std::optional<client::Presence::State> presence;
    if (m_presence && c.isDirect() && others.size() == 1 && others.at(0).id != me)
        presence = m_presence->state(others.at(0).id);
    QString signature = c.kind + u'|' + c.displayTitle(me);
    if (presence)
        signature += u'|' + client::Presence::name(*presence);
    for (const client::ChatMember& member : others.mid(0, 2))
        signature += u'|' + member.username + u'|' + member.name();
    auto it = m_icons.find(c.id);
    if (it != m_icons.end() && it->first == signature)
        return it->second;
    QIcon icon;
    if (c.isGroupChat() || others.isEmpty())
        icon = chatavatar::groupIcon(c.displayTitle(me));
    else if (c.isDirect() || others.size() == 1)
        icon = chatavatar::icon(others.at(0).name(), others.at(0).username, presence);
    else
        icon = chatavatar::pairIcon(others.at(0).name(), others.at(0).username, others.at(1).name(),
                                    others.at(1).username);
    m_icons.insert(c.id, {signature, icon});
    return icon;
}

} // namespace plein::app
