#include "readsscenario.h"

#include "loadcontext.h"
#include "loadsupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace plein::loadbench {

using namespace Qt::StringLiterals;

namespace {
// What the app asks: chat.list pages of protocol::maxFeedPage, history pages of
// chat::defaultHistoryPage.
constexpr int listLimit = 200;
constexpr int historyLimit = 50;
} // namespace

qint64 bodyTag(const QString& frame)
{
    return scanInteger(frame, u"\"body\":\"#");
}

void ReadsScenario::start(std::function<void()> done)
{
    m_done = std::move(done);
    const int n = m_context.connections();
    const int users = std::clamp(m_context.options().readUsers, 1, n);
    for (int i = 0; i < users; ++i) {
        // Spread over the users, away from the pairs and the group at the start.
        const int index = n - 1 - int(qint64(i) * n / users);
        if (m_context.isLive(index))
            m_sample << index;
    }
    note(u"chat-load: reads: %1 users, %2 times each"_s.arg(m_sample.size())
             .arg(m_context.options().readRepeats));
    next();
}

void ReadsScenario::timed(int index, const QString& kind, const QString& type,
                          const QJsonObject& payload,
                          std::function<void(const QJsonObject& payload)> then)
{
    m_context.requests().send(index, type, payload,
                              [this, kind, then](const QJsonObject& answer, qint64 ns) {
                                  if (!answer.value(u"ok"_s).toBool())
                                      m_context.refused(kind, answer);
                                  m_times[kind].push_back(ns);
                                  then(answer.value(u"payload"_s).toObject());
                              });
}

void ReadsScenario::next()
{
    if (m_sample.isEmpty() || m_at >= m_sample.size() * m_context.options().readRepeats) {
        finish();
        return;
    }
    const int index = m_sample.at(m_at % m_sample.size());
    ++m_at;
    timed(index, u"ping"_s, u"ping"_s, {}, [this, index](const QJsonObject&) {
        timed(index, u"feedPage"_s, u"feed.page"_s, {{u"limit"_s, historyLimit}},
              [this, index](const QJsonObject&) {
                  timed(
                      index, u"chatList"_s, u"chat.list"_s, {{u"limit"_s, listLimit}},
                      [this, index](const QJsonObject& list) {
                          const QJsonArray conversations = list.value(u"conversations"_s).toArray();
                          m_conversations.push_back(double(conversations.size()));
                          m_listBytes.push_back(
                              double(QJsonDocument(list).toJson(QJsonDocument::Compact).size()));
                          const qint64 id
                              = qint64(conversations.first().toObject().value(u"id"_s).toDouble());
                          if (id <= 0) {
                              next();
                              return;
                          }
                          const QJsonObject newest {{u"conversationId"_s, id},
                                                    {u"limit"_s, historyLimit}};
                          timed(index, u"historyNewest"_s, u"chat.history"_s, newest,
                                [this, index, id](const QJsonObject& page) {
                                    const QJsonArray messages = page.value(u"messages"_s).toArray();
                                    m_historyMessages.push_back(double(messages.size()));
                                    if (messages.isEmpty() || !page.value(u"more"_s).toBool()) {
                                        next();
                                        return;
                                    }
                                    // Newest first: the last one is the oldest of the page.
                                    const qint64 before = qint64(
                                        messages.last().toObject().value(u"id"_s).toDouble());
                                    timed(index, u"historyOlder"_s, u"chat.history"_s,
                                          {{u"conversationId"_s, id},
                                           {u"before"_s, before},
                                           {u"limit"_s, historyLimit}},
                                          [this](const QJsonObject&) { next(); });
                                });
                      });
              });
    });
}

void ReadsScenario::finish()
{
    QJsonObject line {{u"kind"_s, u"reads"_s},
                      {u"users"_s, int(m_sample.size())},
                      {u"connections"_s, m_context.pool().live()},
                      {u"conversationsListed"_s, median(m_conversations)},
                      {u"listBytes"_s, median(m_listBytes)},
                      {u"historyMessages"_s, median(m_historyMessages)}};
    for (auto it = m_times.begin(); it != m_times.end(); ++it)
        line.insert(it.key(), latencyJson(it.value()));
    if (!m_context.options().label.isEmpty())
        line.insert(u"label"_s, m_context.options().label);
    printLine(line);
    m_done();
}

} // namespace plein::loadbench
