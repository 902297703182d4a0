#include "drafts.h"

#include "blogstore.h"
#include "capabilities/blogs/blogsprotocol.h"
#include "jsonfields.h"
#include "outbox/outbox.h"
#include "store/cache.h"
#include "sync/connection.h"
#include "sync/session.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

namespace plein::client {

namespace blogs = protocol::blogs;
using L = QLatin1StringView;
using protocol::ErrorCode;

namespace {

constexpr int defaultSaveDelayMs = 1500;
constexpr int firstRetryMs = 2000;
constexpr int maxRetryMs = 60000;
// Internal errors and refused sessions given this often in a row are shown to the author.
constexpr int maxTransientFailures = 8;

const QString workColumns = QStringLiteral(
    "local_id, article_id, group_id, published, base_revision, base_title, base_summary, "
    "base_body, base_tags, title, summary, body, tags, changed_at, dirty, update_wanted, "
    "publish, sending, conflict, error_code, error_message, co_authors");

QString text(const QString& s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

QString tagsJson(const QStringList& tags)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(tags)).toJson(QJsonDocument::Compact));
}

QStringList tagsOf(const QVariant& v)
{
    QStringList out;
    for (const QJsonValue& t : QJsonDocument::fromJson(v.toString().toUtf8()).array())
        out.append(t.toString());
    return out;
}

QString objectJson(const QJsonObject& o)
{
    return o.isEmpty() ? QString()
                       : QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QJsonObject objectOf(const QVariant& v)
{
    return QJsonDocument::fromJson(v.toString().toUtf8()).object();
}

WorkRow readWork(const QSqlQuery& q)
{
    WorkRow w;
    w.localId = q.value(0).toString();
    w.articleId = q.value(1).toLongLong();
    w.groupId = q.value(2).toLongLong();
    w.published = q.value(3).toInt() != 0;
    w.baseRevision = q.value(4).toLongLong();
    w.base = ArticleText {q.value(5).toString(), q.value(6).toString(), q.value(7).toString(),
                          tagsOf(q.value(8))};
    w.text = ArticleText {q.value(9).toString(), q.value(10).toString(), q.value(11).toString(),
                          tagsOf(q.value(12))};
    w.changedAt = q.value(13).toString();
    w.dirty = q.value(14).toInt() != 0;
    w.updateWanted = q.value(15).toInt() != 0;
    w.publish = q.value(16).toString();
    w.sending = objectOf(q.value(17));
    if (const QJsonObject theirs = objectOf(q.value(18)); !theirs.isEmpty())
        w.conflict = ArticleRow::fromJson(theirs);
    w.errorCode = q.value(19).toString();
    w.errorMessage = q.value(20).toString();
    if (const QString co = q.value(21).toString(); !co.isEmpty()) {
        QList<ArticlePerson> people;
        for (const QJsonValue& v : QJsonDocument::fromJson(co.toUtf8()).array())
            people.append(ArticlePerson::fromJson(v.toObject()));
        w.coAuthors = people;
    }
    return w;
}

QList<qint64> idsOf(const QList<ArticlePerson>& people)
{
    QList<qint64> ids;
    for (const ArticlePerson& p : people)
        ids.append(p.id);
    std::sort(ids.begin(), ids.end());
    return ids;
}

QString coAuthorsJson(const std::optional<QList<ArticlePerson>>& people)
{
    if (!people)
        return QStringLiteral("");
    QJsonArray out;
    for (const ArticlePerson& p : *people)
        out.append(p.toJson());
    return QString::fromUtf8(QJsonDocument(out).toJson(QJsonDocument::Compact));
}

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QLatin1StringView requestType(const QString& name)
{
    for (QLatin1StringView t : {blogs::ArticleSave, blogs::ArticleEdit, blogs::ArticlePublish}) {
        if (name == t)
            return t;
    }
    return {};
}

} // namespace

WorkRow::State WorkRow::state() const
{
    if (conflict)
        return State::Conflict;
    if (!errorCode.isEmpty())
        return State::Failed;
    if (!sending.isEmpty())
        return State::Sending;
    if (dirty || !publish.isEmpty())
        return State::Local;
    return State::Synced;
}

Drafts::Drafts(Session& session, Connection& connection, Cache& cache, QObject* parent)
    : QObject(parent)
    , m_session(session)
    , m_connection(connection)
    , m_cache(cache)
{
    m_delay.setSingleShot(true);
    m_delay.setInterval(defaultSaveDelayMs);
    connect(&m_delay, &QTimer::timeout, this, &Drafts::sendNext);
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &Drafts::sendNext);
    // Saves go after authentication, like the outbox's writes; a request that was on its way
    // when the connection went is asked again with its clientId.
    connect(&m_connection, &Connection::authenticated, this, [this]() {
        m_failures = 0;
        sendNext();
    });
}

QString Drafts::create(qint64 groupId)
{
    WorkRow w;
    w.localId = Outbox::newClientId();
    w.groupId = groupId;
    w.changedAt = now();
    return m_cache.transaction([&]() { return update(w); }) ? w.localId : QString();
}

QString Drafts::edit(qint64 articleId)
{
    if (const auto w = workFor(articleId))
        return w->localId;
    const auto a = BlogStore(m_cache).article(articleId);
    if (!a || !a->hasBody)
        return {};
    WorkRow w;
    w.localId = Outbox::newClientId();
    w.articleId = a->id;
    w.groupId = a->groupId;
    w.published = a->isPublished();
    w.baseRevision = a->revision;
    w.base = a->text;
    w.text = a->text;
    w.changedAt = now();
    return m_cache.transaction([&]() { return update(w); }) ? w.localId : QString();
}

std::optional<WorkRow> Drafts::one(const QString& where, const QVariant& value) const
{
    QSqlQuery* q = m_cache.statements().run(
        QStringLiteral("SELECT %1 FROM article_work WHERE %2 LIMIT 1").arg(workColumns, where),
        {value});
    if (!q || !q->next())
        return std::nullopt;
    WorkRow w = readWork(*q);
    q->finish();
    return w;
}

std::optional<WorkRow> Drafts::work(const QString& localId) const
{
    return one(QStringLiteral("local_id = ?"), localId);
}

std::optional<WorkRow> Drafts::workFor(qint64 articleId) const
{
    if (articleId <= 0)
        return std::nullopt;
    return one(QStringLiteral("article_id = ?"), articleId);
}

QList<WorkRow> Drafts::all() const
{
    QList<WorkRow> out;
    QSqlQuery* q = m_cache.statements().run(
        QStringLiteral("SELECT %1 FROM article_work ORDER BY changed_at DESC").arg(workColumns));
    if (!q)
        return out;
    while (q->next())
        out.append(readWork(*q));
    return out;
}

int Drafts::pendingCount() const
{
    QSqlQuery* q = m_cache.statements().run(
        QStringLiteral("SELECT COUNT(*) FROM article_work WHERE dirty <> 0 OR publish <> '' OR "
                       "sending <> '' OR conflict <> '' OR error_code <> ''"));
    if (!q || !q->next())
        return 0;
    const int n = q->value(0).toInt();
    q->finish();
    return n;
}

bool Drafts::update(const WorkRow& w)
{
    auto& statements = m_cache.statements();
    if (!statements.run(
            QStringLiteral("INSERT OR REPLACE INTO article_work (%1) VALUES (?, ?, ?, ?, ?, ?, ?, "
                           "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .arg(workColumns),
            {w.localId,
             w.articleId,
             w.groupId,
             w.published ? 1 : 0,
             w.baseRevision,
             text(w.base.title),
             text(w.base.summary),
             text(w.base.body),
             tagsJson(w.base.tags),
             text(w.text.title),
             text(w.text.summary),
             text(w.text.body),
             tagsJson(w.text.tags),
             text(w.changedAt),
             w.dirty ? 1 : 0,
             w.updateWanted ? 1 : 0,
             text(w.publish),
             text(objectJson(w.sending)),
             w.conflict ? text(objectJson(w.conflict->toJson())) : QStringLiteral(""),
             text(w.errorCode),
             text(w.errorMessage),
             coAuthorsJson(w.coAuthors)}))
        return m_cache.fail(statements.lastError());
    m_cache.noteChange(workArea);
    const QString id = w.localId;
    m_cache.afterCommit([this, id]() { Q_EMIT changed(id); });
    return true;
}

bool Drafts::authorChanged(WorkRow& w)
{
    w.dirty = w.text != w.base || w.coAuthors.has_value();
    w.changedAt = now();
    // A change tries again what was refused for the text (not a missing article, which needs
    // the author's choice).
    if (!w.errorCode.isEmpty() && w.errorCode != protocol::errorCodeName(ErrorCode::NotFound)) {
        w.errorCode.clear();
        w.errorMessage.clear();
    }
    if (!m_cache.transaction([&]() { return update(w); }))
        return false;
    if (w.dirty && !w.published)
        m_delay.start();
    return true;
}

bool Drafts::setCoAuthors(const QString& localId, const QList<ArticlePerson>& coAuthors)
{
    auto w = work(localId);
    if (!w)
        return false;
    // The people the server has already: nothing to send (and nothing left pending).
    std::optional<QList<ArticlePerson>> wanted = coAuthors;
    const auto a = w->articleId > 0 ? BlogStore(m_cache).article(w->articleId) : std::nullopt;
    if (a ? idsOf(a->coAuthors) == idsOf(coAuthors) : coAuthors.isEmpty())
        wanted.reset();
    if (w->coAuthors == wanted)
        return true;
    w->coAuthors = wanted;
    // A co-author refused as unknown (deactivated meanwhile) is `not_found` too: a new choice
    // tries again.
    if (w->errorCode == protocol::errorCodeName(ErrorCode::NotFound)) {
        w->errorCode.clear();
        w->errorMessage.clear();
    }
    return authorChanged(*w);
}

bool Drafts::setText(const QString& localId, const ArticleText& t)
{
    auto w = work(localId);
    if (!w)
        return false;
    if (w->text == t)
        return true;
    w->text = t;
    return authorChanged(*w);
}

bool Drafts::change(const QString& localId, const std::function<bool(WorkRow&)>& how)
{
    auto w = work(localId);
    if (!w || !how(*w))
        return false;
    // What the author asked for is asked again, whatever was refused before.
    w->errorCode.clear();
    w->errorMessage.clear();
    if (!m_cache.transaction([&]() { return update(*w); }))
        return false;
    sendNext();
    return true;
}

bool Drafts::publish(const QString& localId, const QDateTime& at)
{
    return change(localId, [&](WorkRow& w) {
        w.publish = at.isValid() ? at.toUTC().toString(Qt::ISODateWithMs) : QStringLiteral("now");
        return !w.published;
    });
}

bool Drafts::sendUpdate(const QString& localId)
{
    return change(localId, [](WorkRow& w) {
        w.updateWanted = true;
        return w.published;
    });
}

bool Drafts::resolve(const QString& localId, const ArticleText& merged)
{
    return change(localId, [&](WorkRow& w) {
        if (!w.conflict)
            return false;
        const ArticleRow theirs = *w.conflict;
        w.conflict.reset();
        w.baseRevision = theirs.revision;
        w.base = theirs.text;
        // Published in between (on another laptop): what is merged is an edit now, sent as
        // the author wanted the draft to go.
        if (theirs.isPublished() && !w.published) {
            w.updateWanted = !w.publish.isEmpty();
            w.publish.clear();
        }
        w.published = theirs.isPublished();
        w.text = merged;
        w.dirty = merged != w.base || w.coAuthors.has_value();
        w.changedAt = now();
        return true;
    });
}

bool Drafts::retry(const QString& localId)
{
    return change(localId, [](WorkRow&) { return true; });
}

bool Drafts::detach(const QString& localId)
{
    return change(localId, [](WorkRow& w) {
        w.articleId = 0;
        w.baseRevision = 0;
        w.base = {};
        w.published = false;
        w.updateWanted = false;
        w.sending = {};
        w.conflict.reset();
        w.dirty = true;
        return true;
    });
}

bool Drafts::discard(const QString& localId)
{
    const bool ok = m_cache.transaction([&]() {
        auto& statements = m_cache.statements();
        if (!statements.run(QStringLiteral("DELETE FROM article_work WHERE local_id = ?"),
                            {localId}))
            return m_cache.fail(statements.lastError());
        m_cache.noteChange(workArea);
        return true;
    });
    if (ok)
        Q_EMIT changed(localId);
    return ok;
}

std::optional<QJsonObject> Drafts::nextRequest(const WorkRow& w) const
{
    QJsonObject payload {{QStringLiteral("clientId"), Outbox::newClientId()},
                         {QStringLiteral("baseRevision"), w.baseRevision}};
    if (w.dirty && (!w.published || w.updateWanted)) {
        // Without a title the server has nothing to keep: it stays here until there is one.
        if (w.text.title.trimmed().isEmpty())
            return std::nullopt;
        if (w.articleId > 0)
            payload.insert(QStringLiteral("articleId"), w.articleId);
        else if (w.groupId > 0)
            payload.insert(QStringLiteral("groupId"), w.groupId);
        payload.insert(QStringLiteral("title"), w.text.title.trimmed());
        payload.insert(QStringLiteral("summary"), w.text.summary);
        payload.insert(QStringLiteral("body"), w.text.body);
        payload.insert(QStringLiteral("tags"), QJsonArray::fromStringList(w.text.tags));
        if (w.coAuthors) {
            QJsonArray ids;
            for (const ArticlePerson& p : *w.coAuthors)
                ids.append(p.id);
            payload.insert(QStringLiteral("coAuthors"), ids);
        }
        return QJsonObject {{QStringLiteral("type"),
                             QString(w.published ? blogs::ArticleEdit : blogs::ArticleSave)},
                            {QStringLiteral("payload"), payload}};
    }
    if (!w.dirty && !w.publish.isEmpty() && w.articleId > 0 && !w.published) {
        payload.insert(QStringLiteral("articleId"), w.articleId);
        if (w.publish != QLatin1StringView("now"))
            payload.insert(QStringLiteral("at"), w.publish);
        return QJsonObject {{QStringLiteral("type"), QString(blogs::ArticlePublish)},
                            {QStringLiteral("payload"), payload}};
    }
    return std::nullopt;
}

void Drafts::sendNext()
{
    if (m_connection.state() != Connection::State::Online || m_retry.isActive())
        return;
    for (WorkRow& w : all()) {
        if (m_inFlight.contains(w.localId) || w.conflict || !w.errorCode.isEmpty())
            continue;
        if (w.sending.isEmpty()) {
            const auto next = nextRequest(w);
            if (!next)
                continue;
            // Kept before it goes: a lost answer is asked again with the same clientId. An edit
            // goes once per Update: what is typed while it is on its way waits for the next.
            w.sending = *next;
            if (next->value(L("type")).toString() == blogs::ArticleEdit)
                w.updateWanted = false;
            if (!m_cache.transaction([&]() { return update(w); }))
                continue;
        }
        send(w);
    }
}

void Drafts::send(const WorkRow& w)
{
    const QLatin1StringView type = requestType(w.sending.value(L("type")).toString());
    if (type.isEmpty())
        return;
    const QString localId = w.localId;
    const QJsonObject sending = w.sending;
    m_inFlight.insert(localId);
    m_session.request(type, sending.value(L("payload")).toObject(), this,
                      [this, localId, sending](const Result<QJsonObject>& r) {
                          m_inFlight.remove(localId);
                          onAnswer(localId, sending, r);
                      });
}

void Drafts::onAnswer(const QString& localId, const QJsonObject& sending,
                      const Result<QJsonObject>& r)
{
    auto w = work(localId);
    // Discarded, resolved or detached while it was on its way: this answer settles nothing.
    if (!w || w->sending != sending) {
        sendNext();
        return;
    }
    const QString type = sending.value(L("type")).toString();
    if (!r) {
        const ErrorCode code = r.error().code;
        // A save or publish of a draft that was published meanwhile (on another laptop, or
        // its time came) is refused as a bad request: read it, as for a stale revision.
        const bool publishedMeanwhile
            = code == ErrorCode::BadRequest && w->articleId > 0 && type != blogs::ArticleEdit;
        if (code == ErrorCode::StaleRevision || publishedMeanwhile) {
            w->sending = {};
            // The refused edit goes once the author has chosen what to keep.
            if (type == blogs::ArticleEdit)
                w->updateWanted = true;
            if (m_cache.transaction([&]() { return update(*w); }))
                onStale(localId, publishedMeanwhile ? std::optional(r.error()) : std::nullopt);
            return;
        }
        // "Not now" goes again; an error the server keeps giving is shown after a while
        // rather than saving for ever.
        if (Outbox::isTransient(code)
            && (code == ErrorCode::Unavailable || code == ErrorCode::RateLimited
                || m_failures < maxTransientFailures)) {
            ++m_failures;
            backOff();
            return;
        }
        m_failures = 0;
        w->sending = {};
        if (type == blogs::ArticlePublish)
            w->publish.clear();
        w->errorCode = protocol::errorCodeName(code);
        w->errorMessage = r.error().message;
        m_cache.transaction([&]() { return update(*w); });
        sendNext();
        return;
    }
    m_failures = 0;
    const QJsonObject articleJson = r->value(L("article")).toObject();
    const ArticleRow a = ArticleRow::fromJson(articleJson);
    const qint64 seq = jsonNumber(r.value(), L("seq"));
    const ArticleText sent = ArticleText::fromJson(sending.value(L("payload")).toObject());
    bool gone = false;
    const bool ok = m_cache.transaction([&]() {
        if (!BlogStore(m_cache).upsert(a, seq))
            return false;
        w->sending = {};
        w->errorCode.clear();
        w->errorMessage.clear();
        w->articleId = a.id;
        w->groupId = a.groupId;
        w->baseRevision = a.revision;
        w->base = a.text;
        w->published = a.isPublished();
        if (type != blogs::ArticlePublish) {
            // The server's form of the text sent (tags folded) stands for it.
            ArticleText mine = w->text;
            mine.title = mine.title.trimmed();
            if (mine == sent)
                w->text = a.text;
            // The co-authors sent are the server's now: nothing of them is left to send.
            if (w->coAuthors && sending.value(L("payload")).toObject().contains(L("coAuthors"))
                && idsOf(*w->coAuthors) == idsOf(a.coAuthors))
                w->coAuthors.reset();
            w->dirty = w->text != w->base || w->coAuthors.has_value();
        }
        if (type == blogs::ArticlePublish)
            w->publish.clear();
        // Published, nothing left to send: the working copy has done its work, unless an
        // editor still shows it (it goes when the editor closes, setOpen).
        gone = w->published && !w->dirty && w->publish.isEmpty() && !w->updateWanted
            && type != blogs::ArticleSave && !m_open.contains(localId);
        if (!gone)
            return update(*w);
        auto& statements = m_cache.statements();
        if (!statements.run(QStringLiteral("DELETE FROM article_work WHERE local_id = ?"),
                            {localId}))
            return m_cache.fail(statements.lastError());
        m_cache.noteChange(workArea);
        return true;
    });
    if (ok && gone)
        Q_EMIT changed(localId);
    if (ok && type == blogs::ArticlePublish && a.isPublished())
        Q_EMIT publishedNow(localId, a.id);
    sendNext();
}

void Drafts::onStale(const QString& localId, const std::optional<protocol::Error>& refusal)
{
    const auto copy = work(localId);
    if (!copy || copy->articleId <= 0)
        return;
    m_inFlight.insert(localId);
    m_session.request(
        blogs::ArticleGet, QJsonObject {{QStringLiteral("articleId"), copy->articleId}}, this,
        [this, localId, refusal](const Result<QJsonObject>& r) {
            m_inFlight.remove(localId);
            auto w = work(localId);
            if (!w)
                return;
            if (!r) {
                if (Outbox::isTransient(r.error().code)) {
                    // Sent again later: refused as stale again, then read again.
                    ++m_failures;
                    backOff();
                    return;
                }
                w->errorCode = protocol::errorCodeName(r.error().code);
                w->errorMessage = r.error().message;
                m_cache.transaction([&]() { return update(*w); });
                return;
            }
            const ArticleRow theirs = ArticleRow::fromJson(r->value(L("article")).toObject());
            // Refused for another reason than being published meanwhile: that reason stands.
            if (refusal && !theirs.isPublished()) {
                m_cache.transaction([&]() {
                    w->errorCode = protocol::errorCodeName(refusal->code);
                    w->errorMessage = refusal->message;
                    return BlogStore(m_cache).upsert(theirs, jsonNumber(r.value(), L("head")))
                        && update(*w);
                });
                return;
            }
            const bool same = theirs.text == w->text;
            const bool ok = m_cache.transaction([&]() {
                if (!BlogStore(m_cache).upsert(theirs, jsonNumber(r.value(), L("head"))))
                    return false;
                if (same) {
                    // Both sides hold the same text: nothing to choose.
                    w->baseRevision = theirs.revision;
                    w->base = theirs.text;
                    w->dirty = w->coAuthors.has_value();
                    if (theirs.isPublished()) {
                        // Published elsewhere with this very text: nothing is left to do.
                        w->publish.clear();
                        w->updateWanted = false;
                    }
                    w->published = theirs.isPublished();
                } else {
                    w->conflict = theirs;
                }
                return update(*w);
            });
            if (ok && !same)
                Q_EMIT conflicted(localId);
            sendNext();
        });
}

void Drafts::serverChanged(qint64 articleId, qint64 revision, bool published)
{
    auto w = workFor(articleId);
    // An editor shows this copy: what it holds is the author's, and a newer revision meets it
    // at its next save, as a conflict. It is looked at again when the editor closes.
    if (w && m_open.contains(w->localId))
        return;
    if (w && published && !w->published && w->sending.isEmpty() && !w->conflict
        && !m_inFlight.contains(w->localId)) {
        if (!w->dirty && revision == w->baseRevision) {
            discard(w->localId);
            return;
        }
        w->published = true;
        w->publish.clear();
        m_cache.transaction([&]() { return update(*w); });
    }
    // One with a publish waiting keeps its base: publishing what the author has not seen is
    // refused as stale and shown.
    if (w && revision > w->baseRevision && !w->dirty && w->publish.isEmpty() && w->sending.isEmpty()
        && !w->conflict && !m_inFlight.contains(w->localId))
        fastForward(w->localId);
}

void Drafts::serverDeleted(qint64 articleId)
{
    auto w = workFor(articleId);
    if (!w)
        return;
    if (!w->dirty && w->publish.isEmpty() && !m_open.contains(w->localId)) {
        discard(w->localId);
        return;
    }
    w->sending = {};
    w->errorCode = protocol::errorCodeName(ErrorCode::NotFound);
    w->errorMessage = tr("The article was deleted on the server.");
    m_cache.transaction([&]() { return update(*w); });
}

void Drafts::fastForward(const QString& localId)
{
    const auto copy = work(localId);
    if (!copy || copy->articleId <= 0 || m_connection.state() != Connection::State::Online)
        return;
    m_inFlight.insert(localId);
    m_session.request(
        blogs::ArticleGet, QJsonObject {{QStringLiteral("articleId"), copy->articleId}}, this,
        [this, localId](const Result<QJsonObject>& r) {
            m_inFlight.remove(localId);
            auto w = work(localId);
            if (!w || !r)
                return;
            const ArticleRow a = ArticleRow::fromJson(r->value(L("article")).toObject());
            m_cache.transaction([&]() {
                if (!BlogStore(m_cache).upsert(a, jsonNumber(r.value(), L("head"))))
                    return false;
                // Typed into or opened meanwhile: met at the next save instead.
                if (w->dirty || !w->sending.isEmpty() || a.revision <= w->baseRevision
                    || m_open.contains(localId))
                    return true;
                w->baseRevision = a.revision;
                w->base = a.text;
                w->text = a.text;
                w->published = a.isPublished();
                return update(*w);
            });
            sendNext();
        });
}

void Drafts::setOpen(const QString& localId, bool open)
{
    if (open) {
        m_open.insert(localId);
        return;
    }
    m_open.remove(localId);
    const auto w = work(localId);
    if (!w)
        return;
    // A published article's copy with nothing of its own has done its work.
    if (w->published && w->state() == WorkRow::State::Synced && !w->updateWanted
        && !m_inFlight.contains(localId)) {
        discard(localId);
        return;
    }
    // What the server did while the editor showed it.
    if (const auto a = BlogStore(m_cache).article(w->articleId))
        serverChanged(a->id, a->revision, a->isPublished());
}

void Drafts::backOff()
{
    m_retry.start(
        int(std::min<qint64>(qint64(firstRetryMs) << std::min(m_failures, 8), maxRetryMs)));
}

} // namespace plein::client
