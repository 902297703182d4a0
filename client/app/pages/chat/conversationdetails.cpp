#include "pages/chat/conversationdetails.h"

#include "cache.h"
#include "capabilities/chat/chatprotocol.h"
#include "chat/chat.h"
#include "chat/chatstore.h"
#include "client.h"
#include "pages/chat/chatavatar.h"
#include "pages/chat/chattexts.h"
#include "pages/chat/peoplepicker.h"
#include "shell/navigator.h"
#include "ui/icons.h"
#include "ui/tooltip.h"

#include <QCheckBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace plein::app {

using client::Chat;

namespace {

constexpr int memberIdRole = Qt::UserRole + 1;

} // namespace

ConversationDetails::ConversationDetails(client::Client& client, Navigator& navigator,
                                         QWidget* parent)
    : QWidget(parent)
    , m_client(client)
    , m_navigator(navigator)
    , m_close(new QToolButton(this))
    , m_heading(new QLabel(tr("Details"), this))
    , m_kind(new QLabel(this))
    , m_title(new QLineEdit(this))
    , m_rename(new QPushButton(tr("Rename"), this))
    , m_creatorOnly(new QCheckBox(tr("Only the creator adds or removes members"), this))
    , m_mute(new QCheckBox(tr("Mute (mentions still notify)"), this))
    , m_membersHeading(new QLabel(this))
    , m_members(new QListWidget(this))
    , m_add(new QPushButton(icons::icon(icons::Icon::Add), tr("Add people…"), this))
    , m_remove(new QPushButton(tr("Remove"), this))
    , m_leave(new QPushButton(tr("Leave conversation"), this))
    , m_group(new QPushButton(tr("Open the group"), this))
    , m_note(new QLabel(this))
{
    setObjectName(QStringLiteral("conversationDetails"));
    QFont bold = m_heading->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.1);
    m_heading->setFont(bold);
    QFont section = m_membersHeading->font();
    section.setBold(true);
    m_membersHeading->setFont(section);
    for (QLabel* label : {m_kind, m_membersHeading, m_note}) {
        label->setTextFormat(Qt::PlainText);
        label->setWordWrap(true);
    }
    m_kind->setForegroundRole(QPalette::PlaceholderText);
    m_note->setForegroundRole(QPalette::PlaceholderText);
    m_close->setIcon(icons::icon(icons::Icon::Close));
    m_close->setAutoRaise(true);
    m_close->setToolTip(tr("Close (Escape)"));
    m_title->setMaxLength(protocol::chat::maxTitleChars);
    m_title->setPlaceholderText(tr("A name for the conversation"));
    m_members->setIconSize(QSize(28, 28));
    m_members->setSelectionMode(QAbstractItemView::SingleSelection);
    m_members->setFrameShape(QFrame::NoFrame);
    m_members->setObjectName(QStringLiteral("membersList"));
    m_leave->setObjectName(QStringLiteral("leaveConversation"));

    auto* top = new QHBoxLayout;
    top->addWidget(m_heading, 1);
    top->addWidget(m_close);
    auto* rename = new QHBoxLayout;
    rename->addWidget(m_title, 1);
    rename->addWidget(m_rename);
    auto* memberButtons = new QHBoxLayout;
    memberButtons->addWidget(m_add);
    memberButtons->addWidget(m_remove);
    memberButtons->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(14, 10, 14, 12);
    layout->addLayout(top);
    layout->addWidget(m_kind);
    layout->addLayout(rename);
    layout->addWidget(m_creatorOnly);
    layout->addWidget(m_mute);
    layout->addSpacing(8);
    layout->addWidget(m_membersHeading);
    layout->addWidget(m_members, 1);
    layout->addLayout(memberButtons);
    layout->addWidget(m_note);
    layout->addWidget(m_group, 0, Qt::AlignLeft);
    layout->addWidget(m_leave, 0, Qt::AlignLeft);

    connect(m_close, &QToolButton::clicked, this, &ConversationDetails::closeRequested);
    connect(m_rename, &QPushButton::clicked, this, [this]() {
        const auto c = m_client.chat().conversation(m_id);
        if (c)
            m_client.chat().update(m_id, m_title->text().trimmed(), c->membersBy);
    });
    connect(m_title, &QLineEdit::returnPressed, m_rename, &QPushButton::click);
    connect(m_title, &QLineEdit::textChanged, this, [this]() {
        const auto c = m_client.chat().conversation(m_id);
        m_rename->setEnabled(c && m_title->text().trimmed() != c->title);
    });
    connect(m_creatorOnly, &QCheckBox::clicked, this, [this](bool only) {
        const auto c = m_client.chat().conversation(m_id);
        if (c)
            m_client.chat().update(m_id, c->title,
                                   only ? QStringLiteral("creator") : QStringLiteral("anyone"));
    });
    connect(m_mute, &QCheckBox::clicked, this,
            [this](bool muted) { m_client.chat().setMuted(m_id, muted); });
    connect(m_add, &QPushButton::clicked, this, &ConversationDetails::addPeople);
    connect(m_remove, &QPushButton::clicked, this, &ConversationDetails::removeSelected);
    connect(m_members, &QListWidget::currentRowChanged, this, &ConversationDetails::refresh);
    connect(m_leave, &QPushButton::clicked, this, &ConversationDetails::leave);
    connect(m_group, &QPushButton::clicked, this, [this]() {
        if (const auto c = m_client.chat().conversation(m_id))
            m_navigator.open(Navigator::link(QStringLiteral("group"), c->groupId));
    });
    connect(&client.cache(), &client::Cache::changed, this,
            [this](const client::CacheChanges& changes) {
                if (m_id > 0 && changes.touches(client::ChatStore::conversationsArea, m_id))
                    refresh();
            });
    connect(&client.chat(), &Chat::conversationFetched, this, [this](qint64 id) {
        if (id == m_id)
            refresh();
    });
}

void ConversationDetails::open(qint64 conversationId)
{
    m_id = conversationId;
    m_members->clear();
    m_client.chat().fetchConversation(conversationId);
    refresh();
}

bool ConversationDetails::mayManageMembers() const
{
    const auto c = m_client.chat().conversation(m_id);
    if (!c || c->isDirect() || c->isGroupChat())
        return false;
    return c->membersBy != QLatin1StringView("creator") || c->createdBy == m_client.chat().me();
}

void ConversationDetails::refresh()
{
    const auto found = m_client.chat().conversation(m_id);
    if (!found) {
        m_kind->setText(tr("This conversation is not known here."));
        for (QWidget* w : std::initializer_list<QWidget*> {m_title, m_rename, m_creatorOnly, m_mute,
                                                           m_membersHeading, m_members, m_add,
                                                           m_remove, m_leave, m_group})
            w->hide();
        return;
    }
    const client::ConversationRow& c = *found;
    const qint64 me = m_client.chat().me();
    const bool people = !c.isDirect() && !c.isGroupChat();
    const bool creator = c.createdBy == me;
    m_heading->setText(c.displayTitle(me));
    m_kind->setText(c.isDirect() ? tr("A conversation between the two of you.")
                        : people ? tr("A conversation of named people.")
                                 : tr("The chat of the group %1: its members are the group's "
                                      "members, and change with them.")
                                       .arg(c.title));
    // The name is the members' to change (or the creator's), in conversations of named people.
    const bool mayRename = people && (c.membersBy != QLatin1StringView("creator") || creator);
    m_title->setVisible(people);
    m_rename->setVisible(people);
    m_title->setEnabled(mayRename);
    if (!m_title->hasFocus())
        m_title->setText(c.title);
    m_rename->setEnabled(mayRename && m_title->text().trimmed() != c.title);
    m_creatorOnly->setVisible(people);
    m_creatorOnly->setEnabled(creator);
    m_creatorOnly->setChecked(c.membersBy == QLatin1StringView("creator"));
    m_creatorOnly->setToolTip(creator ? QString()
                                      : plainToolTip(tr("Only the creator changes this.")));
    m_mute->show();
    m_mute->setChecked(c.muted);

    const bool listed = !c.isGroupChat();
    m_membersHeading->setVisible(true);
    m_membersHeading->setText(tr("%n member(s)", nullptr, c.memberCount));
    m_members->setVisible(listed);
    if (listed) {
        const qint64 current = m_members->currentItem()
            ? m_members->currentItem()->data(memberIdRole).toLongLong()
            : 0;
        QSignalBlocker block(m_members);
        m_members->clear();
        for (const client::ChatMember& member : c.members) {
            QString text = member.id == me ? tr("%1 (you)").arg(member.name()) : member.name();
            if (!member.department.isEmpty())
                text += QStringLiteral("\n") + member.department;
            auto* item = new QListWidgetItem(chatavatar::icon(member.name(), member.username), text,
                                             m_members);
            item->setData(memberIdRole, member.id);
            if (member.id == current)
                m_members->setCurrentItem(item);
        }
    }
    const bool manage = mayManageMembers();
    m_add->setVisible(people);
    m_add->setEnabled(manage && c.memberCount < protocol::chat::maxConversationMembers);
    m_remove->setVisible(people);
    const qint64 selected
        = m_members->currentItem() ? m_members->currentItem()->data(memberIdRole).toLongLong() : 0;
    m_remove->setEnabled(manage && selected > 0 && selected != me);
    m_leave->setVisible(people);
    m_group->setVisible(c.isGroupChat());
    m_note->setText(people && !manage
                        ? tr("Only the person who started this conversation adds or removes "
                             "members.")
                        : QString());
    m_note->setVisible(!m_note->text().isEmpty());
}

void ConversationDetails::addPeople()
{
    const auto c = m_client.chat().conversation(m_id);
    if (!c || !mayManageMembers())
        return;
    auto* dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Add people to %1").arg(c->displayTitle(m_client.chat().me())));
    dialog->setObjectName(QStringLiteral("addPeopleDialog"));
    auto* picker = new PeoplePicker(m_client.people(), m_client.chat().me(), dialog);
    QSet<qint64> members;
    for (const client::ChatMember& member : c->members)
        members.insert(member.id);
    picker->setExcluded(members);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, dialog);
    QPushButton* add = buttons->addButton(tr("Add"), QDialogButtonBox::AcceptRole);
    add->setEnabled(false);
    auto* layout = new QVBoxLayout(dialog);
    layout->addWidget(picker, 1);
    layout->addWidget(buttons);
    dialog->resize(400, 420);
    connect(picker, &PeoplePicker::chosenChanged, add,
            [add, picker]() { add->setEnabled(!picker->chosen().isEmpty()); });
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, dialog, [this, dialog, picker]() {
        if (!picker->chosenIds().isEmpty())
            m_client.chat().addMembers(m_id, picker->chosenIds());
        dialog->accept();
    });
    dialog->open();
}

void ConversationDetails::removeSelected()
{
    QListWidgetItem* item = m_members->currentItem();
    if (!item || !mayManageMembers())
        return;
    const qint64 user = item->data(memberIdRole).toLongLong();
    if (user > 0 && user != m_client.chat().me())
        m_client.chat().removeMember(m_id, user);
}

void ConversationDetails::leave()
{
    auto* box = new QMessageBox(QMessageBox::Question, tr("Leave the conversation?"),
                                tr("You no longer receive its messages, and can come back only "
                                   "if a member adds you again."),
                                QMessageBox::Cancel, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setObjectName(QStringLiteral("leaveConfirmation"));
    QPushButton* yes = box->addButton(tr("Leave"), QMessageBox::DestructiveRole);
    connect(yes, &QPushButton::clicked, this, [this]() {
        m_client.chat().leave(m_id);
        Q_EMIT closeRequested();
        m_navigator.open(Navigator::link(QStringLiteral("chats")));
    });
    box->open();
}

} // namespace plein::app
