// plein-chat-load: the load side of the chat benchmarks (see README.md beside this file).
//
// Holds N WebSocket connections to one server on a loopback address, each logged in with its
// own session token (one user per connection, from --tokens), made live as a client is (hello
// with the chat, presence and ephemeral features, auth.resume, sync.since until caught up),
// then runs the scenarios in turn: reads (chat.list, chat.history), direct (message sent to
// shown at the other member), group (one message to a conversation of 500, against a post to
// a group of the same people) and typing (typing and presence load in steps). One JSON line
// per scenario on stdout and a final summary; progress and errors on stderr.

#include "connectionpool.h"
#include "directscenario.h"
#include "groupscenario.h"
#include "loadcontext.h"
#include "loadsupport.h"
#include "readsscenario.h"
#include "searchscenario.h"
#include "typingscenario.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QTimer>
#include <QWebSocket>

#include <memory>
#include <optional>

namespace plein::loadbench {

namespace {

using namespace Qt::StringLiterals;

QJsonObject helloPayload()
{
    return QJsonObject {
        {u"protocol"_s, 1},
        {u"client"_s, u"plein-chat-load"_s},
        {u"features"_s,
         QJsonArray {u"feed"_s, u"groups"_s, u"sync"_s, u"audience"_s, u"ephemeral"_s, u"chat"_s,
                     u"presence"_s, u"idempotent-writes"_s, u"search"_s}}};
}

class ChatLoad
{
public:
    explicit ChatLoad(ChatLoadOptions options)
        : m_options(std::move(options))
        , m_pool(m_owner, m_options.url, Protocol::Plein, helloPayload(), m_notes,
                 ConnectionPool::Hooks {
                     .live = [this](int index) { m_context.noteLive(index); },
                     .failed = {},
                     .frame =
                         [this](int index, const QString& frame) {
                             if (!m_context.takeFrame(frame) && m_current)
                                 m_current->onPush(index, frame);
                         },
                     .rangeDone =
                         [this](bool anyLive) {
                             if (anyLive)
                                 nextScenario();
                             else
                                 finish(2, u"no-connection"_s);
                         },
                     .name = {},
                 })
        , m_context(m_options, m_pool, m_owner)
    {
        m_pool.resize(m_options.connections);
        for (int i = 0; i < m_options.connections; ++i)
            m_pool.at(i).token = m_options.tokens.at(i);
    }

    ~ChatLoad() { shutdown(); }

    void start()
    {
        QTimer::singleShot(std::chrono::seconds(m_options.maxSeconds), &m_owner, [this] {
            note(u"chat-load: giving up after %1 s (--max-seconds)"_s.arg(m_options.maxSeconds));
            finish(2, u"max-seconds"_s);
        });
        // Every connection starts from the head: sync.since 0 answers it at once when the
        // log holds no events for the user, and pages through them otherwise.
        m_pool.openRange(m_options.connections, m_options.concurrency, m_options.connectTimeoutMs,
                         m_options.settleMs, m_options.serverPid);
    }

private:
    void nextScenario()
    {
        m_current.reset();
        if (m_next >= m_options.scenarios.size()) {
            finish(m_pool.failed() == 0 && m_context.refusals() == 0 ? 0 : 1, QString());
            return;
        }
        const QString name = m_options.scenarios.at(m_next++);
        if (name == u"reads"_s)
            m_current = std::make_unique<ReadsScenario>(m_context);
        else if (name == u"direct"_s)
            m_current = std::make_unique<DirectScenario>(m_context);
        else if (name == u"group"_s)
            m_current = std::make_unique<GroupScenario>(m_context);
        else if (name == u"groupSearch"_s)
            m_current = std::make_unique<GroupScenario>(m_context, m_options.searchRate);
        else if (name == u"typing"_s)
            m_current = std::make_unique<TypingScenario>(m_context);
        else if (name == u"search"_s)
            m_current = std::make_unique<SearchScenario>(m_context);
        if (!m_current) {
            note(u"chat-load: unknown scenario '%1'"_s.arg(name));
            QTimer::singleShot(0, &m_owner, [this] { nextScenario(); });
            return;
        }
        // A scenario may end inside a callback of its own: the next one starts afresh.
        m_current->start(
            [this] { QTimer::singleShot(1000, &m_owner, [this] { nextScenario(); }); });
    }

    void finish(int code, const QString& abortReason)
    {
        if (m_finished)
            return;
        m_finished = true;
        QJsonObject s {{u"kind"_s, u"summary"_s},
                       {u"connections"_s, m_options.connections},
                       {u"refusals"_s, m_context.refusals()},
                       {u"dispatcher"_s, m_options.dispatcher},
                       {u"elapsedSeconds"_s, round3(double(m_context.now()) / 1e9)}};
        m_pool.writeSummaryTo(s, m_options.serverPid);
        if (!m_options.label.isEmpty())
            s.insert(u"label"_s, m_options.label);
        printSummary(s, abortReason);
        shutdown();
        QCoreApplication::exit(code);
    }

    // Silences and drops every socket, so nothing calls back while this is torn down.
    void shutdown()
    {
        m_current.reset();
        silenceSockets(m_owner);
    }

    ChatLoadOptions m_options;
    QObject m_owner; // parent of every socket and the scenarios' timers' receiver
    FailureNotes m_notes {u"chat-load"_s};
    ConnectionPool m_pool;
    LoadContext m_context;
    std::unique_ptr<Scenario> m_current;
    qsizetype m_next = 0;
    bool m_finished = false;
};

std::optional<ChatLoadOptions> parseOptions(const QCoreApplication& app)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Chat load: holds N connections (one user each) and measures chat latency, fan-out, "
        u"typing and presence load, chat.list and history."_s);
    parser.addHelpOption();
    struct Numeric
    {
        QCommandLineOption option;
        double min;
        double* target;
    };
    ChatLoadOptions o;
    double connections = o.connections, concurrency = o.concurrency, connectTimeout = 180,
           settle = o.settleMs, maxSeconds = o.maxSeconds, readUsers = o.readUsers,
           readRepeats = o.readRepeats, pairs = o.pairs, directSeconds = o.directSeconds,
           groupSize = o.groupSize, groupRounds = o.groupRounds, typists = o.typists,
           typingInterval = o.typingIntervalMs, watch = o.watch, stepSeconds = o.stepSeconds,
           serverPid = 0;
    const auto num = [](const char* name, const char* help, double* target, double min) {
        return Numeric {QCommandLineOption(QString::fromLatin1(name), QString::fromLatin1(help),
                                           u"n"_s, QString::number(*target)),
                        min, target};
    };
    std::vector<Numeric> numbers {
        num("connections", "Connections to hold, one user each.", &connections, 2),
        num("concurrency", "Connections being set up at once.", &concurrency, 1),
        num("connect-timeout", "Seconds allowed to get all connections live.", &connectTimeout, 1),
        num("settle", "Milliseconds of quiet after connecting.", &settle, 0),
        num("max-seconds", "Hard stop for the whole run.", &maxSeconds, 1),
        num("server-pid", "Server process to read CPU, memory and I/O of.", &serverPid, 0),
        num("read-users", "reads: users sampled.", &readUsers, 1),
        num("read-repeats", "reads: times each user reads.", &readRepeats, 1),
        num("pairs", "direct: pairs of connections writing to each other.", &pairs, 1),
        num("rate", "direct: messages a second over all pairs.", &o.rate, 0.1),
        num("direct-seconds", "direct: seconds of sending.", &directSeconds, 1),
        num("group-size", "group: members of the conversation (at most 500).", &groupSize, 2),
        num("group-rounds", "group: messages (and as many baseline posts).", &groupRounds, 1),
        num("typists", "typing: people typing at once.", &typists, 0),
        num("typing-interval", "typing: milliseconds between one person's signals.",
            &typingInterval, 100),
        num("watch", "typing: people each connection watches (presence.watch).", &watch, 1),
        num("step-seconds", "typing: seconds of each step.", &stepSeconds, 1),
        num("presence-rate", "typing: presence.set a second over all connections.", &o.presenceRate,
            0),
        num("search-rate", "groupSearch: search.query a second while the rounds run.",
            &o.searchRate, 0.1),
    };
    const QCommandLineOption url(u"url"_s, u"Server address, ws://127.0.0.1:PORT."_s, u"url"_s);
    const QCommandLineOption tokens(u"tokens"_s, u"Session tokens, one a line, one user each."_s,
                                    u"file"_s);
    const QCommandLineOption scenarios(
        u"scenarios"_s,
        u"Comma list of reads, direct, group, typing, search, groupSearch (default: the "
        u"first four)."_s,
        u"list"_s, o.scenarios.join(u','));
    const QCommandLineOption label(u"label"_s, u"Name echoed in every output line."_s, u"text"_s);
    const QCommandLineOption dispatcher(u"dispatcher"_s, u"epoll (default) or qt."_s, u"name"_s,
                                        u"epoll"_s);
    parser.addOptions({url, tokens, scenarios, label, dispatcher});
    for (const Numeric& n : numbers)
        parser.addOption(n.option);
    parser.process(app);

    const auto fail = [](const QString& why) -> std::optional<ChatLoadOptions> {
        note(u"plein-chat-load: "_s + why);
        return std::nullopt;
    };
    for (const Numeric& n : numbers) {
        bool ok = false;
        const double v = parser.value(n.option).toDouble(&ok);
        if (!ok || v < n.min)
            return fail(
                u"--%1 must be a number of at least %2"_s.arg(n.option.names().first()).arg(n.min));
        *n.target = v;
    }
    o.url = QUrl(parser.value(url));
    if (!o.url.isValid() || o.url.scheme() != u"ws"_s || o.url.port() <= 0)
        return fail(u"--url ws://127.0.0.1:PORT is required"_s);
    if (!isLoopback(o.url))
        return fail(u"only loopback addresses may be loaded: "_s + o.url.host());
    QFile file(parser.value(tokens));
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return fail(u"--tokens FILE is required (see plein-chat-seed --tokens-out)"_s);
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (!line.isEmpty())
            o.tokens << line;
    }
    o.connections = int(connections);
    if (o.tokens.size() < o.connections)
        return fail(u"%1 holds %2 tokens, fewer than --connections %3"_s.arg(file.fileName())
                        .arg(o.tokens.size())
                        .arg(o.connections));
    if (o.connections > 100000)
        return fail(u"--connections is capped at 100000"_s);
    o.concurrency = int(concurrency);
    o.connectTimeoutMs = int(connectTimeout * 1000);
    o.settleMs = int(settle);
    o.maxSeconds = int(maxSeconds);
    o.serverPid = qint64(serverPid);
    o.readUsers = int(readUsers);
    o.readRepeats = int(readRepeats);
    o.pairs = int(pairs);
    o.directSeconds = int(directSeconds);
    o.groupSize = std::min(500, int(groupSize));
    o.groupRounds = int(groupRounds);
    o.typists = int(typists);
    o.typingIntervalMs = int(typingInterval);
    o.watch = std::min(500, int(watch));
    o.stepSeconds = int(stepSeconds);
    o.scenarios = parser.value(scenarios).split(u',', Qt::SkipEmptyParts);
    o.label = parser.value(label);
    o.dispatcher = parser.value(dispatcher);
    if (o.dispatcher != u"epoll"_s && o.dispatcher != u"qt"_s)
        return fail(u"--dispatcher must be epoll or qt"_s);
    return o;
}

} // namespace

} // namespace plein::loadbench

int main(int argc, char* argv[])
{
    plein::loadbench::installDispatcher(argc, argv, QStringLiteral("plein-chat-load"));
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("plein-chat-load"));
    auto options = plein::loadbench::parseOptions(app);
    if (!options)
        return 2;
    const rlim_t wanted = rlim_t(options->connections) + 1024;
    if (plein::loadbench::raiseFileLimit(std::max<rlim_t>(wanted, 65536)) < wanted) {
        plein::loadbench::note(QStringLiteral("plein-chat-load: the open-file limit is too low"));
        return 2;
    }
    auto load = std::make_unique<plein::loadbench::ChatLoad>(std::move(*options));
    load->start();
    const int code = app.exec();
    load.reset();
    return code;
}
