#pragma once

#include "scenario.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

#include <vector>

namespace plein::loadbench {

// One query of the search benchmark: its kind (the line's key), the text and the order.
struct SearchQuery
{
    QString kind;
    QString q;
    QString sort;
};

// The queries of round `n`: words chosen by rank, so their commonness is known.
QList<SearchQuery> searchQueriesOf(quint64 n);

// search.query over a database seeded with searchable posts (plein-chat-seed --posts): for a
// sample of users, one request in flight at a time, queries of one rare word, one common word,
// two and three words, and a word being typed (its first four letters, as a prefix), newest
// or best first. Baseline in the same run: `ping`, the server's floor.
class SearchScenario : public Scenario
{
public:
    using Scenario::Scenario;

    void start(std::function<void()> done) override;

private:
    void next();
    void ask(int step);
    void finish();

    std::function<void()> m_done;
    QList<int> m_sample;
    int m_at = 0;
    int m_index = 0; // the connection of this round
    int m_round = 0;
    QMap<QString, std::vector<qint64>> m_times;
    QMap<QString, std::vector<double>> m_results;
};

} // namespace plein::loadbench
