#pragma once

#include "loadsupport.h"
#include "scenario.h"

#include <QString>
#include <QTimer>

#include <memory>
#include <vector>

namespace plein::loadbench {

// One message to a conversation of 500 people, every member connected: the first G
// connections make a conversation of named people (chat.create by the first), then each round
// one member sends and the other G - 1 members' connections are timed until the push arrives.
// Baseline in the same run, rounds alternating: the same fan-out through the feed path, a post
// into a public group that the same G users joined.
//
// With a search rate (scenario groupSearch), connections outside the G send search.query
// (the search scenario's queries in turn) open loop at that rate from before the first
// round to the end: the fan-out measured while searches run, against the plain scenario in
// the same load run.
class GroupScenario : public Scenario
{
public:
    explicit GroupScenario(LoadContext& context, double searchRate = 0);
    ~GroupScenario() override;

    void start(std::function<void()> done) override;
    void onPush(int index, const QString& frame) override;

private:
    enum class Path { Chat, Feed };
    struct Round
    {
        Path path = Path::Chat;
        Delivery delivery;
        double serverCpuUsPerDelivery = -1;
    };

    void createConversation();
    void createGroup();
    void joined();
    void startRound();
    void checkRound();
    void finishRound(bool timedOut);
    void finish();
    QJsonObject summary(Path path) const;
    void startSearching();
    void search();
    QJsonObject searchSummary() const;

    std::function<void()> m_done;
    int m_size = 0;
    qint64 m_conversationId = 0;
    qint64 m_groupId = 0;
    int m_joinsWaiting = 0;
    QTimer m_roundTimer;
    bool m_running = false;
    Path m_path = Path::Chat;
    int m_sender = 0;
    qint64 m_tag = 0;
    qint64 m_sendNs = 0;
    qint64 m_ackNs = -1;
    qint64 m_serverCpuStartNs = -1;
    int m_received = 0;
    std::vector<qint64> m_arrivalNs; // by member
    std::vector<Round> m_rounds;

    double m_searchRate = 0;
    QTimer m_searchTimer;
    QList<int> m_searchers; // connections outside the group
    qint64 m_searchStartNs = 0;
    int m_searchesSent = 0;
    int m_searchesRefused = 0;
    std::vector<qint64> m_searchNs;
    // Answers that come after the scenario is gone find it false.
    std::shared_ptr<bool> m_alive = std::make_shared<bool>(true);
};

} // namespace plein::loadbench
