#pragma once

#include <QListView>
#include <QTimer>

namespace plein::app {

// A list of posts as cards on the window's colour: the post delegate draws each card, this
// view says what to do when there is nothing to show (centred in the free space), repaints
// once a minute so that "5 min" becomes "6 min" (a repaint, never a new layout), and tells the
// delegate when the pointer leaves, so that no button stays lit.
class PostListView : public QListView
{
    Q_OBJECT

public:
    explicit PostListView(QWidget* parent = nullptr);

    // Shown while the list has no more than `ignoredRows` rows (a thread's own post is always
    // there; its replies may not be): its first line as a heading, the rest below it.
    void setEmptyText(const QString& text, int ignoredRows = 0);
    QString emptyText() const { return m_emptyText; }
    // Whether the empty text is showing.
    bool isShowingEmptyText() const;
    const QTimer& clock() const { return m_clock; }

protected:
    void paintEvent(QPaintEvent* event) override;
    void leaveEvent(QEvent* event) override;

private:
    void tick();

    QString m_emptyText;
    int m_ignoredRows = 0;
    QTimer m_clock;
};

} // namespace plein::app
