// Profiles through the client core against the real server with the demo organisation: the
// demo's profiles fill the cache through sync, the directory model filters them, a changed
// profile reaches a second client, and a change made offline goes through the outbox once.
#include "capabilities/people/peopleprotocol.h"
#include "client.h"
#include "connection.h"
#include "outbox/outbox.h"
#include "people/peopledirectorymodel.h"
#include "people/peoplestore.h"
#include "people/profilemodel.h"
#include "people/profiles.h"
#include "session.h"
#include "store/cache.h"
#include "sync/syncengine.h"
#include "testclient.h"
#include "testserver.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace plein;
using namespace plein::client;

namespace {

QStringList usernames(PeopleDirectoryModel& model)
{
    while (model.canFetchMore(QModelIndex()))
        model.fetchMore(QModelIndex());
    QStringList out;
    for (int i = 0; i < model.rowCount(); ++i)
        out << model.index(i).data(PeopleDirectoryModel::UsernameRole).toString();
    return out;
}

} // namespace

class TestPeople : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_server.start(), qPrintable(m_server.lastError())); }

    // A fresh cache syncs from the start of the log: user.created and people.profile fill the
    // directory, which the model filters as one types and by tags.
    void demoProfilesFillTheDirectory()
    {
        QTemporaryDir profile;
        auto anna = test::makeClient(m_server.url(), QStringLiteral("anna"), profile.path());
        QVERIFY(anna);
        QVERIFY(test::goOnlineAndCatchUp(*anna));
        PeopleDirectoryModel model(anna->cache());
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(
            usernames(model),
            QStringList({QStringLiteral("anna"), QStringLiteral("bram"), QStringLiteral("chantal"),
                         QStringLiteral("daan"), QStringLiteral("eva")}));
        model.setInterest(QStringLiteral("Hardlopen"));
        QCOMPARE(
            usernames(model),
            QStringList({QStringLiteral("anna"), QStringLiteral("bram"), QStringLiteral("daan")}));
        model.setInterest(QString());
        model.setExpertise(QStringLiteral("gis"));
        QCOMPARE(usernames(model),
                 QStringList({QStringLiteral("chantal"), QStringLiteral("daan")}));
        model.setExpertise(QString());
        model.setText(QStringLiteral("inspec")); // bram's job title
        QCOMPARE(usernames(model), QStringList {QStringLiteral("bram")});
        model.setText(QString());
        model.setDepartment(QStringLiteral("HR"));
        QCOMPARE(usernames(model), QStringList {QStringLiteral("eva")});
        const auto bram = PeopleStore(anna->cache()).person(idOf(*anna, "bram"));
        QVERIFY(bram && bram->hasProfile);
        QCOMPARE(bram->jobTitle, QStringLiteral("Dijkinspecteur"));
        QVERIFY(bram->interests.contains(QStringLiteral("hardlopen")));
        // The demo's people have photos: the cache keeps the file's id, the model shows it.
        QCOMPARE(bram->photo.size(), 22);
        model.setDepartment(QString());
        usernames(model);
        for (int i = 0; i < model.rowCount(); ++i)
            QVERIFY(!model.index(i).data(PeopleDirectoryModel::PhotoRole).toString().isEmpty());
        // The facets of the cache, for the filters.
        const auto interests = PeopleStore(anna->cache()).tags(QLatin1StringView("interest"), 10);
        QVERIFY(!interests.isEmpty());
        QCOMPARE(interests.first().count, 3);
    }

    // bram changes his profile online; anna's client, online too, has it in its cache and
    // its profile model says so.
    void profileEventReachesASecondClient()
    {
        QTemporaryDir annaProfile;
        QTemporaryDir bramProfile;
        auto anna = test::makeClient(m_server.url(), QStringLiteral("anna"), annaProfile.path());
        auto bram = test::makeClient(m_server.url(), QStringLiteral("bram"), bramProfile.path());
        QVERIFY(anna && bram);
        QVERIFY(test::goOnlineAndCatchUp(*anna));
        QVERIFY(test::goOnlineAndCatchUp(*bram));
        const qint64 bramId = idOf(*anna, "bram");
        ProfileModel page(anna->cache(), anna->profiles());
        page.setPersonId(bramId);
        QVERIFY(page.person());
        const QString photo = page.person()->photo;
        QVERIFY(!photo.isEmpty());
        QSignalSpy changed(&page, &ProfileModel::changed);
        QVERIFY(!bram->profiles()
                     .updateProfile(
                         bramId,
                         {{QStringLiteral("location"), QStringLiteral("Vlissingen")},
                          {QStringLiteral("interests"), QJsonArray {QStringLiteral("zwemmen")}},
                          {QStringLiteral("photoFileId"), QString()}})
                     .isEmpty());
        QTRY_COMPARE(bram->outbox().count(), 0);
        QTRY_COMPARE(page.person()->location, QStringLiteral("Vlissingen"));
        QVERIFY(changed.size() > 0);
        QCOMPARE(page.person()->interests, QStringList {QStringLiteral("zwemmen")});
        QVERIFY(page.person()->photo.isEmpty()); // removed
        // And back: the photo is his upload, so he may use it again.
        QVERIFY(!bram->profiles()
                     .updateProfile(bramId, {{QStringLiteral("photoFileId"), photo}})
                     .isEmpty());
        QTRY_COMPARE(page.person()->photo, photo);
        // bram's own cache has it from the write's answer.
        QCOMPARE(bram->profiles().person(bramId)->location, QStringLiteral("Vlissingen"));
    }

    // A change made offline waits in the outbox (in its own lane), survives a restart, and is
    // delivered once: one people.profile event about it in the log.
    void offlineEditGoesThroughTheOutboxOnce()
    {
        QTemporaryDir profile;
        auto eva = test::makeClient(m_server.url(), QStringLiteral("eva"), profile.path());
        QVERIFY(eva);
        QVERIFY(test::goOnlineAndCatchUp(*eva));
        const qint64 evaId = idOf(*eva, "eva");
        const qint64 before = eva->cache().cursor();
        eva.reset();
        eva = test::makeClient(m_server.url(), QStringLiteral("eva"), profile.path());
        const QString id = eva->profiles().updateProfile(
            evaId, {{QStringLiteral("jobTitle"), QStringLiteral("Teamleider HR")}});
        QVERIFY(!id.isEmpty());
        QCOMPARE(eva->outbox().count(), 1);
        QCOMPARE(eva->profiles().pendingUpdate(evaId), id);
        // The app closes before the network returns.
        eva.reset();
        eva = test::makeClient(m_server.url(), QStringLiteral("eva"), profile.path());
        QCOMPARE(eva->outbox().count(), 1);
        QVERIFY(test::goOnlineAndCatchUp(*eva));
        QTRY_COMPARE(eva->outbox().count(), 0);
        QVERIFY(eva->profiles().pendingUpdate(evaId).isEmpty());
        QTRY_COMPARE(eva->profiles().person(evaId)->jobTitle, QStringLiteral("Teamleider HR"));
        QCOMPARE(profileEventsSince(before, evaId), 1);
    }

    // A deactivated person: the cache keeps their account but drops the profile fields, and
    // their page shows members "not found" as the server answers them; an administrator
    // still sees them.
    void deactivatedPersonIsHiddenFromMembers()
    {
        QVERIFY(admin({QStringLiteral("user"), QStringLiteral("add"), QStringLiteral("gijs"),
                       QStringLiteral("--password-stdin"), QStringLiteral("--display-name"),
                       QStringLiteral("Gijs de Wit")},
                      test::TestServer::password().toUtf8() + '\n'));
        QTemporaryDir annaProfile;
        QTemporaryDir evaProfile;
        auto anna = test::makeClient(m_server.url(), QStringLiteral("anna"), annaProfile.path());
        auto eva = test::makeClient(m_server.url(), QStringLiteral("eva"), evaProfile.path());
        QVERIFY(anna && eva);
        QVERIFY(test::goOnlineAndCatchUp(*anna));
        QVERIFY(test::goOnlineAndCatchUp(*eva));
        const qint64 gijs = idOf(*anna, "gijs");
        QVERIFY(gijs > 0);
        QVERIFY(!anna->profiles()
                     .updateProfile(gijs, {{QStringLiteral("phone"), QStringLiteral("0118 123")}})
                     .isEmpty());
        QTRY_COMPARE(anna->outbox().count(), 0);
        QTRY_COMPARE(eva->profiles().person(gijs)->phone, QStringLiteral("0118 123"));
        ProfileModel asMember(eva->cache(), eva->profiles());
        asMember.setPersonId(gijs);
        QVERIFY(asMember.person());
        QVERIFY(
            admin({QStringLiteral("user"), QStringLiteral("deactivate"), QStringLiteral("gijs")},
                  QByteArray()));
        QTRY_VERIFY(!eva->profiles().person(gijs)->active);
        QVERIFY(eva->profiles().person(gijs)->phone.isEmpty());
        QTRY_VERIFY(asMember.isMissing());
        QVERIFY(!asMember.person());
        ProfileModel asAdmin(anna->cache(), anna->profiles());
        asAdmin.setAdminView(true);
        asAdmin.setPersonId(gijs);
        QTRY_VERIFY(asAdmin.person() && !asAdmin.person()->active
                    && asAdmin.person()->phone == QLatin1StringView("0118 123"));
        QVERIFY(!asAdmin.isMissing());
    }

    // A cache synced before the people feature existed holds nobody's profile; the first start
    // that agrees on it rebuilds from people.search, and the next one reads on from the cursor.
    void upgradedCacheReadsTheDirectory()
    {
        QTemporaryDir profile;
        {
            auto older
                = test::makeClient(m_server.url(), QStringLiteral("chantal"), profile.path());
            QVERIFY(older);
            older->connection().setFeatures({QStringLiteral("feed"), QStringLiteral("sync"),
                                             QStringLiteral("idempotent-writes"),
                                             QStringLiteral("groups")});
            QVERIFY(test::goOnlineAndCatchUp(*older));
            QVERIFY(
                !older->connection().agreedFeatures().contains(QString(protocol::people::Feature)));
            for (const PersonRow& p : PeopleStore(older->cache()).directory({}, 0, 100))
                QVERIFY(!p.hasProfile); // the accounts only, from user.created
        }
        auto upgraded = test::makeClient(m_server.url(), QStringLiteral("chantal"), profile.path());
        QSignalSpy resynced(&upgraded->sync(), &SyncEngine::resynced);
        QVERIFY(test::goOnlineAndCatchUp(*upgraded));
        QCOMPARE(resynced.size(), 1);
        const QList<PersonRow> people = PeopleStore(upgraded->cache()).directory({}, 0, 100);
        QCOMPARE(people.size(), 5);
        for (const PersonRow& p : people) {
            QVERIFY(p.hasProfile);
            QVERIFY(!p.jobTitle.isEmpty());
        }
        QVERIFY(upgraded->sync().syncedFeatures().contains(QString(protocol::people::Feature)));
        upgraded.reset();
        auto again = test::makeClient(m_server.url(), QStringLiteral("chantal"), profile.path());
        QSignalSpy resyncedAgain(&again->sync(), &SyncEngine::resynced);
        QVERIFY(test::goOnlineAndCatchUp(*again));
        QCOMPARE(resyncedAgain.size(), 0);
    }

private:
    bool admin(QStringList arguments, const QByteArray& input) const
    {
        QProcess process;
        arguments << QStringLiteral("--data") << m_server.dataDir();
        process.start(QStringLiteral(PLEIN_SERVER_BINARY), arguments);
        process.write(input);
        process.closeWriteChannel();
        return process.waitForFinished(20000) && process.exitCode() == 0;
    }

    static qint64 idOf(Client& c, const char* username)
    {
        for (const PersonRow& p : PeopleStore(c.cache()).directory({}, 0, 100)) {
            if (p.username == QLatin1StringView(username))
                return p.id;
        }
        return 0;
    }

    // people.profile events about `userId` after `cursor`, read through a session of its own.
    int profileEventsSince(qint64 cursor, qint64 userId)
    {
        Session session;
        Connection connection(session);
        test::announceFeatures(connection);
        connection.addFeatures({QString(protocol::people::Feature)});
        connection.setServer(m_server.url());
        connection.setPassword(QStringLiteral("anna"), test::TestServer::password());
        QSignalSpy authenticated(&connection, &Connection::authenticated);
        connection.start();
        if (!authenticated.wait(20000))
            return -1;
        int count = -1;
        session.request(
            QLatin1StringView("sync.since"),
            QJsonObject {{QStringLiteral("cursor"), cursor}, {QStringLiteral("limit"), 1000}}, this,
            [&](const Result<QJsonObject>& r) {
                if (!r)
                    return;
                count = 0;
                for (const QJsonValue& v : r->value(QLatin1StringView("events")).toArray()) {
                    const QJsonObject e = v.toObject();
                    const qint64 about = qint64(e.value(QLatin1StringView("data"))
                                                    .toObject()
                                                    .value(QLatin1StringView("profile"))
                                                    .toObject()
                                                    .value(QLatin1StringView("id"))
                                                    .toDouble());
                    if (e.value(QLatin1StringView("kind")).toString()
                            == protocol::people::PeopleProfile
                        && about == userId)
                        ++count;
                }
            });
        QTest::qWaitFor([&]() { return count >= 0; }, 10000);
        return count;
    }

    test::TestServer m_server;
};

QTEST_GUILESS_MAIN(TestPeople)
#include "tst_people.moc"
