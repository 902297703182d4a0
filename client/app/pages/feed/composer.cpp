#include "pages/feed/composer.h"

#include "people/peoplemodel.h"
#include "protocol/limits.h"
#include "ui/avatar.h"
#include "ui/icons.h"

#include <QAbstractItemView>
#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QCompleter>
#include <QGridLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPainter>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QStyledItemDelegate>
#include <QTextBlock>
#include <QToolButton>

#include <algorithm>

namespace plein::app {

using client::PeopleModel;

namespace {

// The characters of a username (see protocol::mentionedUsernames).
bool isNameChar(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')
        || c == u'.' || c == u'_' || c == u'-';
}

constexpr int popupWidth = 300;

// While the list of people is open, the keys that choose from it or close it are the list's:
// QCompleter hands the editor every key first, and there Tab would move the focus and Enter
// start a new line.
class ComposerEdit : public QPlainTextEdit
{
public:
    using QPlainTextEdit::QPlainTextEdit;

    QCompleter* completer = nullptr;

protected:
    bool event(QEvent* event) override
    {
        if (event->type() == QEvent::KeyPress && completer && completer->popup()->isVisible()) {
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
};

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

// Red that reads on the window's background, light or dark.
QColor warningColour(const QPalette& palette)
{
    return palette.color(QPalette::Window).lightness() < 128 ? QColor(0xff, 0x7b, 0x72)
                                                             : QColor(0xc0, 0x1c, 0x28);
}

} // namespace

Composer::Composer(QWidget* parent)
    : QWidget(parent)
    , m_edit(new ComposerEdit(this))
    , m_counter(new QLabel(this))
    , m_send(new QToolButton(this))
{
    m_edit->setPlaceholderText(tr("Write a post… (Ctrl+Enter sends)"));
    m_edit->setTabChangesFocus(true);
    m_edit->installEventFilter(this);
    m_edit->viewport()->installEventFilter(this);
    m_send->setIcon(icons::icon(icons::Icon::Send));
    m_send->setIconSize(QSize(20, 20));
    m_send->setAutoRaise(true);
    m_send->setToolTip(tr("Send (Ctrl+Enter)"));
    m_send->setAccessibleName(tr("Send"));
    m_counter->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_counter->hide();
    // Send beside the text's last line; the counter under the text, at its right edge.
    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setHorizontalSpacing(4);
    layout->setVerticalSpacing(2);
    layout->addWidget(m_edit, 0, 0);
    layout->addWidget(m_send, 0, 1, Qt::AlignBottom);
    layout->addWidget(m_counter, 1, 0);
    layout->setColumnStretch(0, 1);
    connect(m_edit, &QPlainTextEdit::textChanged, this, &Composer::updateCounter);
    connect(m_edit, &QPlainTextEdit::textChanged, this, &Composer::updateMentions);
    connect(m_edit, &QPlainTextEdit::cursorPositionChanged, this, &Composer::updateMentions);
    connect(m_edit->document()->documentLayout(), &QAbstractTextDocumentLayout::documentSizeChanged,
            this, &Composer::updateHeight);
    connect(m_send, &QToolButton::clicked, this, &Composer::submit);
    updateCounter();
    updateHeight();
}

QString Composer::text() const
{
    return m_edit->toPlainText();
}

void Composer::setPlaceholder(const QString& text)
{
    m_edit->setPlaceholderText(text);
}

int Composer::charactersLeft() const
{
    return protocol::maxPostChars - int(m_edit->toPlainText().size());
}

int Composer::counterThreshold()
{
    return protocol::maxPostChars / 10;
}

QAbstractButton* Composer::sendButton() const
{
    return m_send;
}

void Composer::setPeople(QAbstractItemModel* people)
{
    m_people = people;
    if (!m_completer) {
        m_matches = new MentionMatches(this);
        m_matches->sort(0);
        m_completer = new QCompleter(this);
        m_completer->setWidget(m_edit);
        m_completer->setCompletionMode(QCompleter::UnfilteredPopupCompletion);
        // What activated() hands over: the username to write.
        m_completer->setCompletionRole(PeopleModel::UsernameRole);
        m_completer->setMaxVisibleItems(7);
        m_completer->setModel(m_matches);
        m_completer->popup()->setItemDelegate(new PersonDelegate(m_completer->popup()));
        static_cast<ComposerEdit*>(m_edit)->completer = m_completer;
        connect(m_completer, qOverload<const QString&>(&QCompleter::activated), this,
                &Composer::insertMention);
    }
    // The sorting proxy reads every person as soon as it has a source: only once someone is
    // about to write (at start-up it read 100,000 posts' authors, 60 ms).
    m_matches->setSourceModel(nullptr);
    if (m_edit->hasFocus())
        attachPeople();
}

void Composer::attachPeople()
{
    if (!m_matches || !m_people)
        return;
    if (m_people->canFetchMore(QModelIndex()))
        m_people->fetchMore(QModelIndex());
    if (m_matches->sourceModel() != m_people)
        m_matches->setSourceModel(m_people);
}

void Composer::submit()
{
    const QString body = text();
    if (body.trimmed().isEmpty() || charactersLeft() < 0)
        return;
    m_edit->clear();
    Q_EMIT submitted(body);
}

bool Composer::eventFilter(QObject* watched, QEvent* event)
{
    // A click into the composer that had the focus already (the window's first widget).
    if (watched == m_edit->viewport() && event->type() == QEvent::MouseButtonPress && !m_chosen) {
        m_chosen = true;
        updateHeight();
    }
    if (watched == m_edit) {
        switch (event->type()) {
        case QEvent::KeyPress: {
            const auto* key = static_cast<QKeyEvent*>(event);
            if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)
                && key->modifiers().testFlag(Qt::ControlModifier)) {
                submit();
                return true;
            }
            if (key->key() == Qt::Key_Escape && key->modifiers() == Qt::NoModifier) {
                leave();
                return true;
            }
            break;
        }
        case QEvent::FocusIn:
        case QEvent::FocusOut: {
            // The person came here (or left): a window coming to the front, or a popup
            // opening, moves the focus without anyone choosing the composer.
            const Qt::FocusReason reason = static_cast<QFocusEvent*>(event)->reason();
            if (reason != Qt::ActiveWindowFocusReason && reason != Qt::PopupFocusReason)
                m_chosen = event->type() == QEvent::FocusIn;
            // The people are read when someone is about to write, not when the app starts.
            if (event->type() == QEvent::FocusIn)
                attachPeople();
            updateHeight();
            break;
        }
        default:
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void Composer::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        updateHeight();
    else if (event->type() == QEvent::PaletteChange)
        updateCounter();
}

void Composer::leave()
{
    Q_EMIT escapePressed();
    if (!m_edit->hasFocus())
        return;
    // Nobody took the focus: the next widget that takes it by Tab, outside the composer.
    for (QWidget* w = m_edit->nextInFocusChain(); w && w != m_edit; w = w->nextInFocusChain()) {
        if (!isAncestorOf(w) && w != this && w->isVisible() && w->isEnabled()
            && (w->focusPolicy() & Qt::TabFocus)) {
            w->setFocus(Qt::OtherFocusReason);
            return;
        }
    }
    m_edit->clearFocus();
}

void Composer::updateCounter()
{
    const int left = charactersLeft();
    // Far from the limit the count is noise; near it, the person wants to know.
    m_counter->setVisible(left <= counterThreshold());
    QPalette palette = m_counter->palette();
    if (left < 0) {
        m_counter->setText(tr("%n character(s) too many", nullptr, -left));
        palette.setColor(QPalette::WindowText, warningColour(this->palette()));
    } else {
        // tr() fills %n only for counts of zero or more: the count over the limit has its own.
        m_counter->setText(tr("%n character(s) left", nullptr, left));
        palette.setColor(QPalette::WindowText, this->palette().color(QPalette::PlaceholderText));
    }
    m_counter->setPalette(palette);
    m_send->setEnabled(left >= 0 && !text().trimmed().isEmpty());
}

void Composer::updateHeight()
{
    QTextDocument* doc = m_edit->document();
    // QPlainTextEdit's layout measures its documents in lines.
    const int contentLines = std::max(1, int(doc->documentLayout()->documentSize().height()));
    int lines = 1;
    if (m_chosen)
        lines = std::clamp(contentLines, focusedLines, maxLines);
    else if (!doc->isEmpty())
        lines = std::min(contentLines, maxLines);
    const QMargins margins = m_edit->contentsMargins();
    const int height = lines * m_edit->fontMetrics().lineSpacing() + int(2 * doc->documentMargin())
        + margins.top() + margins.bottom();
    // A scroll bar only once the text is taller than the most the composer shows.
    m_edit->setVerticalScrollBarPolicy(contentLines > lines ? Qt::ScrollBarAsNeeded
                                                            : Qt::ScrollBarAlwaysOff);
    if (m_edit->height() != height || m_edit->minimumHeight() != height)
        m_edit->setFixedHeight(height);
}

int Composer::mentionStart() const
{
    const QTextCursor cursor = m_edit->textCursor();
    if (cursor.hasSelection())
        return -1;
    const QString text = cursor.block().text();
    const int end = cursor.positionInBlock();
    int at = end;
    while (at > 0 && isNameChar(text[at - 1]))
        --at;
    if (at == 0 || text[at - 1] != u'@' || end - at > 64)
        return -1;
    --at;
    // "anna@example.nl" is an address, not a mention.
    if (at > 0 && (isNameChar(text[at - 1]) || text[at - 1] == u'@'))
        return -1;
    return cursor.block().position() + at;
}

void Composer::updateMentions()
{
    if (!m_completer)
        return;
    attachPeople();
    const int at = mentionStart();
    if (at < 0 || !m_edit->hasFocus()) {
        m_completer->popup()->hide();
        return;
    }
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

void Composer::insertMention(const QString& username)
{
    const int at = mentionStart();
    if (at < 0 || username.isEmpty())
        return;
    QTextCursor cursor = m_edit->textCursor();
    cursor.setPosition(at, QTextCursor::KeepAnchor);
    cursor.insertText(u'@' + username + u' ');
    m_edit->setTextCursor(cursor);
}

} // namespace plein::app
