#include "chatkit.h"

#include "testdatabase.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>
#include <QUrl>

namespace plein::test {

using L = QLatin1StringView;

qint64 number(const QJsonValue& v)
{
    return qint64(v.toDouble());
}

qint64 idOf(const QJsonObject& o, QLatin1StringView key)
{
    return number(o.value(key).toObject().value(L("id")));
}

QString answerOf(const WsClient::Response& r)
{
    if (!r.received)
        return QStringLiteral("(no answer)");
    return r.ok ? QStringLiteral("ok") : r.errorCode;
}

QString withoutId(QString message, qint64 id)
{
    return message.replace(QRegularExpression(QStringLiteral("\\b%1\\b").arg(id)),
                           QStringLiteral("#"));
}

QJsonObject with(QJsonObject o, const QString& key, const QJsonValue& value)
{
    o.insert(key, value);
    return o;
}

QJsonObject inConversation(qint64 conversationId)
{
    return QJsonObject {{QStringLiteral("conversationId"), conversationId}};
}

QJsonObject aboutMessage(qint64 messageId)
{
    return QJsonObject {{QStringLiteral("messageId"), messageId}};
}

QJsonArray idArray(const QList<qint64>& ids)
{
    QJsonArray a;
    for (qint64 id : ids)
        a.append(id);
    return a;
}

QJsonObject conversationOf(const WsClient::Response& r)
{
    return r.payload.value(L("conversation")).toObject();
}

QJsonObject messageOf(const WsClient::Response& r)
{
    return r.payload.value(L("message")).toObject();
}

QList<qint64> messageIds(const WsClient::Response& r)
{
    QList<qint64> ids;
    for (const auto& m : r.payload.value(L("messages")).toArray())
        ids << number(m.toObject().value(L("id")));
    return ids;
}

QList<qint64> memberIds(const QJsonObject& conversation)
{
    QList<qint64> ids;
    for (const auto& m : conversation.value(L("members")).toArray())
        ids << number(m.toObject().value(L("id")));
    std::sort(ids.begin(), ids.end());
    return ids;
}

QStringList ChatKit::allFeatures()
{
    return QString::fromLatin1("feed groups audience ephemeral chat presence search blogs yamjams")
        .split(u' ');
}

bool ChatKit::step(const Response& r, const QString& what)
{
    if (!r.ok && error.isEmpty())
        error = QStringLiteral("%1 answered %2 %3").arg(what, answerOf(r), r.errorMessage);
    return r.ok;
}

bool ChatKit::start(const std::optional<QString>& postgres, const QStringList& users,
                    const QStringList& admins, const QList<std::pair<QString, QString>>& config)
{
    m_server = std::make_unique<ServerProcess>();
    m_postgres = postgres;
    if (postgres) {
        if (!resetPostgres(*postgres, &error))
            return false;
        m_server->setExtraArguments({QStringLiteral("--database"), *postgres});
    }
    QByteArray output;
    if (m_server->command({QStringLiteral("init")}, {}, &output) != 0) {
        error = QStringLiteral("plein-server init failed: ") + QString::fromUtf8(output).trimmed();
        return false;
    }
    // Set-up sends many requests in a row; the per-connection rate is not under test here.
    m_server->setConfig(QStringLiteral("requests_per_second"), QStringLiteral("100000"));
    for (const auto& [key, value] : config)
        m_server->setConfig(key, value);
    for (const QString& u : users) {
        if (!m_server->addUser(u, admins.contains(u))) {
            error = QStringLiteral("plein-server user add %1 failed").arg(u);
            return false;
        }
    }
    if (!m_server->start()) {
        error = QStringLiteral("plein-server did not start: ")
            + QString::fromUtf8(m_server->log()).right(2000);
        return false;
    }
    for (const QString& u : users) {
        auto c = connect(u);
        if (!c)
            return false;
        m_clients[u] = std::move(c);
    }
    return true;
}

bool ChatKit::stop()
{
    m_clients.clear();
    bool ok = true;
    for (auto& node : m_nodes)
        ok = node->stop() && ok;
    return (!m_server || m_server->stop()) && ok;
}

ServerProcess* ChatKit::addNode(const QList<std::pair<QString, QString>>& config)
{
    if (!m_postgres) {
        error = QStringLiteral("a second node needs PostgreSQL");
        return nullptr;
    }
    auto node = std::make_unique<ServerProcess>();
    node->setExtraArguments({QStringLiteral("--database"), *m_postgres});
    for (const auto& [key, value] : config)
        node->setConfig(key, value);
    if (!node->start()) {
        error = QStringLiteral("the second node did not start: ")
            + QString::fromUtf8(node->log()).right(2000);
        return nullptr;
    }
    m_nodes.push_back(std::move(node));
    return m_nodes.back().get();
}

void ChatKit::disconnect(const QString& user)
{
    m_clients.erase(user);
}

QByteArray ChatKit::token(const QString& user)
{
    if (!m_tokens.contains(user)) {
        WsClient c;
        if (c.connectTo(m_server->url()))
            m_tokens.insert(user, c.login(user).toLatin1());
    }
    return m_tokens.value(user);
}

std::unique_ptr<WsClient> ChatKit::connect(const QString& user, QStringList features,
                                           ServerProcess* node)
{
    auto c = std::make_unique<WsClient>();
    c->setFeatures(features.isEmpty() ? allFeatures() : features);
    if (!c->connectTo((node ? node : m_server.get())->url())) {
        error = user + QStringLiteral(" cannot connect");
        return nullptr;
    }
    if (!step(c->hello(), QStringLiteral("hello")))
        return nullptr;
    const auto r
        = c->request(QStringLiteral("auth.login"),
                     QJsonObject {{QStringLiteral("username"), user},
                                  {QStringLiteral("password"), QStringLiteral("password123")}});
    if (!step(r, user + QStringLiteral(" logging in")))
        return nullptr;
    m_ids.insert(user, idOf(r.payload, L("user")));
    syncAll(*c, number(r.payload.value(L("head")))); // live from here on
    return c;
}

WsClient& ChatKit::client(const QString& user)
{
    return *m_clients.at(user);
}

ChatKit::Response ChatKit::read(const QString& user, const QString& type,
                                const QJsonObject& payload)
{
    return client(user).request(type, payload);
}

ChatKit::Response ChatKit::write(WsClient& c, const QString& type, QJsonObject payload)
{
    if (!payload.contains(L("clientId")))
        payload.insert(QStringLiteral("clientId"), newClientId());
    return c.request(type, payload);
}

ChatKit::Response ChatKit::write(const QString& user, const QString& type, QJsonObject payload)
{
    return write(client(user), type, std::move(payload));
}

qint64 ChatKit::direct(const QString& user, const QString& other)
{
    const auto r = write(user, QStringLiteral("chat.open"),
                         QJsonObject {{QStringLiteral("userId"), id(other)}});
    return step(r, user + QStringLiteral(" opening a conversation with ") + other)
        ? idOf(r.payload, L("conversation"))
        : 0;
}

qint64 ChatKit::people(const QString& user, const QStringList& others, const QString& membersBy)
{
    QJsonArray ids;
    for (const QString& o : others)
        ids.append(id(o));
    QJsonObject payload {{QStringLiteral("userIds"), ids}};
    if (!membersBy.isEmpty())
        payload.insert(QStringLiteral("membersBy"), membersBy);
    const auto r = write(user, QStringLiteral("chat.create"), payload);
    return step(r, user + QStringLiteral(" creating a conversation"))
        ? idOf(r.payload, L("conversation"))
        : 0;
}

qint64 ChatKit::groupChat(const QString& user, qint64 groupId)
{
    const auto r = write(user, QStringLiteral("chat.open"),
                         QJsonObject {{QStringLiteral("groupId"), groupId}});
    return step(r, user + QStringLiteral(" opening a group's chat"))
        ? idOf(r.payload, L("conversation"))
        : 0;
}

qint64 ChatKit::group(const QString& owner, const QString& name, const QString& kind,
                      const QStringList& members, const QString& history)
{
    const auto r = write(owner, QStringLiteral("group.create"),
                         QJsonObject {{QStringLiteral("name"), name},
                                      {QStringLiteral("kind"), kind},
                                      {QStringLiteral("history"), history}});
    if (!step(r, QStringLiteral("creating the group ") + name))
        return 0;
    const qint64 groupId = idOf(r.payload, L("group"));
    for (const QString& m : members) {
        const QJsonObject target {{QStringLiteral("groupId"), groupId},
                                  {QStringLiteral("userId"), id(m)}};
        if (kind != QLatin1StringView("public")
            && !step(write(owner, QStringLiteral("group.invite"), target),
                     QStringLiteral("inviting ") + m))
            return 0;
        if (!step(write(m, QStringLiteral("group.join"),
                        QJsonObject {{QStringLiteral("groupId"), groupId}}),
                  m + QStringLiteral(" joining ") + name))
            return 0;
    }
    return groupId;
}

qint64 ChatKit::send(const QString& user, qint64 conversationId, const QString& body,
                     qint64 replyTo)
{
    QJsonObject payload {{QStringLiteral("conversationId"), conversationId},
                         {QStringLiteral("body"), body}};
    if (replyTo)
        payload.insert(QStringLiteral("replyTo"), replyTo);
    const auto r = write(user, QStringLiteral("chat.send"), payload);
    return step(r, user + QStringLiteral(" sending '") + body + u'\'')
        ? idOf(r.payload, L("message"))
        : 0;
}

ChatKit* BackendKits::current()
{
    QFETCH_GLOBAL(QString, backend);
    auto& k = m_kits[backend];
    if (!k) {
        k = std::make_unique<ChatKit>();
        const bool postgres = backend == QLatin1StringView("postgresql");
        if (postgres && !postgresUrl())
            k->error = QStringLiteral("PLEIN_TEST_POSTGRES is not set, and PostgreSQL is required");
        if (!k->error.isEmpty() || !m_start(*k, postgres ? postgresUrl() : std::nullopt)) {
            m_broken[backend] = k->error.isEmpty() ? QStringLiteral("no server") : k->error;
            QTest::qFail(qPrintable(m_broken[backend]), __FILE__, __LINE__);
            return nullptr;
        }
    }
    if (m_broken.contains(backend)) {
        QTest::qSkip(qPrintable(QStringLiteral("no server: ") + m_broken.value(backend)), __FILE__,
                     __LINE__);
        return nullptr;
    }
    k->error.clear();
    return k.get();
}

void BackendKits::showLogOnFailure()
{
    QFETCH_GLOBAL(QString, backend);
    const auto it = m_kits.find(backend);
    if (!QTest::currentTestFailed() || it == m_kits.end() || !it->second
        || m_shown.contains(backend))
        return;
    m_shown.insert(backend);
    qWarning().noquote() << "server log:\n"
                         << QString::fromUtf8(it->second->server().log()).right(4000);
}

bool BackendKits::stopAll()
{
    bool ok = true;
    for (auto& [backend, k] : m_kits)
        ok = k->stop() && ok;
    return ok;
}

bool ChatKit::sql(const QStringList& statements)
{
    const QString name = QStringLiteral("plein-chatkit");
    bool ok = false;
    {
        QSqlDatabase db;
        if (m_postgres) {
            const QUrl u(*m_postgres);
            db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
            db.setHostName(u.host());
            db.setPort(u.port(5432));
            db.setUserName(u.userName());
            db.setPassword(u.password());
            db.setDatabaseName(u.path().mid(1));
        } else {
            db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(m_server->dataDir() + QStringLiteral("/plein.db"));
            db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
        }
        if (!db.open()) {
            error = db.lastError().text();
        } else {
            QSqlQuery q(db);
            ok = db.transaction();
            for (const QString& s : statements) {
                if (ok && !q.exec(s)) {
                    error = s.left(200) + QStringLiteral(": ") + q.lastError().text();
                    ok = false;
                }
            }
            ok = ok ? db.commit() : (db.rollback(), false);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

QList<QJsonObject> ChatKit::syncAll(WsClient& c, qint64 cursor, qint64* next)
{
    QList<QJsonObject> events;
    for (int pages = 0; pages < 1000; ++pages) {
        const auto r = c.request(
            QStringLiteral("sync.since"),
            QJsonObject {{QStringLiteral("cursor"), cursor}, {QStringLiteral("limit"), 1000}});
        if (!r.ok)
            break;
        for (const auto& e : r.payload.value(L("events")).toArray())
            events.append(e.toObject());
        cursor = number(r.payload.value(L("next")));
        if (!r.payload.value(L("more")).toBool())
            break;
    }
    if (next)
        *next = cursor;
    return events;
}

bool ChatKit::pushed(WsClient& c, const Match& match)
{
    for (const auto& p : c.pushes()) {
        if (match(p))
            return true;
    }
    return false;
}

const protocol::ServerFrame* ChatKit::waitFor(WsClient& c, const Match& match, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    for (;;) {
        for (const auto& p : c.pushes()) {
            if (match(p))
                return &p;
        }
        const int left = timeoutMs - int(t.elapsed());
        if (left <= 0 || !c.waitForPushes(int(c.pushes().size()) + 1, left))
            break;
    }
    for (const auto& p : c.pushes()) {
        if (match(p))
            return &p;
    }
    return nullptr;
}

ChatKit::Match ChatKit::event(const QString& kind,
                              const std::function<bool(const QJsonObject& data)>& data)
{
    return [kind, data](const protocol::ServerFrame& p) {
        return p.pushType == QLatin1StringView("event")
            && p.payload.value(L("kind")).toString() == kind
            && (!data || data(p.payload.value(L("data")).toObject()));
    };
}

ChatKit::Match ChatKit::presence(qint64 userId, const char* stateName)
{
    const QString state = QString::fromLatin1(stateName);
    return [=](const protocol::ServerFrame& p) {
        return p.pushType == QLatin1StringView("presence")
            && number(p.payload.value(L("userId"))) == userId
            && p.payload.value(L("state")).toString() == state;
    };
}

bool ChatKit::barrier(const QString& user)
{
    // Flipping the receipts setting twice appends two chat.user_settings events for the user
    // alone; the second one's push closes the barrier.
    const auto list
        = read(user, QStringLiteral("chat.list"), QJsonObject {{QStringLiteral("limit"), 1}});
    const bool on = list.payload.value(L("settings")).toObject().value(L("receipts")).toBool(true);
    if (!write(user, QStringLiteral("chat.settings"),
               QJsonObject {{QStringLiteral("receipts"), !on}})
             .ok)
        return false;
    const auto back = write(user, QStringLiteral("chat.settings"),
                            QJsonObject {{QStringLiteral("receipts"), on}});
    if (!back.ok)
        return false;
    const qint64 seq = number(back.payload.value(L("seq")));
    return waitFor(client(user),
                   [seq](const protocol::ServerFrame& p) {
                       return p.pushType == QLatin1StringView("event") && p.seq >= seq;
                   })
        != nullptr;
}

} // namespace plein::test
