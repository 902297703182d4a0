// The hand-written sync.since frame and event push are valid JSON and say exactly what the
// generic encoder would say.
#include "core/eventlog.h"
#include "core/syncpage.h"
#include "protocol/envelope.h"

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
        QTest::addColumn<bool>("withAudience");
        for (bool audience : {false, true}) {
            const char* suffix = audience ? " with audience" : "";
            QTest::addRow("plain%s", suffix)
                << QStringLiteral("42") << QStringLiteral("post.created") << QStringLiteral("Hallo")
                << audience;
            QTest::addRow("quotes and unicode%s", suffix)
                << QStringLiteral("id \"with\" quotes\\") << QStringLiteral("post.\"odd\"")
                << QStringLiteral("Zeeuwse bolus 🥐, \"quoted\", tab\there, line\nbreak, \u0001")
                << audience;
        }
    }

    void matchesTheGenericEncoder()
    {
        QFETCH(QString, requestId);
        QFETCH(QString, kind);
        QFETCH(QString, body);
        QFETCH(bool, withAudience);
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
            // Each audience, and a subject on some.
            e.scope = i == 0 ? Scope::everyone()
                : i == 1     ? Scope::group(5, {8})
                             : Scope::usersOnly({3, 4});
            e.subjectId = i == 1 ? 8 : 0;
            page.events.append(e);
        }
        StoredEvent created;
        created.seq = 13;
        created.kind = QStringLiteral("user.created");
        created.actorId = 0;
        created.subjectId = 1;
        created.at = QStringLiteral("now");
        page.events.append(created);

        QJsonArray events;
        for (const StoredEvent& e : page.events) {
            QJsonObject o = e.toJson(withAudience);
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
        const QByteArray actual = encodeSyncPage(requestId, page, withAudience);
        QJsonParseError error;
        const QJsonDocument parsed = QJsonDocument::fromJson(actual, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(parsed, QJsonDocument::fromJson(expected));
        // Keys in the same (sorted) order as the generic encoder: byte for byte the same.
        QCOMPARE(actual, expected);

        // The live push of each of them, likewise.
        for (const StoredEvent& e : page.events)
            QCOMPARE(encodeEventPush(e, withAudience),
                     protocol::encodeEvent(e.seq, e.toJson(withAudience)));
    }
};

QTEST_GUILESS_MAIN(TestSyncPage)
#include "tst_syncpage.moc"
