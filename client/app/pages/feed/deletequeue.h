#pragma once

#include <QHash>
#include <QObject>

#include <functional>

class QTimer;

namespace plein::app {

// Deletions that wait a moment before they happen, so that "Undo" can take them back: a post
// the user deletes shows as "Post deleted · Undo" for delay() ms, and only then is the
// deletion written (through the outbox, as every write). Deletions still waiting when the
// queue goes (the window closes) are written then: the user asked for them.
class DeleteQueue : public QObject
{
    Q_OBJECT

public:
    static constexpr int defaultDelayMs = 6000;

    // `commit` writes the deletion of a post.
    explicit DeleteQueue(std::function<void(qint64 postId)> commit, QObject* parent = nullptr);
    ~DeleteQueue() override;

    void schedule(qint64 postId);
    // Takes a waiting deletion back; false when there was none.
    bool undo(qint64 postId);
    // The deletion scheduled last that still waits (0: none), for a keyboard Undo.
    qint64 latest() const;
    bool contains(qint64 postId) const { return m_waiting.contains(postId); }
    bool isEmpty() const { return m_waiting.isEmpty(); }
    // Writes every waiting deletion now.
    void commitAll();

    // Tests shorten the wait.
    void setDelay(int ms) { m_delayMs = ms; }
    int delay() const { return m_delayMs; }

Q_SIGNALS:
    // The post's deletion was scheduled, undone or written: rows showing it change.
    void changed(qint64 postId);

private:
    void commit(qint64 postId);

    std::function<void(qint64)> m_commit;
    QHash<qint64, QTimer*> m_waiting;
    QList<qint64> m_order;
    int m_delayMs = defaultDelayMs;
};

} // namespace plein::app
