#include "capabilities/session/sessionprotocol.h"
#include "protocol/doctable.h"
#include "protocol/envelope.h"
#include "protocol/limits.h"
#include "protocol/registry.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace plein::protocol;

namespace {

QByteArray readFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return QByteArray();
    return f.readAll();
}

QByteArray frame(const QString& type, const QJsonObject& payload)
{
    return QJsonDocument(QJsonObject {{QStringLiteral("type"), type},
                                      {QStringLiteral("id"), QStringLiteral("x")},
                                      {QStringLiteral("payload"), payload}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

class TestProtocol : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tableIsConsistent()
    {
        QStringList names;
        for (const MessageSpec* m : allMessages()) {
            QVERIFY2(!names.contains(QString(m->name)), qPrintable(QString(m->name)));
            names << QString(m->name);
            QCOMPARE(findMessage(QString(m->name)), m);
            QVERIFY(capabilityOfMessage(*m));
            for (const FieldSpec& f : m->fields)
                QVERIFY2(f.type != FieldType::Choice || !f.choices.isEmpty(), f.name.data());
        }
        // Every event kind belongs to exactly one capability.
        QStringList kinds;
        for (const CapabilitySpec* c : capabilities()) {
            for (const EventKindSpec& k : c->events) {
                QVERIFY2(!kinds.contains(QString(k.kind)), k.kind.data());
                kinds << QString(k.kind);
                QCOMPARE(capabilityOfEvent(QString(k.kind)), c);
            }
        }
    }

    void golden_data()
    {
        QTest::addColumn<QString>("name");
        for (const MessageSpec* m : allMessages())
            QTest::newRow(m->name.data()) << QString(m->name);
    }

    // A post or message of files may be written, and edited, without a word: the wire takes
    // an empty body for those four; whether files carry it is the server's to decide.
    void emptyBodyWhereFilesMayStandAlone()
    {
        for (
            const char* frame :
            {R"({"type":"post.create","id":"1","payload":{"clientId":"abcdefgh","body":""}})",
             R"({"type":"post.edit","id":"2","payload":{"clientId":"abcdefgh","postId":9,"body":""}})",
             R"({"type":"chat.send","id":"3","payload":{"clientId":"abcdefgh","conversationId":4,"body":""}})",
             R"({"type":"chat.edit","id":"4","payload":{"clientId":"abcdefgh","messageId":5,"body":""}})"}) {
            auto decoded = decodeRequest(QByteArray(frame));
            if (auto* failure = std::get_if<DecodeFailure>(&decoded))
                QFAIL(qPrintable(failure->error.message + u' ' + QString::fromLatin1(frame)));
        }
    }

    // Every message type has an example on disk; decoding it and encoding the result gives the
    // same bytes, so the wire format cannot drift unnoticed.
    void golden()
    {
        QFETCH(QString, name);
        const QByteArray bytes
            = readFile(QStringLiteral(PLEIN_GOLDEN_DIR "/%1.json").arg(name)).trimmed();
        QVERIFY2(!bytes.isEmpty(),
                 qPrintable(QStringLiteral("missing golden file for %1").arg(name)));
        const MessageSpec* spec = findMessage(name);
        QVERIFY(spec);
        if (spec->direction == Direction::Request) {
            auto decoded = decodeRequest(bytes);
            auto* request = std::get_if<Request>(&decoded);
            if (!request)
                QFAIL(qPrintable(std::get<DecodeFailure>(decoded).error.message));
            QCOMPARE(request->spec, spec);
            QCOMPARE(encodeRequest(spec->name, request->id, request->payload), bytes);
        } else {
            auto decoded = decodeServerFrame(bytes);
            auto* f = std::get_if<ServerFrame>(&decoded);
            if (!f)
                QFAIL(qPrintable(std::get<Error>(decoded).message));
            QCOMPARE(f->kind, ServerFrame::Kind::Push);
            QCOMPARE(f->push, spec);
            const QByteArray again = spec->name == plein::protocol::session::Event
                ? encodeEvent(f->seq, f->payload)
                : encodePush(spec->name, f->payload);
            QCOMPARE(again, bytes);
        }
    }

    void responses()
    {
        const QByteArray ok = encodeResult(QStringLiteral("7"),
                                           QJsonObject {{QStringLiteral("posts"), QJsonArray()}});
        QCOMPARE(ok, QByteArray(R"({"ok":true,"payload":{"posts":[]},"re":"7"})"));
        // A payload encoded beforehand gives the same bytes, whatever the id holds.
        const QJsonObject payload {
            {QStringLiteral("post"),
             QJsonObject {{QStringLiteral("body"), QStringLiteral("é \"x\"")}}},
            {QStringLiteral("seq"), 12}};
        for (const QString& id : {QStringLiteral("7"), QStringLiteral("a\"b\\c\u00e9\n")}) {
            QCOMPARE(encodeResultJson(id, QJsonDocument(payload).toJson(QJsonDocument::Compact)),
                     encodeResult(id, payload));
        }
        const QByteArray err
            = encodeError(QStringLiteral("8"), Error {ErrorCode::Forbidden, QStringLiteral("no")});
        QCOMPARE(
            err,
            QByteArray(R"({"error":{"code":"forbidden","message":"no"},"ok":false,"re":"8"})"));
        auto decoded = decodeServerFrame(err);
        auto* f = std::get_if<ServerFrame>(&decoded);
        QVERIFY(f);
        QCOMPARE(f->kind, ServerFrame::Kind::Response);
        QVERIFY(!f->ok);
        QCOMPARE(f->error.code, ErrorCode::Forbidden);
        QCOMPARE(f->re, QStringLiteral("8"));
    }

    void errorCodesAreStable()
    {
        const QStringList expected {
            QStringLiteral("bad_request"),  QStringLiteral("unauthorized"),
            QStringLiteral("forbidden"),    QStringLiteral("not_found"),
            QStringLiteral("conflict"),     QStringLiteral("too_large"),
            QStringLiteral("rate_limited"), QStringLiteral("unavailable"),
            QStringLiteral("internal"),     QStringLiteral("stale_revision")};
        for (int i = 0; i < expected.size(); ++i) {
            QCOMPARE(errorCodeName(ErrorCode(i)), expected[i]);
            QCOMPARE(errorCodeFromName(expected[i]), std::optional<ErrorCode>(ErrorCode(i)));
        }
        QVERIFY(!errorCodeFromName(QStringLiteral("nope")));
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<ErrorCode>("code");
        QTest::addColumn<QString>("mentions");
        const QString long5001(maxPostChars + 1, u'a');
        QTest::newRow("not json") << QByteArray("{\"type\":") << ErrorCode::BadRequest
                                  << QStringLiteral("malformed JSON");
        QTest::newRow("array") << QByteArray("[1,2]") << ErrorCode::BadRequest
                               << QStringLiteral("JSON object");
        QTest::newRow("no id") << QByteArray(R"({"type":"ping","payload":{}})")
                               << ErrorCode::BadRequest << QStringLiteral("'id'");
        QTest::newRow("numeric id") << QByteArray(R"({"type":"ping","id":5})")
                                    << ErrorCode::BadRequest << QStringLiteral("'id'");
        QTest::newRow("unknown type")
            << frame(QStringLiteral("post.explode"), {}) << ErrorCode::BadRequest
            << QStringLiteral("unknown message type");
        QTest::newRow("push as request")
            << frame(QStringLiteral("event"), {}) << ErrorCode::BadRequest
            << QStringLiteral("unknown message type");
        QTest::newRow("extra envelope field")
            << QByteArray(R"({"type":"ping","id":"1","admin":true})") << ErrorCode::BadRequest
            << QStringLiteral("unknown envelope field");
        QTest::newRow("payload not object")
            << QByteArray(R"({"type":"ping","id":"1","payload":[]})") << ErrorCode::BadRequest
            << QStringLiteral("'payload'");
        QTest::newRow("unknown field")
            << frame(QStringLiteral("ping"), {{QStringLiteral("x"), 1}}) << ErrorCode::BadRequest
            << QStringLiteral("unknown field 'x'");
        QTest::newRow("missing field")
            << frame(QStringLiteral("auth.login"),
                     {{QStringLiteral("username"), QStringLiteral("a")}})
            << ErrorCode::BadRequest << QStringLiteral("'password' is required");
        QTest::newRow("string for number")
            << frame(QStringLiteral("sync.since"),
                     {{QStringLiteral("cursor"), QStringLiteral("12")}})
            << ErrorCode::BadRequest << QStringLiteral("whole number");
        QTest::newRow("fraction") << frame(QStringLiteral("sync.since"),
                                           {{QStringLiteral("cursor"), 1.5}})
                                  << ErrorCode::BadRequest << QStringLiteral("whole number");
        QTest::newRow("negative cursor")
            << frame(QStringLiteral("sync.since"), {{QStringLiteral("cursor"), -1}})
            << ErrorCode::BadRequest << QStringLiteral("between");
        QTest::newRow("limit too big")
            << frame(QStringLiteral("sync.since"),
                     {{QStringLiteral("cursor"), 0}, {QStringLiteral("limit"), 100000}})
            << ErrorCode::BadRequest << QStringLiteral("between");
        QTest::newRow("bool as string")
            << frame(QStringLiteral("post.like"),
                     {{QStringLiteral("clientId"), QStringLiteral("abcdefgh")},
                      {QStringLiteral("postId"), 1},
                      {QStringLiteral("liked"), QStringLiteral("yes")}})
            << ErrorCode::BadRequest << QStringLiteral("true or false");
        QTest::newRow("body too long")
            << frame(QStringLiteral("post.create"),
                     {{QStringLiteral("clientId"), QStringLiteral("abcdefgh")},
                      {QStringLiteral("body"), long5001}})
            << ErrorCode::TooLarge << QStringLiteral("at most 5000");
        QTest::newRow("short client id")
            << frame(QStringLiteral("post.create"),
                     {{QStringLiteral("clientId"), QStringLiteral("a")},
                      {QStringLiteral("body"), QStringLiteral("x")}})
            << ErrorCode::BadRequest << QStringLiteral("at least 8");
        QTest::newRow("control character in name")
            << frame(QStringLiteral("auth.login"),
                     {{QStringLiteral("username"), QStringLiteral("an\u0001na")},
                      {QStringLiteral("password"), QStringLiteral("x")}})
            << ErrorCode::BadRequest << QStringLiteral("control characters");
        QTest::newRow("lone high surrogate") << QByteArray(
            R"({"type":"post.create","id":"1","payload":{"clientId":"abcdefgh","body":"a\ud800 b"}})")
                                             << ErrorCode::BadRequest
                                             << QStringLiteral("surrogate");
        QTest::newRow("lone low surrogate") << QByteArray(
            R"({"type":"post.create","id":"1","payload":{"clientId":"abcdefgh","body":"a\udc00"}})")
                                            << ErrorCode::BadRequest << QStringLiteral("surrogate");
        QTest::newRow("high surrogate at the end") << QByteArray(
            R"({"type":"post.create","id":"1","payload":{"clientId":"abcdefgh","body":"a\ud83d"}})")
                                                   << ErrorCode::BadRequest
                                                   << QStringLiteral("surrogate");
        QTest::newRow("choice outside its words")
            << frame(QStringLiteral("group.create"),
                     {{QStringLiteral("clientId"), QStringLiteral("abcdefgh")},
                      {QStringLiteral("name"), QStringLiteral("x")},
                      {QStringLiteral("kind"), QStringLiteral("hidden")}})
            << ErrorCode::BadRequest << QStringLiteral("one of public, private, secret");
        QTest::newRow("oversized frame")
            << QByteArray(maxFrameBytes + 1, ' ') << ErrorCode::TooLarge
            << QStringLiteral("exceeds the limit");
    }

    void malformed()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(ErrorCode, code);
        QFETCH(QString, mentions);
        auto decoded = decodeRequest(bytes);
        auto* failure = std::get_if<DecodeFailure>(&decoded);
        QVERIFY(failure);
        QCOMPARE(errorCodeName(failure->error.code), errorCodeName(code));
        QVERIFY2(failure->error.message.contains(mentions), qPrintable(failure->error.message));
    }

    // A surrogate pair written as two escapes is one character, and an escaped backslash
    // before "u" is no escape at all.
    void surrogatePairsAreText()
    {
        auto ok = decodeRequest(QByteArray(
            R"({"type":"post.create","id":"1","payload":{"clientId":"abcdefgh","body":"\ud83d\ude00 \\ud800"}})"));
        auto* request = std::get_if<Request>(&ok);
        QVERIFY(request);
        QCOMPARE(request->payload.value(QLatin1StringView("body")).toString(),
                 QStringLiteral("\U0001F600 \\ud800"));
    }

    // Lengths count characters (code points), not UTF-16 units: 5000 emoji fit in a post.
    void lengthsCountCodePoints()
    {
        QString emoji;
        for (int i = 0; i < maxPostChars; ++i)
            emoji += QStringLiteral("\U0001F600");
        auto ok = decodeRequest(frame(QStringLiteral("post.create"),
                                      {{QStringLiteral("clientId"), QStringLiteral("abcdefgh")},
                                       {QStringLiteral("body"), emoji}}));
        QVERIFY(std::get_if<Request>(&ok));
    }

    // A newer server's push type and fields are not errors for this client.
    void unknownPushesAndFieldsAreIgnored()
    {
        auto unknown = decodeServerFrame(QByteArray(R"({"type":"poll.tally","payload":{"x":1}})"));
        auto* f = std::get_if<ServerFrame>(&unknown);
        QVERIFY(f);
        QVERIFY(!f->push);
        QCOMPARE(f->pushType, QStringLiteral("poll.tally"));
        auto extra = decodeServerFrame(QByteArray(
            R"({"type":"event","seq":5,"payload":{"kind":"post.created","at":"x","actor":1,"data":{},"mood":"new"}})"));
        f = std::get_if<ServerFrame>(&extra);
        QVERIFY(f);
        QVERIFY(f->push);
    }

    // docs/protocol.md carries the table generated from the code, between two markers.
    void documentMatchesCode()
    {
        const QString doc
            = QString::fromUtf8(readFile(QStringLiteral(PLEIN_SOURCE_DIR "/docs/protocol.md")));
        const QString begin = QStringLiteral("<!-- message-table:begin -->\n");
        const QString end = QStringLiteral("<!-- message-table:end -->");
        const auto from = doc.indexOf(begin);
        const auto to = doc.indexOf(end);
        QVERIFY2(from >= 0 && to > from, "docs/protocol.md lacks the message-table markers");
        const QString table = doc.mid(from + begin.size(), to - from - begin.size());
        QCOMPARE(table.trimmed(), messageTableMarkdown().trimmed());
        const QString eventsBegin = QStringLiteral("<!-- event-table:begin -->\n");
        const QString eventsEnd = QStringLiteral("<!-- event-table:end -->");
        const auto eventsFrom = doc.indexOf(eventsBegin);
        const auto eventsTo = doc.indexOf(eventsEnd);
        QVERIFY2(eventsFrom >= 0 && eventsTo > eventsFrom,
                 "docs/protocol.md lacks the event-table markers");
        QCOMPARE(
            doc.mid(eventsFrom + eventsBegin.size(), eventsTo - eventsFrom - eventsBegin.size())
                .trimmed(),
            eventTableMarkdown().trimmed());
    }
};

QTEST_GUILESS_MAIN(TestProtocol)
#include "tst_protocol.moc"
