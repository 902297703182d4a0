#pragma once

#include "blogs/articlerow.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QScrollArea;
class QTextBrowser;
class QVBoxLayout;

namespace plein::client {
class CacheChanges;
class Client;
} // namespace plein::client

namespace plein::app {

class CoverImage;

class Navigator;

// The reading view of an article, made for long text: one column of limited width with the
// title, summary, who wrote it, when and how long it takes to read, its #topics, the text
// rendered by the app's safe Markdown with larger type and line spacing, a table of contents
// beside it when the article has several headings, likes, and the comments below with their
// replies and a box to write one. What is cached shows at once, offline too; the text and the
// comments are read again when online.
class ArticlePage : public QWidget
{
    Q_OBJECT

public:
    ArticlePage(client::Client& client, Navigator& navigator, qint64 articleId,
                QWidget* parent = nullptr);

    qint64 articleId() const { return m_id; }
    // The headings of the table of contents (empty when there is none).
    QStringList contents() const;
    QTextBrowser* body() const { return m_body; }
    int commentCount() const;
    // Writes a comment (or a reply to `parentId`) through the outbox.
    bool comment(const QString& text, qint64 parentId = 0);
    // One's own comment, its text in the composer to change and save (Save) or leave (Cancel).
    void editComment(const client::CommentRow& c);
    bool saveEdit(const QString& text);
    void scrollToHeading(int index);

private:
    void refresh();
    void refreshComments();
    void onChanged(const client::CacheChanges& changes);
    void buildContents();
    void replyTo(const client::CommentRow& c);
    void confirmDelete();

    client::Client& m_client;
    Navigator& m_navigator;
    qint64 m_id = 0;
    qint64 m_replyTo = 0;
    qint64 m_editing = 0; // the comment whose text the composer holds
    qint64 m_shownRevision = -1;
    qint64 m_askedRevision = 0; // the revision whose text was last asked for
    QScrollArea* m_scroll = nullptr;
    CoverImage* m_cover = nullptr;
    QLabel* m_state = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_summary = nullptr;
    QLabel* m_byline = nullptr;
    QLabel* m_tags = nullptr;
    QLabel* m_notice = nullptr;
    QTextBrowser* m_body = nullptr;
    QPushButton* m_like = nullptr;
    QPushButton* m_history = nullptr;
    QPushButton* m_moreBy = nullptr;
    QPushButton* m_edit = nullptr;
    QPushButton* m_delete = nullptr;
    QListWidget* m_contents = nullptr;
    QLabel* m_contentsTitle = nullptr;
    QLabel* m_commentsTitle = nullptr;
    QVBoxLayout* m_comments = nullptr;
    QList<QWidget*> m_commentViews;
    QLabel* m_replying = nullptr;
    QPushButton* m_cancelReply = nullptr;
    QPlainTextEdit* m_composer = nullptr;
    QPushButton* m_send = nullptr;
};

} // namespace plein::app
