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
    QString signature = c.kind + u'|' + c.displayTitle(me);
    for (const client::ChatMember& member : others.mid(0, 2))
        signature += u'|' + member.username + u'|' + member.name();
    auto it = m_icons.find(c.id);
    if (it != m_icons.end() && it->first == signature)
        return it->second;
    QIcon icon;
    if (c.isGroupChat() || others.isEmpty())
        icon = chatavatar::groupIcon(c.displayTitle(me));
    else if (c.isDirect() || others.size() == 1)
        icon = chatavatar::icon(others.at(0).name(), others.at(0).username);
    else
        icon = chatavatar::pairIcon(others.at(0).name(), others.at(0).username, others.at(1).name(),
                                    others.at(1).username);
    m_icons.insert(c.id, {signature, icon});
    return icon;
}

} // namespace plein::app
