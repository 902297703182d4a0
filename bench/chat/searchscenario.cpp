#include "searchscenario.h"

#include "loadcontext.h"
#include "loadsupport.h"
#include "searchbodies.h"

#include <QJsonArray>
#include <QJsonObject>

namespace plein::loadbench {

using namespace Qt::StringLiterals;

namespace {

int rankIn(quint64 n, int from, int to)
{
    n = n * 0x9e3779b97f4a7c15ULL + 0x632be59bd9b4e019ULL;
    return from + int((n >> 17) % quint64(to - from));
}

} // namespace

// Ranks below 50 are the common Dutch words every post has (and PostgreSQL leaves out as stop
// words).
QList<SearchQuery> searchQueriesOf(quint64 n)
{
    using bench::vocabularyWord;
    const QString rare = vocabularyWord(rankIn(n, 5000, bench::vocabularySize));
    const QString common = vocabularyWord(rankIn(n + 1, 60, 500));
    const QString a = vocabularyWord(rankIn(n + 2, 60, 300));
    const QString b = vocabularyWord(rankIn(n + 3, 60, 300));
    const QString c = vocabularyWord(rankIn(n + 4, 60, 300));
    const QString typed = vocabularyWord(rankIn(n + 5, 60, 5000)).left(4);
    return {
        {u"oneRare"_s, rare, u"relevance"_s},
        {u"oneCommon"_s, common, u"relevance"_s},
        {u"oneCommonNewest"_s, common, u"newest"_s},
        {u"two"_s, a + u' ' + b, u"relevance"_s},
        {u"three"_s, a + u' ' + b + u' ' + c, u"relevance"_s},
        {u"prefix"_s, typed, u"relevance"_s},
    };
}

void SearchScenario::start(std::function<void()> done)
{
    m_done = std::move(done);
    const int n = m_context.connections();
    const int users = std::clamp(m_context.options().readUsers, 1, n);
    for (int i = 0; i < users; ++i) {
        const int index = n - 1 - int(qint64(i) * n / users);
        if (m_context.isLive(index))
            m_sample << index;
    }
    note(u"chat-load: search: %1 users, %2 rounds each"_s.arg(m_sample.size())
             .arg(m_context.options().readRepeats));
    next();
}

void SearchScenario::next()
{
    const int rounds = int(m_sample.size()) * m_context.options().readRepeats;
    if (m_sample.isEmpty() || m_at >= rounds) {
        finish();
        return;
    }
    m_index = m_sample.at(m_at % m_sample.size());
    m_round = m_at;
    ++m_at;
    ask(0);
}

// Step 0 is a ping, then each query of the round in turn, one in flight.
void SearchScenario::ask(int step)
{
    const QList<SearchQuery> queries = searchQueriesOf(quint64(m_round));
    if (step > queries.size()) {
        next();
        return;
    }
    if (step == 0) {
        m_context.requests().send(m_index, u"ping"_s, {}, [this](const QJsonObject&, qint64 ns) {
            m_times[u"ping"_s].push_back(ns);
            ask(1);
        });
        return;
    }
    const SearchQuery& q = queries.at(step - 1);
    m_context.requests().send(
        m_index, u"search.query"_s, {{u"q"_s, q.q}, {u"sort"_s, q.sort}},
        [this, kind = q.kind, step](const QJsonObject& answer, qint64 ns) {
            if (!answer.value(u"ok"_s).toBool())
                m_context.refused(kind, answer);
            m_times[kind].push_back(ns);
            m_results[kind].push_back(
                double(answer.value(u"payload"_s).toObject().value(u"results"_s).toArray().size()));
            ask(step + 1);
        });
}

void SearchScenario::finish()
{
    QJsonObject line {{u"kind"_s, u"search"_s},
                      {u"users"_s, int(m_sample.size())},
                      {u"connections"_s, m_context.pool().live()}};
    for (auto it = m_times.begin(); it != m_times.end(); ++it) {
        QJsonObject times = latencyJson(it.value());
        if (m_results.contains(it.key()))
            times.insert(u"results"_s, median(m_results.value(it.key())));
        line.insert(it.key(), times);
    }
    if (!m_context.options().label.isEmpty())
        line.insert(u"label"_s, m_context.options().label);
    printLine(line);
    m_done();
}

} // namespace plein::loadbench
