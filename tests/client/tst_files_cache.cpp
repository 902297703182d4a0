// Attachments in the client cache and the downloads FileCache keeps, against the real server
// on SQLite and PostgreSQL: attachments arriving by live events, pages and a sync after being
// offline, and going with their post; originals and thumbnails identical to the server's;
// one download for many requests; the size bound, least recently used first; what works
// offline; and a file the user may no longer see removed from disk.
#include "chat/chat.h"
#include "chat/chatstore.h"
#include "chatkit.h"
#include "client.h"
#include "feed/feed.h"
#include "feed/feedmodel.h"
#include "feed/poststore.h"
#include "files/attachmentstore.h"
#include "files/filecache.h"
#include "httpclient.h"
#include "sync/connection.h"
#include "sync/syncengine.h"
#include "testdatabase.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace plein;
using namespace plein::test;
using client::FileCache;

namespace {

const QStringList people {QStringLiteral("anna"), QStringLiteral("bram")};
const QString anna = QStringLiteral("anna");
const QString bram = QStringLiteral("bram");

QByteArray randomBytes(int size)
{
    QByteArray out(size, Qt::Uninitialized);
    for (char& c : out)
        c = char(QRandomGenerator::global()->bounded(256));
    return out;
}

// A PNG of `w` x `h` pixels made by ImageMagick (in the packages the tests need).
QByteArray image(int w, int h)
{
    QProcess p;
    p.start(QStringLiteral("convert"),
            {QStringLiteral("-size"), QStringLiteral("%1x%2").arg(w).arg(h),
             QStringLiteral("plasma:"), QStringLiteral("png:-")});
    if (!p.waitForStarted(10000))
        return {};
    p.closeWriteChannel();
    p.waitForFinished(30000);
    return p.readAllStandardOutput();
}

// This process's resident memory, in bytes (Linux).
qint64 residentBytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong() * 1024;
    }
    return -1;
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestFilesCache : public QObject
{
    Q_OBJECT

    BackendKits m_kits {[](ChatKit& k, const std::optional<QString>& postgres) {
        return k.start(postgres, people, {},
                       {{QStringLiteral("max_file_bytes"), QStringLiteral("20000000")}});
    }};
    std::vector<std::unique_ptr<QTemporaryDir>> m_dirs;

    ChatKit* kit() { return m_kits.current(); }

    QByteArray token(const QString& user) { return kit()->token(user); }

    std::optional<HttpClient::Response> http(const QString& user, const QByteArray& method,
                                             const QByteArray& target, const QByteArray& body = {})
    {
        return HttpClient::exchange(kit()->server().httpPort(), method, target, token(user), body);
    }

    // Uploads `content` with plain HTTP requests, in the chunks the server asks for; the file
    // id, or empty.
    QString upload(const QString& user, const QString& name, const QByteArray& content)
    {
        const QJsonObject start {{QStringLiteral("name"), name},
                                 {QStringLiteral("size"), content.size()}};
        const auto r = http(user, "POST", "/files", QJsonDocument(start).toJson());
        if (!r || r->status != 201)
            return {};
        const QByteArray upload
            = "/files/uploads/" + r->json(QStringLiteral("uploadId")).toLatin1();
        const qsizetype chunk = r->json(QStringLiteral("chunkBytes")).toLongLong();
        for (qsizetype offset = 0; offset < content.size(); offset += chunk) {
            const auto put = http(user, "PUT", upload + "?offset=" + QByteArray::number(offset),
                                  content.mid(offset, chunk));
            if (put && put->status == 201)
                return put->json(QStringLiteral("fileId"));
            if (!put || put->status != 200)
                return {};
        }
        return {};
    }

    // A post by `user` carrying `files`; its id, or 0.
    qint64 post(const QString& user, const QStringList& files, qint64 groupId = 0,
                qint64 parentId = 0)
    {
        QJsonObject payload {{QStringLiteral("body"), QStringLiteral("with files")},
                             {QStringLiteral("attachments"), QJsonArray::fromStringList(files)}};
        if (groupId)
            payload.insert(QStringLiteral("groupId"), groupId);
        if (parentId)
            payload.insert(QStringLiteral("parentId"), parentId);
        const auto r = kit()->write(user, QStringLiteral("post.create"), payload);
        return qint64(r.payload.value(QLatin1StringView("post"))
                          .toObject()
                          .value(QLatin1StringView("id"))
                          .toDouble());
    }

    std::unique_ptr<client::Client> openClient(const QString& user)
    {
        m_dirs.push_back(std::make_unique<QTemporaryDir>());
        auto c = std::make_unique<client::Client>();
        if (c->open(QUrl(kit()->server().url()), user, m_dirs.back()->path()))
            return nullptr;
        c->connection().setBackoff(100, 1000);
        c->connection().setPassword(user, QStringLiteral("password123"));
        c->files().setRetryDelay(50);
        return c;
    }

    static bool online(client::Client& c)
    {
        QSignalSpy caughtUp(&c.sync(), &client::SyncEngine::caughtUp);
        c.connection().start();
        return caughtUp.wait(30000);
    }

    static QList<client::Attachment> attachmentsOf(client::Client& c, qint64 postId)
    {
        const auto p = client::PostStore(c.cache()).post(postId);
        return p ? p->attachments : QList<client::Attachment>();
    }

    // Fetches and waits; the path, or empty after failed().
    static QString fetched(FileCache& files, const QString& id,
                           const QString& variant = QString(FileCache::original))
    {
        QSignalSpy ready(&files, &FileCache::ready);
        QSignalSpy failed(&files, &FileCache::failed);
        if (const QString path = files.fetch(id, variant); !path.isEmpty())
            return path;
        for (int i = 0; i < 200 && ready.isEmpty() && failed.isEmpty(); ++i)
            ready.wait(100);
        for (const auto& args : ready) {
            if (args.at(0).toString() == id && args.at(1).toString() == variant)
                return args.at(2).toString();
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase_data() { addBackendRows(); }
    void cleanup() { m_kits.showLogOnFailure(); }
    void cleanupTestCase() { QVERIFY(m_kits.stopAll()); }

    void attachmentsLiveAndGoneOnDelete()
    {
        if (!kit())
            return;
        auto c = openClient(anna);
        QVERIFY(c && online(*c));
        const QByteArray content = randomBytes(30000);
        const QString id = upload(bram, QStringLiteral("verslag.pdf"), content);
        QVERIFY(!id.isEmpty());
        const qint64 postId = post(bram, {id});
        QVERIFY(postId > 0);
        QTRY_COMPARE(attachmentsOf(*c, postId).size(), 1);
        const client::Attachment a = attachmentsOf(*c, postId).first();
        QCOMPARE(a.id, id);
        QCOMPARE(a.name, QStringLiteral("verslag.pdf"));
        QCOMPARE(a.size, qint64(content.size()));

        // The models show them.
        client::FeedModel model(c->cache());
        QTRY_VERIFY(model.rowCount() > 0);
        bool shown = false;
        for (int row = 0; row < model.rowCount(); ++row) {
            const QModelIndex index = model.index(row);
            if (index.data(client::PostListModel::IdRole).toLongLong() != postId)
                continue;
            const QVariantList list = index.data(client::PostListModel::AttachmentsRole).toList();
            QCOMPARE(list.size(), 1);
            QCOMPARE(list.first().toMap().value(QStringLiteral("id")).toString(), id);
            QCOMPARE(list.first().toMap().value(QStringLiteral("size")).toLongLong(),
                     qint64(content.size()));
            shown = true;
        }
        QVERIFY(shown);

        const QString path = fetched(c->files(), id);
        QVERIFY(!path.isEmpty());
        QCOMPARE(readAll(path), content);

        // Deleted: the attachment goes from the cache, and its download from disk.
        const auto r = kit()->write(bram, QStringLiteral("post.delete"),
                                    {{QStringLiteral("postId"), postId}});
        QVERIFY2(r.ok, qPrintable(r.errorMessage));
        QTRY_VERIFY(attachmentsOf(*c, postId).isEmpty());
        QTRY_VERIFY(!QFile::exists(path));
        QVERIFY(c->files().cachedPath(id).isEmpty());
    }

    void attachmentsByPageAndAfterOffline()
    {
        if (!kit())
            return;
        auto c = openClient(anna);
        QVERIFY(c && online(*c));

        // A page: a public group anna is not in gets no events, only feed.page.
        const qint64 group = kit()->group(
            bram, QStringLiteral("Bijlagen %1").arg(QString::fromLatin1(QTest::currentDataTag())),
            QStringLiteral("public"), {});
        QVERIFY2(group > 0, qPrintable(kit()->error));
        const QString inGroup = upload(bram, QStringLiteral("plan.txt"), randomBytes(1000));
        const qint64 groupPost = post(bram, {inGroup}, group);
        QVERIFY(groupPost > 0);
        QSignalSpy fetchedFeed(&c->feed(), &client::Feed::feedFetched);
        c->feed().fetchFeed(group);
        QVERIFY(fetchedFeed.wait(10000));
        QCOMPARE(attachmentsOf(*c, groupPost).size(), 1);
        QCOMPARE(attachmentsOf(*c, groupPost).first().id, inGroup);
        // And a thread's page: a reply with a file.
        const QString inReply = upload(bram, QStringLiteral("antwoord.txt"), randomBytes(700));
        const qint64 reply = post(bram, {inReply}, group, groupPost);
        QVERIFY(reply > 0);
        QSignalSpy fetchedThread(&c->feed(), &client::Feed::threadFetched);
        c->feed().fetchThread(groupPost);
        QVERIFY(fetchedThread.wait(10000));
        QCOMPARE(attachmentsOf(*c, reply).size(), 1);
        QCOMPARE(attachmentsOf(*c, reply).first().id, inReply);

        // Offline while a post and a chat message with files are written.
        c->connection().stop();
        const QString one = upload(bram, QStringLiteral("een.bin"), randomBytes(2000));
        const QString two = upload(bram, QStringLiteral("twee.bin"), randomBytes(3000));
        const qint64 postId = post(bram, {one, two});
        QVERIFY(postId > 0);
        const qint64 chat = kit()->direct(bram, anna);
        QVERIFY2(chat > 0, qPrintable(kit()->error));
        const QString three = upload(bram, QStringLiteral("drie.bin"), randomBytes(500));
        const auto sent = kit()->write(bram, QStringLiteral("chat.send"),
                                       {{QStringLiteral("conversationId"), chat},
                                        {QStringLiteral("body"), QStringLiteral("kijk")},
                                        {QStringLiteral("attachments"), QJsonArray {three}}});
        QVERIFY2(sent.ok, qPrintable(sent.errorMessage));
        const qint64 messageId = qint64(sent.payload.value(QLatin1StringView("message"))
                                            .toObject()
                                            .value(QLatin1StringView("id"))
                                            .toDouble());
        QVERIFY(online(*c));
        const auto attached = attachmentsOf(*c, postId);
        QCOMPARE(attached.size(), 2);
        QCOMPARE(attached.at(0).id, one); // in the order given
        QCOMPARE(attached.at(1).id, two);
        QTRY_VERIFY(client::ChatStore(c->cache()).message(messageId).has_value());
        const auto message = client::ChatStore(c->cache()).message(messageId);
        QCOMPARE(message->attachments.size(), 1);
        QCOMPARE(message->attachments.first().id, three);
        QCOMPARE(message->attachments.first().name, QStringLiteral("drie.bin"));

        // A history page stores them as well (here over the same message: they stay as they
        // were, not twice).
        QSignalSpy history(&c->chat(), &client::Chat::historyLoaded);
        c->chat().fetchNewest(chat);
        QVERIFY(history.wait(10000));
        const auto again = client::ChatStore(c->cache()).message(messageId);
        QCOMPARE(again->attachments, message->attachments);
    }

    void badAttachmentsDropped()
    {
        const QByteArray longName(500, 'x');
        const QJsonArray list = QJsonDocument::fromJson(
                                    R"([
            {"id": "AAAAAAAAAAAAAAAAAAAAAA", "name": "goed.png", "type": "image/png", "size": 10,
             "width": 3, "height": 2},
            {"id": "te-kort", "name": "a", "type": "x/y", "size": 1},
            {"id": "BBBBBBBBBBBBBBBBBBBB/B", "name": "a", "size": 1},
            {"id": "CCCCCCCCCCCCCCCCCCCCCC", "name": "", "size": 1},
            {"id": "DDDDDDDDDDDDDDDDDDDDDD", "name": ")"
                                    + longName + R"(", "size": 1},
            {"id": "EEEEEEEEEEEEEEEEEEEEEE", "name": "a", "size": -1},
            {"id": "FFFFFFFFFFFFFFFFFFFFFF", "name": "a", "size": "12"},
            {"id": "GGGGGGGGGGGGGGGGGGGGGG", "name": "a", "size": 1, "width": -3},
            {"id": "IIIIIIIIIIIIIIIIIIIIII", "name": "a", "size": 1.5},
            {"id": "JJJJJJJJJJJJJJJJJJJJJJ", "name": "a", "type": "image/png\n", "size": 1},
            {"id": "HHHHHHHHHHHHHHHHHHHHHH", "name": "b", "size": 0}
        ])")
                                    .array();
        QCOMPARE(list.size(), 11);
        const auto parsed = client::Attachment::listFromJson(list);
        QCOMPARE(parsed.size(), 2);
        QCOMPARE(parsed.at(0).id, QStringLiteral("AAAAAAAAAAAAAAAAAAAAAA"));
        QCOMPARE(parsed.at(0).width, 3);
        QVERIFY(parsed.at(0).isImage());
        QCOMPARE(parsed.at(1).id, QStringLiteral("HHHHHHHHHHHHHHHHHHHHHH"));
    }

    void originalAndThumbnailIdentical()
    {
        if (!kit())
            return;
        auto c = openClient(anna);
        QVERIFY(c && online(*c));
        const QByteArray png = image(400, 300);
        QVERIFY(!png.isEmpty());
        const QString id = upload(bram, QStringLiteral("foto.png"), png);
        QVERIFY(post(bram, {id}) > 0);
        QTRY_VERIFY(client::AttachmentStore(c->cache()).isAttached(id));

        const QString original = fetched(c->files(), id);
        QCOMPARE(readAll(original), png);
        const QString thumb = fetched(c->files(), id, FileCache::thumbnail(64));
        QVERIFY(!thumb.isEmpty());
        const auto server = http(anna, "GET", "/files/" + id.toLatin1() + "/thumbnail?size=64");
        QVERIFY(server && server->status == 200);
        QCOMPARE(readAll(thumb), server->body);
        QVERIFY(readAll(thumb).startsWith("\xff\xd8")); // a JPEG
        QCOMPARE(c->files().usedBytes(), qint64(png.size() + server->body.size()));

        // A file that is not an image has no thumbnail.
        const QString text = upload(bram, QStringLiteral("tekst.txt"), randomBytes(100));
        QVERIFY(post(bram, {text}) > 0);
        QTRY_VERIFY(client::AttachmentStore(c->cache()).isAttached(text));
        QSignalSpy failed(&c->files(), &FileCache::failed);
        QVERIFY(c->files().fetch(text, FileCache::thumbnail(256)).isEmpty());
        QVERIFY(failed.wait(10000));
        QCOMPARE(failed.first().at(2).value<FileCache::Failure>(), FileCache::Failure::NoThumbnail);
        // Asked once: the next size is refused without a request.
        QVERIFY(c->files().fetch(text, FileCache::thumbnail(64)).isEmpty());
        QCOMPARE(c->files().downloads(), 0);
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.last().at(2).value<FileCache::Failure>(), FileCache::Failure::NoThumbnail);
    }

    void resumesAPartialDownload()
    {
        if (!kit())
            return;
        auto c = openClient(anna);
        QVERIFY(c && online(*c));
        const QByteArray content = randomBytes(300000);
        const QString id = upload(bram, QStringLiteral("groot.bin"), content);
        QVERIFY(post(bram, {id}) > 0);
        QTRY_VERIFY(client::AttachmentStore(c->cache()).isAttached(id));
        // What a dropped connection left: the first third. Its bytes are marked, so that the
        // result shows the rest was asked for from there (Range) and the part kept.
        const QByteArray left = QByteArray(100000, 'p');
        QDir().mkpath(c->files().folder());
        QFile part(c->files().folder() + QStringLiteral("/%1-original.part").arg(id));
        QVERIFY(part.open(QIODevice::WriteOnly));
        part.write(left);
        part.close();
        QSignalSpy progress(&c->files(), &FileCache::progress);
        const QString path = fetched(c->files(), id);
        QVERIFY(!path.isEmpty());
        QCOMPARE(readAll(path), left + content.mid(left.size()));
        QVERIFY(!QFile::exists(part.fileName()));
        QVERIFY(!progress.isEmpty());
        QCOMPARE(progress.last().at(3).toLongLong(), qint64(content.size()));
    }

    void largeDownloadKeepsMemoryFlat()
    {
        if (!kit())
            return;
        auto c = openClient(anna);
        QVERIFY(c && online(*c));
        constexpr int size = 18 * 1024 * 1024;
        QByteArray content = randomBytes(size);
        const QString id = upload(bram, QStringLiteral("film.bin"), content);
        QVERIFY(!id.isEmpty());
        QVERIFY(post(bram, {id}) > 0);
        QTRY_VERIFY(client::AttachmentStore(c->cache()).isAttached(id));
        const QByteArray digest = QCryptographicHash::hash(content, QCryptographicHash::Sha256);
        content = QByteArray();
        const qint64 before = residentBytes();
        qint64 peak = before;
        QObject::connect(&c->files(), &FileCache::progress, &c->files(),
                         [&peak]() { peak = std::max(peak, residentBytes()); });
        const QString path = fetched(c->files(), id);
        QVERIFY(!path.isEmpty());
        QVERIFY2(peak - before < 8 * 1024 * 1024,
                 qPrintable(QStringLiteral("grew by %1 bytes").arg(peak - before)));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCryptographicHash hash(QCryptographicHash::Sha256);
        QVERIFY(hash.addData(&f));
        QCOMPARE(hash.result(), digest);
    }

    void oneDownloadForManyRequests()
    {
        if (!kit())
            return;
        auto c = openClient(anna);
        QVERIFY(c && online(*c));
        const QByteArray content = randomBytes(500000);
        const QString id = upload(bram, QStringLiteral("gedeeld.bin"), content);
        QVERIFY(post(bram, {id}) > 0);
        QTRY_VERIFY(client::AttachmentStore(c->cache()).isAttached(id));
        QSignalSpy ready(&c->files(), &FileCache::ready);
        for (int i = 0; i < 5; ++i)
            QVERIFY(c->files().fetch(id).isEmpty());
        QCOMPARE(c->files().downloads(), 1);
        QVERIFY(ready.wait(10000));
        QTest::qWait(200);
        QCOMPARE(ready.size(), 1);
        QCOMPARE(c->files().downloads(), 0);
        // Now from disk, at once.
        QCOMPARE(c->files().fetch(id), ready.first().at(2).toString());
    }

    void evictsLeastRecentlyUsed()
    {
        if (!kit())
            return;
        auto c = openClient(anna);
        QVERIFY(c && online(*c));
        QCOMPARE(c->files().limitBytes(), FileCache::defaultLimitBytes);
        QStringList ids;
        for (int i = 0; i < 3; ++i)
            ids.append(upload(bram, QStringLiteral("deel%1.bin").arg(i), randomBytes(40000)));
        QVERIFY(post(bram, ids) > 0);
        QTRY_VERIFY(client::AttachmentStore(c->cache()).isAttached(ids.last()));
        QVERIFY(c->files().setLimitBytes(100000));
        QCOMPARE(c->files().limitBytes(), qint64(100000));

        const QString a = fetched(c->files(), ids.at(0));
        const QString b = fetched(c->files(), ids.at(1));
        QVERIFY(!a.isEmpty() && !b.isEmpty());
        QCOMPARE(c->files().cachedPath(ids.at(0)), a); // used again: b is the oldest now
        const QString third = fetched(c->files(), ids.at(2));
        QVERIFY(!third.isEmpty());
        QVERIFY(c->files().usedBytes() <= 100000);
        QVERIFY(QFile::exists(a));
        QVERIFY(!QFile::exists(b));
        QVERIFY(c->files().cachedPath(ids.at(1)).isEmpty());
        QVERIFY(!c->files().cachedPath(ids.at(2)).isEmpty());

        // A lower bound evicts at once, the oldest first; the bound is kept in the cache.
        QVERIFY(c->files().setLimitBytes(50000));
        QCOMPARE(c->files().usedBytes(), qint64(40000));
        QVERIFY(!QFile::exists(a));
        QVERIFY(!c->files().setLimitBytes(-1));
        QCOMPARE(c->files().limitBytes(), qint64(50000));

        // Clearing takes every copy and what unfinished downloads left.
        QFile stray(c->files().folder() + QStringLiteral("/%1-original.part").arg(ids.at(1)));
        QVERIFY(stray.open(QIODevice::WriteOnly));
        stray.write(QByteArray(1000, 's'));
        stray.close();
        QVERIFY(c->files().clear());
        QCOMPARE(c->files().usedBytes(), qint64(0));
        QVERIFY(!QFile::exists(third));
        QVERIFY(!QFile::exists(stray.fileName()));
    }

    void offlineServesWhatIsCached()
    {
        if (!kit())
            return;
        auto c = openClient(anna);
        QVERIFY(c && online(*c));
        const QByteArray content = randomBytes(20000);
        const QString cached = upload(bram, QStringLiteral("mee.bin"), content);
        const QString other = upload(bram, QStringLiteral("niet.bin"), randomBytes(20000));
        QVERIFY(post(bram, {cached, other}) > 0);
        QTRY_VERIFY(client::AttachmentStore(c->cache()).isAttached(other));
        const QString path = fetched(c->files(), cached);
        QVERIFY(!path.isEmpty());

        c->connection().stop();
        QCOMPARE(c->files().fetch(cached), path);
        QCOMPARE(readAll(path), content);
        QSignalSpy failed(&c->files(), &FileCache::failed);
        QSignalSpy ready(&c->files(), &FileCache::ready);
        QVERIFY(c->files().fetch(other).isEmpty());
        QVERIFY(failed.wait(5000));
        QCOMPARE(failed.first().at(0).toString(), other);
        QCOMPARE(failed.first().at(2).value<FileCache::Failure>(), FileCache::Failure::Offline);
        QCOMPARE(c->files().downloads(), 0);
        QVERIFY(ready.isEmpty());

        // Saving a copy works offline too, from the cache.
        QTemporaryDir out;
        QSignalSpy saved(&c->files(), &FileCache::saved);
        c->files().saveAs(cached, out.filePath(QStringLiteral("kopie.bin")));
        QVERIFY(saved.wait(5000));
        QCOMPARE(readAll(out.filePath(QStringLiteral("kopie.bin"))), content);
        // And for opening in another program: under its own name.
        c->files().prepareOpen(cached, QStringLiteral("../mee.bin"));
        QVERIFY(saved.wait(5000));
        const QString opened = saved.last().at(1).toString();
        // Path separators never leave the file's own folder.
        QCOMPARE(QFileInfo(opened).fileName(), QStringLiteral("_mee.bin"));
        QCOMPARE(QFileInfo(opened).absolutePath(),
                 QDir(c->files().folder()).absoluteFilePath(QStringLiteral("open/") + cached));
        QCOMPARE(readAll(opened), content);
    }

    void invisibleFileRemoved()
    {
        if (!kit())
            return;
        auto c = openClient(anna);
        QVERIFY(c && online(*c));
        const qint64 group = kit()->group(
            bram, QStringLiteral("Besloten %1").arg(QString::fromLatin1(QTest::currentDataTag())),
            QStringLiteral("private"), {anna});
        QVERIFY2(group > 0, qPrintable(kit()->error));

        // The server stops showing a file the cache still lists: the next download is a 404,
        // and every copy of the file goes.
        const QByteArray png = image(100, 80);
        const QString id = upload(bram, QStringLiteral("geheim.png"), png);
        const qint64 postId = post(bram, {id}, group);
        QVERIFY(postId > 0);
        QTRY_COMPARE(attachmentsOf(*c, postId).size(), 1);
        const QString path = fetched(c->files(), id);
        QCOMPARE(readAll(path), png);
        QVERIFY(kit()->sql(
            {QStringLiteral("DELETE FROM file_attachments WHERE file_id = '%1'").arg(id)}));
        // A part of another size, left by a dropped download, goes too.
        QFile part(c->files().folder() + QStringLiteral("/%1-1024.part").arg(id));
        QVERIFY(part.open(QIODevice::WriteOnly));
        part.write("half");
        part.close();
        QSignalSpy failed(&c->files(), &FileCache::failed);
        QVERIFY(c->files().fetch(id, FileCache::thumbnail(256)).isEmpty());
        QVERIFY(failed.wait(10000));
        QCOMPARE(failed.first().at(2).value<FileCache::Failure>(), FileCache::Failure::Gone);
        QVERIFY(!QFile::exists(path));
        QVERIFY(!QFile::exists(part.fileName()));
        QVERIFY(c->files().cachedPath(id).isEmpty());

        // Removed from the group: its posts leave the cache, and their files the disk.
        const QString second = upload(bram, QStringLiteral("plan.png"), png);
        const qint64 secondPost = post(bram, {second}, group);
        QTRY_COMPARE(attachmentsOf(*c, secondPost).size(), 1);
        const QString secondPath = fetched(c->files(), second);
        QVERIFY(!secondPath.isEmpty());
        const auto removed = kit()->write(
            bram, QStringLiteral("group.remove"),
            {{QStringLiteral("groupId"), group}, {QStringLiteral("userId"), kit()->id(anna)}});
        QVERIFY2(removed.ok, qPrintable(removed.errorMessage));
        QTRY_VERIFY(!QFile::exists(secondPath));
        QVERIFY(fetched(c->files(), second).isEmpty()); // the server says 404 now
    }
};

QTEST_MAIN(TestFilesCache)
#include "tst_files_cache.moc"
