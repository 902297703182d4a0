#pragma once

#include <QStyledItemDelegate>

#include <memory>

class QTextDocument;

namespace plein::app {

// Paints one post: author, time and state on a line, the body as safe Markdown below, then
// likes and replies. A click on a link in the body asks for it to be opened (linkActivated):
// http, https and mailto, and `plein:` links, which lead inside the app.
//
// Laying out Markdown is what scrolling a long feed spends its time on: the list view asks for
// the size of every row again after each page that arrives. So the delegate keeps the height of
// each post's body at the last width it was laid out for, and the laid-out documents of the
// posts most recently shown, both bounded and both checked against the row's body on every use.
class PostDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    explicit PostDelegate(QObject* parent = nullptr);
    ~PostDelegate() override;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    bool editorEvent(QEvent* event, QAbstractItemModel* model, const QStyleOptionViewItem& option,
                     const QModelIndex& index) override;

    // The link target under `pos` (viewport coordinates) of the post painted in `option.rect`,
    // or an empty string.
    static QString anchorAt(const QStyleOptionViewItem& option, const QModelIndex& index,
                            const QPoint& pos);

    // `showGroup`: name the group of a group's post (Home does; a group's own page need not).
    static QString headerText(const QModelIndex& index, bool showGroup = true);
    void setShowsGroup(bool shows) { m_showsGroup = shows; }
    static QString footerText(const QModelIndex& index);

    // How many bodies were laid out from their Markdown since the delegate was made.
    int layoutCount() const;

Q_SIGNALS:
    void linkActivated(const QUrl& url);

private:
    struct Layouts;

    // The body of the post at `index` laid out for `option`, from the cache when it still
    // matches. Valid until the next call.
    QTextDocument& document(const QStyleOptionViewItem& option, const QModelIndex& index) const;
    QString anchorAtCached(const QStyleOptionViewItem& option, const QModelIndex& index,
                           const QPoint& pos) const;
    // Forgets the layouts of rows whose data changed, in whichever model the rows come from.
    void follow(const QAbstractItemModel* model) const;

    std::unique_ptr<Layouts> m_layouts;
    bool m_showsGroup = true;
};

} // namespace plein::app
