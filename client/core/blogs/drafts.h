#pragma once

#include "articlerow.h"
#include "protocol/result.h"

#include <QJsonObject>
#include <QLatin1StringView>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>
#include <optional>

namespace plein::client {

class Cache;
class Connection;
class Session;

// A working copy of what the user writes: a new article, a draft, or an edit of a published
// article (client migration 022, `article_work`).
struct WorkRow
{
    enum class State {
        Local, // only here: offline, no title yet, or waiting for the next save
        Sending, // a save, an edit or a publish is on its way
        Synced, // the server has this text
        Conflict, // the server moved on: the author chooses what to keep (`conflict`)
        Failed, // refused (errorCode, errorMessage); a change of the text tries again
    };

    QString localId;
    qint64 articleId = 0; // 0: not on the server yet
    qint64 groupId = 0;
    bool published = false; // an edit of a published article (sent when the author says so)
    qint64 baseRevision = 0;
    ArticleText base; // the text of baseRevision, as the server has it
    ArticleText text; // what the author has now
    // The co-authors the owner chose here, sent with the text (the server checks that the
    // sender owns the article); nullopt while they are as the server has them.
    std::optional<QList<ArticlePerson>> coAuthors;
    QString changedAt;
    bool dirty = false;
    bool updateWanted = false;
    QString publish; // "", "now", or the UTC time to publish at
    QJsonObject sending; // {type, payload}
    std::optional<ArticleRow> conflict; // theirs, with its body
    QString errorCode;
    QString errorMessage;

    State state() const;
};

// The working copies and their way to the server. Every change of the text is stored in the
// cache at once (a crash or a kill loses nothing the app was given); a draft's text goes to
// the server as `article.save`, one request at a time per article, a moment after the author
// stops typing, so it continues on another laptop; an edit of a published article waits until
// the author sends it (`article.edit`, a new revision readers see); publishing (now or at a
// time) waits for the text to be saved and then goes as `article.publish`. All of it is kept
// while offline and goes when the connection is back. A request on its way is kept with its
// clientId until answered, so a lost answer is asked again and lands once.
//
// Each request names the revision its text was built on. When the server moved on (another
// author, another laptop, an offline edit coming back late) it answers `stale_revision`: the
// article is read again and the working copy holds the server's version as `conflict` until
// the author chose (resolve()); nothing is sent over it meanwhile.
class Drafts : public QObject
{
    Q_OBJECT

public:
    static constexpr QLatin1StringView workArea {"article-work"};

    Drafts(Session& session, Connection& connection, Cache& cache, QObject* parent = nullptr);

    // A new article in the company blog (0) or a group's. Returns its local id, or an empty
    // string when it could not be stored.
    QString create(qint64 groupId = 0);
    // The working copy of an article whose text the cache holds (the one there is, or a new
    // one); empty when the cache does not hold its text (read it first).
    QString edit(qint64 articleId);
    std::optional<WorkRow> work(const QString& localId) const;
    std::optional<WorkRow> workFor(qint64 articleId) const;
    QList<WorkRow> all() const;
    // Working copies with something not on the server yet (text, publish, a conflict).
    int pendingCount() const;

    // Stores the text now and saves a draft on the server soon.
    bool setText(const QString& localId, const ArticleText& text);
    // The owner's choice of co-authors (who may edit it too), sent with the next save or, for
    // a published article, with its next Update.
    bool setCoAuthors(const QString& localId, const QList<ArticlePerson>& coAuthors);
    // Publishes once the text is on the server: now (`at` empty) or at `at` (UTC).
    bool publish(const QString& localId, const QDateTime& at = {});
    // An edit of a published article: sends it.
    bool sendUpdate(const QString& localId);
    // After a conflict: `merged` built on the server's version, which becomes the base.
    bool resolve(const QString& localId, const ArticleText& merged);
    // A refused copy goes again as it is.
    bool retry(const QString& localId);
    // The article went (deleted, or no longer the user's): the text becomes a new draft.
    bool detach(const QString& localId);
    // Drops the working copy (a draft the server has stays there; a new one is gone).
    bool discard(const QString& localId);

    // What the server's events say of an article (the applier calls these after its commit):
    // a copy with nothing of its own follows the newer revision (read whole); one with local
    // changes meets it at its next save, as a conflict. A draft published on the server (its
    // time came, or another laptop published it): a copy with nothing of its own goes, one
    // with local text becomes an edit the author sends.
    void serverChanged(qint64 articleId, qint64 revision, bool published);
    // The article was deleted: a copy with nothing of its own goes, one with local text stays
    // with `not_found` for the author to keep as a new draft (detach) or discard.
    void serverDeleted(qint64 articleId);

    // An editor shows this copy (or no longer does): while open, nothing the server does
    // replaces or removes it; on closing it catches up, and a published article's copy with
    // nothing of its own goes.
    void setOpen(const QString& localId, bool open);
    bool isOpen(const QString& localId) const { return m_open.contains(localId); }

    // How long after the last change a draft goes to the server (default 1.5 s).
    void setSaveDelay(int ms) { m_delay.setInterval(ms); }

Q_SIGNALS:
    void changed(const QString& localId);
    // The server moved on: work(localId)->conflict holds its version.
    void conflicted(const QString& localId);
    // The article was published (now, not scheduled) and its working copy is gone.
    void publishedNow(const QString& localId, qint64 articleId);

private:
    std::optional<WorkRow> one(const QString& where, const QVariant& value) const;
    bool update(const WorkRow& w);
    // Stores what the author changed in `w` (text or co-authors) and sends it a moment later.
    bool authorChanged(WorkRow& w);
    // Changes a copy as the author asked (`how` false: not so), clears what was refused and
    // sends what it needs.
    bool change(const QString& localId, const std::function<bool(WorkRow&)>& how);
    void sendNext();
    void send(const WorkRow& w);
    // The next request a copy needs, if any (with a new clientId).
    std::optional<QJsonObject> nextRequest(const WorkRow& w) const;
    void onAnswer(const QString& localId, const QJsonObject& sending,
                  const Result<QJsonObject>& result);
    // Reads the article after a refusal: stale (a conflict, or the same text), or `refusal`
    // when the draft may have been published meanwhile (that refusal stands if it was not).
    void onStale(const QString& localId, const std::optional<protocol::Error>& refusal = {});
    // A copy with nothing of its own takes the server's newest text.
    void fastForward(const QString& localId);
    void backOff();

    Session& m_session;
    Connection& m_connection;
    Cache& m_cache;
    QSet<QString> m_inFlight;
    QSet<QString> m_open;
    QTimer m_delay;
    QTimer m_retry;
    int m_failures = 0;
    quint64 m_generation = 0;
};

} // namespace plein::client
