// The groups capability's access rules, cell by cell, against the real plein-server on SQLite
// and PostgreSQL. Cell::expected() is the rule book in code; every row of matrix() is one cell
// "<request>/<role>/<kind>" that sends the request as a user of that role toward a group of
// that kind and compares the answer. The world (users in every role, groups of every kind,
// posts before and after the joins) is built once per backend, and each write cell either
// leaves it as it was or works on a user or post of its own, so the rows may run in any
// selection.
#include "serverprocess.h"
#include "testdatabase.h"
#include "wsclient.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>

#include <algorithm>
#include <array>
#include <functional>
#include <map>
#include <memory>

using namespace plein::test;

namespace {

using L = QLatin1StringView;
using Response = WsClient::Response;
using Frame = plein::protocol::ServerFrame;

// ---- The rule book -------------------------------------------------------------------------

enum class Role { Owner, Moderator, Member, Pending, Invited, Removed, Outsider, Admin };
enum class Kind { Public, Private, Secret, ArchivedPublic, ArchivedPrivate, Company };
enum class Req {
    FeedPage,
    ThreadGet,
    PostCreate,
    Reply,
    PostLike,
    PostEdit,
    PostDelete,
    PostPin,
    GroupGet,
    GroupMembers,
    GroupPending,
    GroupInvited,
    GroupUpdate,
    GroupArchive,
    GroupJoin,
    GroupLeave,
    GroupInvite,
    GroupDecide,
    GroupRemove,
    GroupSetRole,
    EphemeralSend,
    Count
};

constexpr std::array roles {Role::Owner,   Role::Moderator, Role::Member,   Role::Pending,
                            Role::Invited, Role::Removed,   Role::Outsider, Role::Admin};
constexpr std::array groupKinds {Kind::Public, Kind::Private, Kind::Secret, Kind::ArchivedPublic,
                                 Kind::ArchivedPrivate};
constexpr std::array liveKinds {Kind::Public, Kind::Private, Kind::Secret};

// A list of words written as one string.
QStringList words(const char* list)
{
    return QString::fromLatin1(list).split(u' ');
}

QString roleName(Role r)
{
    return words("owner moderator member pending invited removed non-member admin").at(int(r));
}

// The user who plays the role in the read cells (and in the write cells that change nothing).
QString roleUser(Role r)
{
    return r == Role::Outsider ? QStringLiteral("outsider") : roleName(r);
}

QString kindName(Kind k)
{
    return words("public private secret archived-public archived-private company").at(int(k));
}

QString requestName(Req q)
{
    return words("feed.page thread.get post.create reply post.like post.edit post.delete post.pin "
                 "group.get group.members group.members:pending group.members:invited "
                 "group.update group.archive group.join group.leave group.invite group.decide "
                 "group.remove group.set_role ephemeral.send")
        .at(int(q));
}

const QString ok = QStringLiteral("ok");
const QString forbidden = QStringLiteral("forbidden");
const QString notFound = QStringLiteral("not_found");
const QString conflict = QStringLiteral("conflict");

// A user's relation to a group.
struct Relation
{
    Role role = Role::Outsider;
    Kind kind = Kind::Public;

    Kind base() const
    {
        return kind == Kind::ArchivedPublic ? Kind::Public
            : kind == Kind::ArchivedPrivate ? Kind::Private
                                            : kind;
    }
    bool archived() const { return kind == Kind::ArchivedPublic || kind == Kind::ArchivedPrivate; }
    bool member() const
    {
        return role == Role::Owner || role == Role::Moderator || is(Role::Member);
    }
    // Invite, decide, remove, delete others' posts, pin, see requests and invitations.
    bool moderates() const
    {
        return role == Role::Owner || role == Role::Moderator || is(Role::Admin);
    }
    // Update, archive, set roles.
    bool governs() const { return role == Role::Owner || role == Role::Admin; }
    // Whether the group exists for the user at all.
    bool sees() const
    {
        return base() != Kind::Secret || member() || is(Role::Invited) || is(Role::Admin);
    }
    // Whether the user reads its posts and its member list.
    bool reads() const { return base() == Kind::Public || member() || role == Role::Admin; }
    // Only a private group has requests to join.
    bool exists() const { return role != Role::Pending || base() == Kind::Private; }
    bool is(Role r) const { return role == r; }
};

// One cell of the matrix.
struct Cell : Relation
{
    Req request = Req::GroupGet;

    QString tag() const
    {
        return requestName(request) + u'/' + roleName(role) + u'/' + kindName(kind);
    }
    bool namesPost() const
    {
        return request == Req::ThreadGet || request == Req::Reply || request == Req::PostLike
            || request == Req::PostEdit || request == Req::PostDelete || request == Req::PostPin;
    }
    bool changesMembership() const
    {
        return request >= Req::GroupJoin && request <= Req::GroupSetRole;
    }
    bool writes() const
    {
        return request != Req::FeedPage && request != Req::ThreadGet
            && !(request >= Req::GroupGet && request <= Req::GroupInvited)
            && request != Req::EphemeralSend;
    }
    QString type() const
    {
        if (request == Req::Reply)
            return QStringLiteral("post.create");
        if (request == Req::GroupPending || request == Req::GroupInvited)
            return QStringLiteral("group.members");
        return requestName(request);
    }
    QString expected() const;
    QString stateBefore() const;
    QString stateAfterOk() const;
    QString actor() const;
    QString target() const;
};

// The documented answer of the cell: "ok" or an error code; empty when there is no such cell.
// Readings chosen where the rules leave it open (see the report): an archived group's content
// is read-only (post.create, replies, likes, edits, deletes and pins are forbidden to everyone
// who may read it, admins included) and nobody new comes in (join, invite and decide are
// forbidden), while its management goes on (update, archive, set_role, remove, leave); an
// admin, who may manage every group, joins any group at once (no request, no invitation);
// leaving a group one is not in is ok and changes nothing.
QString Cell::expected() const
{
    if (!exists())
        return {};
    if (kind == Kind::Company) // a company post: only pinning is a question of roles
        return request == Req::PostPin ? (is(Role::Admin) ? ok : forbidden) : QString();
    // Public and secret groups have no requests to decide on: only the refusals are cells.
    if (request == Req::GroupDecide && base() != Kind::Private && moderates())
        return {};
    // Signals: the rules name only members of open groups and those who may not see it.
    if (request == Req::EphemeralSend && sees() && !(member() && !archived()))
        return {};
    if (!sees())
        return notFound;
    const bool frozen = archived();
    switch (request) {
    case Req::FeedPage:
    case Req::GroupMembers:
        return reads() ? ok : forbidden;
    case Req::ThreadGet:
        return reads() ? ok : notFound;
    case Req::GroupGet:
    case Req::EphemeralSend:
        return ok;
    case Req::GroupPending:
    case Req::GroupInvited:
        return moderates() ? ok : forbidden;
    case Req::PostCreate:
        return member() && !frozen ? ok : forbidden;
    case Req::Reply:
    case Req::PostLike:
        if (!reads())
            return notFound;
        return member() && !frozen ? ok : forbidden;
    case Req::PostEdit: // of the member's post
        if (!reads())
            return notFound;
        return (is(Role::Member) || is(Role::Admin)) && !frozen ? ok : forbidden;
    case Req::PostDelete: // of the member's post
        if (!reads())
            return notFound;
        return (member() || is(Role::Admin)) && !frozen ? ok : forbidden;
    case Req::PostPin:
        if (!reads())
            return notFound;
        return moderates() && !frozen ? ok : forbidden;
    case Req::GroupUpdate:
    case Req::GroupArchive:
    case Req::GroupSetRole:
        return governs() ? ok : forbidden;
    case Req::GroupRemove:
        return moderates() ? ok : forbidden;
    case Req::GroupInvite:
    case Req::GroupDecide:
        return moderates() && !frozen ? ok : forbidden;
    case Req::GroupJoin:
        return frozen ? forbidden : ok;
    case Req::GroupLeave:
        return is(Role::Owner) ? conflict : ok; // the owner is the group's only owner
    case Req::Count:
        break;
    }
    return {};
}

// The membership ("member", "pending", "invited" or "none") of the user a membership cell
// changes, before the cell and after an ok answer.
QString Cell::stateBefore() const
{
    switch (request) {
    case Req::GroupJoin:
    case Req::GroupLeave:
        return member()         ? QStringLiteral("member")
            : is(Role::Pending) ? QStringLiteral("pending")
            : is(Role::Invited) ? QStringLiteral("invited")
                                : QStringLiteral("none");
    case Req::GroupDecide:
        return base() == Kind::Private ? QStringLiteral("pending") : QStringLiteral("none");
    case Req::GroupRemove:
    case Req::GroupSetRole:
        return QStringLiteral("member");
    default:
        return QStringLiteral("none");
    }
}

QString Cell::stateAfterOk() const
{
    switch (request) {
    case Req::GroupJoin:
        if (member() || is(Role::Invited) || is(Role::Admin))
            return QStringLiteral("member");
        if (is(Role::Pending) || base() == Kind::Private)
            return QStringLiteral("pending");
        return QStringLiteral("member");
    case Req::GroupLeave:
    case Req::GroupRemove:
        return QStringLiteral("none");
    case Req::GroupInvite:
        return QStringLiteral("invited");
    default:
        return QStringLiteral("member");
    }
}

// Who sends the request: join and leave change the sender's own membership, so those cells
// have senders of their own (who have the same role toward every group).
QString Cell::actor() const
{
    if (request == Req::GroupJoin && !member())
        return QStringLiteral("join_") + roleUser(role);
    if (request == Req::GroupLeave
        && (is(Role::Moderator) || is(Role::Member) || is(Role::Pending) || is(Role::Invited)))
        return QStringLiteral("leave_") + roleUser(role);
    return roleUser(role);
}

// The user a management cell acts on: one per role that may succeed, one for all the others.
QString Cell::target() const
{
    const bool allowed = request == Req::GroupSetRole ? governs() : moderates();
    const QString who = allowed ? roleUser(role) : QStringLiteral("other");
    switch (request) {
    case Req::GroupInvite:
        return QStringLiteral("invite_") + who;
    case Req::GroupDecide:
        return QStringLiteral("decide_") + who;
    case Req::GroupRemove:
        return QStringLiteral("remove_") + who;
    case Req::GroupSetRole:
        return QStringLiteral("setrole_") + who;
    default:
        return {};
    }
}

// ---- Reading answers and events --------------------------------------------------------------

qint64 number(const QJsonValue& v)
{
    return qint64(v.toDouble());
}

qint64 idOf(const QJsonObject& o, L key)
{
    return number(o.value(key).toObject().value(L("id")));
}

QString kindOf(const QJsonObject& event)
{
    return event.value(L("kind")).toString();
}

QJsonObject dataOf(const QJsonObject& event)
{
    return event.value(L("data")).toObject();
}

qint64 postIdOf(const QJsonObject& event)
{
    const QJsonObject data = dataOf(event);
    return data.value(L("post")).isObject() ? idOf(data, L("post"))
                                            : number(data.value(L("postId")));
}

bool isPostEvent(const QJsonObject& event, qint64 postId)
{
    return kindOf(event).startsWith(QLatin1StringView("post.")) && postIdOf(event) == postId;
}

bool isMembershipEvent(const QJsonObject& event, qint64 groupId, qint64 userId,
                       const QString& state)
{
    const QJsonObject data = dataOf(event);
    return kindOf(event) == QLatin1StringView("group.member")
        && number(data.value(L("groupId"))) == groupId && number(data.value(L("userId"))) == userId
        && data.value(L("state")).toString() == state;
}

QList<qint64> idsIn(const QJsonObject& payload, L list)
{
    QList<qint64> ids;
    for (const auto& item : payload.value(list).toArray())
        ids << number(item.toObject().value(L("id")));
    return ids;
}

QStringList allFeatures()
{
    return words("feed groups audience ephemeral");
}

// An error message with the id taken out, to compare a hidden thing's answer with a missing
// one's.
QString withoutId(QString message, qint64 id)
{
    return message.replace(QRegularExpression(QStringLiteral("\\b%1\\b").arg(id)),
                           QStringLiteral("#"));
}

QString answerOf(const Response& r)
{
    if (!r.received)
        return QStringLiteral("(no answer)");
    return r.ok ? ok : r.errorCode;
}

struct Synced
{
    QList<QJsonObject> events;
    qint64 cursor = 0;
    bool complete = false; // ended with more=false: the connection is live
    int pages = 0;
};

// sync.since until more=false, at most 1000 pages (a client that never gets there loops).
Synced syncFrom(WsClient& c, qint64 cursor)
{
    Synced s;
    s.cursor = cursor;
    while (s.pages++ < 1000) {
        const auto r = c.request(
            QStringLiteral("sync.since"),
            QJsonObject {{QStringLiteral("cursor"), s.cursor}, {QStringLiteral("limit"), 1000}});
        if (!r.ok)
            return s;
        for (const auto& e : r.payload.value(L("events")).toArray())
            s.events.append(e.toObject());
        s.cursor = number(r.payload.value(L("next")));
        if (!r.payload.value(L("more")).toBool()) {
            s.complete = true;
            return s;
        }
    }
    return s;
}

bool pushed(WsClient& c, const std::function<bool(const QJsonObject&)>& match)
{
    for (const Frame& p : c.pushes()) {
        if (match(p.payload))
            return true;
    }
    return false;
}

// Waits until a push matching `match` has arrived.
bool waitForPush(WsClient& c, const std::function<bool(const QJsonObject&)>& match, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!pushed(c, match)) {
        const int left = timeoutMs - int(t.elapsed());
        if (left <= 0 || !c.waitForPushes(int(c.pushes().size()) + 1, left))
            return pushed(c, match);
    }
    return true;
}

// Waits for the post.created of a company post written after whatever is under test: pushes
// come in log order, so once it is there anything before it would have come too.
bool waitForBarrier(WsClient& c, qint64 postId)
{
    return waitForPush(
        c, [&](const QJsonObject& e) { return isPostEvent(e, postId); }, 5000);
}

// The largest number with as many digits as `like`.
qint64 largestWithDigits(qint64 like)
{
    qint64 n = 9;
    while (n < like)
        n = n * 10 + 9;
    return n;
}

// ---- The world -------------------------------------------------------------------------------

struct GroupInfo
{
    qint64 id = 0;
    QString name;
    qint64 firstPost = 0; // the owner's, before anyone joined
    qint64 post = 0; // the owner's, after the joins: read, reply, like and pin target
    qint64 memberPost = 0; // the member's: edit target
    std::map<Role, qint64> deletable; // the member's, one for each role's delete cell

    QList<qint64> posts() const
    {
        QList<qint64> out {firstPost, post, memberPost};
        for (const auto& [role, postId] : deletable)
            out << postId;
        return out;
    }
};

struct HistoryGroup
{
    qint64 id = 0;
    qint64 before = 0; // written before `late` joined
    qint64 after = 0;
};

class World
{
public:
    QString error;
    std::unique_ptr<ServerProcess> server;
    std::map<Kind, GroupInfo> groups;
    std::map<QString, HistoryGroup> history; // by "<kind>/<history rule>"
    qint64 companyPost = 0;
    std::map<Kind, qint64> pushedPosts; // written with every role's connection live
    bool logShown = false;

    bool build(const std::optional<QString>& postgres);
    bool makeMember(qint64 groupId, Kind base, const QString& user);
    bool preparePushes();

    WsClient& client(const QString& user) { return *m_clients.at(user); }
    qint64 userId(const QString& user) const { return m_ids.value(user); }
    Response read(const QString& user, const QString& type, const QJsonObject& payload)
    {
        return client(user).request(type, payload);
    }
    Response write(const QString& user, const QString& type, QJsonObject payload);
    qint64 postIn(const QString& user, qint64 groupId, const QString& body);
    QList<qint64> allGroupPosts() const;

    // The user's membership as the owner sees it: "member", "pending", "invited" or "none".
    QString stateOf(qint64 groupId, const QString& user);
    // An id with as many digits as `like` that names no group (no post), or one digit more
    // when there is none.
    qint64 missingGroupId(qint64 like) const;
    qint64 missingPostId(qint64 like) const;
    // What the user's main connection got from sync.since from 0 (asked once); live after it.
    const Synced& syncedOf(const QString& user);

    // The group or post the cell names.
    qint64 namedId(const Cell& c) const;
    QJsonObject payloadFor(const Cell& c, qint64 groupId, qint64 postId);
    // Sends the cell's request; `replaceId` stands in for the group or post it names.
    Response run(const Cell& c, qint64 replaceId = 0);

private:
    bool step(const Response& r, const QString& what);
    bool login(const QString& user);
    qint64 createGroup(const QString& name, Kind base, const QString& rule);
    bool buildGroup(Kind k);
    bool buildHistoryGroup(Kind base, const QString& rule);

    std::map<QString, std::unique_ptr<WsClient>> m_clients;
    QHash<QString, qint64> m_ids;
    std::map<QString, Synced> m_synced;
    qint64 m_maxGroupId = 0;
    qint64 m_maxPostId = 0;
};

QStringList allUsers()
{
    QStringList users;
    for (Role r : roles)
        users << roleUser(r);
    return users
        + words("join_pending join_invited join_removed join_outsider join_admin leave_moderator "
                "leave_member leave_pending leave_invited invite_owner invite_moderator "
                "invite_admin invite_other decide_owner decide_moderator decide_admin "
                "decide_other remove_owner remove_moderator remove_admin remove_other "
                "setrole_owner setrole_admin setrole_other deactivated late live");
}

bool World::step(const Response& r, const QString& what)
{
    if (!r.ok && error.isEmpty())
        error = QStringLiteral("setup: %1 answered %2 %3").arg(what, answerOf(r), r.errorMessage);
    return r.ok;
}

Response World::write(const QString& user, const QString& type, QJsonObject payload)
{
    payload.insert(QStringLiteral("clientId"), newClientId());
    const auto r = client(user).request(type, payload);
    if (r.ok)
        m_maxPostId = qMax(m_maxPostId, idOf(r.payload, L("post")));
    return r;
}

qint64 World::postIn(const QString& user, qint64 groupId, const QString& body)
{
    QJsonObject payload {{QStringLiteral("body"), body}};
    if (groupId)
        payload.insert(QStringLiteral("groupId"), groupId);
    const auto r = write(user, QStringLiteral("post.create"), payload);
    return step(r, QStringLiteral("%1 writing '%2'").arg(user, body)) ? idOf(r.payload, L("post"))
                                                                      : 0;
}

bool World::login(const QString& user)
{
    auto c = std::make_unique<WsClient>();
    c->setFeatures(allFeatures());
    if (!c->connectTo(server->url())) {
        error = QStringLiteral("%1 cannot connect").arg(user);
        return false;
    }
    const auto hello = c->hello();
    if (!step(hello, QStringLiteral("hello")))
        return false;
    for (const QString& f : allFeatures()) {
        if (!hello.payload.value(L("agreed")).toArray().contains(f)) {
            error = QStringLiteral("hello did not agree on the feature '%1'").arg(f);
            return false;
        }
    }
    const auto r
        = c->request(QStringLiteral("auth.login"),
                     QJsonObject {{QStringLiteral("username"), user},
                                  {QStringLiteral("password"), QStringLiteral("password123")}});
    if (!step(r, user + QStringLiteral(" logging in")))
        return false;
    m_ids.insert(user, idOf(r.payload, L("user")));
    m_clients[user] = std::move(c);
    return true;
}

// Public: the user joins. Private: asks, and the owner approves. Secret: is invited, accepts.
bool World::makeMember(qint64 groupId, Kind base, const QString& user)
{
    const QJsonObject target {{QStringLiteral("groupId"), groupId},
                              {QStringLiteral("userId"), userId(user)}};
    const QString what = QStringLiteral("%1 joining group %2").arg(user).arg(groupId);
    if (base == Kind::Secret
        && !step(write(QStringLiteral("owner"), QStringLiteral("group.invite"), target), what))
        return false;
    if (!step(write(user, QStringLiteral("group.join"),
                    QJsonObject {{QStringLiteral("groupId"), groupId}}),
              what))
        return false;
    if (base != Kind::Private)
        return true;
    QJsonObject decide = target;
    decide.insert(QStringLiteral("approve"), true);
    return step(write(QStringLiteral("owner"), QStringLiteral("group.decide"), decide), what);
}

qint64 World::createGroup(const QString& name, Kind base, const QString& rule)
{
    const auto r = write(QStringLiteral("owner"), QStringLiteral("group.create"),
                         QJsonObject {{QStringLiteral("name"), name},
                                      {QStringLiteral("kind"), kindName(base)},
                                      {QStringLiteral("history"), rule}});
    if (!step(r, QStringLiteral("creating ") + name))
        return 0;
    m_maxGroupId = qMax(m_maxGroupId, idOf(r.payload, L("group")));
    return idOf(r.payload, L("group"));
}

bool World::buildGroup(Kind k)
{
    const Relation relation {Role::Owner, k};
    const Kind base = relation.base();
    GroupInfo g;
    g.name = QStringLiteral("Matrix %1").arg(kindName(k));
    if (!(g.id = createGroup(g.name, base, QStringLiteral("all"))))
        return false;
    // The owner acts on the group, about a user.
    const auto owner = [&](const char* type, const QString& user, QJsonObject payload = {}) {
        payload.insert(QStringLiteral("groupId"), g.id);
        payload.insert(QStringLiteral("userId"), userId(user));
        return step(
            write(QStringLiteral("owner"), QString::fromLatin1(type), payload),
            QStringLiteral("%1 about %2 in %3").arg(QString::fromLatin1(type), user, g.name));
    };
    if (!(g.firstPost = postIn(QStringLiteral("owner"), g.id, QStringLiteral("first"))))
        return false;
    QStringList members = words("moderator member leave_moderator leave_member removed "
                                "join_removed remove_owner remove_moderator remove_admin "
                                "remove_other setrole_owner setrole_admin setrole_other "
                                "deactivated");
    if (!relation.archived())
        members << QStringLiteral("live");
    for (const QString& u : members) {
        if (!makeMember(g.id, base, u))
            return false;
    }
    for (const QString& u : words("moderator leave_moderator")) {
        if (!owner("group.set_role", u, {{QStringLiteral("role"), QStringLiteral("moderator")}}))
            return false;
    }
    for (const QString& u : words("removed join_removed")) {
        if (!owner("group.remove", u))
            return false;
    }
    for (const QString& u : words("invited join_invited leave_invited")) {
        if (!owner("group.invite", u))
            return false;
    }
    const QStringList askers = words("pending join_pending leave_pending decide_owner "
                                     "decide_moderator decide_admin decide_other");
    for (const QString& u : base == Kind::Private ? askers : QStringList()) {
        if (!step(write(u, QStringLiteral("group.join"),
                        QJsonObject {{QStringLiteral("groupId"), g.id}}),
                  u + QStringLiteral(" asking to join ") + g.name))
            return false;
    }
    if (!(g.memberPost = postIn(QStringLiteral("member"), g.id, QStringLiteral("member's"))))
        return false;
    for (Role r : roles) {
        if (!(g.deletable[r] = postIn(QStringLiteral("member"), g.id,
                                      QStringLiteral("for %1 to delete").arg(roleName(r)))))
            return false;
    }
    if (!(g.post = postIn(QStringLiteral("owner"), g.id, QStringLiteral("the owner's"))))
        return false;
    const QJsonObject group {{QStringLiteral("groupId"), g.id}};
    QJsonObject update = group;
    update.insert(QStringLiteral("description"), QStringLiteral("Set up"));
    if (!step(write(QStringLiteral("owner"), QStringLiteral("group.update"), update),
              QStringLiteral("updating ") + g.name))
        return false;
    QJsonObject archive = group;
    archive.insert(QStringLiteral("archived"), true);
    if (relation.archived()
        && !step(write(QStringLiteral("owner"), QStringLiteral("group.archive"), archive),
                 QStringLiteral("archiving ") + g.name))
        return false;
    groups[k] = g;
    return true;
}

bool World::buildHistoryGroup(Kind base, const QString& rule)
{
    HistoryGroup h;
    if (!(h.id = createGroup(QStringLiteral("History %1 %2").arg(kindName(base), rule), base, rule))
        || !(h.before = postIn(QStringLiteral("owner"), h.id, QStringLiteral("before the join")))
        || !makeMember(h.id, base, QStringLiteral("late"))
        || !(h.after = postIn(QStringLiteral("owner"), h.id, QStringLiteral("after the join"))))
        return false;
    history[kindName(base) + u'/' + rule] = h;
    return true;
}

bool World::build(const std::optional<QString>& postgres)
{
    server = std::make_unique<ServerProcess>();
    if (postgres) {
        if (!resetPostgres(*postgres, &error))
            return false;
        server->setExtraArguments({QStringLiteral("--database"), *postgres});
    }
    QByteArray output;
    if (server->command({QStringLiteral("init")}, {}, &output) != 0) {
        error = QStringLiteral("plein-server init failed: ") + QString::fromUtf8(output).trimmed();
        return false;
    }
    // The owner sets up hundreds of things in a row; the per-connection rate is not under test.
    server->setConfig(QStringLiteral("requests_per_second"), QStringLiteral("100000"));
    const QStringList users = allUsers();
    for (const QString& u : users) {
        if (!server->addUser(
                u, u == QLatin1StringView("admin") || u == QLatin1StringView("join_admin"))) {
            error = QStringLiteral("plein-server user add %1 failed").arg(u);
            return false;
        }
    }
    if (!server->start()) {
        error = QStringLiteral("plein-server did not start");
        return false;
    }
    for (const QString& u : users) {
        if (!login(u))
            return false;
    }
    // History groups first and the matrix's private and secret groups last, so that their ids
    // have two digits and a missing id of the same length exists.
    for (Kind base : liveKinds) {
        for (const QString& rule : words("all joined")) {
            if (!buildHistoryGroup(base, rule))
                return false;
        }
    }
    for (Kind k :
         {Kind::ArchivedPublic, Kind::ArchivedPrivate, Kind::Public, Kind::Private, Kind::Secret}) {
        if (!buildGroup(k))
            return false;
    }
    companyPost = postIn(QStringLiteral("member"), 0, QStringLiteral("company-wide"));
    return companyPost != 0;
}

bool World::preparePushes()
{
    for (Role r : roles) {
        WsClient& c = client(roleUser(r));
        if (!syncFrom(c, syncedOf(roleUser(r)).cursor).complete) {
            error = roleUser(r) + QStringLiteral(" could not catch up");
            return false;
        }
        c.pushes().clear();
    }
    for (Kind k : liveKinds) {
        if (!(pushedPosts[k] = postIn(QStringLiteral("owner"), groups.at(k).id,
                                      QStringLiteral("for the members of ") + kindName(k))))
            return false;
    }
    const qint64 barrier = postIn(QStringLiteral("admin"), 0, QStringLiteral("barrier"));
    for (Role r : roles) {
        if (!barrier || !waitForBarrier(client(roleUser(r)), barrier)) {
            error = roleUser(r) + QStringLiteral(" was not pushed the company post");
            return false;
        }
    }
    return true;
}

QList<qint64> World::allGroupPosts() const
{
    QList<qint64> out;
    for (const auto& [kind, g] : groups)
        out << g.posts();
    for (const auto& [name, h] : history)
        out << h.before << h.after;
    return out;
}

QString World::stateOf(qint64 groupId, const QString& user)
{
    for (const QString& state : words("member pending invited")) {
        const auto r = read(QStringLiteral("owner"), QStringLiteral("group.members"),
                            QJsonObject {{QStringLiteral("groupId"), groupId},
                                         {QStringLiteral("state"), state},
                                         {QStringLiteral("limit"), 200}});
        if (!r.ok)
            return QStringLiteral("(the owner's group.members answered %1)").arg(answerOf(r));
        for (const auto& m : r.payload.value(L("members")).toArray()) {
            if (idOf(m.toObject(), L("user")) == userId(user))
                return state;
        }
    }
    return QStringLiteral("none");
}

qint64 World::missingGroupId(qint64 like) const
{
    const qint64 id = largestWithDigits(like);
    return id > m_maxGroupId ? id : id * 10 + 9;
}

qint64 World::missingPostId(qint64 like) const
{
    const qint64 id = largestWithDigits(like);
    return id > m_maxPostId + 100 ? id : id * 10 + 9; // room for the posts still to come
}

const Synced& World::syncedOf(const QString& user)
{
    auto it = m_synced.find(user);
    if (it == m_synced.end())
        it = m_synced.emplace(user, syncFrom(client(user), 0)).first;
    return it->second;
}

qint64 World::namedId(const Cell& c) const
{
    if (c.kind == Kind::Company)
        return companyPost;
    const GroupInfo& g = groups.at(c.kind);
    switch (c.request) {
    case Req::PostEdit:
        return g.memberPost;
    case Req::PostDelete:
        return g.deletable.at(c.role);
    default:
        return c.namesPost() ? g.post : g.id;
    }
}

QJsonObject World::payloadFor(const Cell& c, qint64 groupId, qint64 postId)
{
    const QJsonObject group {{QStringLiteral("groupId"), groupId}};
    const QJsonObject post {{QStringLiteral("postId"), postId}};
    const auto with = [](QJsonObject o, const QString& key, const QJsonValue& value) {
        o.insert(key, value);
        return o;
    };
    const QJsonObject about = with(group, QStringLiteral("userId"), userId(c.target()));
    switch (c.request) {
    case Req::FeedPage:
        return with(group, QStringLiteral("limit"), 50);
    case Req::ThreadGet:
    case Req::PostDelete:
        return post;
    case Req::PostCreate:
        return with(group, QStringLiteral("body"), c.tag());
    case Req::Reply:
        return {{QStringLiteral("parentId"), postId}, {QStringLiteral("body"), c.tag()}};
    case Req::PostLike:
        return with(post, QStringLiteral("liked"), true);
    case Req::PostEdit:
        return with(post, QStringLiteral("body"), c.tag());
    case Req::PostPin:
        return with(post, QStringLiteral("pinned"), true);
    case Req::GroupMembers:
        return with(group, QStringLiteral("limit"), 200);
    case Req::GroupPending:
        return with(group, QStringLiteral("state"), QStringLiteral("pending"));
    case Req::GroupInvited:
        return with(group, QStringLiteral("state"), QStringLiteral("invited"));
    case Req::GroupUpdate:
        return with(group, QStringLiteral("description"), c.tag());
    case Req::GroupArchive:
        return with(group, QStringLiteral("archived"), !c.archived());
    case Req::GroupInvite:
    case Req::GroupRemove:
        return about;
    case Req::GroupDecide:
        return with(about, QStringLiteral("approve"), true);
    case Req::GroupSetRole:
        return with(about, QStringLiteral("role"), QStringLiteral("moderator"));
    case Req::EphemeralSend:
        return {{QStringLiteral("channel"), QStringLiteral("group:%1").arg(groupId)},
                {QStringLiteral("signal"), QStringLiteral("typing")}};
    default: // group.get, group.join, group.leave
        return group;
    }
}

Response World::run(const Cell& c, qint64 replaceId)
{
    qint64 groupId = c.kind == Kind::Company ? 0 : groups.at(c.kind).id;
    qint64 postId = c.namesPost() ? namedId(c) : 0;
    if (replaceId)
        (c.namesPost() ? postId : groupId) = replaceId;
    const QJsonObject payload = payloadFor(c, groupId, postId);
    return c.writes() ? write(c.actor(), c.type(), payload) : read(c.actor(), c.type(), payload);
}

} // namespace

// ---- The tests -------------------------------------------------------------------------------

class TestGroupsMatrix : public QObject
{
    Q_OBJECT

private:
    std::map<QString, std::unique_ptr<World>> m_worlds;

    // The world of this row's backend, built on first use; nullptr (and a failure reported
    // once, skips after it) when it cannot be built.
    World* world()
    {
        QFETCH_GLOBAL(QString, backend);
        auto& w = m_worlds[backend];
        if (!w) {
            w = std::make_unique<World>();
            QElapsedTimer t;
            t.start();
            const bool postgres = backend == QLatin1StringView("postgresql");
            if (postgres && !postgresUrl())
                w->error
                    = QStringLiteral("PLEIN_TEST_POSTGRES is not set, and PostgreSQL is required");
            if (!w->error.isEmpty() || !w->build(postgres ? postgresUrl() : std::nullopt)) {
                if (w->error.isEmpty())
                    w->error = QStringLiteral("the world could not be built");
                QTest::qFail(qPrintable(w->error), __FILE__, __LINE__);
                return nullptr;
            }
            qInfo().noquote() << backend << "world built in" << t.elapsed() << "ms";
        }
        if (!w->error.isEmpty()) {
            QTest::qSkip(qPrintable(QStringLiteral("no world: ") + w->error), __FILE__, __LINE__);
            return nullptr;
        }
        return w.get();
    }

    // Rows "<prefix>/<role>/<kind>" for every relation that can exist.
    template<std::size_t N>
    static void relationRows(const QStringList& prefixes, const std::array<Kind, N>& kinds)
    {
        QTest::addColumn<int>("role");
        QTest::addColumn<int>("kind");
        for (const QString& prefix : prefixes) {
            for (Kind k : kinds) {
                for (Role r : roles) {
                    if (Relation {r, k}.exists())
                        QTest::addRow("%s/%s/%s", qPrintable(prefix), qPrintable(roleName(r)),
                                      qPrintable(kindName(k)))
                            << int(r) << int(k);
                }
            }
        }
    }

    static Relation fetchRelation()
    {
        QFETCH(int, role);
        QFETCH(int, kind);
        return Relation {Role(role), Kind(kind)};
    }

private Q_SLOTS:
    void initTestCase_data() { addBackendRows(); }

    void cleanup()
    {
        QFETCH_GLOBAL(QString, backend);
        const auto it = m_worlds.find(backend);
        if (QTest::currentTestFailed() && it != m_worlds.end() && !it->second->logShown) {
            it->second->logShown = true;
            qWarning().noquote() << "server log:\n"
                                 << QString::fromUtf8(it->second->server->log()).right(4000);
        }
    }

    void cleanupTestCase()
    {
        for (auto& [backend, w] : m_worlds)
            QVERIFY2(w->server->stop(), qPrintable(backend));
    }

    void postgresqlIsAvailable()
    {
        if (postgresUrl())
            return;
        if (postgresRequired())
            QFAIL("CI requires PLEIN_TEST_POSTGRES");
        QSKIP("PLEIN_TEST_POSTGRES is not set (scripts/test.sh sets it): SQLite only");
    }

    // group.list lists what the user may see, also when asked for a secret group by name.
    void list_data() { relationRows(words("group.list group.list:query"), groupKinds); }
    void list()
    {
        World* w = world();
        if (!w)
            return;
        const Relation rel = fetchRelation();
        const GroupInfo& g = w->groups.at(rel.kind);
        QJsonObject payload {{QStringLiteral("limit"), 200}};
        if (QByteArrayView(QTest::currentDataTag()).startsWith("group.list:query"))
            payload.insert(QStringLiteral("query"), g.name);
        const auto r = w->read(roleUser(rel.role), QStringLiteral("group.list"), payload);
        QVERIFY2(r.ok, qPrintable(answerOf(r) + u' ' + r.errorMessage));
        QCOMPARE(idsIn(r.payload, L("groups")).contains(g.id), rel.sees());
    }

    // sync.since from 0: the group's posts reach its members only; group.created and
    // group.updated reach everyone, a secret group's only its members; membership events reach
    // the members (requests and invitations: owners and moderators) and the user concerned;
    // every event says its audience.
    void sync_data() { relationRows({QStringLiteral("sync")}, groupKinds); }
    void sync()
    {
        World* w = world();
        if (!w)
            return;
        const Relation rel = fetchRelation();
        const GroupInfo& g = w->groups.at(rel.kind);
        const qint64 self = w->userId(roleUser(rel.role));
        const Synced& s = w->syncedOf(roleUser(rel.role));
        QVERIFY2(s.complete, "sync.since did not end with more=false");
        const QList<qint64> posts = g.posts();
        int postEvents = 0;
        bool created = false;
        bool updated = false;
        bool removalSeen = false;
        bool invitationSeen = false;
        QString selfState;
        for (const QJsonObject& e : s.events) {
            const QJsonObject data = dataOf(e);
            const QJsonObject audience = e.value(L("audience")).toObject();
            const QString scope = audience.value(L("scope")).toString();
            QVERIFY2(scope == QLatin1StringView("all") || scope == QLatin1StringView("users")
                         || (scope == QLatin1StringView("group") && audience.contains(L("id"))),
                     qPrintable(QStringLiteral("event %1 (%2) has no valid audience")
                                    .arg(number(e.value(L("seq"))))
                                    .arg(kindOf(e))));
            if (kindOf(e).startsWith(QLatin1StringView("post.")) && posts.contains(postIdOf(e))) {
                ++postEvents;
                QCOMPARE(scope, QStringLiteral("group"));
                QCOMPARE(number(audience.value(L("id"))), g.id);
            }
            const bool aboutGroup = idOf(data, L("group")) == g.id;
            created = created || (kindOf(e) == QLatin1StringView("group.created") && aboutGroup);
            updated = updated || (kindOf(e) == QLatin1StringView("group.updated") && aboutGroup);
            if (kindOf(e) == QLatin1StringView("group.member")
                && number(data.value(L("groupId"))) == g.id) {
                const qint64 about = number(data.value(L("userId")));
                QCOMPARE(number(e.value(L("subject"))), about);
                if (about == self)
                    selfState = data.value(L("state")).toString();
                removalSeen = removalSeen || about == w->userId(QStringLiteral("join_removed"));
                invitationSeen
                    = invitationSeen || about == w->userId(QStringLiteral("join_invited"));
            }
        }
        QCOMPARE(postEvents, rel.member() ? int(posts.size()) : 0);
        QCOMPARE(created, rel.base() != Kind::Secret || rel.member());
        QCOMPARE(updated, rel.base() != Kind::Secret || rel.member());
        QCOMPARE(removalSeen, rel.member());
        QCOMPARE(invitationSeen, rel.is(Role::Owner) || rel.is(Role::Moderator));
        // The owner's own membership may come with group.created instead of an event of its own.
        const QString wantSelf = rel.is(Role::Owner) && selfState.isEmpty() ? QString()
            : rel.member()          ? QStringLiteral("member")
            : rel.is(Role::Pending) ? QStringLiteral("pending")
            : rel.is(Role::Invited) ? QStringLiteral("invited")
            : rel.is(Role::Removed) ? QStringLiteral("none")
                                    : QString();
        QCOMPARE(selfState, wantSelf);
    }

    // Live: a post written in the group is pushed to its members only.
    void push_data() { relationRows({QStringLiteral("push")}, liveKinds); }
    void push()
    {
        World* w = world();
        if (!w)
            return;
        const Relation rel = fetchRelation();
        if (w->pushedPosts.empty())
            QVERIFY2(w->preparePushes(), qPrintable(w->error));
        const qint64 post = w->pushedPosts.at(rel.kind);
        QCOMPARE(pushed(w->client(roleUser(rel.role)),
                        [&](const QJsonObject& e) { return isPostEvent(e, post); }),
                 rel.member());
    }

    // A member removed while connected is told so at once and no longer receives the group;
    // added back, they receive it again.
    void liveRemoval_data()
    {
        QTest::addColumn<int>("kind");
        for (Kind k : liveKinds)
            QTest::newRow(qPrintable(kindName(k))) << int(k);
    }
    void liveRemoval()
    {
        World* w = world();
        if (!w)
            return;
        QFETCH(int, kind);
        const Kind k = Kind(kind);
        const qint64 groupId = w->groups.at(k).id;
        const qint64 live = w->userId(QStringLiteral("live"));
        WsClient& c = w->client(QStringLiteral("live"));
        QVERIFY(syncFrom(c, w->syncedOf(QStringLiteral("live")).cursor).complete);
        c.pushes().clear();
        QVERIFY(w->write(QStringLiteral("owner"), QStringLiteral("group.remove"),
                         QJsonObject {{QStringLiteral("groupId"), groupId},
                                      {QStringLiteral("userId"), live}})
                    .ok);
        const auto membership = [&](const char* state) {
            return [=](const QJsonObject& e) {
                return isMembershipEvent(e, groupId, live, QString::fromLatin1(state))
                    && number(e.value(L("subject"))) == live;
            };
        };
        QVERIFY2(waitForPush(c, membership("none"), 1000),
                 "no group.member push about the user with state none within 1000 ms");
        const qint64 after = w->postIn(QStringLiteral("owner"), groupId, QStringLiteral("gone"));
        const qint64 barrier = w->postIn(QStringLiteral("admin"), 0, QStringLiteral("barrier"));
        QVERIFY(after && barrier && waitForBarrier(c, barrier));
        QVERIFY2(!pushed(c, [&](const QJsonObject& e) { return isPostEvent(e, after); }),
                 "a removed member was pushed the group's post");

        QVERIFY2(w->makeMember(groupId, Relation {Role::Member, k}.base(), QStringLiteral("live")),
                 qPrintable(w->error));
        QVERIFY(waitForPush(c, membership("member"), 1000));
        const qint64 again = w->postIn(QStringLiteral("owner"), groupId, QStringLiteral("back"));
        QVERIFY(again);
        QVERIFY2(waitForPush(
                     c, [&](const QJsonObject& e) { return isPostEvent(e, again); }, 1000),
                 "a member added back was not pushed the group's post");
    }

    // A client without the groups feature: group requests refused, no group events or posts,
    // and a sync that ends.
    void oldClient()
    {
        World* w = world();
        if (!w)
            return;
        WsClient old; // says hello with ["feed"] only
        QVERIFY(old.connectTo(w->server->url()));
        const auto hello = old.hello();
        QVERIFY(hello.ok);
        QVERIFY(!hello.payload.value(L("agreed")).toArray().contains(QStringLiteral("groups")));
        QVERIFY(!old.login(QStringLiteral("member")).isEmpty());
        const QJsonObject group {{QStringLiteral("groupId"), w->groups.at(Kind::Public).id}};
        const auto with = [](QJsonObject o, const QString& key, const QJsonValue& value) {
            o.insert(key, value);
            return o;
        };
        const QJsonObject about
            = with(group, QStringLiteral("userId"), w->userId(QStringLiteral("outsider")));
        const QList<std::pair<QString, QJsonObject>> groupRequests {
            {QStringLiteral("group.create"),
             {{QStringLiteral("name"), QStringLiteral("Old client's")},
              {QStringLiteral("kind"), QStringLiteral("public")}}},
            {QStringLiteral("group.list"), {}},
            {QStringLiteral("group.get"), group},
            {QStringLiteral("group.members"), group},
            {QStringLiteral("group.update"), group},
            {QStringLiteral("group.archive"), with(group, QStringLiteral("archived"), false)},
            {QStringLiteral("group.join"), group},
            {QStringLiteral("group.leave"), group},
            {QStringLiteral("group.invite"), about},
            {QStringLiteral("group.decide"), with(about, QStringLiteral("approve"), false)},
            {QStringLiteral("group.remove"), about},
            {QStringLiteral("group.set_role"),
             with(about, QStringLiteral("role"), QStringLiteral("member"))}};
        for (const auto& [type, payload] : groupRequests) {
            const bool reads = words("group.list group.get group.members").contains(type);
            const auto r = old.request(
                type, reads ? payload : with(payload, QStringLiteral("clientId"), newClientId()));
            QVERIFY2(r.errorCode == QLatin1StringView("bad_request"),
                     qPrintable(type + QStringLiteral(" answered ") + answerOf(r)));
        }

        const Synced s = syncFrom(old, 0);
        QVERIFY2(s.complete,
                 qPrintable(QStringLiteral("no more=false after %1 pages").arg(s.pages)));
        const QList<qint64> groupPosts = w->allGroupPosts();
        bool company = false;
        for (const QJsonObject& e : s.events) {
            QVERIFY2(!kindOf(e).startsWith(QLatin1StringView("group.")), qPrintable(kindOf(e)));
            QVERIFY2(!e.contains(L("audience")), "audience sent without the feature");
            if (kindOf(e).startsWith(QLatin1StringView("post."))) {
                QVERIFY2(!groupPosts.contains(postIdOf(e)),
                         qPrintable(QStringLiteral("group post %1 synced").arg(postIdOf(e))));
                company = company || postIdOf(e) == w->companyPost;
            }
        }
        QVERIFY(company);
        const auto page = old.request(QStringLiteral("feed.page"),
                                      QJsonObject {{QStringLiteral("limit"), 200}});
        QVERIFY(page.ok);
        for (qint64 id : idsIn(page.payload, L("posts")))
            QVERIFY(!groupPosts.contains(id));

        // Live: the company post arrives, the group post written before it does not.
        const qint64 inGroup = w->postIn(QStringLiteral("owner"), number(group.value(L("groupId"))),
                                         QStringLiteral("not for old clients"));
        const qint64 barrier = w->postIn(QStringLiteral("admin"), 0, QStringLiteral("barrier"));
        QVERIFY(inGroup && barrier && waitForBarrier(old, barrier));
        QVERIFY(!pushed(old, [&](const QJsonObject& e) {
            return isPostEvent(e, inGroup) || kindOf(e).startsWith(QLatin1StringView("group."));
        }));
    }

    // The company feed (feed.page without groupId) never shows a group's posts.
    void companyFeed_data()
    {
        QTest::addColumn<int>("role");
        for (Role r : roles)
            QTest::addRow("feed.page/%s/company", qPrintable(roleName(r))) << int(r);
    }
    void companyFeed()
    {
        World* w = world();
        if (!w)
            return;
        QFETCH(int, role);
        const auto page = w->read(roleUser(Role(role)), QStringLiteral("feed.page"),
                                  QJsonObject {{QStringLiteral("limit"), 200}});
        QVERIFY2(page.ok, qPrintable(answerOf(page)));
        const QList<qint64> listed = idsIn(page.payload, L("posts"));
        QVERIFY(listed.contains(w->companyPost));
        for (qint64 id : w->allGroupPosts())
            QVERIFY2(!listed.contains(id),
                     qPrintable(QStringLiteral("group post %1 in the company feed").arg(id)));
    }

    // History "joined": what was written before the user joined stays out of reach;
    // "all": the whole history does not.
    void history_data()
    {
        QTest::addColumn<QString>("group");
        QTest::addColumn<bool>("before");
        QTest::addColumn<QString>("path");
        for (const QString& path : words("thread.get feed.page sync")) {
            for (Kind k : liveKinds) {
                for (const QString& rule : words("all joined")) {
                    for (bool before : {true, false})
                        QTest::addRow("%s/%s/%s/%s", qPrintable(path), qPrintable(kindName(k)),
                                      qPrintable(rule), before ? "before-join" : "after-join")
                            << kindName(k) + u'/' + rule << before << path;
                }
            }
        }
    }
    void history()
    {
        World* w = world();
        if (!w)
            return;
        QFETCH(QString, group);
        QFETCH(bool, before);
        QFETCH(QString, path);
        const HistoryGroup& h = w->history.at(group);
        const qint64 post = before ? h.before : h.after;
        const bool visible = !before || group.endsWith(QLatin1StringView("/all"));
        const QString late = QStringLiteral("late");
        if (path == QLatin1StringView("thread.get")) {
            const auto r = w->read(late, path, QJsonObject {{QStringLiteral("postId"), post}});
            QCOMPARE(answerOf(r), visible ? ok : notFound);
            if (!visible) { // a post one may not see answers like a missing one
                const qint64 missing = w->missingPostId(post);
                const auto twin
                    = w->read(late, path, QJsonObject {{QStringLiteral("postId"), missing}});
                QCOMPARE(twin.errorCode, r.errorCode);
                QCOMPARE(withoutId(r.errorMessage, post), withoutId(twin.errorMessage, missing));
            }
        } else if (path == QLatin1StringView("feed.page")) {
            const auto r = w->read(
                late, path,
                QJsonObject {{QStringLiteral("groupId"), h.id}, {QStringLiteral("limit"), 200}});
            QVERIFY2(r.ok, qPrintable(answerOf(r)));
            QCOMPARE(idsIn(r.payload, L("posts")).contains(post), visible);
        } else {
            const auto& events = w->syncedOf(late).events;
            QCOMPARE(std::any_of(events.begin(), events.end(),
                                 [&](const QJsonObject& e) { return isPostEvent(e, post); }),
                     visible);
        }
    }

    // A deactivated member: the open connection closes with 4001, logging in is forbidden.
    void deactivated()
    {
        World* w = world();
        if (!w)
            return;
        WsClient& c = w->client(QStringLiteral("deactivated"));
        QVERIFY(syncFrom(c, 0).complete);
        QCOMPARE(w->server->command({QStringLiteral("user"), QStringLiteral("deactivate"),
                                     QStringLiteral("deactivated")}),
                 0);
        QCOMPARE(c.waitForClose(5000), std::optional<int>(4001));
        WsClient again;
        again.setFeatures(allFeatures());
        QVERIFY(again.connectTo(w->server->url()));
        QVERIFY(again.hello().ok);
        const auto login = again.request(
            QStringLiteral("auth.login"),
            QJsonObject {{QStringLiteral("username"), QStringLiteral("deactivated")},
                         {QStringLiteral("password"), QStringLiteral("password123")}});
        QCOMPARE(answerOf(login), forbidden);
    }

    // Every request that names a group or one of its posts, by every role, in every kind.
    void matrix_data()
    {
        QTest::addColumn<int>("request");
        QTest::addColumn<int>("role");
        QTest::addColumn<int>("kind");
        for (int q = 0; q < int(Req::Count); ++q) {
            for (Kind k : {Kind::Public, Kind::Private, Kind::Secret, Kind::ArchivedPublic,
                           Kind::ArchivedPrivate, Kind::Company}) {
                for (Role r : roles) {
                    const Cell cell {{r, k}, Req(q)};
                    if (!cell.expected().isEmpty())
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
        const Cell cell {fetchRelation(), Req(request)};
        const QString want = cell.expected();
        const auto answer = w->run(cell);
        // Put back what an archive or pin changed, so that the next cells see the same world.
        Response undone;
        undone.ok = true;
        if (answer.ok && (cell.request == Req::GroupArchive || cell.request == Req::PostPin)) {
            const QString who = want == ok   ? cell.actor()
                : cell.kind == Kind::Company ? QStringLiteral("admin")
                                             : QStringLiteral("owner");
            QJsonObject undo
                = w->payloadFor(cell, cell.kind == Kind::Company ? 0 : w->groups.at(cell.kind).id,
                                w->namedId(cell));
            if (cell.request == Req::GroupArchive)
                undo.insert(QStringLiteral("archived"), cell.archived());
            else
                undo.insert(QStringLiteral("pinned"), false);
            undone = w->write(who, cell.type(), undo);
        }
        QVERIFY2(answerOf(answer) == want,
                 qPrintable(QStringLiteral("expected %1, got %2 (%3)")
                                .arg(want, answerOf(answer), answer.errorMessage)));
        QVERIFY2(undone.ok,
                 qPrintable(QStringLiteral("undoing it answered %1 %2")
                                .arg(answerOf(undone), undone.errorMessage)));
        if (want == notFound) {
            // What one may not see answers exactly like what does not exist.
            const qint64 named = w->namedId(cell);
            const qint64 missing
                = cell.namesPost() ? w->missingPostId(named) : w->missingGroupId(named);
            const auto twin = w->run(cell, missing);
            QVERIFY2(twin.errorCode == answer.errorCode,
                     qPrintable(QStringLiteral("a missing id answers ") + answerOf(twin)));
            QCOMPARE(withoutId(answer.errorMessage, named), withoutId(twin.errorMessage, missing));
        }
        if (cell.changesMembership()) {
            const bool own = cell.request == Req::GroupJoin || cell.request == Req::GroupLeave;
            QCOMPARE(w->stateOf(w->groups.at(cell.kind).id, own ? cell.actor() : cell.target()),
                     want == ok ? cell.stateAfterOk() : cell.stateBefore());
        }
    }
};

QTEST_GUILESS_MAIN(TestGroupsMatrix)
#include "tst_groups_matrix.moc"
