#pragma once

#include "scenario.h"
#include "servermeter.h"

#include <QJsonObject>
#include <QTimer>

#include <vector>

namespace plein::loadbench {

// Message sent to shown at the other member: the pairs of connections (2k, 2k + 1) write to
// each other in their direct conversations, open loop at a fixed rate over all pairs, each
// message timed from just before its chat.send is written to its chat.message push at the
// other member's connection. The sender's answer (after the commit) is timed too. Baseline in
// the same run, at half the rate, interleaved: `ping` round trips on the same connections.
class DirectScenario : public Scenario
{
public:
    using Scenario::Scenario;

    void start(std::function<void()> done) override;
    void onPush(int index, const QString& frame) override;

private:
    void begin();
    void tick();
    void sendMessage(qint64 tag);
    void sendPing(qint64 k);
    void maybeFinish();
    void finish();

    std::function<void()> m_done;
    QTimer m_ticker;
    QTimer m_grace;
    qint64 m_startNs = 0;
    qint64 m_endNs = 0;
    int m_pairs = 0;
    std::vector<qint64> m_sentNs; // by tag
    std::vector<int> m_receiver; // by tag
    std::vector<qint64> m_latencyNs; // by tag, -1 while waiting
    std::vector<qint64> m_acks;
    std::vector<qint64> m_pings;
    qint64 m_pingsSent = 0;
    qint64 m_nextTag = 0;
    ServerMeter m_meter {m_context};
    QJsonObject m_server; // the meter over the sending
    int m_received = 0;
    int m_acked = 0;
    bool m_finished = false;
};

} // namespace plein::loadbench
