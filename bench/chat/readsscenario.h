#pragma once

#include "scenario.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

#include <vector>

namespace plein::loadbench {

// The reads a client makes on opening the chat: chat.list (one page, as the app asks it) and
// the newest and the next older page of chat.history of the first conversation, for a sample
// of users, one request in flight at a time. Baselines in the same run: `ping` (the server's
// floor: a request through the dispatcher that reads nothing) and feed.page.
class ReadsScenario : public Scenario
{
public:
    using Scenario::Scenario;

    void start(std::function<void()> done) override;

private:
    void next();
    void timed(int index, const QString& kind, const QString& type, const QJsonObject& payload,
               std::function<void(const QJsonObject& payload)> then);
    void finish();

    std::function<void()> m_done;
    QList<int> m_sample;
    int m_at = 0; // position in the sample, over all repeats
    QMap<QString, std::vector<qint64>> m_times;
    std::vector<double> m_conversations;
    std::vector<double> m_listBytes;
    std::vector<double> m_historyMessages;
};

} // namespace plein::loadbench
