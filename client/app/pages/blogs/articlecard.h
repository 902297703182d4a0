#pragma once

#include "blogs/articlerow.h"
#include "blogs/drafts.h"

#include <QFrame>

class QLabel;

namespace plein::app {

class CoverImage;
struct ShownFile;

// Words about an article that several views show.
namespace articletext {
// "Anna de Vries", or "Anna de Vries and Eva Jansen", or "Anna de Vries, Eva Jansen and …".
QString byline(const client::ArticleRow& a);
// "5 min read"
QString readingTime(int minutes);
// Where a draft or working copy stands, for its author ("Scheduled for Mon 7 Dec, 09:00").
QString stateOf(const client::ArticleRow& a);
QString stateOf(const client::WorkRow& w);
} // namespace articletext

// An article as a card in a list (a blog, Home, the drafts): title, summary, who wrote it,
// when, the reading time and its likes and comments; a draft says where it stands. A click
// emits `opened`.
class ArticleCard : public QFrame
{
    Q_OBJECT

public:
    explicit ArticleCard(QWidget* parent = nullptr);

    // Compact: for a row of cards (the title on two lines at most, the summary as its tooltip, no
    // counts).
    void setCompact(bool compact);
    void setArticle(const client::ArticleRow& a);
    // A working copy (a draft being written here), with the article it edits if any.
    void setWork(const client::WorkRow& w, const std::optional<client::ArticleRow>& a);

Q_SIGNALS:
    void opened();

protected:
    void resizeEvent(QResizeEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void setTitle(const QString& title);
    void fitTitle();
    void showCover(const std::optional<ShownFile>& cover);

    QLabel* m_title;
    QLabel* m_summary;
    QLabel* m_meta;
    QLabel* m_state;
    CoverImage* m_banner;
    CoverImage* m_side;
    bool m_compact = false;
    QString m_fullTitle;
};

} // namespace plein::app
