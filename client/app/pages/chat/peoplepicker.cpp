#include "pages/chat/peoplepicker.h"

#include "pages/chat/chatavatar.h"
#include "people/peoplemodel.h"
#include "ui/icons.h"
#include "ui/tooltip.h"

#include <QApplication>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPainter>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QStyledItemDelegate>
#include <QToolButton>
#include <QVBoxLayout>

namespace plein::app {

using client::PeopleModel;

namespace {

// The people one may write to that match what is typed: by the start of any word of the name
// or username, without regard to case or accents; never the user, the excluded or the chosen,
// nor someone the app knows only by name (no id to write to).
class Matches : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setTyped(const QString& typed)
    {
        const QString folded = PeopleModel::folded(typed.trimmed());
        m_wordStart = QRegularExpression(QStringLiteral("(^|[\\s._-])")
                                         + QRegularExpression::escape(folded));
        invalidateFilter();
    }
    void setHidden(QSet<qint64> hidden)
    {
        m_hidden = std::move(hidden);
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex& parent) const override
    {
        const QModelIndex index = sourceModel()->index(row, 0, parent);
        const qint64 id = index.data(PeopleModel::IdRole).toLongLong();
        if (id <= 0 || m_hidden.contains(id))
            return false;
        return m_wordStart.pattern().isEmpty()
            || m_wordStart.match(index.data(PeopleModel::SearchTextRole).toString()).hasMatch();
    }

private:
    QRegularExpression m_wordStart;
    QSet<qint64> m_hidden;
};

// A person: avatar, name, and department below it.
class PersonDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        opt.text.clear();
        const QStyle* style = opt.widget ? opt.widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);
        QString name = index.data(PeopleModel::DisplayNameRole).toString();
        const QString username = index.data(PeopleModel::UsernameRole).toString();
        if (name.isEmpty())
            name = username;
        const QString department = index.data(PeopleModel::DepartmentRole).toString();
        const QRect r = opt.rect.adjusted(8, 4, -8, -4);
        const int side = r.height();
        painter->save();
        chatavatar::icon(name, username).paint(painter, QRect(r.topLeft(), QSize(side, side)));
        const bool selected = opt.state.testFlag(QStyle::State_Selected);
        const QFontMetrics& fm = opt.fontMetrics;
        QRect text = r.adjusted(side + 10, 0, 0, 0);
        const QString second = department.isEmpty()
            ? u'@' + username
            : department + QStringLiteral(" · @") + username;
        painter->setPen(opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
        painter->drawText(QRect(text.left(), text.top(), text.width(), text.height() / 2),
                          Qt::AlignLeft | Qt::AlignVCenter,
                          fm.elidedText(name, Qt::ElideRight, text.width()));
        painter->setPen(
            opt.palette.color(selected ? QPalette::HighlightedText : QPalette::PlaceholderText));
        painter->drawText(QRect(text.left(), text.top() + text.height() / 2, text.width(),
                                text.height() - text.height() / 2),
                          Qt::AlignLeft | Qt::AlignVCenter,
                          fm.elidedText(second, Qt::ElideRight, text.width()));
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const override
    {
        return QSize(200, 2 * option.fontMetrics.height() + 12);
    }
};

// The chosen people as chips that wrap onto more lines as needed.
class ChipBox : public QWidget
{
public:
    using QWidget::QWidget;

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override { return place(width, false); }
    QSize sizeHint() const override { return QSize(300, heightForWidth(300)); }
    QSize minimumSizeHint() const override { return QSize(100, 0); }

protected:
    void resizeEvent(QResizeEvent*) override { place(width(), true); }

public:
    int place(int width, bool move) const
    {
        int x = 0;
        int y = 0;
        int line = 0;
        for (QWidget* chip : findChildren<QWidget*>(QString(), Qt::FindDirectChildrenOnly)) {
            if (chip->isHidden())
                continue;
            const QSize size = chip->sizeHint();
            if (x > 0 && x + size.width() > width) {
                x = 0;
                y += line + 4;
                line = 0;
            }
            if (move)
                chip->setGeometry(QRect(QPoint(x, y), size));
            x += size.width() + 4;
            line = std::max(line, size.height());
        }
        return line == 0 ? 0 : y + line;
    }
};

} // namespace

PeoplePicker::PeoplePicker(client::PeopleModel& people, qint64 me, QWidget* parent)
    : QWidget(parent)
    , m_people(people)
    , m_me(me)
    , m_filter(new Matches(this))
    , m_chips(new ChipBox(this))
    , m_search(new QLineEdit(this))
    , m_matches(new QListView(this))
    , m_status(new QLabel(this))
{
    if (m_people.canFetchMore(QModelIndex()))
        m_people.fetchMore(QModelIndex());
    m_filter->setSourceModel(&people);
    static_cast<Matches*>(m_filter)->setHidden({me});
    m_search->setObjectName(QStringLiteral("peopleSearch"));
    m_search->setPlaceholderText(tr("Type a name"));
    m_search->setClearButtonEnabled(true);
    m_search->addAction(icons::icon(icons::Icon::Search), QLineEdit::LeadingPosition);
    m_search->installEventFilter(this);
    m_matches->setObjectName(QStringLiteral("peopleMatches"));
    m_matches->setModel(m_filter);
    m_matches->setItemDelegate(new PersonDelegate(m_matches));
    m_matches->setUniformItemSizes(true);
    m_matches->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_status->setForegroundRole(QPalette::PlaceholderText);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->hide();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_chips);
    layout->addWidget(m_search);
    layout->addWidget(m_status);
    layout->addWidget(m_matches, 1);

    const auto updateStatus = [this]() {
        const bool none = m_filter->rowCount() == 0;
        QString text;
        if (none && m_people.isLoading())
            text = tr("Looking for people…");
        else if (none && !m_search->text().trimmed().isEmpty())
            text = tr("Nobody called “%1” that Plein knows of. People show here once they wrote "
                      "a post or share a group with you.")
                       .arg(m_search->text().trimmed());
        m_status->setText(text);
        m_status->setVisible(!text.isEmpty());
    };
    connect(m_search, &QLineEdit::textChanged, this, [this, updateStatus](const QString& text) {
        static_cast<Matches*>(m_filter)->setTyped(text);
        if (m_filter->rowCount() > 0)
            m_matches->setCurrentIndex(m_filter->index(0, 0));
        updateStatus();
    });
    connect(&people, &PeopleModel::loadingChanged, this, updateStatus);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, updateStatus);
    connect(m_matches, &QListView::clicked, this, &PeoplePicker::chooseIndex);
    connect(m_matches, &QListView::activated, this, &PeoplePicker::chooseIndex);
    updateChips();
    updateStatus();
}

void PeoplePicker::setExcluded(const QSet<qint64>& ids)
{
    m_excluded = ids;
    updateHidden();
}

void PeoplePicker::updateHidden()
{
    // The user, the excluded and who is chosen already are not offered.
    QSet<qint64> hidden = m_excluded;
    hidden.insert(m_me);
    for (const Person& p : std::as_const(m_chosen))
        hidden.insert(p.id);
    static_cast<Matches*>(m_filter)->setHidden(hidden);
}

QList<qint64> PeoplePicker::chosenIds() const
{
    QList<qint64> ids;
    for (const Person& p : m_chosen)
        ids.append(p.id);
    return ids;
}

void PeoplePicker::chooseIndex(const QModelIndex& index)
{
    if (!index.isValid())
        return;
    Person person;
    person.id = index.data(PeopleModel::IdRole).toLongLong();
    person.username = index.data(PeopleModel::UsernameRole).toString();
    person.name = index.data(PeopleModel::DisplayNameRole).toString();
    if (person.name.isEmpty())
        person.name = person.username;
    choose(person);
}

void PeoplePicker::choose(const Person& person)
{
    if (person.id <= 0 || chosenIds().contains(person.id))
        return;
    m_chosen.append(person);
    m_search->clear();
    m_search->setFocus(Qt::OtherFocusReason);
    updateChips();
    Q_EMIT chosenChanged();
}

void PeoplePicker::unchoose(qint64 id)
{
    const qsizetype before = m_chosen.size();
    m_chosen.removeIf([id](const Person& p) { return p.id == id; });
    if (m_chosen.size() == before)
        return;
    updateChips();
    Q_EMIT chosenChanged();
}

bool PeoplePicker::chooseUsername(const QString& username)
{
    for (int row = 0; row < m_people.rowCount(); ++row) {
        const QModelIndex index = m_people.index(row, 0);
        const qint64 id = index.data(PeopleModel::IdRole).toLongLong();
        if (index.data(PeopleModel::UsernameRole).toString() != username || id <= 0 || id == m_me
            || m_excluded.contains(id))
            continue;
        chooseIndex(index);
        return chosenIds().contains(id);
    }
    return false;
}

void PeoplePicker::updateChips()
{
    for (QWidget* chip : m_chips->findChildren<QWidget*>(QString(), Qt::FindDirectChildrenOnly))
        chip->deleteLater();
    for (const Person& person : std::as_const(m_chosen)) {
        auto* chip = new QToolButton(m_chips);
        chip->setObjectName(QStringLiteral("personChip"));
        chip->setText(person.name);
        chip->setIcon(chatavatar::icon(person.name, person.username));
        chip->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        chip->setToolTip(plainToolTip(tr("Remove %1").arg(person.name)));
        chip->setAccessibleName(tr("Remove %1").arg(person.name));
        const qint64 id = person.id;
        connect(chip, &QToolButton::clicked, this, [this, id]() { unchoose(id); });
        chip->show();
    }
    updateHidden();
    m_chips->setVisible(!m_chosen.isEmpty());
    static_cast<ChipBox*>(m_chips)->place(m_chips->width(), true);
    m_chips->updateGeometry();
    m_search->setPlaceholderText(m_chosen.isEmpty() ? tr("Type a name") : tr("Add someone else"));
}

bool PeoplePicker::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        switch (key->key()) {
        case Qt::Key_Down:
        case Qt::Key_Up: {
            // The list moves while the typing stays in the field.
            const int rows = m_filter->rowCount();
            if (rows == 0)
                return true;
            int row = m_matches->currentIndex().row() + (key->key() == Qt::Key_Down ? 1 : -1);
            m_matches->setCurrentIndex(m_filter->index(std::clamp(row, 0, rows - 1), 0));
            return true;
        }
        case Qt::Key_Return:
        case Qt::Key_Enter:
            if (m_matches->currentIndex().isValid() && !m_search->text().trimmed().isEmpty()) {
                chooseIndex(m_matches->currentIndex());
                return true;
            }
            return false; // the dialog's default button
        case Qt::Key_Backspace:
            if (m_search->text().isEmpty() && !m_chosen.isEmpty()) {
                unchoose(m_chosen.constLast().id);
                return true;
            }
            return false;
        default:
            break;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace plein::app
