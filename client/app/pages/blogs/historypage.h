#pragma once

#include "blogs/blogs.h"

#include <QHash>
#include <QPointer>
#include <QSet>
#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QTextBrowser;

namespace plein::client {
class Client;
} // namespace plein::client

namespace plein::app {

class Navigator;

// The history of an article: its kept revisions newest first (who, when, published, edited or
// restored), and for the one chosen what changed against the revision before it, line by line
// with the changed words marked, title, summary and #topics included. Its authors restore an
// old revision from here: its text becomes the newest revision, so nothing is lost either way.
// The revisions are read from the server, so the history needs a connection.
class HistoryPage : public QWidget
{
    Q_OBJECT

public:
    HistoryPage(client::Client& client, Navigator& navigator, qint64 articleId,
                QWidget* parent = nullptr);

    qint64 articleId() const { return m_id; }
    // The revisions listed (newest first) and the one shown.
    QList<qint64> revisions() const;
    qint64 shownRevision() const { return m_shown; }
    void showRevision(qint64 revision);
    QTextBrowser* changes() const { return m_changes; }
    QPushButton* restoreButton() const { return m_restore; }
    // Restores the shown revision through the outbox (no question asked; the button asks).
    bool restoreShown();
    void reload();

Q_SIGNALS:
    // The list, or a revision's text, arrived (for tests and the view itself).
    void loaded();

private:
    void fill(const QList<client::RevisionRow>& rows);
    void fetch(qint64 revision);
    void render();
    void confirmRestore();
    qint64 previousOf(qint64 revision) const;

    client::Client& m_client;
    Navigator& m_navigator;
    qint64 m_id = 0;
    qint64 m_current = 0;
    qint64 m_shown = 0;
    bool m_reading = false;
    QList<client::RevisionRow> m_rows;
    QHash<qint64, client::RevisionRow> m_texts;
    QSet<qint64> m_asked;
    QLabel* m_title = nullptr;
    QLabel* m_notice = nullptr;
    QListWidget* m_list = nullptr;
    QLabel* m_heading = nullptr;
    QLabel* m_meta = nullptr;
    QTextBrowser* m_changes = nullptr;
    QPushButton* m_restore = nullptr;
};

} // namespace plein::app
