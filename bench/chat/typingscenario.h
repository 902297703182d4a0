#pragma once

#include "scenario.h"
#include "servermeter.h"

#include <QJsonArray>
#include <QString>
#include <QTimer>

#include <vector>

namespace plein::loadbench {

// Typing and presence with every connection held, in steps of equal length, each measured
// with a ServerMeter: `idle` (nothing sent: the baseline), `watching` (after every connection
// sent presence.watch for ~50 people: its partner and the next users), `typing` (T of the
// pairs' first members typing in their direct conversations, one `typing` signal every
// typingIntervalMs each, as the app resends them) and `typingPresence` (the same, and
// presenceRate presence.set a second, each connection in turn going away and coming back).
class TypingScenario : public Scenario
{
public:
    using Scenario::Scenario;

    void start(std::function<void()> done) override;
    void onPush(int index, const QString& frame) override;

private:
    enum class Step { Idle, Watching, Typing, TypingPresence, Done };

    void runStep(Step step);
    void endStep();
    void watchAll();
    void watchNext();
    void tick();
    static QString name(Step step);

    std::function<void()> m_done;
    Step m_step = Step::Idle;
    ServerMeter m_meter {m_context};
    QTimer m_stepTimer;
    QTimer m_ticker;
    qint64 m_stepStartNs = 0;
    int m_typists = 0;
    // watch requests
    int m_nextWatch = 0;
    int m_watchInFlight = 0;
    std::vector<qint64> m_watchTimes;
    // per step
    qint64 m_typingSent = 0;
    qint64 m_typingAnswered = 0;
    qint64 m_typingReceived = 0;
    qint64 m_presenceSent = 0;
    qint64 m_presenceReceived = 0;
    std::vector<qint64> m_typingLatency;
    std::vector<qint64> m_lastTypingNs; // by typist
    std::vector<bool> m_away; // by connection
    QJsonArray m_steps;
};

} // namespace plein::loadbench
