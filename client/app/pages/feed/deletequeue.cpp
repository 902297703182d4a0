#include "pages/feed/deletequeue.h"

#include <QTimer>

namespace plein::app {

DeleteQueue::DeleteQueue(std::function<void(qint64)> commit, QObject* parent)
    : QObject(parent)
    , m_commit(std::move(commit))
{ }

DeleteQueue::~DeleteQueue()
{
    commitAll();
}

void DeleteQueue::schedule(qint64 postId)
{
    if (postId <= 0 || m_waiting.contains(postId))
        return;
    auto* timer = new QTimer(this);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, this, [this, postId]() { commit(postId); });
    timer->start(m_delayMs);
    m_waiting.insert(postId, timer);
    m_order.append(postId);
    Q_EMIT changed(postId);
}

bool DeleteQueue::undo(qint64 postId)
{
    QTimer* timer = m_waiting.take(postId);
    if (!timer)
        return false;
    delete timer;
    m_order.removeOne(postId);
    Q_EMIT changed(postId);
    return true;
}

qint64 DeleteQueue::latest() const
{
    return m_order.isEmpty() ? 0 : m_order.constLast();
}

void DeleteQueue::commitAll()
{
    const QList<qint64> waiting = m_order;
    for (qint64 postId : waiting)
        commit(postId);
}

void DeleteQueue::commit(qint64 postId)
{
    QTimer* timer = m_waiting.take(postId);
    if (!timer)
        return;
    timer->deleteLater();
    m_order.removeOne(postId);
    m_commit(postId);
    Q_EMIT changed(postId);
}

} // namespace plein::app
