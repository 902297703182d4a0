#include "requests.h"

#include "connectionpool.h"

#include <QDateTime>
#include <QJsonDocument>

namespace plein::loadbench {

using namespace Qt::StringLiterals;

void Requests::send(int index, const QString& type, const QJsonObject& payload, Reply reply)
{
    const QString id = u"r"_s + QString::number(++m_next, 36);
    m_pending.insert(id, Pending {m_clock.nsecsElapsed(), std::move(reply)});
    m_pool.send(index, type, id, payload);
}

bool Requests::route(const QString& frame)
{
    static const QString key = u"\"re\":\""_s;
    if (!frame.endsWith(u"\"}"_s))
        return false;
    const qsizetype at = frame.lastIndexOf(key);
    if (at < 0)
        return false;
    const qsizetype from = at + key.size();
    const QString id = frame.mid(from, frame.size() - 2 - from);
    if (id.contains(u'"'))
        return false;
    const auto it = m_pending.find(id);
    if (it == m_pending.end())
        return false;
    const qint64 roundTripNs = m_clock.nsecsElapsed() - it->sentNs;
    Reply reply = std::move(it->reply);
    m_pending.erase(it);
    if (reply)
        reply(QJsonDocument::fromJson(frame.toUtf8()).object(), roundTripNs);
    return true;
}

QString Requests::clientId()
{
    if (m_run.isEmpty())
        m_run = QString::number(QDateTime::currentMSecsSinceEpoch(), 36);
    return u"chatload-%1-%2"_s.arg(m_run).arg(++m_next, 0, 36);
}

} // namespace plein::loadbench
