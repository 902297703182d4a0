#include "capabilities/yamjams/yamjamstore.h"

#include "capabilities/yamjams/yamjamsprotocol.h"
#include "core/database.h"
#include "core/storeerror.h"
#include "sql/query.h"

#include <QDateTime>
#include <QJsonArray>
#include <QSqlQuery>

namespace plein::server {

namespace yamjams = protocol::yamjams;

namespace {

using L = QLatin1StringView;
constexpr L area("yamjams");

QVariant nullable(qint64 id)
{
    return id ? QVariant(id) : sql::nullValue(QMetaType::LongLong);
}

// Text for a NOT NULL column: a null QString would bind NULL.
QString notNull(const QString& s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

// A statement whose values are counted at run time (sql::run takes a fixed list).
bool runWith(QSqlQuery& q, const QString& statement, const QVariantList& values)
{
    if (!q.prepare(statement))
        return false;
    for (const QVariant& v : values)
        q.addBindValue(v);
    return q.exec();
}

QJsonValue textOrNull(const QString& s)
{
    return s.isEmpty() ? QJsonValue() : QJsonValue(s);
}

QJsonArray people(const QList<YamJamPerson>& list)
{
    QJsonArray out;
    for (const YamJamPerson& p : list)
        out.append(p.toJson());
    return out;
}

QList<qint64> idsOf(const QList<YamJamPerson>& list)
{
    QList<qint64> out;
    for (const YamJamPerson& p : list)
        out << p.id;
    return out;
}

QDateTime utc(const QString& s)
{
    return s.isEmpty() ? QDateTime() : QDateTime::fromString(s, Qt::ISODateWithMs);
}

const QString yamjamColumns = QStringLiteral(
    "SELECT y.id, y.created_by, y.title, y.description, y.starts_at, y.ends_at, y.ended_at, "
    "y.everyone, y.moderated, y.anonymous, y.early, y.answering_id, y.created_at, "
    "y.changed_at, (SELECT COUNT(*) FROM yamjam_questions q WHERE q.yamjam_id = y.id AND "
    "q.state = 'published'), (SELECT COUNT(*) FROM yamjam_questions q WHERE q.yamjam_id = y.id "
    "AND q.state = 'published' AND q.answered_at IS NOT NULL) FROM yamjams y ");

YamJam readYamJam(const QSqlQuery& q)
{
    YamJam y;
    y.id = q.value(0).toLongLong();
    y.createdBy = q.value(1).toLongLong();
    y.title = q.value(2).toString();
    y.description = q.value(3).toString();
    y.startsAt = q.value(4).toString();
    y.endsAt = q.value(5).toString();
    y.endedAt = q.value(6).toString();
    y.everyone = q.value(7).toInt() != 0;
    y.moderated = q.value(8).toInt() != 0;
    y.anonymous = q.value(9).toInt() != 0;
    y.early = q.value(10).toInt() != 0;
    y.answeringId = q.value(11).toLongLong();
    y.createdAt = q.value(12).toString();
    y.changedAt = q.value(13).toString();
    y.questions = q.value(14).toInt();
    y.answered = q.value(15).toInt();
    return y;
}

const QString questionColumns = QStringLiteral(
    "SELECT q.id, q.yamjam_id, q.asker_id, a.username, a.display_name, q.anonymous, q.body, "
    "q.state, q.reason, q.merged_into, q.votes, q.answer, q.answered_live, q.answered_by, "
    "b.username, b.display_name, q.answered_at, q.created_at, q.edited_at, "
    "q.edited_by_organiser, EXISTS (SELECT 1 FROM yamjam_votes v WHERE v.question_id = q.id "
    "AND v.user_id = ?) FROM yamjam_questions q JOIN users a ON a.id = q.asker_id LEFT JOIN "
    "users b ON b.id = q.answered_by WHERE ");

YamJamQuestion readQuestion(const QSqlQuery& q)
{
    YamJamQuestion x;
    x.id = q.value(0).toLongLong();
    x.yamjamId = q.value(1).toLongLong();
    x.askerId = q.value(2).toLongLong();
    x.asker = YamJamPerson {x.askerId, q.value(3).toString(), q.value(4).toString()};
    x.anonymous = q.value(5).toInt() != 0;
    x.body = q.value(6).toString();
    x.state = questionStateFromName(q.value(7).toString()).value_or(QuestionState::Hidden);
    x.reason = q.value(8).toString();
    x.mergedInto = q.value(9).toLongLong();
    x.votes = q.value(10).toInt();
    x.answer = q.value(11).toString();
    x.answeredLive = q.value(12).toInt() != 0;
    x.answeredBy
        = YamJamPerson {q.value(13).toLongLong(), q.value(14).toString(), q.value(15).toString()};
    x.answeredAt = q.value(16).toString();
    x.answered = !x.answeredAt.isEmpty();
    x.createdAt = q.value(17).toString();
    x.editedAt = q.value(18).toString();
    x.editedByOrganiser = q.value(19).toInt() != 0;
    x.votedByMe = q.value(20).toBool();
    return x;
}

} // namespace

QJsonObject YamJamPerson::toJson() const
{
    return QJsonObject {{QStringLiteral("id"), id},
                        {QStringLiteral("username"), username},
                        {QStringLiteral("displayName"), displayName}};
}

QList<qint64> YamJam::hostIds() const
{
    return idsOf(hosts);
}

QList<qint64> YamJam::organiserIds() const
{
    return idsOf(organisers);
}

QList<qint64> YamJam::peopleIds() const
{
    return idsOf(people);
}

QJsonObject YamJam::toJson() const
{
    QJsonArray groupIds;
    for (qint64 g : groups)
        groupIds.append(g);
    const auto phase = yamjams::phaseAt(utc(startsAt), utc(endsAt), utc(endedAt),
                                        QDateTime::currentDateTimeUtc());
    return QJsonObject {
        {QStringLiteral("id"), id},
        {QStringLiteral("createdBy"), createdBy},
        {QStringLiteral("title"), title},
        {QStringLiteral("description"), description},
        {QStringLiteral("startsAt"), startsAt},
        {QStringLiteral("endsAt"), endsAt},
        {QStringLiteral("endedAt"), textOrNull(endedAt)},
        {QStringLiteral("phase"), QString(yamjams::phaseName(phase))},
        {QStringLiteral("audience"),
         QJsonObject {{QStringLiteral("everyone"), everyone},
                      {QStringLiteral("groupIds"), groupIds},
                      {QStringLiteral("people"), ::plein::server::people(people)}}},
        {QStringLiteral("hosts"), ::plein::server::people(hosts)},
        {QStringLiteral("organisers"), ::plein::server::people(organisers)},
        {QStringLiteral("moderated"), moderated},
        {QStringLiteral("anonymous"), anonymous},
        {QStringLiteral("early"), early},
        {QStringLiteral("questions"), questions},
        {QStringLiteral("answered"), answered},
        {QStringLiteral("createdAt"), createdAt},
        {QStringLiteral("changedAt"), changedAt},
    };
}

QLatin1StringView questionStateName(QuestionState s)
{
    switch (s) {
    case QuestionState::Pending:
        return L("pending");
    case QuestionState::Published:
        return L("published");
    case QuestionState::Hidden:
        return L("hidden");
    case QuestionState::Merged:
        return L("merged");
    }
    return L("hidden");
}

std::optional<QuestionState> questionStateFromName(QStringView name)
{
    for (auto s : {QuestionState::Pending, QuestionState::Published, QuestionState::Hidden,
                   QuestionState::Merged}) {
        if (name == questionStateName(s))
            return s;
    }
    return std::nullopt;
}

QJsonObject YamJamQuestion::toJson(const View& view) const
{
    const bool mine = view.viewerId && view.viewerId == askerId;
    QJsonObject o {{QStringLiteral("id"), id},
                   {QStringLiteral("yamjamId"), yamjamId},
                   {QStringLiteral("state"), QString(questionStateName(state))}};
    // What is no longer shown goes from the audience's view with nothing but its state (and
    // where a merged one went).
    const bool shown = state == QuestionState::Published || mine || view.organiser;
    if (state == QuestionState::Merged)
        o.insert(QStringLiteral("mergedInto"), mergedInto);
    if (!shown)
        return o;
    o.insert(QStringLiteral("body"), body);
    o.insert(QStringLiteral("anonymous"), anonymous);
    o.insert(QStringLiteral("author"), anonymous ? QJsonValue() : QJsonValue(asker.toJson()));
    o.insert(QStringLiteral("votes"), votes);
    o.insert(QStringLiteral("createdAt"), createdAt);
    o.insert(QStringLiteral("editedAt"), textOrNull(editedAt));
    o.insert(QStringLiteral("editedByOrganiser"), editedByOrganiser);
    if (answered) {
        o.insert(QStringLiteral("answer"),
                 QJsonObject {{QStringLiteral("body"), answer},
                              {QStringLiteral("live"), answeredLive},
                              {QStringLiteral("by"), answeredBy.toJson()},
                              {QStringLiteral("at"), answeredAt}});
    } else {
        o.insert(QStringLiteral("answer"), QJsonValue());
    }
    if (view.viewerId) {
        o.insert(QStringLiteral("votedByMe"), votedByMe);
        o.insert(QStringLiteral("mine"), mine);
    }
    if (mine || view.organiser)
        o.insert(QStringLiteral("reason"), reason);
    if (view.organiser)
        o.insert(QStringLiteral("askerId"), askerId);
    return o;
}

QJsonObject YamJamFigures::toJson() const
{
    return QJsonObject {{QStringLiteral("participants"), participants},
                        {QStringLiteral("questions"), questions},
                        {QStringLiteral("answered"), answered},
                        {QStringLiteral("upvotes"), upvotes}};
}

Result<qint64> YamJamStore::insert(const YamJam& y, const QList<qint64>& hosts,
                                   const QList<qint64>& organisers, const QList<qint64>& groups,
                                   const QList<qint64>& people)
{
    QSqlQuery q(m_db.db());
    const QString now = nowUtc();
    if (!sql::run(
            q,
            QStringLiteral("INSERT INTO yamjams (created_by, title, description, starts_at, "
                           "ends_at, everyone, moderated, anonymous, early, created_at, "
                           "changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"),
            {y.createdBy, y.title, notNull(y.description), y.startsAt, y.endsAt, int(y.everyone),
             int(y.moderated), int(y.anonymous), int(y.early), now, now})
        || !q.next())
        return storeError(area, q);
    const qint64 id = q.value(0).toLongLong();
    q.finish();
    if (auto r = writeMembers(id, hosts, organisers, groups, people); !r)
        return r.error();
    return id;
}

Result<bool> YamJamStore::update(const YamJam& y, const QList<qint64>& hosts,
                                 const QList<qint64>& organisers, const QList<qint64>& groups,
                                 const QList<qint64>& people)
{
    QSqlQuery q(m_db.db());
    if (!sql::run(q,
                  QStringLiteral("UPDATE yamjams SET title = ?, description = ?, starts_at = ?, "
                                 "ends_at = ?, everyone = ?, moderated = ?, anonymous = ?, early "
                                 "= ?, changed_at = ? WHERE id = ?"),
                  {y.title, notNull(y.description), y.startsAt, y.endsAt, int(y.everyone),
                   int(y.moderated), int(y.anonymous), int(y.early), nowUtc(), y.id}))
        return storeError(area, q);
    for (const QString& table : {QStringLiteral("yamjam_roles"), QStringLiteral("yamjam_groups"),
                                 QStringLiteral("yamjam_people")}) {
        q.finish();
        if (!sql::run(q, QStringLiteral("DELETE FROM %1 WHERE yamjam_id = ?").arg(table), {y.id}))
            return storeError(area, q);
    }
    return writeMembers(y.id, hosts, organisers, groups, people);
}

Result<bool> YamJamStore::writeMembers(qint64 yamjamId, const QList<qint64>& hosts,
                                       const QList<qint64>& organisers, const QList<qint64>& groups,
                                       const QList<qint64>& people)
{
    QSqlQuery q(m_db.db());
    const auto role = [&](const QList<qint64>& ids, QLatin1StringView name) {
        for (qint64 u : ids) {
            if (!sql::run(q,
                          QStringLiteral("INSERT INTO yamjam_roles (yamjam_id, user_id, role) "
                                         "VALUES (?, ?, ?) ON CONFLICT DO NOTHING"),
                          {yamjamId, u, QString(name)}))
                return false;
            q.finish();
        }
        return true;
    };
    if (!role(hosts, L("host")) || !role(organisers, L("organiser")))
        return storeError(area, q);
    for (qint64 g : groups) {
        if (!sql::run(q,
                      QStringLiteral("INSERT INTO yamjam_groups (yamjam_id, group_id) VALUES (?, "
                                     "?) ON CONFLICT DO NOTHING"),
                      {yamjamId, g}))
            return storeError(area, q);
        q.finish();
    }
    for (qint64 u : people) {
        if (!sql::run(q,
                      QStringLiteral("INSERT INTO yamjam_people (yamjam_id, user_id) VALUES (?, "
                                     "?) ON CONFLICT DO NOTHING"),
                      {yamjamId, u}))
            return storeError(area, q);
        q.finish();
    }
    return true;
}

Result<bool> YamJamStore::removeRole(qint64 yamjamId, qint64 userId, QLatin1StringView role)
{
    QSqlQuery q(m_db.db());
    if (!sql::run(q,
                  QStringLiteral("DELETE FROM yamjam_roles WHERE yamjam_id = ? AND user_id = ? "
                                 "AND role = ?"),
                  {yamjamId, userId, QString(role)}))
        return storeError(area, q);
    const bool removed = q.numRowsAffected() > 0;
    q.finish();
    if (!sql::run(q, QStringLiteral("UPDATE yamjams SET changed_at = ? WHERE id = ?"),
                  {nowUtc(), yamjamId}))
        return storeError(area, q);
    return removed;
}

Result<bool> YamJamStore::setEnded(qint64 yamjamId, const QString& at)
{
    QSqlQuery q(m_db.db());
    if (!sql::run(q,
                  QStringLiteral("UPDATE yamjams SET ended_at = ?, answering_id = NULL, "
                                 "changed_at = ? WHERE id = ? AND ended_at IS NULL"),
                  {at, at, yamjamId}))
        return storeError(area, q);
    return q.numRowsAffected() > 0;
}

Result<bool> YamJamStore::setAnswering(qint64 yamjamId, qint64 questionId)
{
    QSqlQuery q(m_db.db());
    if (!sql::run(q, QStringLiteral("UPDATE yamjams SET answering_id = ? WHERE id = ?"),
                  {nullable(questionId), yamjamId}))
        return storeError(area, q);
    return q.numRowsAffected() > 0;
}

std::optional<YamJam> YamJamStore::find(qint64 yamjamId)
{
    QSqlQuery q(m_db.db());
    if (!sql::run(q, yamjamColumns + QStringLiteral("WHERE y.id = ?"), {yamjamId}) || !q.next())
        return std::nullopt;
    YamJam y = readYamJam(q);
    q.finish();
    fillNames(y);
    return y;
}

void YamJamStore::fillNames(YamJam& y)
{
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    if (sql::run(q,
                 QStringLiteral("SELECT r.role, u.id, u.username, u.display_name FROM "
                                "yamjam_roles r JOIN users u ON u.id = r.user_id WHERE "
                                "r.yamjam_id = ? ORDER BY u.display_name, u.id"),
                 {y.id})) {
        while (q.next()) {
            const YamJamPerson p {q.value(1).toLongLong(), q.value(2).toString(),
                                  q.value(3).toString()};
            (q.value(0).toString() == L("host") ? y.hosts : y.organisers).append(p);
        }
    }
    q.finish();
    if (sql::run(q,
                 QStringLiteral("SELECT u.id, u.username, u.display_name FROM yamjam_people p "
                                "JOIN users u ON u.id = p.user_id WHERE p.yamjam_id = ? ORDER BY "
                                "u.display_name, u.id"),
                 {y.id})) {
        while (q.next())
            y.people.append(YamJamPerson {q.value(0).toLongLong(), q.value(1).toString(),
                                          q.value(2).toString()});
    }
    q.finish();
    if (sql::run(q,
                 QStringLiteral("SELECT group_id FROM yamjam_groups WHERE yamjam_id = ? ORDER BY "
                                "group_id"),
                 {y.id})) {
        while (q.next())
            y.groups.append(q.value(0).toLongLong());
    }
}

namespace {
// The YamJams a user takes part in, as SQL over `y` with the user's id bound four times.
const QString audienceCondition = QStringLiteral(
    "(y.everyone = 1 OR y.created_by = ? OR EXISTS (SELECT 1 FROM yamjam_roles r WHERE "
    "r.yamjam_id = y.id AND r.user_id = ?) OR EXISTS (SELECT 1 FROM yamjam_people p WHERE "
    "p.yamjam_id = y.id AND p.user_id = ?) OR EXISTS (SELECT 1 FROM yamjam_groups g JOIN "
    "group_members m ON m.group_id = g.group_id AND m.state = 'member' WHERE g.yamjam_id = y.id "
    "AND m.user_id = ?))");
} // namespace

bool YamJamStore::inAudience(qint64 yamjamId, qint64 userId)
{
    QSqlQuery q(m_db.db());
    return sql::run(
               q, QStringLiteral("SELECT 1 FROM yamjams y WHERE y.id = ? AND ") + audienceCondition,
               {yamjamId, userId, userId, userId, userId})
        && q.next();
}

QList<qint64> YamJamStore::activeAmong(const QList<qint64>& userIds)
{
    QList<qint64> out;
    if (userIds.isEmpty())
        return out;
    QStringList ids;
    for (qint64 id : userIds)
        ids << QString::number(id);
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    if (!sql::run(q,
                  QStringLiteral("SELECT id FROM users WHERE active = 1 AND id IN (%1)")
                      .arg(ids.join(u','))))
        return out;
    while (q.next())
        out << q.value(0).toLongLong();
    return out;
}

Result<QList<YamJam>> YamJamStore::list(qint64 userId, bool all, bool past, const QString& now,
                                        int offset, int limit)
{
    // Closed: ended by its hosts, or its end passed.
    const QString closed = QStringLiteral("(y.ended_at IS NOT NULL OR y.ends_at <= ?)");
    QString where = past ? closed : QStringLiteral("NOT ") + closed;
    QVariantList binds {now};
    if (!all) {
        where += QStringLiteral(" AND ") + audienceCondition;
        binds << userId << userId << userId << userId;
    }
    const QString order = past ? QStringLiteral("COALESCE(y.ended_at, y.ends_at) DESC, y.id DESC")
                               : QStringLiteral("y.starts_at, y.id");
    binds << limit << offset;
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    if (!runWith(q,
                 yamjamColumns
                     + QStringLiteral("WHERE %1 ORDER BY %2 LIMIT ? OFFSET ?").arg(where, order),
                 binds))
        return storeError(area, q);
    QList<YamJam> out;
    while (q.next())
        out.append(readYamJam(q));
    q.finish();
    for (YamJam& y : out)
        fillNames(y);
    return out;
}

Result<YamJamQuestion> YamJamStore::insertQuestion(qint64 yamjamId, qint64 askerId, bool anonymous,
                                                   const QString& body, QuestionState state)
{
    QSqlQuery q(m_db.db());
    if (!sql::run(
            q,
            QStringLiteral("INSERT INTO yamjam_questions (yamjam_id, asker_id, anonymous, "
                           "body, state, reason, created_at) VALUES (?, ?, ?, ?, ?, '', ?) "
                           "RETURNING id"),
            {yamjamId, askerId, int(anonymous), body, QString(questionStateName(state)), nowUtc()})
        || !q.next())
        return storeError(area, q);
    const qint64 id = q.value(0).toLongLong();
    q.finish();
    auto made = findQuestion(id, askerId);
    if (!made)
        return makeError(protocol::ErrorCode::Internal,
                         QStringLiteral("the question was not written"));
    return *made;
}

std::optional<YamJamQuestion> YamJamStore::findQuestion(qint64 questionId, qint64 viewerId)
{
    QSqlQuery q(m_db.db());
    if (!sql::run(q, questionColumns + QStringLiteral("q.id = ?"), {viewerId, questionId})
        || !q.next())
        return std::nullopt;
    return readQuestion(q);
}

Result<QList<YamJamQuestion>> YamJamStore::questions(qint64 yamjamId, qint64 viewerId, bool all,
                                                     qint64 after, int limit)
{
    QSqlQuery q(m_db.db());
    q.setForwardOnly(true);
    const QString which = all ? QString()
                              : QStringLiteral(" AND (q.state = 'published' OR (q.asker_id = ? "
                                               "AND q.state <> 'merged'))");
    QVariantList binds {viewerId, yamjamId, after};
    if (!all)
        binds << viewerId;
    binds << limit;
    if (!runWith(
            q,
            questionColumns
                + QStringLiteral("q.yamjam_id = ? AND q.id > ?%1 ORDER BY q.id LIMIT ?").arg(which),
            binds))
        return storeError(area, q);
    QList<YamJamQuestion> out;
    while (q.next())
        out.append(readQuestion(q));
    return out;
}

Result<bool> YamJamStore::setState(qint64 questionId, QuestionState state, const QString& reason)
{
    QSqlQuery q(m_db.db());
    if (!sql::run(q,
                  QStringLiteral("UPDATE yamjam_questions SET state = ?, reason = ? WHERE id = ?"),
                  {QString(questionStateName(state)), notNull(reason), questionId}))
        return storeError(area, q);
    return q.numRowsAffected() > 0;
}

Result<bool> YamJamStore::setBody(qint64 questionId, const QString& body, const QString& reason)
{
    QSqlQuery q(m_db.db());
    if (!sql::run(q,
                  QStringLiteral("UPDATE yamjam_questions SET body = ?, reason = ?, edited_at = "
                                 "?, edited_by_organiser = 1 WHERE id = ?"),
                  {body, notNull(reason), nowUtc(), questionId}))
        return storeError(area, q);
    return q.numRowsAffected() > 0;
}

Result<bool> YamJamStore::setAnswer(qint64 questionId, const QString& body, bool live, qint64 by)
{
    QSqlQuery q(m_db.db());
    if (!sql::run(q,
                  QStringLiteral("UPDATE yamjam_questions SET answer = ?, answered_live = ?, "
                                 "answered_by = ?, answered_at = ? WHERE id = ?"),
                  {body, int(live), by, nowUtc(), questionId}))
        return storeError(area, q);
    return q.numRowsAffected() > 0;
}

Result<bool> YamJamStore::setVote(qint64 questionId, qint64 userId, bool voted, int* votes)
{
    QSqlQuery q(m_db.db());
    const bool ok = voted
        ? sql::run(q,
                   QStringLiteral("INSERT INTO yamjam_votes (question_id, user_id, created_at) "
                                  "VALUES (?, ?, ?) ON CONFLICT DO NOTHING"),
                   {questionId, userId, nowUtc()})
        : sql::run(q,
                   QStringLiteral("DELETE FROM yamjam_votes WHERE question_id = ? AND user_id = ?"),
                   {questionId, userId});
    if (!ok)
        return storeError(area, q);
    const bool changed = q.numRowsAffected() > 0;
    q.finish();
    if (changed
        && !sql::run(q,
                     QStringLiteral("UPDATE yamjam_questions SET votes = votes + ? WHERE id = ?"),
                     {voted ? 1 : -1, questionId}))
        return storeError(area, q);
    q.finish();
    if (!sql::run(q, QStringLiteral("SELECT votes FROM yamjam_questions WHERE id = ?"),
                  {questionId})
        || !q.next())
        return storeError(area, q);
    *votes = q.value(0).toInt();
    return changed;
}

Result<int> YamJamStore::merge(qint64 questionId, qint64 into)
{
    QSqlQuery q(m_db.db());
    const QStringList steps {
        QStringLiteral("INSERT INTO yamjam_votes (question_id, user_id, created_at) SELECT ?, "
                       "user_id, created_at FROM yamjam_votes WHERE question_id = ? ON CONFLICT "
                       "DO NOTHING"),
        QStringLiteral("DELETE FROM yamjam_votes WHERE question_id = ?"),
        QStringLiteral("UPDATE yamjam_questions SET state = 'merged', merged_into = ?, votes = 0 "
                       "WHERE id = ?"),
        QStringLiteral("UPDATE yamjam_questions SET votes = (SELECT COUNT(*) FROM yamjam_votes v "
                       "WHERE v.question_id = yamjam_questions.id) WHERE id = ?"),
    };
    const QList<QVariantList> binds {{into, questionId}, {questionId}, {into, questionId}, {into}};
    for (qsizetype i = 0; i < steps.size(); ++i) {
        if (!runWith(q, steps[i], binds[i]))
            return storeError(area, q);
        q.finish();
    }
    if (!sql::run(q, QStringLiteral("SELECT votes FROM yamjam_questions WHERE id = ?"), {into})
        || !q.next())
        return storeError(area, q);
    return q.value(0).toInt();
}

YamJamFigures YamJamStore::figures(qint64 yamjamId)
{
    YamJamFigures f;
    QSqlQuery q(m_db.db());
    if (sql::run(q,
                 QStringLiteral("SELECT COUNT(*), COALESCE(SUM(CASE WHEN answered_at IS NOT NULL "
                                "THEN 1 ELSE 0 END), 0), COALESCE(SUM(votes), 0) FROM "
                                "yamjam_questions WHERE yamjam_id = ? AND state <> 'merged'"),
                 {yamjamId})
        && q.next()) {
        f.questions = q.value(0).toInt();
        f.answered = q.value(1).toInt();
        f.upvotes = q.value(2).toInt();
    }
    q.finish();
    if (sql::run(q,
                 QStringLiteral("SELECT COUNT(*) FROM (SELECT asker_id AS u FROM yamjam_questions "
                                "WHERE yamjam_id = ? UNION SELECT v.user_id FROM yamjam_votes v "
                                "JOIN yamjam_questions q ON q.id = v.question_id WHERE "
                                "q.yamjam_id = ?) x"),
                 {yamjamId, yamjamId})
        && q.next())
        f.participants = q.value(0).toInt();
    return f;
}

} // namespace plein::server
