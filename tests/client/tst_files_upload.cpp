// Files attached to posts and messages, uploaded through the outbox, against the real
// plein-server on SQLite and PostgreSQL: a post with two files delivered with both (read back
// over HTTP), attached offline and delivered once online, an upload that goes on from the
// server's offset after a dropped connection and after the app restarted, one the server
// forgot that begins again, the quota's refusal with the server's message, a vanished or
// changed local file, and the local checks.
#include "chat/chat.h"
#include "chat/chatstore.h"
#include "client.h"
#include "connection.h"
#include "feed/feed.h"
#include "files/fileclient.h"
#include "files/uploads.h"
#include "outbox/outbox.h"
#include "outbox/outboxstore.h"
#include "serverprocess.h"
#include "store/cache.h"
#include "syncengine.h"
#include "testdatabase.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <memory>

using namespace plein;
using namespace plein::test;
using client::UploadRow;

namespace {

const QString password = QStringLiteral("password123");

QByteArray randomBytes(qint64 size)
{
    QByteArray out(size, Qt::Uninitialized);
    QRandomGenerator gen {quint32(size)};
    for (qint64 i = 0; i < size; i += 4) {
        const quint32 v = gen.generate();
        memcpy(out.data() + i, &v, size_t(std::min<qint64>(4, size - i)));
    }
    return out;
}

bool writeFile(const QString& path, const QByteArray& data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

} // namespace

class TestFilesUpload : public QObject
{
    Q_OBJECT

    std::map<QString, std::unique_ptr<ServerProcess>> m_servers;
    QTemporaryDir m_profiles;
    QTemporaryDir m_files;
    int m_profileCount = 0;

    ServerProcess* server()
    {
        QFETCH_GLOBAL(QString, backend);
        auto& s = m_servers[backend];
        if (s)
            return s.get();
        s = std::make_unique<ServerProcess>();
        if (backend == QLatin1StringView("postgresql")) {
            const auto url = postgresUrl();
            QString error;
            if (!url || !resetPostgres(*url, &error)) {
                qWarning("no PostgreSQL: %s", qPrintable(error));
                return nullptr;
            }
            s->setExtraArguments({QStringLiteral("--database"), *url});
        }
        if (s->command({QStringLiteral("init")}) != 0)
            return nullptr;
        s->setConfig(QStringLiteral("requests_per_second"), QStringLiteral("100000"));
        for (const char* user : {"anna", "bram", "carl", "dora"}) {
            if (!s->addUser(QString::fromLatin1(user), false, password))
                return nullptr;
        }
        if (!s->start())
            return nullptr;
        return s.get();
    }

    // A new profile folder each time unless one is given (the same one: an app restart).
    std::unique_ptr<client::Client> openClient(const QString& user, QString* profile = nullptr)
    {
        ServerProcess* s = server();
        if (!s)
            return nullptr;
        QString dir = profile && !profile->isEmpty()
            ? *profile
            : m_profiles.filePath(QString::number(++m_profileCount));
        if (profile)
            *profile = dir;
        auto c = std::make_unique<client::Client>();
        if (c->open(QUrl(s->url()), user, dir))
            return nullptr;
        c->connection().setBackoff(100, 1000);
        c->connection().setPassword(user, password);
        return c;
    }

    static bool online(client::Client& c)
    {
        QSignalSpy caughtUp(&c.sync(), &client::SyncEngine::caughtUp);
        c.connection().start();
        return caughtUp.wait(20000);
    }

    QString file(const QString& name, const QByteArray& data)
    {
        const QString path = m_files.filePath(name);
        return writeFile(path, data) ? path : QString();
    }

    // The result the outbox delivered for `clientId`, waiting for it.
    static QJsonObject deliveredResult(QSignalSpy& delivered, const QString& clientId,
                                       int timeoutMs = 60000)
    {
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < timeoutMs) {
            for (const QList<QVariant>& args : std::as_const(delivered)) {
                if (args.at(0).toString() == clientId)
                    return args.at(1).toJsonObject();
            }
            delivered.wait(200);
        }
        return {};
    }

    static int countOf(const QSignalSpy& spy, const QString& clientId)
    {
        int n = 0;
        for (const QList<QVariant>& args : spy)
            n += args.at(0).toString() == clientId ? 1 : 0;
        return n;
    }

    // The bytes of a file over the HTTP side, as `c`'s user.
    static QByteArray download(client::Client& c, const QString& fileId)
    {
        QNetworkReply* reply = c.fileClient().get(QStringLiteral("/files/") + fileId);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished() && !finished.wait(30000))
            return {};
        reply->deleteLater();
        if (client::FileClient::failureOf(reply))
            return {};
        return reply->readAll();
    }

    // The HTTP status of a GET of `path` as `c`'s user (0 without an answer).
    static int status(client::Client& c, const QString& path)
    {
        QNetworkReply* reply = c.fileClient().get(path);
        QSignalSpy finished(reply, &QNetworkReply::finished);
        if (!reply->isFinished() && !finished.wait(30000))
            return 0;
        reply->deleteLater();
        return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    }

    // Posts `body` with `path` attached and goes offline right after the first chunk went
    // through; waits until it did and a chunk on its way finished or failed. The post's
    // clientId, or empty.
    QString postThenDrop(client::Client& c, const QString& body, const QString& path,
                         QSignalSpy& chunks)
    {
        const QMetaObject::Connection drop = connect(
            &c.uploads(), &client::Uploads::chunkSent, this, [&c]() { c.connection().stop(); },
            Qt::SingleShotConnection);
        const QString clientId = c.feed().createPost(body, 0, 0, {path});
        const bool dropped = !clientId.isEmpty() && (!chunks.isEmpty() || chunks.wait(30000));
        disconnect(drop);
        QTest::qWait(500); // nothing goes after it
        return dropped ? clientId : QString();
    }

    // The id of the first file of a delivered post.
    static QString firstAttachment(const QJsonObject& result)
    {
        const QJsonArray a = result.value(u"post").toObject().value(u"attachments").toArray();
        return a.at(0).toObject().value(u"id").toString();
    }

    // Posts with this body in the user's cache.
    static int postsWithBody(client::Client& c, const QString& body)
    {
        QSqlQuery q(c.cache().database());
        q.prepare(QStringLiteral("SELECT COUNT(*) FROM posts WHERE body = ?"));
        q.addBindValue(body);
        return q.exec() && q.next() ? q.value(0).toInt() : -1;
    }

private Q_SLOTS:
    void initTestCase_data() { addBackendRows(); }

    void initTestCase()
    {
        QVERIFY(m_profiles.isValid());
        QVERIFY(m_files.isValid());
    }

    void cleanupTestCase()
    {
        for (auto& [backend, s] : m_servers) {
            if (s)
                s->stop();
        }
    }

    void postWithTwoAttachments()
    {
        auto anna = openClient(QStringLiteral("anna"));
        QVERIFY(anna);
        const QByteArray small = randomBytes(300 * 1024);
        const QByteArray large = randomBytes(5 * 1024 * 1024 + 17); // two chunks
        const QString a = file(QStringLiteral("verslag.pdf"), small);
        const QString b = file(QStringLiteral("foto's.bin"), large);
        QVERIFY(!a.isEmpty() && !b.isEmpty());

        // Written offline: stored at once, its files listed with the pending post.
        const QString clientId
            = anna->feed().createPost(QStringLiteral("Twee bijlagen"), 0, 0, {a, b});
        QVERIFY2(!clientId.isEmpty(), qPrintable(anna->cache().lastError()));
        QCOMPARE(anna->outbox().count(), 1); // its uploads count as part of it
        const QList<UploadRow> pending = anna->uploads().attachmentsOf(clientId);
        QCOMPARE(pending.size(), 2);
        QCOMPARE(pending.at(0).name, QStringLiteral("verslag.pdf"));
        QCOMPARE(pending.at(0).size, small.size());
        QCOMPARE(pending.at(1).name, QStringLiteral("foto's.bin"));
        QCOMPARE(pending.at(1).state, UploadRow::State::Waiting);

        QSignalSpy delivered(&anna->outbox(), &client::Outbox::delivered);
        QSignalSpy progress(&anna->uploads(), &client::Uploads::progress);
        QVERIFY(online(*anna));
        const QJsonObject result = deliveredResult(delivered, clientId);
        const QJsonArray attachments
            = result.value(QLatin1StringView("post")).toObject().value(u"attachments").toArray();
        QCOMPARE(attachments.size(), 2);
        QCOMPARE(attachments.at(0).toObject().value(u"name").toString(),
                 QStringLiteral("verslag.pdf"));
        QCOMPARE(attachments.at(1).toObject().value(u"size").toInteger(), large.size());
        // Progress was told per upload and carrier, up to the whole file.
        bool whole = false;
        for (const QList<QVariant>& args : std::as_const(progress)) {
            QCOMPARE(args.at(1).toString(), clientId);
            whole = whole || (args.at(2).toLongLong() == large.size());
        }
        QVERIFY(whole);
        QCOMPARE(anna->outbox().count(), 0);
        QVERIFY(anna->uploads().attachmentsOf(clientId).isEmpty());

        // Both files are there, byte for byte, for another reader of the feed too.
        QCOMPARE(download(*anna, attachments.at(0).toObject().value(u"id").toString()), small);
        auto bram = openClient(QStringLiteral("bram"));
        QVERIFY(bram && online(*bram));
        QCOMPARE(download(*bram, attachments.at(1).toObject().value(u"id").toString()), large);
    }

    void offlineThenOnlineOnce()
    {
        auto anna = openClient(QStringLiteral("anna"));
        QVERIFY(anna);
        const QByteArray data = randomBytes(70000);
        const QString path = file(QStringLiteral("offline.txt"), data);
        const QString body = QStringLiteral("Offline geschreven, met bijlage");
        const QString clientId = anna->feed().createPost(body, 0, 0, {path});
        QVERIFY(!clientId.isEmpty());
        QSignalSpy delivered(&anna->outbox(), &client::Outbox::delivered);
        QVERIFY(online(*anna));
        const QJsonObject result = deliveredResult(delivered, clientId);
        QVERIFY(!result.isEmpty());
        const QString fileId = firstAttachment(result);
        QCOMPARE(download(*anna, fileId), data);
        // Going offline and online again sends nothing more.
        anna->connection().stop();
        QVERIFY(online(*anna));
        QTest::qWait(300);
        QCOMPARE(countOf(delivered, clientId), 1);
        QCOMPARE(anna->outbox().count(), 0);
        // Another client of the same user sees the post once.
        auto again = openClient(QStringLiteral("anna"));
        QVERIFY(again && online(*again));
        QCOMPARE(postsWithBody(*again, body), 1);
    }

    void messageWithAttachment()
    {
        auto anna = openClient(QStringLiteral("anna"));
        QVERIFY(anna && online(*anna));
        auto bram = openClient(QStringLiteral("bram"));
        QVERIFY(bram && online(*bram));
        qint64 conversationId = 0;
        anna->chat().openDirect(bram->connection().userId(), this, [&](const Result<qint64>& r) {
            conversationId = r ? r.value() : -1;
        });
        QTRY_VERIFY_WITH_TIMEOUT(conversationId != 0, 10000);
        QVERIFY(conversationId > 0);
        const QByteArray data = randomBytes(4096);
        const QString path = file(QStringLiteral("notitie.bin"), data);
        QSignalSpy delivered(&anna->outbox(), &client::Outbox::delivered);
        const QString clientId
            = anna->chat().send(conversationId, QStringLiteral("Zie bijlage"), 0, {path});
        QVERIFY(!clientId.isEmpty());
        const QJsonObject result = deliveredResult(delivered, clientId);
        const QJsonArray attachments
            = result.value(u"message").toObject().value(u"attachments").toArray();
        QCOMPARE(attachments.size(), 1);
        QCOMPARE(download(*bram, attachments.at(0).toObject().value(u"id").toString()), data);

        // Files alone, without a word: delivered, and the conversation list of the other side
        // names the first file.
        const QString second = file(QStringLiteral("tweede.bin"), randomBytes(100));
        const QString alone = anna->chat().send(conversationId, QString(), 0, {path, second});
        QVERIFY(!alone.isEmpty());
        const QJsonObject sent = deliveredResult(delivered, alone);
        QCOMPARE(sent.value(u"message").toObject().value(u"body").toString(), QString());
        QCOMPARE(sent.value(u"message").toObject().value(u"attachments").toArray().size(), 2);
        QTRY_VERIFY_WITH_TIMEOUT(
            bram->chat().conversation(conversationId)
                && bram->chat()
                       .conversation(conversationId)
                       ->lastBody.endsWith(QStringLiteral("notitie.bin and 1 more")),
            10000);
        QVERIFY(bram->chat()
                    .conversation(conversationId)
                    ->lastBody.startsWith(QString::fromUcs4(U"\U0001F4CE")));

        // A reply to it quotes its files, not "deleted" (an empty quote), on both sides.
        const qint64 aloneId = qint64(sent.value(u"message").toObject().value(u"id").toDouble());
        QSignalSpy bramDelivered(&bram->outbox(), &client::Outbox::delivered);
        const QString reply = bram->chat().send(conversationId, QStringLiteral("Dank"), aloneId);
        const QJsonObject replied = deliveredResult(bramDelivered, reply);
        const qint64 replyId = qint64(replied.value(u"message").toObject().value(u"id").toDouble());
        QVERIFY(replyId > 0);
        const QString quote
            = QString::fromUcs4(U"\U0001F4CE ") + QStringLiteral("notitie.bin and 1 more");
        const auto quoteIn = [replyId](client::Client& c) {
            const auto m = client::ChatStore(c.cache()).message(replyId);
            return m ? m->replyBody : QString();
        };
        QTRY_COMPARE_WITH_TIMEOUT(quoteIn(*bram), quote, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(quoteIn(*anna), quote, 10000);
    }

    // Review defect: images pasted from the clipboard were saved as PNGs for the upload and
    // never removed. Now each goes once its post is delivered; one taken off again and left
    // for a month goes when the folder is set (the app's start), one still to be sent stays.
    void pastedFilesGoOnceSent()
    {
        auto anna = openClient(QStringLiteral("anna"));
        QVERIFY(anna && online(*anna));
        const QString folder = m_files.filePath(QStringLiteral("pasted"));
        QVERIFY(QDir().mkpath(folder));
        const auto write = [&](const QString& name) {
            const QString path = QDir(folder).filePath(name);
            return writeFile(path, randomBytes(300)) ? path : QString();
        };
        const QString old = write(QStringLiteral("old.png"));
        const QString young = write(QStringLiteral("young.png"));
        QFile oldFile(old);
        QVERIFY(oldFile.open(QIODevice::ReadWrite));
        QVERIFY(oldFile.setFileTime(QDateTime::currentDateTimeUtc().addDays(-40),
                                    QFileDevice::FileModificationTime));
        oldFile.close();
        anna->uploads().setPastedFolder(folder);
        QVERIFY(!QFile::exists(old));
        QVERIFY(QFile::exists(young));

        const QString pasted = write(QStringLiteral("Pasted image.png"));
        QSignalSpy delivered(&anna->outbox(), &client::Outbox::delivered);
        const QString clientId
            = anna->feed().createPost(QStringLiteral("Schermafdruk"), 0, 0, {pasted});
        QVERIFY(!clientId.isEmpty());
        QVERIFY(!deliveredResult(delivered, clientId).isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(pasted), 10000);
        // A file of the person's own, sent from elsewhere, is never touched.
        const QString own = file(QStringLiteral("eigen.bin"), randomBytes(300));
        const QString second = anna->feed().createPost(QStringLiteral("Eigen"), 0, 0, {own});
        QVERIFY(!deliveredResult(delivered, second).isEmpty());
        QTest::qWait(200);
        QVERIFY(QFile::exists(own));
        QVERIFY(QFile::exists(young));
    }

    void resumesAfterDroppedConnection()
    {
        auto anna = openClient(QStringLiteral("anna"));
        QVERIFY(anna && online(*anna));
        const QByteArray data = randomBytes(12 * 1024 * 1024);
        const QString path = file(QStringLiteral("groot.bin"), data);
        QSignalSpy chunks(&anna->uploads(), &client::Uploads::chunkSent);
        QSignalSpy delivered(&anna->outbox(), &client::Outbox::delivered);
        // The connection drops right after the first chunk went through.
        const QString clientId = postThenDrop(*anna, QStringLiteral("Groot bestand"), path, chunks);
        QVERIFY(!clientId.isEmpty());
        QCOMPARE(anna->connection().state(), client::Connection::State::Offline);
        const qsizetype before = chunks.size();
        QVERIFY(before <= 2);
        const QString uploadId = anna->uploads().attachmentsOf(clientId).value(0).uploadId;
        QVERIFY(!uploadId.isEmpty());

        QVERIFY(online(*anna));
        const QJsonObject result = deliveredResult(delivered, clientId);
        QVERIFY(!result.isEmpty());
        // It went on from the server's offset: no byte sent twice, the first chunk once.
        qint64 bytes = 0;
        int fromZero = 0;
        for (const QList<QVariant>& args : std::as_const(chunks)) {
            bytes += args.at(2).toLongLong();
            fromZero += args.at(1).toLongLong() == 0 ? 1 : 0;
        }
        QCOMPARE(fromZero, 1);
        QCOMPARE(bytes, data.size());
        QVERIFY(chunks.at(before).at(1).toLongLong() > 0);
        const QString fileId = firstAttachment(result);
        QCOMPARE(download(*anna, fileId), data);
    }

    void expiredUploadBeginsAgain()
    {
        auto anna = openClient(QStringLiteral("anna"));
        QVERIFY(anna && online(*anna));
        const QByteArray data = randomBytes(9 * 1024 * 1024);
        const QString path = file(QStringLiteral("verlopen.bin"), data);
        QSignalSpy chunks(&anna->uploads(), &client::Uploads::chunkSent);
        QSignalSpy delivered(&anna->outbox(), &client::Outbox::delivered);
        const QString clientId
            = postThenDrop(*anna, QStringLiteral("Verlopen upload"), path, chunks);
        QVERIFY(!clientId.isEmpty());
        // The server no longer knows the upload (cleaned up after a week without a chunk).
        QSqlQuery q(anna->cache().database());
        QVERIFY(q.exec(QStringLiteral("UPDATE uploads SET upload_id = 'AAAAAAAAAAAAAAAAAAAAAA'")));
        chunks.clear();
        QVERIFY(online(*anna));
        const QJsonObject result = deliveredResult(delivered, clientId);
        QVERIFY(!result.isEmpty());
        // A new upload, from the start.
        QVERIFY(!chunks.isEmpty());
        QCOMPARE(chunks.first().at(1).toLongLong(), 0);
        QCOMPARE(download(*anna, firstAttachment(result)), data);
    }

    void resumesAfterAppRestart()
    {
        QString profile;
        auto anna = openClient(QStringLiteral("anna"), &profile);
        QVERIFY(anna && online(*anna));
        const QByteArray data = randomBytes(12 * 1024 * 1024 + 5);
        const QString path = file(QStringLiteral("herstart.bin"), data);
        QString clientId;
        {
            QSignalSpy chunks(&anna->uploads(), &client::Uploads::chunkSent);
            clientId = anna->feed().createPost(QStringLiteral("Na herstart"), 0, 0, {path});
            QVERIFY(!clientId.isEmpty());
            QVERIFY(chunks.wait(30000));
        }
        // The app quits mid-upload (the chunk on its way is cut off).
        anna.reset();

        anna = openClient(QStringLiteral("anna"), &profile);
        QVERIFY(anna);
        QCOMPARE(anna->uploads().attachmentsOf(clientId).size(), 1);
        QVERIFY(anna->uploads().attachmentsOf(clientId).at(0).sent > 0);
        QSignalSpy chunks(&anna->uploads(), &client::Uploads::chunkSent);
        QSignalSpy delivered(&anna->outbox(), &client::Outbox::delivered);
        QVERIFY(online(*anna));
        const QJsonObject result = deliveredResult(delivered, clientId);
        QVERIFY(!result.isEmpty());
        QVERIFY(!chunks.isEmpty());
        QVERIFY(chunks.first().at(1).toLongLong() > 0);
        qint64 bytes = 0;
        for (const QList<QVariant>& args : std::as_const(chunks))
            bytes += args.at(2).toLongLong();
        QVERIFY(bytes < data.size());
        const QString fileId = firstAttachment(result);
        QCOMPARE(download(*anna, fileId), data);
    }

    void discardWhileUploading()
    {
        auto anna = openClient(QStringLiteral("anna"));
        QVERIFY(anna && online(*anna));
        const QString path = file(QStringLiteral("weggooien.bin"), randomBytes(12 * 1024 * 1024));
        QSignalSpy chunks(&anna->uploads(), &client::Uploads::chunkSent);
        QSignalSpy delivered(&anna->outbox(), &client::Outbox::delivered);
        const QString clientId = anna->feed().createPost(QStringLiteral("Toch niet"), 0, 0, {path});
        QVERIFY(!clientId.isEmpty());
        QVERIFY(chunks.wait(30000));
        const QList<client::UploadRow> rows = anna->uploads().attachmentsOf(clientId);
        QCOMPARE(rows.size(), 1);
        const QString uploadId = rows.first().uploadId;
        QVERIFY(!uploadId.isEmpty());
        QCOMPARE(status(*anna, QStringLiteral("/files/uploads/") + uploadId), 200);
        // The post never left: it goes with its upload, which stops at once (the chunk on its
        // way cut off) and is given up on the server, so it no longer counts there.
        QVERIFY(anna->outbox().discard(clientId));
        QCOMPARE(anna->outbox().count(), 0);
        QVERIFY(anna->uploads().attachmentsOf(clientId).isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(status(*anna, QStringLiteral("/files/uploads/") + uploadId), 404,
                                  10000);
        QTest::qWait(1000);
        QVERIFY(chunks.size() <= 2);
        // The lane goes on.
        const QString next = anna->feed().createPost(QStringLiteral("Wel dit"));
        QVERIFY(!deliveredResult(delivered, next).isEmpty());
        QCOMPARE(countOf(delivered, clientId), 0);
    }

    void quotaRefusesWithServersMessage()
    {
        ServerProcess* s = server();
        QVERIFY(s);
        QByteArray out;
        QCOMPARE(s->command({QStringLiteral("user"), QStringLiteral("quota"),
                             QStringLiteral("carl"), QStringLiteral("100000")},
                            {}, &out),
                 0);
        auto carl = openClient(QStringLiteral("carl"));
        QVERIFY(carl && online(*carl));
        const QString path = file(QStringLiteral("te-groot.bin"), randomBytes(200000));
        QSignalSpy refused(&carl->outbox(), &client::Outbox::refused);
        QSignalSpy delivered(&carl->outbox(), &client::Outbox::delivered);
        const QString body = QStringLiteral("Past niet in mijn quotum");
        const QString clientId = carl->feed().createPost(body, 0, 0, {path});
        QVERIFY(!clientId.isEmpty());
        QVERIFY(refused.wait(20000));
        QCOMPARE(refused.first().at(1).toString(), QStringLiteral("quota_exceeded"));
        const QString message = refused.first().at(2).toString();
        QVERIFY(!message.isEmpty());
        // The post hears it too.
        QTRY_COMPARE(countOf(refused, clientId), 1);

        // The post waits, refused with its file and the server's message; its text is kept.
        const auto post = client::OutboxStore(carl->cache()).entry(clientId);
        QVERIFY(post);
        QVERIFY(post->failed);
        QCOMPARE(post->errorCode, QStringLiteral("quota_exceeded"));
        QCOMPARE(post->errorMessage, message);
        QCOMPARE(post->payload.value(u"body").toString(), body);
        const QList<UploadRow> rows = carl->uploads().attachmentsOf(clientId);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.at(0).state, UploadRow::State::Refused);
        QCOMPARE(rows.at(0).error, message);
        QCOMPARE(carl->outbox().failedCount(), 1);

        // Writes after it in the lane go on.
        const QString next = carl->feed().createPost(QStringLiteral("Zonder bijlage"));
        QVERIFY(!deliveredResult(delivered, next).isEmpty());
        QVERIFY(client::OutboxStore(carl->cache()).entry(clientId));

        // More room: a retry of the post sends its file and then the post, once.
        QCOMPARE(s->command({QStringLiteral("user"), QStringLiteral("quota"),
                             QStringLiteral("carl"), QStringLiteral("10000000")}),
                 0);
        QVERIFY(carl->outbox().retry(clientId));
        const QJsonObject result = deliveredResult(delivered, clientId);
        QCOMPARE(result.value(u"post").toObject().value(u"attachments").toArray().size(), 1);
        QCOMPARE(carl->outbox().count(), 0);
    }

    void vanishedFileRefused()
    {
        auto dora = openClient(QStringLiteral("dora"));
        QVERIFY(dora);
        const QString path = file(QStringLiteral("weg.txt"), randomBytes(1000));
        const QString clientId
            = dora->feed().createPost(QStringLiteral("Bijlage verdwijnt"), 0, 0, {path});
        QVERIFY(!clientId.isEmpty());
        QVERIFY(QFile::remove(path));
        QSignalSpy refused(&dora->outbox(), &client::Outbox::refused);
        QVERIFY(online(*dora));
        QTRY_VERIFY_WITH_TIMEOUT(!refused.isEmpty(), 20000);
        QCOMPARE(refused.first().at(1).toString(), QStringLiteral("file_missing"));
        QTRY_COMPARE(countOf(refused, clientId), 1);
        QVERIFY(refused.first().at(2).toString().contains(QStringLiteral("weg.txt")));
        const QList<UploadRow> rows = dora->uploads().attachmentsOf(clientId);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.at(0).state, UploadRow::State::Refused);
        QVERIFY(client::OutboxStore(dora->cache()).entry(clientId)->failed);

        // A file changed after it was attached is refused too, not sent.
        dora->connection().stop();
        const QString changed = file(QStringLiteral("anders.txt"), randomBytes(1000));
        const QString second
            = dora->feed().createPost(QStringLiteral("Bijlage verandert"), 0, 0, {changed});
        QVERIFY(!second.isEmpty());
        QVERIFY(writeFile(changed, randomBytes(1500)));
        QVERIFY(online(*dora));
        QTRY_VERIFY_WITH_TIMEOUT(countOf(refused, second) == 1, 20000);
        QCOMPARE(refused.last().at(1).toString(), QStringLiteral("file_changed"));
        QVERIFY(client::OutboxStore(dora->cache()).entry(second)->failed);

        // Dropping the changed file sends the post without it, once retried.
        const QString secondUpload = dora->uploads().attachmentsOf(second).at(0).clientId;
        QVERIFY(dora->outbox().discard(secondUpload));
        QVERIFY(dora->uploads().attachmentsOf(second).isEmpty());
        QVERIFY(
            !client::OutboxStore(dora->cache()).entry(second)->payload.contains(u"attachments"));
        QSignalSpy delivered(&dora->outbox(), &client::Outbox::delivered);
        QVERIFY(dora->outbox().retry(second));
        const QJsonObject result = deliveredResult(delivered, second);
        QVERIFY(!result.isEmpty());
        QVERIFY(result.value(u"post").toObject().value(u"attachments").toArray().isEmpty());

        // Discarding the post drops its upload with it; nothing else waits.
        QVERIFY(dora->outbox().discard(clientId));
        QVERIFY(dora->uploads().attachmentsOf(clientId).isEmpty());
        QVERIFY(!client::OutboxStore(dora->cache()).entry(rows.at(0).clientId));
    }

    void localChecks()
    {
        auto anna = openClient(QStringLiteral("anna"));
        QVERIFY(anna);
        client::Uploads& uploads = anna->uploads();
        QCOMPARE(uploads.maxFileBytes(), 100LL * 1024 * 1024);
        const QString path = file(QStringLiteral("lokaal.bin"), randomBytes(2000));
        const QString empty = file(QStringLiteral("leeg.bin"), QByteArray());
        QVERIFY(!uploads.check({path}));
        uploads.setMaxFileBytes(1000);
        QVERIFY(uploads.check({path}));
        QVERIFY(uploads.check({empty}));
        QVERIFY(uploads.check({m_files.filePath(QStringLiteral("bestaat-niet"))}));
        QVERIFY(uploads.check({m_files.path()}));
        // A file refused locally stores nothing.
        QVERIFY(anna->feed().createPost(QStringLiteral("Te groot"), 0, 0, {path}).isEmpty());
        QCOMPARE(anna->outbox().count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestFilesUpload)
#include "tst_files_upload.moc"
