// Blogs against the real plein-server on SQLite and PostgreSQL: drafts only their authors
// see, co-authors, crossing edits refused with stale_revision in both orders (drafts and
// published articles, an edit coming back late), a replayed write that is not a crossing,
// publishing to the blog's audience (company, public, private and secret groups), kept
// revisions and their restore, deleting, and scheduled publishing, also across a restart of
// the server and when the owner may no longer publish there.
#include "chatkit.h"
#include "testdatabase.h"
#include "text/textdelta.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QThread>

using namespace plein::test;

namespace {

using L = QLatin1StringView;

const QStringList people = QString::fromLatin1("anna bram chantal daan eva").split(u' ');

QJsonObject articleOf(const WsClient::Response& r)
{
    return r.payload.value(L("article")).toObject();
}

qint64 revisionOf(const WsClient::Response& r)
{
    return number(articleOf(r).value(L("revision")));
}

QJsonObject text(const QString& title, const QString& body)
{
    return QJsonObject {{QStringLiteral("title"), title},
                        {QStringLiteral("summary"), QStringLiteral("Kort")},
                        {QStringLiteral("body"), body}};
}

QList<qint64> articleIds(const WsClient::Response& r)
{
    QList<qint64> out;
    for (const QJsonValue& v : r.payload.value(L("articles")).toArray())
        out << number(v.toObject().value(L("id")));
    return out;
}

QString utcIn(qint64 ms)
{
    return QDateTime::currentDateTimeUtc().addMSecs(ms).toString(Qt::ISODateWithMs);
}

} // namespace

class TestBlogs : public QObject
{
    Q_OBJECT

private:
    BackendKits m_kits {[](ChatKit& k, const std::optional<QString>& postgres) {
        return k.start(postgres, people, {QStringLiteral("eva")}, {});
    }};

    ChatKit* kit() { return m_kits.current(); }

    // A new draft of `user`; its answer.
    WsClient::Response draft(const QString& user, const QString& title, qint64 groupId = 0,
                             QJsonObject more = {})
    {
        QJsonObject p = text(title, QStringLiteral("# %1\n\nEerste versie.").arg(title));
        for (auto it = more.begin(); it != more.end(); ++it)
            p.insert(it.key(), it.value());
        p.insert(QStringLiteral("baseRevision"), 0);
        if (groupId)
            p.insert(QStringLiteral("groupId"), groupId);
        return kit()->write(user, QStringLiteral("article.save"), p);
    }

    WsClient::Response save(const QString& user, qint64 id, qint64 base, const QString& body)
    {
        QJsonObject p = text(QStringLiteral("Titel"), body);
        p.insert(QStringLiteral("articleId"), id);
        p.insert(QStringLiteral("baseRevision"), base);
        return kit()->write(user, QStringLiteral("article.save"), p);
    }

    WsClient::Response edit(const QString& user, qint64 id, qint64 base, const QString& body)
    {
        QJsonObject p = text(QStringLiteral("Titel"), body);
        p.insert(QStringLiteral("articleId"), id);
        p.insert(QStringLiteral("baseRevision"), base);
        return kit()->write(user, QStringLiteral("article.edit"), p);
    }

    WsClient::Response publish(const QString& user, qint64 id, qint64 base, const QString& at = {})
    {
        QJsonObject p {{QStringLiteral("articleId"), id}, {QStringLiteral("baseRevision"), base}};
        if (!at.isEmpty())
            p.insert(QStringLiteral("at"), at);
        return kit()->write(user, QStringLiteral("article.publish"), p);
    }

    WsClient::Response get(const QString& user, qint64 id)
    {
        return kit()->read(user, QStringLiteral("article.get"),
                           {{QStringLiteral("articleId"), id}});
    }

    // A published article of `user` in a blog; its id.
    qint64 published(const QString& user, const QString& title, qint64 groupId = 0)
    {
        const auto d = draft(user, title, groupId);
        if (!d.ok)
            return 0;
        const auto p = publish(user, number(articleOf(d).value(L("id"))), revisionOf(d));
        return p.ok ? number(articleOf(p).value(L("id"))) : 0;
    }

    // What may not be seen answers like what does not exist: same code, same words.
    void answersLikeAMissingArticle(const QString& user, qint64 id)
    {
        const qint64 missing = 900000 + id;
        const auto hidden = get(user, id);
        const auto absent = get(user, missing);
        QVERIFY2(!hidden.ok, qPrintable(user));
        QCOMPARE(hidden.errorCode, QStringLiteral("not_found"));
        QCOMPARE(hidden.errorCode, absent.errorCode);
        QCOMPARE(
            QString(hidden.errorMessage).replace(QString::number(id), QStringLiteral("N")),
            QString(absent.errorMessage).replace(QString::number(missing), QStringLiteral("N")));
    }

private Q_SLOTS:
    void initTestCase_data() { addBackendRows(); }
    void cleanup() { m_kits.showLogOnFailure(); }
    void cleanupTestCase() { QVERIFY(m_kits.stopAll()); }

    void draftsAreTheirAuthorsOnly()
    {
        ChatKit* k = kit();
        if (!k)
            return;
        const auto d = draft(QStringLiteral("anna"), QStringLiteral("Plannen voor 2027"));
        QVERIFY2(d.ok, qPrintable(answerOf(d) + d.errorMessage));
        const qint64 id = number(articleOf(d).value(L("id")));
        QCOMPARE(articleOf(d).value(L("state")).toString(), QStringLiteral("draft"));
        QCOMPARE(revisionOf(d), 1);
        QVERIFY(articleOf(d).value(L("body")).toString().contains(QStringLiteral("Eerste")));
        // Not a colleague, not an admin: a draft is its authors' alone.
        answersLikeAMissingArticle(QStringLiteral("bram"), id);
        answersLikeAMissingArticle(QStringLiteral("eva"), id);
        QVERIFY(!save(QStringLiteral("bram"), id, 1, QStringLiteral("x")).ok);
        QCOMPARE(save(QStringLiteral("bram"), id, 1, QStringLiteral("x")).errorCode,
                 QStringLiteral("not_found"));
        const auto mine = k->read(QStringLiteral("anna"), QStringLiteral("article.list"),
                                  {{QStringLiteral("drafts"), true}});
        QVERIFY(articleIds(mine).contains(id));
        QVERIFY(!articleIds(k->read(QStringLiteral("bram"), QStringLiteral("article.list"),
                                    {{QStringLiteral("drafts"), true}}))
                     .contains(id));
        QVERIFY(!articleIds(k->read(QStringLiteral("bram"), QStringLiteral("article.list")))
                     .contains(id));

        // A co-author reads and saves it; only the owner chooses co-authors.
        QJsonObject p = text(QStringLiteral("Plannen voor 2027"), QStringLiteral("Met Bram."));
        p.insert(QStringLiteral("articleId"), id);
        p.insert(QStringLiteral("baseRevision"), 1);
        p.insert(QStringLiteral("coAuthors"), idArray({k->id("bram")}));
        const auto shared = k->write(QStringLiteral("anna"), QStringLiteral("article.save"), p);
        QVERIFY2(shared.ok, qPrintable(answerOf(shared) + shared.errorMessage));
        QCOMPARE(articleOf(shared).value(L("coAuthors")).toArray().size(), 1);
        QVERIFY(get(QStringLiteral("bram"), id).ok);
        QVERIFY(save(QStringLiteral("bram"), id, 2, QStringLiteral("Bram schreef dit.")).ok);
        p.insert(QStringLiteral("baseRevision"), 3);
        p.insert(QStringLiteral("coAuthors"), idArray({k->id("bram"), k->id("chantal")}));
        const auto notOwner = k->write(QStringLiteral("bram"), QStringLiteral("article.save"), p);
        QCOMPARE(notOwner.errorCode, QStringLiteral("forbidden"));
        // Someone who does not exist is no co-author.
        p.insert(QStringLiteral("coAuthors"), idArray({999999}));
        QCOMPARE(k->write(QStringLiteral("anna"), QStringLiteral("article.save"), p).errorCode,
                 QStringLiteral("not_found"));
        QCOMPARE(revisionOf(get(QStringLiteral("anna"), id)), 3);
    }

    // Two laptops (or two authors) save a draft made on one revision: the second is refused
    // with stale_revision, whichever comes first, and nothing of the first is lost.
    void crossingDraftSaves_data()
    {
        QTest::addColumn<bool>("annaFirst");
        QTest::newRow("anna first") << true;
        QTest::newRow("bram first") << false;
    }
    void crossingDraftSaves()
    {
        QFETCH(bool, annaFirst);
        ChatKit* k = kit();
        if (!k)
            return;
        const auto d = draft(QStringLiteral("anna"), QStringLiteral("Samen schrijven"), 0,
                             {{QStringLiteral("coAuthors"), idArray({k->id("bram")})}});
        QVERIFY(d.ok);
        const qint64 id = number(articleOf(d).value(L("id")));
        const QString first = annaFirst ? QStringLiteral("anna") : QStringLiteral("bram");
        const QString second = annaFirst ? QStringLiteral("bram") : QStringLiteral("anna");
        const auto a = save(first, id, 1, QStringLiteral("De tekst van ") + first);
        QVERIFY(a.ok);
        QCOMPARE(revisionOf(a), 2);
        const auto b = save(second, id, 1, QStringLiteral("De tekst van ") + second);
        QVERIFY(!b.ok);
        QCOMPARE(b.errorCode, QStringLiteral("stale_revision"));
        QVERIFY2(b.errorMessage.contains(QStringLiteral("revision 2")), qPrintable(b.errorMessage));
        const auto now = get(second, id);
        QCOMPARE(articleOf(now).value(L("body")).toString(),
                 QStringLiteral("De tekst van ") + first);
        // Made again on what is there now, it lands.
        QVERIFY(save(second, id, 2, QStringLiteral("Beide")).ok);
    }

    // The same write sent again (a lost answer, a reconnect) is replayed, not a crossing.
    void aWriteSentTwiceIsReplayed()
    {
        ChatKit* k = kit();
        if (!k)
            return;
        const auto d = draft(QStringLiteral("anna"), QStringLiteral("Twee keer"));
        const qint64 id = number(articleOf(d).value(L("id")));
        QJsonObject p = text(QStringLiteral("Twee keer"), QStringLiteral("Eenmaal"));
        p.insert(QStringLiteral("articleId"), id);
        p.insert(QStringLiteral("baseRevision"), 1);
        p.insert(QStringLiteral("clientId"), newClientId());
        const auto once = k->write(QStringLiteral("anna"), QStringLiteral("article.save"), p);
        const auto twice = k->write(QStringLiteral("anna"), QStringLiteral("article.save"), p);
        QVERIFY(once.ok);
        QVERIFY2(twice.ok, qPrintable(twice.errorCode));
        QVERIFY(twice.payload.value(L("replayed")).toBool());
        QCOMPARE(revisionOf(get(QStringLiteral("anna"), id)), 2);
    }

    // Published articles: the blog's audience reads them; an edit is a kept revision; one made
    // on an older revision (another author's edit, or an offline edit back days later) is
    // refused; a restore is a new revision with an old text.
    void publishEditAndRestore()
    {
        ChatKit* k = kit();
        if (!k)
            return;
        auto live = k->connect(QStringLiteral("chantal"));
        QVERIFY2(live, qPrintable(k->error));
        const auto d = draft(QStringLiteral("anna"), QStringLiteral("De dijk"), 0,
                             {{QStringLiteral("coAuthors"), idArray({k->id("bram")})},
                              {QStringLiteral("tags"), QJsonArray {QStringLiteral("dijk")}}});
        const qint64 id = number(articleOf(d).value(L("id")));
        QCOMPARE(publish(QStringLiteral("anna"), id, 0).errorCode,
                 QStringLiteral("stale_revision"));
        const auto p = publish(QStringLiteral("anna"), id, 1);
        QVERIFY2(p.ok, qPrintable(answerOf(p) + p.errorMessage));
        QCOMPARE(articleOf(p).value(L("state")).toString(), QStringLiteral("published"));
        QVERIFY(ChatKit::waitFor(
            *live,
            ChatKit::event(QStringLiteral("article.published"), [id](const QJsonObject& data) {
                const auto a = data.value(L("article")).toObject();
                return number(a.value(L("id"))) == id && !a.contains(L("body"));
            })));
        QVERIFY(get(QStringLiteral("chantal"), id).ok);
        QVERIFY(articleIds(k->read(QStringLiteral("chantal"), QStringLiteral("article.list")))
                    .contains(id));
        QVERIFY(articleIds(k->read(QStringLiteral("chantal"), QStringLiteral("article.list"),
                                   {{QStringLiteral("authorId"), k->id("bram")}}))
                    .contains(id));
        QCOMPARE(publish(QStringLiteral("anna"), id, 1).errorCode, QStringLiteral("bad_request"));
        QCOMPARE(save(QStringLiteral("anna"), id, 1, QStringLiteral("x")).errorCode,
                 QStringLiteral("bad_request"));
        // A reader is not an author.
        QCOMPARE(edit(QStringLiteral("chantal"), id, 1, QStringLiteral("x")).errorCode,
                 QStringLiteral("forbidden"));

        const auto e1 = edit(QStringLiteral("bram"), id, 1, QStringLiteral("Bram verbeterde"));
        QVERIFY2(e1.ok, qPrintable(answerOf(e1) + e1.errorMessage));
        QCOMPARE(revisionOf(e1), 2);
        QVERIFY(!articleOf(e1).value(L("editedAt")).isNull());
        QVERIFY(ChatKit::waitFor(*live, ChatKit::event(QStringLiteral("article.edited"))));
        // Anna's edit, made offline on revision 1, comes back after Bram's.
        const auto late = edit(QStringLiteral("anna"), id, 1, QStringLiteral("Anna, offline"));
        QCOMPARE(late.errorCode, QStringLiteral("stale_revision"));
        QCOMPARE(articleOf(get(QStringLiteral("anna"), id)).value(L("body")).toString(),
                 QStringLiteral("Bram verbeterde"));
        QVERIFY(edit(QStringLiteral("anna"), id, 2, QStringLiteral("Anna, samengevoegd")).ok);

        const auto history = k->read(QStringLiteral("chantal"), QStringLiteral("article.revisions"),
                                     {{QStringLiteral("articleId"), id}});
        QVERIFY(history.ok);
        QStringList kinds;
        for (const QJsonValue& v : history.payload.value(L("revisions")).toArray())
            kinds << v.toObject().value(L("kind")).toString();
        QCOMPARE(kinds,
                 (QStringList {QStringLiteral("edited"), QStringLiteral("edited"),
                               QStringLiteral("published")}));
        const auto first
            = k->read(QStringLiteral("chantal"), QStringLiteral("article.revision"),
                      {{QStringLiteral("articleId"), id}, {QStringLiteral("revision"), 1}});
        QVERIFY(first.ok);
        QVERIFY(first.payload.value(L("revision"))
                    .toObject()
                    .value(L("body"))
                    .toString()
                    .contains(QStringLiteral("Eerste versie")));
        QCOMPARE(k->read(QStringLiteral("chantal"), QStringLiteral("article.revision"),
                         {{QStringLiteral("articleId"), id}, {QStringLiteral("revision"), 99}})
                     .errorCode,
                 QStringLiteral("not_found"));

        const auto restored = k->write(QStringLiteral("bram"), QStringLiteral("article.restore"),
                                       {{QStringLiteral("articleId"), id},
                                        {QStringLiteral("baseRevision"), 3},
                                        {QStringLiteral("revision"), 1}});
        QVERIFY2(restored.ok, qPrintable(answerOf(restored) + restored.errorMessage));
        QCOMPARE(revisionOf(restored), 4);
        QVERIFY(articleOf(restored).value(L("body")).toString().contains(
            QStringLiteral("Eerste versie")));
        const auto after = k->read(QStringLiteral("anna"), QStringLiteral("article.revisions"),
                                   {{QStringLiteral("articleId"), id}});
        const QJsonObject newest = after.payload.value(L("revisions")).toArray().first().toObject();
        QCOMPARE(newest.value(L("kind")).toString(), QStringLiteral("restored"));
        QCOMPARE(number(newest.value(L("restoredFrom"))), 1);

        // Deleting: not a co-author, not a reader; the owner.
        QCOMPARE(k->write(QStringLiteral("bram"), QStringLiteral("article.delete"),
                          {{QStringLiteral("articleId"), id}})
                     .errorCode,
                 QStringLiteral("forbidden"));
        QVERIFY(k->write(QStringLiteral("anna"), QStringLiteral("article.delete"),
                         {{QStringLiteral("articleId"), id}})
                    .ok);
        QVERIFY(ChatKit::waitFor(*live, ChatKit::event(QStringLiteral("article.deleted"))));
        answersLikeAMissingArticle(QStringLiteral("chantal"), id);
    }

    // Catching up with an article's newer revision: the client names the revision whose text
    // it holds and gets the steps from it when they are shorter than the text; a revision the
    // server did not keep, or a text changed too much, comes whole.
    void catchUpSendsOnlyWhatChanged()
    {
        ChatKit* k = kit();
        if (!k)
            return;
        QString body;
        for (int i = 0; i < 400; ++i)
            body += QStringLiteral("Alinea %1 over de dijk bij Kampen.\n\n").arg(i);
        const auto d = draft(QStringLiteral("anna"), QStringLiteral("Lang verhaal"));
        const qint64 id = number(articleOf(d).value(L("id")));
        QVERIFY(save(QStringLiteral("anna"), id, 1, body).ok);
        QVERIFY(publish(QStringLiteral("anna"), id, 2).ok); // kept as revision 2
        QString edited = body;
        edited.replace(QStringLiteral("Alinea 250 over de dijk"),
                       QStringLiteral("Alinea 250 over de nieuwe dijk"));
        QVERIFY(edit(QStringLiteral("anna"), id, 2, edited).ok); // revision 3

        const auto since = [&](const QString& user, qint64 have) {
            return k->read(user, QStringLiteral("article.get"),
                           {{QStringLiteral("articleId"), id}, {QStringLiteral("have"), have}});
        };
        const auto caughtUp = since(QStringLiteral("chantal"), 2);
        QVERIFY2(caughtUp.ok, qPrintable(caughtUp.errorMessage));
        const QJsonObject a = articleOf(caughtUp);
        QCOMPARE(revisionOf(caughtUp), 3);
        QVERIFY(!a.contains(L("body")));
        const QJsonObject delta = a.value(L("bodyDelta")).toObject();
        QCOMPARE(number(delta.value(L("from"))), 2);
        const QJsonArray steps = delta.value(L("steps")).toArray();
        QCOMPARE(plein::text::applyDelta(body, steps), std::optional<QString>(edited));
        QVERIFY(QJsonDocument(steps).toJson(QJsonDocument::Compact).size() < 40);
        QCOMPARE(
            delta.value(L("sha256")).toString(),
            QString::fromLatin1(
                QCryptographicHash::hash(edited.toUtf8(), QCryptographicHash::Sha256).toHex()));
        // The revision it has: nothing to send but "keep it all".
        const auto same = articleOf(since(QStringLiteral("chantal"), 3));
        QCOMPARE(same.value(L("bodyDelta")).toObject().value(L("steps")).toArray(),
                 QJsonArray {double(edited.size())});
        // Revision 1 was a draft's save, never kept; 9 does not exist: the whole text.
        QCOMPARE(articleOf(since(QStringLiteral("chantal"), 1)).value(L("body")).toString(),
                 edited);
        QCOMPARE(articleOf(since(QStringLiteral("chantal"), 9)).value(L("body")).toString(),
                 edited);
        // A text rewritten through and through is cheaper whole.
        QVERIFY(edit(QStringLiteral("anna"), id, 3, QStringLiteral("Alles anders.")).ok);
        const auto rewritten = articleOf(since(QStringLiteral("chantal"), 3));
        QCOMPARE(rewritten.value(L("body")).toString(), QStringLiteral("Alles anders."));
        QVERIFY(!rewritten.contains(L("bodyDelta")));
        // A kept revision read against another one the client holds.
        const auto old = k->read(QStringLiteral("chantal"), QStringLiteral("article.revision"),
                                 {{QStringLiteral("articleId"), id},
                                  {QStringLiteral("revision"), 2},
                                  {QStringLiteral("have"), 3}});
        QVERIFY(old.ok);
        const QJsonObject r = old.payload.value(L("revision")).toObject();
        QCOMPARE(plein::text::applyDelta(
                     edited, r.value(L("bodyDelta")).toObject().value(L("steps")).toArray()),
                 std::optional<QString>(body));
        // Whoever may not read the article learns nothing from naming a revision.
        const qint64 hidden = number(
            articleOf(draft(QStringLiteral("anna"), QStringLiteral("Geheim"))).value(L("id")));
        QCOMPARE(k->read(QStringLiteral("chantal"), QStringLiteral("article.get"),
                         {{QStringLiteral("articleId"), hidden}, {QStringLiteral("have"), 1}})
                     .errorCode,
                 QStringLiteral("not_found"));
        QCOMPARE(k->read(QStringLiteral("chantal"), QStringLiteral("article.get"),
                         {{QStringLiteral("articleId"), id}, {QStringLiteral("have"), 0}})
                     .errorCode,
                 QStringLiteral("bad_request"));
    }

    // Co-authors chosen anew on a published article with the same text keep no revision of
    // an unchanged text; an edit that changes nothing answers without an event. In a group's
    // blog the co-authors are the group's members.
    void coAuthorsAloneKeepNoRevision()
    {
        ChatKit* k = kit();
        if (!k)
            return;
        const qint64 id = published(QStringLiteral("anna"), QStringLiteral("Zelfde tekst"));
        QVERIFY(id > 0);
        const QJsonObject before = articleOf(get(QStringLiteral("anna"), id));
        const auto again = [&](const QJsonArray& coAuthors) {
            QJsonObject p {{QStringLiteral("articleId"), id},
                           {QStringLiteral("baseRevision"), before.value(L("revision"))},
                           {QStringLiteral("title"), before.value(L("title"))},
                           {QStringLiteral("summary"), before.value(L("summary"))},
                           {QStringLiteral("body"), before.value(L("body"))},
                           {QStringLiteral("coAuthors"), coAuthors}};
            return k->write(QStringLiteral("anna"), QStringLiteral("article.edit"), p);
        };
        const auto revisions = [&]() {
            return k
                ->read(QStringLiteral("anna"), QStringLiteral("article.revisions"),
                       {{QStringLiteral("articleId"), id}})
                .payload.value(L("revisions"))
                .toArray()
                .size();
        };
        const auto withEva = again(idArray({k->id("eva")}));
        QVERIFY2(withEva.ok, qPrintable(withEva.errorMessage));
        QCOMPARE(revisionOf(withEva), number(before.value(L("revision"))));
        QCOMPARE(articleOf(withEva).value(L("coAuthors")).toArray().size(), 1);
        QVERIFY(withEva.payload.contains(L("seq"))); // article.edited told the readers
        QCOMPARE(revisions(), 1);
        const auto nothing = again(idArray({k->id("eva")}));
        QVERIFY(nothing.ok);
        QVERIFY(!nothing.payload.contains(L("seq")));
        QCOMPARE(revisions(), 1);

        const qint64 group = k->group(QStringLiteral("anna"), QStringLiteral("Schrijfclub"),
                                      QStringLiteral("private"), {QStringLiteral("bram")});
        const auto outsider = draft(QStringLiteral("anna"), QStringLiteral("Samen"), group,
                                    {{QStringLiteral("coAuthors"), idArray({k->id("daan")})}});
        QCOMPARE(outsider.errorCode, QStringLiteral("forbidden"));
        const auto member = draft(QStringLiteral("anna"), QStringLiteral("Samen"), group,
                                  {{QStringLiteral("coAuthors"), idArray({k->id("bram")})}});
        QVERIFY2(member.ok, qPrintable(member.errorMessage));
    }

    // A group's blog follows the group: members write; a private or secret group's articles
    // are not seen outside it, and its blog answers like a missing group.
    void groupBlogsFollowTheGroup()
    {
        ChatKit* k = kit();
        if (!k)
            return;
        const qint64 open = k->group(QStringLiteral("anna"), QStringLiteral("Blog open"),
                                     QStringLiteral("public"), {});
        const qint64 closed = k->group(QStringLiteral("anna"), QStringLiteral("Blog dicht"),
                                       QStringLiteral("private"), {QStringLiteral("bram")});
        const qint64 secret = k->group(QStringLiteral("anna"), QStringLiteral("Blog geheim"),
                                       QStringLiteral("secret"), {QStringLiteral("bram")});
        QVERIFY2(open && closed && secret, qPrintable(k->error));
        // Not a member: no draft in the group's blog.
        QCOMPARE(draft(QStringLiteral("chantal"), QStringLiteral("Niet lid"), open).errorCode,
                 QStringLiteral("forbidden"));
        QCOMPARE(draft(QStringLiteral("chantal"), QStringLiteral("Niet lid"), secret).errorCode,
                 QStringLiteral("not_found"));
        const qint64 inOpen = published(QStringLiteral("anna"), QStringLiteral("Open"), open);
        const qint64 inClosed = published(QStringLiteral("bram"), QStringLiteral("Dicht"), closed);
        const qint64 inSecret = published(QStringLiteral("anna"), QStringLiteral("Geheim"), secret);
        QVERIFY(inOpen && inClosed && inSecret);
        QVERIFY(get(QStringLiteral("chantal"), inOpen).ok);
        for (const QString& who : {QStringLiteral("chantal"), QStringLiteral("daan")}) {
            answersLikeAMissingArticle(who, inClosed);
            answersLikeAMissingArticle(who, inSecret);
            const auto a = k->read(who, QStringLiteral("article.list"),
                                   {{QStringLiteral("groupId"), secret}});
            const auto b = k->read(who, QStringLiteral("article.list"),
                                   {{QStringLiteral("groupId"), 900000 + secret}});
            QCOMPARE(a.errorCode, QStringLiteral("not_found"));
            QCOMPARE(a.errorCode, b.errorCode);
            // The author's page shows only what the reader may read.
            const auto byAnna = articleIds(k->read(who, QStringLiteral("article.list"),
                                                   {{QStringLiteral("authorId"), k->id("anna")}}));
            QVERIFY(byAnna.contains(inOpen));
            QVERIFY(!byAnna.contains(inSecret));
        }
        // Admins read every group's blog; members read theirs.
        QVERIFY(get(QStringLiteral("eva"), inSecret).ok);
        QVERIFY(articleIds(k->read(QStringLiteral("bram"), QStringLiteral("article.list"),
                                   {{QStringLiteral("groupId"), closed}}))
                    .contains(inClosed));
        // The group's owner moderates its blog: deletes a member's article.
        QVERIFY(k->write(QStringLiteral("anna"), QStringLiteral("article.delete"),
                         {{QStringLiteral("articleId"), inClosed}})
                    .ok);
    }

    // Scheduled: published by the server when the time comes; moved, taken back; one whose
    // owner may no longer publish there goes back to a draft with the reason.
    void scheduledPublishing()
    {
        ChatKit* k = kit();
        if (!k)
            return;
        auto live = k->connect(QStringLiteral("chantal"));
        QVERIFY(live);
        const auto d = draft(QStringLiteral("anna"), QStringLiteral("Straks"));
        const qint64 id = number(articleOf(d).value(L("id")));
        QCOMPARE(publish(QStringLiteral("anna"), id, 1, QStringLiteral("morgen")).errorCode,
                 QStringLiteral("bad_request"));
        QCOMPARE(publish(QStringLiteral("anna"), id, 1, utcIn(400 * 86400 * 1000LL)).errorCode,
                 QStringLiteral("bad_request"));
        const auto s = publish(QStringLiteral("anna"), id, 1, utcIn(60 * 60 * 1000));
        QVERIFY2(s.ok, qPrintable(answerOf(s) + s.errorMessage));
        QCOMPARE(articleOf(s).value(L("state")).toString(), QStringLiteral("scheduled"));
        answersLikeAMissingArticle(QStringLiteral("chantal"), id);
        // Moved nearer: published within a second or two of its time.
        QVERIFY(publish(QStringLiteral("anna"), id, 1, utcIn(1500)).ok);
        QVERIFY(ChatKit::waitFor(
            *live,
            ChatKit::event(QStringLiteral("article.published"),
                           [id](const QJsonObject& data) {
                               return number(data.value(L("article")).toObject().value(L("id")))
                                   == id;
                           }),
            10000));
        QCOMPARE(articleOf(get(QStringLiteral("chantal"), id)).value(L("state")).toString(),
                 QStringLiteral("published"));

        // Taken back before its time.
        const auto d2 = draft(QStringLiteral("anna"), QStringLiteral("Toch niet"));
        const qint64 id2 = number(articleOf(d2).value(L("id")));
        QVERIFY(publish(QStringLiteral("anna"), id2, 1, utcIn(60 * 60 * 1000)).ok);
        QVERIFY(k->write(QStringLiteral("anna"), QStringLiteral("article.unschedule"),
                         {{QStringLiteral("articleId"), id2}})
                    .ok);
        QCOMPARE(articleOf(get(QStringLiteral("anna"), id2)).value(L("state")).toString(),
                 QStringLiteral("draft"));

        // The owner left the group before the time: back to a draft, with why.
        const qint64 team = k->group(QStringLiteral("bram"), QStringLiteral("Blog team"),
                                     QStringLiteral("private"), {QStringLiteral("anna")});
        const auto d3 = draft(QStringLiteral("anna"), QStringLiteral("Voor het team"), team);
        const qint64 id3 = number(articleOf(d3).value(L("id")));
        QVERIFY(publish(QStringLiteral("anna"), id3, 1, utcIn(1500)).ok);
        QVERIFY(k->write(QStringLiteral("anna"), QStringLiteral("group.leave"),
                         {{QStringLiteral("groupId"), team}})
                    .ok);
        QJsonObject back;
        QTRY_VERIFY_WITH_TIMEOUT((back = articleOf(get(QStringLiteral("anna"), id3)),
                                  back.value(L("state")).toString() == QLatin1StringView("draft")),
                                 10000);
        QVERIFY2(back.value(L("publishError")).toString().contains(QStringLiteral("members")),
                 qPrintable(back.value(L("publishError")).toString()));
    }

    // Comments: one level of replies, mentions, likes on comments and articles; whoever reads
    // the article reads them, a group's members write them; a hidden article's comments answer
    // like a missing article's.
    void commentsAndLikes()
    {
        ChatKit* k = kit();
        if (!k)
            return;
        auto annaLive = k->connect(QStringLiteral("anna"));
        QVERIFY(annaLive);
        const qint64 id = published(QStringLiteral("anna"), QStringLiteral("Met reacties"));
        QVERIFY(id);
        const auto comment = [&](const QString& who, const QString& body, qint64 parent = 0) {
            QJsonObject p {{QStringLiteral("articleId"), id}, {QStringLiteral("body"), body}};
            if (parent)
                p.insert(QStringLiteral("parentId"), parent);
            return k->write(who, QStringLiteral("comment.create"), p);
        };
        const auto c1
            = comment(QStringLiteral("bram"), QStringLiteral("Mooi stuk, @chantal lees dit"));
        QVERIFY2(c1.ok, qPrintable(answerOf(c1) + c1.errorMessage));
        const qint64 first = idOf(c1.payload, L("comment"));
        QVERIFY(ChatKit::waitFor(
            *annaLive,
            ChatKit::event(QStringLiteral("comment.created"), [&](const QJsonObject& data) {
                return data.value(L("articleAuthors")).toArray().contains(QJsonValue(k->id("anna")))
                    && data.value(L("mentions")).toArray().contains(QJsonValue(k->id("chantal")));
            })));
        const auto c2 = comment(QStringLiteral("chantal"), QStringLiteral("Eens!"), first);
        const qint64 second = idOf(c2.payload, L("comment"));
        // A reply to a reply joins the thread.
        const auto c3 = comment(QStringLiteral("daan"), QStringLiteral("Ik ook"), second);
        QVERIFY(c2.ok && c3.ok);
        QCOMPARE(number(c3.payload.value(L("comment")).toObject().value(L("parentId"))), first);
        const auto page = k->read(QStringLiteral("daan"), QStringLiteral("comment.list"),
                                  {{QStringLiteral("articleId"), id}});
        QVERIFY(page.ok);
        const QJsonArray all = page.payload.value(L("comments")).toArray();
        QCOMPARE(all.size(), 3);
        QCOMPARE(number(all.at(0).toObject().value(L("id"))), first);
        QCOMPARE(number(all.at(0).toObject().value(L("replies"))), 2);
        QCOMPARE(number(articleOf(get(QStringLiteral("daan"), id)).value(L("comments"))), 3);

        // Likes: a toggle, the state it has already changes nothing.
        const auto likeComment = [&](const QString& who, qint64 c, bool on) {
            return k->write(who, QStringLiteral("comment.like"),
                            {{QStringLiteral("commentId"), c}, {QStringLiteral("liked"), on}});
        };
        QCOMPARE(number(likeComment(QStringLiteral("daan"), first, true).payload.value(L("likes"))),
                 1);
        const auto again = likeComment(QStringLiteral("daan"), first, true);
        QCOMPARE(number(again.payload.value(L("likes"))), 1);
        QVERIFY(!again.payload.contains(L("seq")));
        QVERIFY(k->write(QStringLiteral("chantal"), QStringLiteral("article.like"),
                         {{QStringLiteral("articleId"), id}, {QStringLiteral("liked"), true}})
                    .ok);
        const auto liked = articleOf(get(QStringLiteral("chantal"), id));
        QCOMPARE(number(liked.value(L("likes"))), 1);
        QVERIFY(liked.value(L("likedByMe")).toBool());
        QVERIFY(!articleOf(get(QStringLiteral("daan"), id)).value(L("likedByMe")).toBool());

        // Edits are the author's; the article's owner removes a comment.
        QCOMPARE(k->write(QStringLiteral("chantal"), QStringLiteral("comment.edit"),
                          {{QStringLiteral("commentId"), first},
                           {QStringLiteral("body"), QStringLiteral("x")}})
                     .errorCode,
                 QStringLiteral("forbidden"));
        QVERIFY(k->write(QStringLiteral("bram"), QStringLiteral("comment.edit"),
                         {{QStringLiteral("commentId"), first},
                          {QStringLiteral("body"), QStringLiteral("Mooi stuk!")}})
                    .ok);
        QCOMPARE(k->write(QStringLiteral("daan"), QStringLiteral("comment.delete"),
                          {{QStringLiteral("commentId"), second}})
                     .errorCode,
                 QStringLiteral("forbidden"));
        const auto gone = k->write(QStringLiteral("anna"), QStringLiteral("comment.delete"),
                                   {{QStringLiteral("commentId"), second}});
        QVERIFY(gone.ok);
        QCOMPARE(number(gone.payload.value(L("comments"))), 2);

        // Not on a draft; a hidden article's comments are a missing article's.
        const auto d = draft(QStringLiteral("anna"), QStringLiteral("Nog niet af"));
        QCOMPARE(k->write(QStringLiteral("anna"), QStringLiteral("comment.create"),
                          {{QStringLiteral("articleId"), number(articleOf(d).value(L("id")))},
                           {QStringLiteral("body"), QStringLiteral("x")}})
                     .errorCode,
                 QStringLiteral("bad_request"));
        const qint64 secret = k->group(QStringLiteral("anna"), QStringLiteral("Reacties geheim"),
                                       QStringLiteral("secret"), {});
        const qint64 open = k->group(QStringLiteral("anna"), QStringLiteral("Reacties open"),
                                     QStringLiteral("public"), {});
        const qint64 hidden = published(QStringLiteral("anna"), QStringLiteral("Geheim"), secret);
        const qint64 inOpen = published(QStringLiteral("anna"), QStringLiteral("Open"), open);
        QVERIFY(hidden && inOpen);
        const auto a = k->read(QStringLiteral("daan"), QStringLiteral("comment.list"),
                               {{QStringLiteral("articleId"), hidden}});
        const auto b = k->read(QStringLiteral("daan"), QStringLiteral("comment.list"),
                               {{QStringLiteral("articleId"), 900000 + hidden}});
        QCOMPARE(a.errorCode, QStringLiteral("not_found"));
        QCOMPARE(
            QString(a.errorMessage).replace(QString::number(hidden), QStringLiteral("N")),
            QString(b.errorMessage).replace(QString::number(900000 + hidden), QStringLiteral("N")));
        // A public group's blog is read by all, written by its members.
        QVERIFY(k->read(QStringLiteral("daan"), QStringLiteral("comment.list"),
                        {{QStringLiteral("articleId"), inOpen}})
                    .ok);
        QCOMPARE(k->write(QStringLiteral("daan"), QStringLiteral("comment.create"),
                          {{QStringLiteral("articleId"), inOpen},
                           {QStringLiteral("body"), QStringLiteral("x")}})
                     .errorCode,
                 QStringLiteral("forbidden"));
        // Deleting the article takes its comments and likes along.
        QVERIFY(k->write(QStringLiteral("anna"), QStringLiteral("article.delete"),
                         {{QStringLiteral("articleId"), id}})
                    .ok);
    }

    // search.query finds published articles by their title, summary and text, for whoever
    // may read them; never a draft, never a hidden group's; an edit replaces the words.
    void searchFindsPublishedArticles()
    {
        ChatKit* k = kit();
        if (!k)
            return;
        const auto find = [&](const QString& who, const QString& q) {
            QList<qint64> ids;
            const auto r = k->read(
                who, QStringLiteral("search.query"),
                {{QStringLiteral("q"), q}, {QStringLiteral("kind"), QStringLiteral("article")}});
            for (const QJsonValue& v : r.payload.value(L("results")).toArray())
                ids << number(v.toObject().value(L("id")));
            return ids;
        };
        const auto d = draft(QStringLiteral("anna"), QStringLiteral("Over de zilvermeeuw"));
        const qint64 id = number(articleOf(d).value(L("id")));
        QVERIFY(find(QStringLiteral("anna"), QStringLiteral("zilvermeeuw")).isEmpty());
        QVERIFY(publish(QStringLiteral("anna"), id, 1).ok);
        QCOMPARE(find(QStringLiteral("chantal"), QStringLiteral("zilvermeeuw")),
                 QList<qint64> {id});
        QCOMPARE(find(QStringLiteral("chantal"), QStringLiteral("zilverm")), QList<qint64> {id});
        QVERIFY(edit(QStringLiteral("anna"), id, 1, QStringLiteral("Nu over de aalscholver.")).ok);
        QCOMPARE(find(QStringLiteral("chantal"), QStringLiteral("aalscholver")),
                 QList<qint64> {id});

        const qint64 secret = k->group(QStringLiteral("anna"), QStringLiteral("Vogelwacht"),
                                       QStringLiteral("secret"), {QStringLiteral("bram")});
        const auto hidden = draft(QStringLiteral("bram"), QStringLiteral("De kokmeeuw"), secret);
        QVERIFY(publish(QStringLiteral("bram"), number(articleOf(hidden).value(L("id"))), 1).ok);
        QCOMPARE(find(QStringLiteral("bram"), QStringLiteral("kokmeeuw")).size(), 1);
        QVERIFY(find(QStringLiteral("daan"), QStringLiteral("kokmeeuw")).isEmpty());

        // The hit has the title with its words marked, the time it was published, and comes
        // only to a client that agreed on blogs.
        const auto titled = k->read(QStringLiteral("chantal"), QStringLiteral("search.query"),
                                    {{QStringLiteral("q"), QStringLiteral("titel aalscholver")}});
        const QJsonArray results = titled.payload.value(L("results")).toArray();
        QCOMPARE(results.size(), 1);
        const QJsonObject hit = results.first().toObject();
        QCOMPARE(hit.value(L("kind")).toString(), QStringLiteral("article"));
        QCOMPARE(hit.value(L("title")).toString(), QStringLiteral("Titel")); // as edited
        QCOMPARE(hit.value(L("titleMarks")).toArray(), (QJsonArray {QJsonArray {0, 5}}));
        const QJsonObject article = articleOf(get(QStringLiteral("chantal"), id));
        QCOMPARE(hit.value(L("createdAt")).toString(), article.value(L("publishedAt")).toString());
        const auto older = k->connect(QStringLiteral("chantal"),
                                      {QStringLiteral("feed"), QStringLiteral("search")});
        QVERIFY2(older, qPrintable(k->error));
        const auto withoutBlogs = older->request(
            QStringLiteral("search.query"), {{QStringLiteral("q"), QStringLiteral("aalscholver")}});
        QVERIFY2(withoutBlogs.ok, qPrintable(withoutBlogs.errorMessage));
        QVERIFY(withoutBlogs.payload.value(L("results")).toArray().isEmpty());

        // Newest first is by publishing: a draft begun earlier and published last comes first.
        const auto begunFirst
            = draft(QStringLiteral("anna"), QStringLiteral("Eerst begonnen: de lepelaar"));
        const auto begunLater
            = draft(QStringLiteral("anna"), QStringLiteral("Later begonnen: de lepelaar"));
        QVERIFY(
            publish(QStringLiteral("anna"), number(articleOf(begunLater).value(L("id"))), 1).ok);
        QVERIFY(
            publish(QStringLiteral("anna"), number(articleOf(begunFirst).value(L("id"))), 1).ok);
        const auto newest = k->read(QStringLiteral("chantal"), QStringLiteral("search.query"),
                                    {{QStringLiteral("q"), QStringLiteral("lepelaar")},
                                     {QStringLiteral("sort"), QStringLiteral("newest")},
                                     {QStringLiteral("limit"), 1}});
        const QJsonArray first = newest.payload.value(L("results")).toArray();
        QCOMPARE(first.size(), 1);
        QCOMPARE(number(first.first().toObject().value(L("id"))),
                 number(articleOf(begunFirst).value(L("id"))));
    }

    // company_blog_publishers = admins: anyone writes a draft, only admins publish it in the
    // company blog (a scheduled one of a member's goes back to a draft); groups' blogs are
    // their members'.
    void companyBlogForAdminsOnly()
    {
        ChatKit own;
        QVERIFY2(own.start(std::nullopt, {QStringLiteral("anna"), QStringLiteral("eva")},
                           {QStringLiteral("eva")},
                           {{QStringLiteral("company_blog_publishers"), QStringLiteral("admins")}}),
                 qPrintable(own.error));
        const auto d = own.write(QStringLiteral("anna"), QStringLiteral("article.save"),
                                 with(text(QStringLiteral("Van een lid"), QStringLiteral("Tekst")),
                                      QStringLiteral("baseRevision"), 0));
        QVERIFY2(d.ok, qPrintable(d.errorMessage));
        const qint64 id = number(articleOf(d).value(L("id")));
        const QJsonObject now {{QStringLiteral("articleId"), id},
                               {QStringLiteral("baseRevision"), 1}};
        const auto refused
            = own.write(QStringLiteral("anna"), QStringLiteral("article.publish"), now);
        QCOMPARE(refused.errorCode, QStringLiteral("forbidden"));
        QVERIFY(refused.errorMessage.contains(QStringLiteral("administrators")));
        const qint64 team = own.group(QStringLiteral("anna"), QStringLiteral("Eigen blog"),
                                      QStringLiteral("private"), {});
        QVERIFY(team);
        const auto inGroup
            = own.write(QStringLiteral("anna"), QStringLiteral("article.save"),
                        with(with(text(QStringLiteral("In de groep"), QStringLiteral("Tekst")),
                                  QStringLiteral("baseRevision"), 0),
                             QStringLiteral("groupId"), team));
        QVERIFY(own.write(QStringLiteral("anna"), QStringLiteral("article.publish"),
                          {{QStringLiteral("articleId"), number(articleOf(inGroup).value(L("id")))},
                           {QStringLiteral("baseRevision"), 1}})
                    .ok);
        // An admin co-author publishes the member's draft.
        const auto shared
            = own.write(QStringLiteral("anna"), QStringLiteral("article.save"),
                        with(with(with(text(QStringLiteral("Samen"), QStringLiteral("Tekst")),
                                       QStringLiteral("baseRevision"), 1),
                                  QStringLiteral("articleId"), id),
                             QStringLiteral("coAuthors"), idArray({own.id("eva")})));
        QVERIFY(shared.ok);
        QVERIFY(own.write(QStringLiteral("eva"), QStringLiteral("article.publish"),
                          with(now, QStringLiteral("baseRevision"), 2))
                    .ok);
        // Its member owner may no longer change it there either.
        const auto changed
            = own.write(QStringLiteral("anna"), QStringLiteral("article.edit"),
                        with(with(text(QStringLiteral("Samen"), QStringLiteral("Anders")),
                                  QStringLiteral("articleId"), id),
                             QStringLiteral("baseRevision"), 2));
        QCOMPARE(changed.errorCode, QStringLiteral("forbidden"));
        QVERIFY(own.stop());
    }

    // Scheduled while the server is down: published when it is back. Last: the kit's own
    // connections do not survive the restart.
    void scheduledAcrossARestart()
    {
        ChatKit* k = kit();
        if (!k)
            return;
        const auto d = draft(QStringLiteral("anna"), QStringLiteral("Na de herstart"));
        const qint64 id = number(articleOf(d).value(L("id")));
        QVERIFY(publish(QStringLiteral("anna"), id, 1, utcIn(2000)).ok);
        const quint16 port = k->server().port();
        QVERIFY(k->server().stop());
        QTest::qWait(2500);
        QVERIFY(k->server().start(port));
        auto reader = k->connect(QStringLiteral("chantal"));
        QVERIFY2(reader, qPrintable(k->error));
        QTRY_VERIFY_WITH_TIMEOUT(articleOf(reader->request(QStringLiteral("article.get"),
                                                           {{QStringLiteral("articleId"), id}}))
                                         .value(L("state"))
                                         .toString()
                                     == QLatin1StringView("published"),
                                 10000);
    }
};

QTEST_GUILESS_MAIN(TestBlogs)
#include "tst_blogs.moc"
