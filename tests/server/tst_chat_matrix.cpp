// Chat's authorisation matrix against the real plein-server on SQLite and PostgreSQL: every
// request that names a conversation or a message, by every relation to it (member,
// non-member, removed member or one who left the group, server admin), in every kind of
// conversation (direct, people, a public and a secret group's chat). A member gets their
// answer; anyone else gets exactly what a missing id gets, nothing changes (no event, the
// conversation as its members see it is the same), and no chat event reaches them in
// sync.since or live.
#include "chatkit.h"
#include "testdatabase.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <array>
#include <map>

using namespace plein::test;

namespace {

using L = QLatin1StringView;
using Response = ChatKit::Response;
using Frame = plein::protocol::ServerFrame;

enum class Role { Member, Outsider, Removed, Admin };
enum class Kind { Direct, People, PublicGroup, SecretGroup };
enum class Req {
    Get,
    History,
    Reactors,
    Update,
    Add,
    Remove,
    Send,
    Edit,
    Delete,
    React,
    Read,
    Mute,
    Typing,
    OpenGroup,
    Count
};

constexpr std::array roles {Role::Member, Role::Outsider, Role::Removed, Role::Admin};
constexpr std::array kinds {Kind::Direct, Kind::People, Kind::PublicGroup, Kind::SecretGroup};

QStringList words(const char* list)
{
    return QString::fromLatin1(list).split(u' ');
}

QString roleName(Role r)
{
    return words("member outsider removed admin").at(int(r));
}

QString kindName(Kind k)
{
    return words("direct people public-group secret-group").at(int(k));
}

QString requestName(Req q)
{
    return words("chat.get chat.history chat.reactors chat.update chat.add chat.remove chat.send "
                 "chat.edit chat.delete chat.react chat.read chat.mute ephemeral.send "
                 "chat.open:group")
        .at(int(q));
}

bool isGroup(Kind k)
{
    return k == Kind::PublicGroup || k == Kind::SecretGroup;
}

// The user who plays a role. The removed one was in every conversation they could be in.
QString userOf(Role r)
{
    return roleName(r);
}

struct Cell
{
    Req request = Req::Get;
    Role role = Role::Member;
    Kind kind = Kind::Direct;

    bool exists() const
    {
        // A direct conversation's members never change; chat.open {groupId} is for groups.
        return !(role == Role::Removed && kind == Kind::Direct)
            && !(request == Req::OpenGroup && !isGroup(kind));
    }
    QString tag() const
    {
        return requestName(request) + u'/' + roleName(role) + u'/' + kindName(kind);
    }
    bool namesMessage() const
    {
        return request == Req::Reactors || request == Req::Edit || request == Req::Delete
            || request == Req::React;
    }
    bool writes() const
    {
        return !(request == Req::Get || request == Req::History || request == Req::Reactors
                 || request == Req::Typing);
    }
    QString type() const
    {
        if (request == Req::OpenGroup)
            return QStringLiteral("chat.open");
        return requestName(request);
    }
    // The documented answer: a member's, and not_found for everyone else.
    QString expected() const
    {
        if (role != Role::Member)
            return QStringLiteral("not_found");
        const bool changesPeople
            = request == Req::Update || request == Req::Add || request == Req::Remove;
        if (changesPeople && kind != Kind::People)
            return QStringLiteral("bad_request");
        return QStringLiteral("ok");
    }
};

QString kindOf(const QJsonObject& event)
{
    return event.value(L("kind")).toString();
}

// The conversation a chat event is about (0: not a chat event).
qint64 conversationOf(const QJsonObject& event)
{
    if (!kindOf(event).startsWith(QLatin1StringView("chat.")))
        return 0;
    const QJsonObject data = event.value(L("data")).toObject();
    if (data.contains(L("conversation")))
        return idOf(data, L("conversation"));
    if (data.contains(L("message")))
        return number(data.value(L("message")).toObject().value(L("conversationId")));
    return number(data.value(L("conversationId")));
}

qint64 largestWithDigits(qint64 like)
{
    qint64 n = 9;
    while (n < like)
        n = n * 10 + 9;
    return n;
}

struct Conv
{
    qint64 id = 0;
    qint64 groupId = 0;
    qint64 message = 0; // by "other": read, react and reactors target
    qint64 editable = 0; // the member's
    qint64 deletable = 0; // the member's
    qint64 removedAt = 0; // the event that ended the removed user's membership
    qint64 pushed = 0; // written with every role's connection live
};

class World
{
public:
    ChatKit kit;
    std::map<Kind, Conv> convs;
    qint64 maxConversation = 0;
    qint64 maxMessage = 0;
    qint64 maxGroup = 0;
    bool pushesReady = false;

    bool build(const std::optional<QString>& postgres);
    bool preparePushes();
    Response run(const Cell& c, qint64 replaceId = 0);
    qint64 namedId(const Cell& c) const;
    qint64 missingId(const Cell& c) const;
    // What the conversation looks like to its member "other": members, last message,
    // history with reactions. A refused request must leave it as it was.
    QByteArray fingerprint(Kind k);
    qint64 head();
    const QList<QJsonObject>& synced(Role r);

private:
    qint64 noteConversation(qint64 id)
    {
        maxConversation = std::max(maxConversation, id);
        return id;
    }
    qint64 noteMessage(qint64 id)
    {
        maxMessage = std::max(maxMessage, id);
        return id;
    }
    bool buildKind(Kind k);
    std::map<Role, QList<QJsonObject>> m_synced;
};

bool World::buildKind(Kind k)
{
    Conv c;
    const QString other = QStringLiteral("other");
    const QString member = QStringLiteral("member");
    const QString removed = QStringLiteral("removed");
    switch (k) {
    case Kind::Direct:
        c.id = kit.direct(member, other);
        break;
    case Kind::People:
        c.id = kit.people(other,
                          {member, removed, QStringLiteral("target"), QStringLiteral("target2")});
        break;
    case Kind::PublicGroup:
    case Kind::SecretGroup:
        c.groupId = kit.group(other, QStringLiteral("Matrix ") + kindName(k),
                              k == Kind::PublicGroup ? QStringLiteral("public")
                                                     : QStringLiteral("secret"),
                              {member, removed});
        maxGroup = std::max(maxGroup, c.groupId);
        c.id = c.groupId ? kit.groupChat(other, c.groupId) : 0;
        break;
    }
    if (!c.id)
        return false;
    noteConversation(c.id);
    if (!(c.message = noteMessage(kit.send(other, c.id, QStringLiteral("from other"))))
        || !(c.editable = noteMessage(kit.send(member, c.id, QStringLiteral("to edit"))))
        || !(c.deletable = noteMessage(kit.send(member, c.id, QStringLiteral("to delete")))))
        return false;
    if (!kit.write(other, QStringLiteral("chat.react"),
                   QJsonObject {{QStringLiteral("messageId"), c.message},
                                {QStringLiteral("reaction"), QStringLiteral("heart")},
                                {QStringLiteral("on"), true}})
             .ok)
        return false;
    // The removed user leaves: removed from the conversation, or from the group (a secret
    // group by its owner, a public one by leaving).
    Response r;
    if (k == Kind::People)
        r = kit.write(other, QStringLiteral("chat.remove"),
                      QJsonObject {{QStringLiteral("conversationId"), c.id},
                                   {QStringLiteral("userId"), kit.id("removed")}});
    else if (k == Kind::PublicGroup)
        r = kit.write(removed, QStringLiteral("group.leave"),
                      QJsonObject {{QStringLiteral("groupId"), c.groupId}});
    else if (k == Kind::SecretGroup)
        r = kit.write(other, QStringLiteral("group.remove"),
                      QJsonObject {{QStringLiteral("groupId"), c.groupId},
                                   {QStringLiteral("userId"), kit.id("removed")}});
    if (k != Kind::Direct) {
        if (!r.ok) {
            kit.error = QStringLiteral("removing: ") + answerOf(r) + u' ' + r.errorMessage;
            return false;
        }
        c.removedAt = number(r.payload.value(L("seq")));
    }
    // Written after the removal: none of it may reach the removed user.
    if (!noteMessage(kit.send(other, c.id, QStringLiteral("after the removal"))))
        return false;
    convs[k] = c;
    return true;
}

bool World::build(const std::optional<QString>& postgres)
{
    if (!kit.start(postgres, words("member other outsider removed admin target target2 spare"),
                   {QStringLiteral("admin")}))
        return false;
    for (Kind k : kinds) {
        if (!buildKind(k)) {
            if (kit.error.isEmpty())
                kit.error = QStringLiteral("could not build the ") + kindName(k) + u' ';
            return false;
        }
    }
    return true;
}

qint64 World::head()
{
    return number(kit.read(QStringLiteral("other"), QStringLiteral("chat.list"),
                           QJsonObject {{QStringLiteral("limit"), 1}})
                      .payload.value(L("head")));
}

QByteArray World::fingerprint(Kind k)
{
    const Conv& c = convs.at(k);
    QJsonObject get = kit.read(QStringLiteral("other"), QStringLiteral("chat.get"),
                               QJsonObject {{QStringLiteral("conversationId"), c.id}})
                          .payload;
    get.remove(QStringLiteral("head"));
    QJsonObject history = kit.read(QStringLiteral("other"), QStringLiteral("chat.history"),
                                   QJsonObject {{QStringLiteral("conversationId"), c.id},
                                                {QStringLiteral("limit"), 200}})
                              .payload;
    history.remove(QStringLiteral("head"));
    return QJsonDocument(
               QJsonObject {{QStringLiteral("get"), get}, {QStringLiteral("history"), history}})
        .toJson(QJsonDocument::Compact);
}

qint64 World::namedId(const Cell& cell) const
{
    const Conv& c = convs.at(cell.kind);
    switch (cell.request) {
    case Req::Edit:
        return c.editable;
    case Req::Delete:
        return c.deletable;
    case Req::OpenGroup:
        return c.groupId;
    default:
        return cell.namesMessage() ? c.message : c.id;
    }
}

qint64 World::missingId(const Cell& cell) const
{
    const qint64 named = namedId(cell);
    const qint64 most = cell.request == Req::OpenGroup ? maxGroup
        : cell.namesMessage()                          ? maxMessage + 1000
                                                       : maxConversation;
    const qint64 id = largestWithDigits(named);
    return id > most ? id : id * 10 + 9;
}

Response World::run(const Cell& cell, qint64 replaceId)
{
    const Conv& c = convs.at(cell.kind);
    const qint64 id = replaceId ? replaceId : namedId(cell);
    const QJsonObject conversation {{QStringLiteral("conversationId"), id}};
    const QJsonObject message {{QStringLiteral("messageId"), id}};
    const auto with = [](QJsonObject o, const QString& key, const QJsonValue& value) {
        o.insert(key, value);
        return o;
    };
    QJsonObject payload;
    switch (cell.request) {
    case Req::Get:
        payload = conversation;
        break;
    case Req::History:
        payload = with(conversation, QStringLiteral("limit"), 50);
        break;
    case Req::Reactors:
    case Req::Delete:
        payload = message;
        break;
    case Req::Update:
        payload = with(conversation, QStringLiteral("title"), cell.tag());
        break;
    case Req::Add:
        payload = with(conversation, QStringLiteral("userIds"),
                       QJsonArray {kit.id(QStringLiteral("spare"))});
        break;
    case Req::Remove:
        payload = with(conversation, QStringLiteral("userId"), kit.id(QStringLiteral("target")));
        break;
    case Req::Send:
        payload = with(conversation, QStringLiteral("body"), cell.tag());
        break;
    case Req::Edit:
        payload = with(message, QStringLiteral("body"), cell.tag());
        break;
    case Req::React:
        payload = with(with(message, QStringLiteral("reaction"), QStringLiteral("thumbsup")),
                       QStringLiteral("on"), true);
        break;
    case Req::Read:
        payload = with(conversation, QStringLiteral("messageId"), c.message);
        break;
    case Req::Mute:
        payload = with(conversation, QStringLiteral("muted"), true);
        break;
    case Req::Typing:
        payload = {{QStringLiteral("channel"), QStringLiteral("chat:%1").arg(id)},
                   {QStringLiteral("signal"), QStringLiteral("typing")}};
        break;
    case Req::OpenGroup:
        payload = {{QStringLiteral("groupId"), id}};
        break;
    case Req::Count:
        break;
    }
    const QString user = userOf(cell.role);
    return cell.writes() ? kit.write(user, cell.type(), payload)
                         : kit.read(user, cell.type(), payload);
}

const QList<QJsonObject>& World::synced(Role r)
{
    auto it = m_synced.find(r);
    if (it == m_synced.end()) {
        auto fresh = kit.connect(userOf(r));
        it = m_synced.emplace(r, fresh ? ChatKit::syncAll(*fresh, 0) : QList<QJsonObject>()).first;
    }
    return it->second;
}

bool World::preparePushes()
{
    for (Role r : roles)
        kit.client(userOf(r)).pushes().clear();
    for (Kind k : kinds) {
        Conv& c = convs[k];
        if (!(c.pushed = kit.send(QStringLiteral("other"), c.id, QStringLiteral("live"))))
            return false;
        if (!kit.write(QStringLiteral("other"), QStringLiteral("chat.react"),
                       QJsonObject {{QStringLiteral("messageId"), c.pushed},
                                    {QStringLiteral("reaction"), QStringLiteral("party")},
                                    {QStringLiteral("on"), true}})
                 .ok)
            return false;
    }
    for (Role r : roles) {
        if (!kit.barrier(userOf(r))) {
            kit.error = userOf(r) + QStringLiteral(": no barrier");
            return false;
        }
    }
    pushesReady = true;
    return true;
}

} // namespace

class TestChatMatrix : public QObject
{
    Q_OBJECT

private:
    std::map<QString, std::unique_ptr<World>> m_worlds;
    QHash<QString, QString> m_broken;
    QSet<QString> m_shown;

    World* world()
    {
        QFETCH_GLOBAL(QString, backend);
        auto& w = m_worlds[backend];
        if (!w) {
            w = std::make_unique<World>();
            if (!w->build(backend == QLatin1StringView("postgresql") ? postgresUrl()
                                                                     : std::nullopt)) {
                m_broken[backend] = w->kit.error;
                QTest::qFail(qPrintable(w->kit.error), __FILE__, __LINE__);
                return nullptr;
            }
        }
        if (m_broken.contains(backend)) {
            QTest::qSkip(qPrintable(QStringLiteral("no world: ") + m_broken.value(backend)),
                         __FILE__, __LINE__);
            return nullptr;
        }
        w->kit.error.clear();
        return w.get();
    }

    static void relationRows(const char* prefix)
    {
        QTest::addColumn<int>("role");
        QTest::addColumn<int>("kind");
        for (Kind k : kinds) {
            for (Role r : roles) {
                if (Cell {Req::Get, r, k}.exists())
                    QTest::addRow("%s/%s/%s", prefix, qPrintable(roleName(r)),
                                  qPrintable(kindName(k)))
                        << int(r) << int(k);
            }
        }
    }

private Q_SLOTS:
    void initTestCase_data() { addBackendRows(); }

    void cleanup()
    {
        QFETCH_GLOBAL(QString, backend);
        const auto it = m_worlds.find(backend);
        if (QTest::currentTestFailed() && it != m_worlds.end() && !m_shown.contains(backend)) {
            m_shown.insert(backend);
            qWarning().noquote() << "server log:\n"
                                 << QString::fromUtf8(it->second->kit.server().log()).right(3000);
        }
    }

    void cleanupTestCase()
    {
        for (auto& [backend, w] : m_worlds)
            QVERIFY2(w->kit.stop(), qPrintable(backend));
    }

    void postgresqlIsAvailable()
    {
        if (postgresUrl())
            return;
        if (postgresRequired())
            QFAIL("CI requires PLEIN_TEST_POSTGRES");
        QSKIP("PLEIN_TEST_POSTGRES is not set (scripts/test.sh sets it): SQLite only");
    }

    // Every request naming a conversation or message, by every relation, in every kind.
    void matrix_data()
    {
        QTest::addColumn<int>("request");
        QTest::addColumn<int>("role");
        QTest::addColumn<int>("kind");
        for (int q = 0; q < int(Req::Count); ++q) {
            for (Kind k : kinds) {
                for (Role r : roles) {
                    const Cell cell {Req(q), r, k};
                    if (cell.exists())
                        QTest::newRow(qPrintable(cell.tag())) << q << int(r) << int(k);
                }
            }
        }
    }
    void matrix()
    {
        World* w = world();
        if (!w)
            return;
        QFETCH(int, request);
        QFETCH(int, role);
        QFETCH(int, kind);
        const Cell cell {Req(request), Role(role), Kind(kind)};
        const QString want = cell.expected();
        const QByteArray before = w->fingerprint(cell.kind);
        const qint64 headBefore = w->head();
        const Response answer = w->run(cell);
        QVERIFY2(answerOf(answer) == want,
                 qPrintable(QStringLiteral("expected %1, got %2 (%3)")
                                .arg(want, answerOf(answer), answer.errorMessage)));
        if (want == QLatin1StringView("ok"))
            return;
        // A refusal changes nothing.
        QCOMPARE(w->head(), headBefore);
        QCOMPARE(w->fingerprint(cell.kind), before);
        if (want != QLatin1StringView("not_found"))
            return;
        // What one may not see answers exactly like what does not exist.
        const qint64 named = w->namedId(cell);
        const qint64 missing = w->missingId(cell);
        const Response twin = w->run(cell, missing);
        QCOMPARE(answerOf(twin), answerOf(answer));
        QCOMPARE(withoutId(answer.errorMessage, named), withoutId(twin.errorMessage, missing));
    }

    // The conversation list holds a user's conversations only.
    void list_data() { relationRows("chat.list"); }
    void list()
    {
        World* w = world();
        if (!w)
            return;
        QFETCH(int, role);
        QFETCH(int, kind);
        const Conv& c = w->convs.at(Kind(kind));
        const auto r = w->kit.read(userOf(Role(role)), QStringLiteral("chat.list"),
                                   QJsonObject {{QStringLiteral("limit"), 200}});
        QVERIFY(r.ok);
        bool listed = false;
        for (const auto& v : r.payload.value(L("conversations")).toArray())
            listed = listed || number(v.toObject().value(L("id"))) == c.id;
        QCOMPARE(listed, Role(role) == Role::Member);
    }

    // sync.since from 0: members receive the conversation's events; a removed member nothing
    // after their removal; others nothing at all.
    void sync_data() { relationRows("sync"); }
    void sync()
    {
        World* w = world();
        if (!w)
            return;
        QFETCH(int, role);
        QFETCH(int, kind);
        const Role r = Role(role);
        const Conv& c = w->convs.at(Kind(kind));
        bool sawMessage = false;
        for (const QJsonObject& e : w->synced(r)) {
            if (conversationOf(e) != c.id)
                continue;
            const qint64 seq = number(e.value(L("seq")));
            const QString audience = e.value(L("audience")).toObject().value(L("scope")).toString();
            // A user's own state and receipts are for users; the rest follows the kind.
            const bool personal = kindOf(e) == QLatin1StringView("chat.state")
                || kindOf(e) == QLatin1StringView("chat.seen");
            QCOMPARE(audience,
                     isGroup(Kind(kind)) && !personal ? QStringLiteral("group")
                                                      : QStringLiteral("users"));
            if (kindOf(e) == QLatin1StringView("chat.message")
                && idOf(e.value(L("data")).toObject(), L("message")) == c.message)
                sawMessage = true;
            QVERIFY2(r == Role::Member || (r == Role::Removed && seq <= c.removedAt),
                     qPrintable(QStringLiteral("%1 (seq %2) reached %3")
                                    .arg(kindOf(e))
                                    .arg(seq)
                                    .arg(roleName(r))));
        }
        // One who left a group reads none of it any more, its chat included; one removed from
        // a conversation of people keeps what reached them while they were in it.
        QCOMPARE(sawMessage,
                 r == Role::Member || (r == Role::Removed && Kind(kind) == Kind::People));
    }

    // Live: a message and a reaction written now reach the members only.
    void push_data() { relationRows("push"); }
    void push()
    {
        World* w = world();
        if (!w)
            return;
        if (!w->pushesReady)
            QVERIFY2(w->preparePushes(), qPrintable(w->kit.error));
        QFETCH(int, role);
        QFETCH(int, kind);
        const Conv& c = w->convs.at(Kind(kind));
        WsClient& client = w->kit.client(userOf(Role(role)));
        const bool member = Role(role) == Role::Member;
        QCOMPARE(ChatKit::pushed(client,
                                 ChatKit::event(QStringLiteral("chat.message"),
                                                [&](const QJsonObject& d) {
                                                    return idOf(d, L("message")) == c.pushed;
                                                })),
                 member);
        if (!member) {
            for (const Frame& p : client.pushes())
                QVERIFY2(conversationOf(p.payload) != c.id,
                         qPrintable(p.payload.value(L("kind")).toString()));
        }
    }
};

QTEST_GUILESS_MAIN(TestChatMatrix)
#include "tst_chat_matrix.moc"
