// The hand-written sync.since frame is valid JSON and says exactly what the generic encoder
// would say.
#include "net/syncpage.h"
#include "protocol/envelope.h"
#include "store/eventlog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace plein;
using namespace plein::server;

class TestSyncPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchesTheGenericEncoder_data()
    {
        QTest::addColumn<QString>("requestId");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("body");
        QTest::newRow("plain") << QStringLiteral("42") << QStringLiteral("post.created")
                               << QStringLiteral("Hallo");
        QTest::newRow("quotes and unicode")
            << QStringLiteral("id \"with\" quotes\\") << QStringLiteral("post.\"odd\"")
            << QStringLiteral("Zeeuwse bolus 🥐, \"quoted\", tab\there, line\nbreak, \u0001");
    }

    void matchesTheGenericEncoder()
    {
        QFETCH(QString, requestId);
        QFETCH(QString, kind);
        QFETCH(QString, body);
        EventPage page;
        page.head = 99;
        page.next = 12;
        page.more = true;
        for (int i = 0; i < 3; ++i) {
            StoredEvent e;
            e.seq = 10 + i;
            e.kind = kind;
            e.actorId = 7;
            e.at = QStringLiteral("2026-11-27T09:15:02.120Z");
            e.data = QJsonObject {
                {QStringLiteral("post"), QJsonObject {{QStringLiteral("body"), body}}}};
            e.rawData = QJsonDocument(e.data).toJson(QJsonDocument::Compact);
            page.events.append(e);
        }
        page.events.append(StoredEvent {
            13, QStringLiteral("user.created"), 1, {}, {}, {}, QStringLiteral("now"), 0});

        QJsonArray events;
        for (const StoredEvent& e : page.events) {
            QJsonObject o = e.toJson();
            o.insert(QStringLiteral("seq"), e.seq);
            events.append(o);
        }
        const QByteArray expected
            = protocol::encodeResult(requestId,
                                     QJsonObject {{QStringLiteral("events"), events},
                                                  {QStringLiteral("next"), page.next},
                                                  {QStringLiteral("more"), page.more},
                                                  {QStringLiteral("head"), page.head},
                                                  {QStringLiteral("resync"), page.resync}});
        const QByteArray actual = encodeSyncPage(requestId, page);
        QJsonParseError error;
        const QJsonDocument parsed = QJsonDocument::fromJson(actual, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(parsed, QJsonDocument::fromJson(expected));
        // Keys in the same (sorted) order as the generic encoder: byte for byte the same.
        QCOMPARE(actual, expected);
    }
};

QTEST_GUILESS_MAIN(TestSyncPage)
#include "tst_syncpage.moc"
