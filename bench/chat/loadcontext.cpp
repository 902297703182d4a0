#include "loadcontext.h"

#include "loadsupport.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace plein::loadbench {

using namespace Qt::StringLiterals;

namespace {
// chat.open requests in flight at once while the pairs are opened.
constexpr int pairConcurrency = 50;
} // namespace

LoadContext::LoadContext(const ChatLoadOptions& options, ConnectionPool& pool, QObject& owner)
    : m_options(options)
    , m_pool(pool)
    , m_owner(owner)
    , m_requests(pool, m_clock)
{
    m_clock.start();
}

bool LoadContext::isLive(int index) const
{
    return index >= 0 && index < m_pool.size() && m_pool.at(index).stage == Stage::Live;
}

void LoadContext::noteLive(int index)
{
    m_byUser.insert(userId(index), index);
}

bool LoadContext::takeFrame(const QString& frame)
{
    // The frames are ASCII but for the odd name or emoji: the length is their size in bytes
    // to within a fraction of a percent, plus the 2-4 bytes of the WebSocket header.
    m_receivedBytes += frame.size() + (frame.size() < 126 ? 2 : 4);
    ++m_receivedFrames;
    return m_requests.route(frame);
}

void LoadContext::refused(const QString& what, const QJsonObject& answer)
{
    ++m_refusals;
    if (m_refusals <= 20)
        note(u"chat-load: %1 refused: %2"_s.arg(
            what,
            QString::fromUtf8(QJsonDocument(answer).toJson(QJsonDocument::Compact)).left(300)));
}

void LoadContext::ensurePairs(int pairs, std::function<void()> done)
{
    pairs = std::min(pairs, connections() / 2);
    if (openedPairs() >= pairs) {
        done();
        return;
    }
    const int from = openedPairs();
    note(u"chat-load: opening the direct conversations of %1 pairs"_s.arg(pairs - from));
    m_pairConversations.resize(pairs);
    m_pairsInFlight = 0;
    m_nextPair = from;
    openNextPairs(pairs, std::move(done));
}

void LoadContext::openNextPairs(int pairs, std::function<void()> done)
{
    while (m_pairsInFlight < pairConcurrency && m_nextPair < pairs) {
        const int pair = m_nextPair++;
        ++m_pairsInFlight;
        const QJsonObject payload {{u"clientId"_s, m_requests.clientId()},
                                   {u"userId"_s, userId(2 * pair + 1)}};
        m_requests.send(2 * pair, u"chat.open"_s, payload,
                        [this, pair, pairs, done](const QJsonObject& answer, qint64) {
                            --m_pairsInFlight;
                            if (!answer.value(u"ok"_s).toBool())
                                refused(u"chat.open"_s, answer);
                            m_pairConversations[pair] = qint64(answer.value(u"payload"_s)
                                                                   .toObject()
                                                                   .value(u"conversation"_s)
                                                                   .toObject()
                                                                   .value(u"id"_s)
                                                                   .toDouble());
                            if (m_nextPair < pairs)
                                openNextPairs(pairs, done);
                            else if (m_pairsInFlight == 0)
                                done();
                        });
    }
}

QJsonObject latencyJson(std::vector<qint64> samplesNs)
{
    std::sort(samplesNs.begin(), samplesNs.end());
    return QJsonObject {{u"n"_s, qint64(samplesNs.size())},
                        {u"p50Ms"_s, round3(percentileMs(samplesNs, 50))},
                        {u"p95Ms"_s, round3(percentileMs(samplesNs, 95))},
                        {u"p99Ms"_s, round3(percentileMs(samplesNs, 99))},
                        {u"maxMs"_s, round3(percentileMs(samplesNs, 100))}};
}

} // namespace plein::loadbench
