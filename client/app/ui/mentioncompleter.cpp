#include "ui/mentioncompleter.h"

#include "people/peoplemodel.h"
#include "ui/attachmenttray.h"
#include "ui/avatar.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QCompleter>
#include <QKeyEvent>
#include <QMimeData>
#include <QPainter>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QStyledItemDelegate>
#include <QTextBlock>
#include <QToolButton>

#include <algorithm>

namespace plein::app {

using client::PeopleModel;

namespace {

constexpr int popupWidth = 300;
// A mention longer than this is not being typed (protocol usernames are shorter).
constexpr int longestTyped = 64;

// The characters of a username (see protocol::mentionedUsernames).
bool isNameChar(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')
        || c == u'.' || c == u'_' || c == u'-';
}

// The people matching what was typed after the @, best first: those whose username starts with
// it, then those whose name does, then those with another word of the name starting with it;
// in the model's order (by name) within each.
class MentionMatches : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setTyped(const QString& typed)
    {
        m_typed = PeopleModel::folded(typed);
        m_wordStart = QRegularExpression(QStringLiteral("(^|[\\s._-])")
                                         + QRegularExpression::escape(m_typed));
        invalidate();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex& parent) const override
    {
        const QModelIndex index = sourceModel()->index(row, 0, parent);
        return m_wordStart.match(index.data(PeopleModel::SearchTextRole).toString()).hasMatch();
    }

    bool lessThan(const QModelIndex& a, const QModelIndex& b) const override
    {
        const int byRank = rank(a) - rank(b);
        return byRank != 0 ? byRank < 0 : a.row() < b.row();
    }

private:
    int rank(const QModelIndex& index) const
    {
        if (index.data(PeopleModel::UsernameRole).toString().startsWith(m_typed))
            return 0;
        return index.data(PeopleModel::SearchTextRole).toString().startsWith(m_typed) ? 1 : 2;
    }

    QString m_typed;
    QRegularExpression m_wordStart;
};

// A person in the list: avatar, name, and the @username that will be written.
class PersonDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QString name = opt.text;
        opt.text.clear();
        const QStyle* style = opt.widget ? opt.widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
        const QString username = index.data(PeopleModel::UsernameRole).toString();
        QRect r = opt.rect.adjusted(6, 3, -6, -3);
        painter->save();
        avatar::paint(*painter, QRect(r.topLeft(), QSize(r.height(), r.height())), name, username);
        r.setLeft(r.left() + r.height() + 8);
        const bool selected = opt.state.testFlag(QStyle::State_Selected);
        const QFontMetrics& fm = opt.fontMetrics;
        const QString shownName = fm.elidedText(name, Qt::ElideRight, r.width() * 2 / 3);
        painter->setPen(opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
        painter->drawText(r, Qt::AlignVCenter | Qt::AlignLeft, shownName);
        r.setLeft(r.left() + fm.horizontalAdvance(shownName) + 8);
        painter->setPen(
            opt.palette.color(selected ? QPalette::HighlightedText : QPalette::PlaceholderText));
        painter->drawText(r, Qt::AlignVCenter | Qt::AlignLeft,
                          fm.elidedText(u'@' + username, Qt::ElideRight, r.width()));
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        size.setHeight(std::max(size.height(), option.fontMetrics.height() + 12));
        return size;
    }
};

} // namespace

bool MentionEdit::canInsertFromMimeData(const QMimeData* source) const
{
    return (m_tray && AttachmentTray::canTake(source))
        || QPlainTextEdit::canInsertFromMimeData(source);
}

void MentionEdit::insertFromMimeData(const QMimeData* source)
{
    if (m_tray && AttachmentTray::canTake(source))
        m_tray->take(source);
    else
        QPlainTextEdit::insertFromMimeData(source);
}

bool MentionEdit::event(QEvent* event)
{
    // Ctrl+U attaches files, as in Slack and Teams (a plain text editor has no use for it).
    if (event->type() == QEvent::KeyPress && m_tray && m_tray->attachButton()->isVisible()) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_U && key->modifiers() == Qt::ControlModifier) {
            m_tray->openPicker();
            return true;
        }
    }
    if (event->type() == QEvent::KeyPress && m_completer && m_completer->popup()->isVisible()) {
        switch (static_cast<QKeyEvent*>(event)->key()) {
        case Qt::Key_Return:
        case Qt::Key_Enter:
        case Qt::Key_Tab:
        case Qt::Key_Backtab:
        case Qt::Key_Escape:
            event->ignore();
            return false;
        default:
            break;
        }
    }
    return QPlainTextEdit::event(event);
}

MentionCompleter::MentionCompleter(MentionEdit* edit)
    : QObject(edit)
    , m_edit(edit)
    , m_matches(new MentionMatches(this))
    , m_completer(new QCompleter(this))
{
    m_matches->sort(0);
    m_completer->setWidget(m_edit);
    m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
    // What activated() hands over: the username to write.
    m_completer->setCompletionRole(PeopleModel::UsernameRole);
    m_completer->setMaxVisibleItems(7);
    m_completer->setModel(m_matches);
    m_completer->popup()->setItemDelegate(new PersonDelegate(m_completer->popup()));
    m_edit->m_completer = m_completer;
    connect(m_completer, qOverload<const QString&>(&QCompleter::activated), this,
            &MentionCompleter::insert);
    connect(m_edit, &QPlainTextEdit::textChanged, this, &MentionCompleter::update);
    connect(m_edit, &QPlainTextEdit::cursorPositionChanged, this, &MentionCompleter::update);
}

void MentionCompleter::setPeople(QAbstractItemModel* people)
{
    if (m_people)
        disconnect(m_people, nullptr, this, nullptr);
    m_people = people;
    // The sorting proxy reads every person as soon as it has a source: only once an @ is typed.
    m_matches->setSourceModel(nullptr);
    if (!m_people)
        return;
    // Someone typed "@emi" before the group members came from the server: the list opens
    // when they arrive. An open list follows its proxy by itself.
    connect(m_people, &QAbstractItemModel::rowsInserted, this, [this]() {
        if (m_matches->sourceModel() == m_people && !isOpen())
            update();
    });
    if (mentionStart(*m_edit) >= 0)
        update();
}

bool MentionCompleter::isOpen() const
{
    return m_completer->popup()->isVisible();
}

int MentionCompleter::mentionStart(const QPlainTextEdit& edit)
{
    const QTextCursor cursor = edit.textCursor();
    if (cursor.hasSelection())
        return -1;
    const QString text = cursor.block().text();
    const int end = cursor.positionInBlock();
    int at = end;
    while (at > 0 && isNameChar(text[at - 1]))
        --at;
    if (at == 0 || text[at - 1] != u'@' || end - at > longestTyped)
        return -1;
    --at;
    // "anna@example.nl" is an address, not a mention.
    if (at > 0 && (isNameChar(text[at - 1]) || text[at - 1] == u'@'))
        return -1;
    return cursor.block().position() + at;
}

void MentionCompleter::attachPeople()
{
    if (!m_people)
        return;
    if (m_people->canFetchMore(QModelIndex()))
        m_people->fetchMore(QModelIndex());
    if (m_matches->sourceModel() != m_people)
        m_matches->setSourceModel(m_people);
}

void MentionCompleter::update()
{
    const int at = mentionStart(*m_edit);
    if (at < 0 || !m_edit->hasFocus() || !m_people) {
        m_completer->popup()->hide();
        return;
    }
    attachPeople();
    QTextCursor typed = m_edit->textCursor();
    typed.setPosition(at + 1, QTextCursor::KeepAnchor);
    static_cast<MentionMatches*>(m_matches)->setTyped(typed.selectedText());
    if (m_matches->rowCount() == 0) {
        m_completer->popup()->hide();
        return;
    }
    QRect rect = m_edit->cursorRect();
    rect.setWidth(std::min(popupWidth, m_edit->width()));
    m_completer->complete(rect);
    // Enter and Tab take the best match without choosing it first.
    m_completer->popup()->setCurrentIndex(m_completer->completionModel()->index(0, 0));
}

void MentionCompleter::insert(const QString& username)
{
    const int at = mentionStart(*m_edit);
    if (at < 0 || username.isEmpty())
        return;
    QTextCursor cursor = m_edit->textCursor();
    cursor.setPosition(at, QTextCursor::KeepAnchor);
    cursor.insertText(u'@' + username + u' ');
    m_edit->setTextCursor(cursor);
}

} // namespace plein::app
