// Hostile input through every renderer of the app that shows what users wrote: the Markdown of
// posts (PostDelegate) and group descriptions (a read-only QTextBrowser), and the labels of a
// group's page. The corpus is tests/client/hostile/payloads.txt (see generate.py there for its
// format).
//
// For each payload: no active link with a scheme other than http, https, mailto and plein:, no
// image in the output and no resource asked for, no crash, and no catastrophic layout time.

#include "client.h"
#include "groups.h"
#include "groupstore.h"
#include "markdown.h"
#include "pages/feed/postdelegate.h"
#include "pages/groups/grouppage.h"
#include "postlistmodel.h"
#include "protocol/limits.h"
#include "shell/mainwindow.h"
#include "shell/navigator.h"

#include <QAbstractTextDocumentLayout>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>
#include <QtTest>

#include <algorithm>
#include <map>

using namespace plein;

namespace {

// A generous bound: the point is catching blowups (minutes), not measuring speed. The slowest
// payloads take 0.5-1.5 s alone and up to 2.5 s while the fuzz tests load every core.
constexpr qint64 maxLayoutMs = 5000;
constexpr int rowWidth = 400;

QString unescape(QStringView line)
{
    QString out;
    out.reserve(line.size());
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (c != u'\\' || i + 1 == line.size()) {
            out += c;
            continue;
        }
        const QChar next = line[i + 1];
        if (next == u'n') {
            out += u'\n';
        } else if (next == u't') {
            out += u'\t';
        } else if (next == u'r') {
            out += u'\r';
        } else if (next == u'\\') {
            out += u'\\';
        } else if (next == u'u' && i + 5 < line.size()) {
            bool ok = false;
            const ushort unit = line.mid(i + 2, 4).toUShort(&ok, 16);
            if (!ok) {
                out += c;
                continue;
            }
            out += QChar(unit);
            i += 4;
        } else {
            // An unknown escape stays as written (payloads are full of backslashes).
            out += c;
            continue;
        }
        ++i;
    }
    return out;
}

struct Payload
{
    QString name;
    QString text;
};

QList<Payload> loadCorpus()
{
    QFile file(QStringLiteral(PLEIN_SOURCE_DIR "/tests/client/hostile/payloads.txt"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<Payload> corpus;
    int lineNumber = 0;
    for (const QByteArray& raw : file.readAll().split('\n')) {
        ++lineNumber;
        const QString line = QString::fromUtf8(raw);
        if (line.isEmpty() || line.startsWith(u'#'))
            continue;
        Payload p;
        p.name = QStringLiteral("line %1: %2").arg(lineNumber).arg(line.left(60));
        if (line.startsWith(QLatin1StringView("@big\t"))) {
            const QStringList f = line.split(u'\t');
            if (f.size() != 5)
                return {};
            const int count = f[1].toInt();
            const QString prefix = unescape(f[2]);
            const QString suffix = unescape(f[4]);
            p.text = prefix.repeated(count) + unescape(f[3]) + suffix.repeated(count);
        } else {
            p.text = unescape(line);
        }
        corpus.append(p);
    }
    return corpus;
}

// What may be a link: http, https and mailto open in the browser, plein: inside the app.
bool allowedHref(const QString& href)
{
    const QUrl url(href);
    const QString scheme = url.scheme().toLower();
    return url.isValid()
        && (scheme == QLatin1StringView("http") || scheme == QLatin1StringView("https")
            || scheme == QLatin1StringView("mailto") || scheme == QLatin1StringView("plein"));
}

// Every anchor and image in a document, in every frame and table cell; empty when clean.
QString findProblem(const QTextDocument& doc)
{
    for (QTextBlock block = doc.begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat cf = it.fragment().charFormat();
            if (cf.isImageFormat())
                return QStringLiteral("image %1").arg(cf.toImageFormat().name());
            if (cf.hasProperty(QTextFormat::BackgroundImageUrl))
                return QStringLiteral("background image");
            const QString href = cf.anchorHref();
            if ((cf.isAnchor() || !href.isEmpty()) && !allowedHref(href))
                return QStringLiteral("active link to \"%1\"").arg(href.left(80));
        }
    }
    return QString();
}

QString findProblemInHtml(const QString& html)
{
    if (html.contains(QLatin1StringView("<img"), Qt::CaseInsensitive))
        return QStringLiteral("<img> in the HTML");
    QTextDocument doc;
    doc.setHtml(html);
    return findProblem(doc);
}

// What a QLabel shows as rich text is parsed as HTML; the rest is plain.
QString findProblemInLabel(const QLabel& label)
{
    const bool rich = label.textFormat() == Qt::RichText
        || (label.textFormat() == Qt::AutoText && Qt::mightBeRichText(label.text()));
    return rich ? findProblemInHtml(label.text()) : QString();
}

QString describe(const QList<QUrl>& urls)
{
    QStringList out;
    for (const QUrl& u : urls)
        out << u.toString().left(80);
    return out.join(QStringLiteral(", "));
}

} // namespace

class TestHostile : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init() { m_requests.clear(); }

    void markdown_data() { addRows(); }
    void markdown();
    void postDelegate_data() { addRows(); }
    void postDelegate();
    void groupDescription_data() { addRows(); }
    void groupDescription();
    void groupPage();

private:
    void addRows();
    // Times `f` under `what` for the current payload; fails past maxLayoutMs.
    template<typename F> bool timed(const char* what, F f);

    QList<Payload> m_corpus;
    // Every resource any text document asked for (images, style sheets): none is allowed.
    static inline QList<QUrl> m_requests;
    struct Slow
    {
        qint64 ms = 0;
        QString payload;
    };
    std::map<QString, std::vector<Slow>> m_times;
};

void TestHostile::initTestCase()
{
    m_corpus = loadCorpus();
    QVERIFY2(m_corpus.size() >= 500, "the corpus has fewer than 500 payloads, or a bad line");
    // Answered with an empty resource so that nothing is read even when one is asked for (an
    // image of /dev/zero would never finish).
    QTextDocument::setDefaultResourceProvider([](const QUrl& url) {
        m_requests.append(url);
        return QVariant(QByteArray());
    });
}

void TestHostile::cleanupTestCase()
{
    QTextDocument::setDefaultResourceProvider({});
    for (auto& [what, times] : m_times) {
        std::sort(times.begin(), times.end(),
                  [](const Slow& a, const Slow& b) { return a.ms > b.ms; });
        QStringList top;
        for (size_t i = 0; i < std::min<size_t>(3, times.size()); ++i)
            top << QStringLiteral("%1 ms (%2)").arg(times[i].ms).arg(times[i].payload);
        qInfo("slowest %s: %s", qPrintable(what), qPrintable(top.join(QStringLiteral("; "))));
    }
}

void TestHostile::addRows()
{
    QTest::addColumn<QString>("payload");
    for (const Payload& p : std::as_const(m_corpus))
        QTest::newRow(qPrintable(p.name)) << p.text;
}

template<typename F> bool TestHostile::timed(const char* what, F f)
{
    QElapsedTimer timer;
    timer.start();
    f();
    const qint64 ms = timer.elapsed();
    m_times[QString::fromLatin1(what)].push_back({ms, QString::fromUtf8(QTest::currentDataTag())});
    if (ms > maxLayoutMs) {
        qWarning("%s took %lld ms", what, ms);
        return false;
    }
    return true;
}

void TestHostile::markdown()
{
    QFETCH(QString, payload);
    QTextDocument doc;
    QVERIFY(timed("markdown: parse and lay out", [&]() {
        app::setSafeMarkdown(doc, payload);
        doc.setTextWidth(rowWidth);
        (void)doc.size();
    }));
    const QString problem = findProblem(doc);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY2(!doc.toHtml().contains(QLatin1StringView("<img"), Qt::CaseInsensitive), "<img>");
    QImage image(rowWidth, 300, QImage::Format_ARGB32_Premultiplied);
    QVERIFY(timed("markdown: paint", [&]() {
        QPainter painter(&image);
        doc.drawContents(&painter, QRectF(0, 0, rowWidth, 300));
    }));
    QVERIFY2(m_requests.isEmpty(), qPrintable(describe(m_requests)));
}

void TestHostile::postDelegate()
{
    QFETCH(QString, payload);
    using client::PostListModel;
    QStandardItemModel model;
    auto* item = new QStandardItem;
    item->setData(1, PostListModel::IdRole);
    item->setData(payload, PostListModel::BodyRole);
    // Names are the user's own choice too; the header draws them as plain text.
    item->setData(payload.left(200), PostListModel::AuthorNameRole);
    item->setData(payload.left(200), PostListModel::GroupNameRole);
    item->setData(QDateTime::currentDateTimeUtc(), PostListModel::CreatedAtRole);
    model.appendRow(item);
    const QModelIndex index = model.index(0, 0);

    app::PostDelegate delegate;
    QSignalSpy activated(&delegate, &app::PostDelegate::linkActivated);
    QStyleOptionViewItem option;
    option.font = QApplication::font();
    option.rect = QRect(0, 0, rowWidth, 100);
    QSize size;
    QVERIFY(timed("post delegate: size hint", [&]() { size = delegate.sizeHint(option, index); }));
    option.rect.setSize(size);
    QImage image(rowWidth, 300, QImage::Format_ARGB32_Premultiplied);
    QVERIFY(timed("post delegate: paint", [&]() {
        QPainter painter(&image);
        delegate.paint(&painter, option, index);
    }));
    // Clicks all over the visible part of the body: only allowed links may be followed.
    for (int y = 5; y < std::min(size.height(), 300); y += 7) {
        for (int x = 5; x < rowWidth; x += 23) {
            QMouseEvent release(QEvent::MouseButtonRelease, QPointF(x, y), QPointF(x, y),
                                Qt::LeftButton, Qt::NoButton, Qt::NoModifier);
            delegate.editorEvent(&release, &model, option, index);
        }
    }
    for (const QList<QVariant>& args : std::as_const(activated))
        QVERIFY2(allowedHref(args.at(0).toUrl().toString()),
                 qPrintable(args.at(0).toUrl().toString()));
    QVERIFY2(m_requests.isEmpty(), qPrintable(describe(m_requests)));
}

void TestHostile::groupDescription()
{
    QFETCH(QString, payload);
    // As GroupPage shows a description: the safe Markdown straight into a read-only
    // QTextBrowser's document (no HTML round trip), as long as the server lets one be.
    payload.truncate(protocol::maxGroupDescriptionChars);
    QTextBrowser view;
    view.setOpenLinks(false);
    view.resize(rowWidth, 300);
    QVERIFY(timed("group description viewer: lay out and paint", [&]() {
        app::setSafeMarkdown(*view.document(), payload);
        (void)view.grab();
    }));
    const QString problem = findProblem(*view.document());
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY2(m_requests.isEmpty(), qPrintable(describe(m_requests)));
}

// The real page of a group whose name and description are each payload, opened offline from
// the cache: every label on it is checked.
void TestHostile::groupPage()
{
    QTemporaryDir profile;
    QVERIFY(profile.isValid());
    client::Client core;
    QVERIFY(!core.open(QUrl(QStringLiteral("ws://127.0.0.1:9")), QStringLiteral("anna"),
                       profile.path()));
    app::MainWindow window(core, false);
    window.resize(800, 600);
    client::GroupStore store(core.cache());
    qint64 id = 0;
    int checked = 0;
    for (const Payload& p : std::as_const(m_corpus)) {
        // Names and descriptions have limits on the server; the long ones test nothing new here.
        if (p.text.size() > 2000)
            continue;
        client::GroupRow group;
        group.id = ++id;
        group.name = p.text;
        group.description = p.text;
        group.kind = QStringLiteral("public");
        group.history = QStringLiteral("all");
        QVERIFY(store.upsert(group));
        window.navigator().open(app::Navigator::link(QStringLiteral("group"), id));
        auto* page = qobject_cast<app::GroupPage*>(window.currentPage());
        QVERIFY(page);
        // The page shows the group, not "Loading…" (SQLite may change a payload a little: it
        // drops a leading byte order mark and lone surrogates).
        QVERIFY(core.groups().group(id));
        QVERIFY(page->titleLabel()->text()
                != QCoreApplication::translate("plein::app::GroupPage", "Loading the group…"));
        QVERIFY(timed("group page: paint", [&]() { (void)page->grab(); }));
        for (const QTextBrowser* viewer : page->findChildren<QTextBrowser*>()) {
            const QString problem = findProblem(*viewer->document());
            QVERIFY2(problem.isEmpty(),
                     qPrintable(QStringLiteral("%1: viewer %2 shows %3")
                                    .arg(p.name, viewer->objectName(), problem)));
        }
        for (const QLabel* label : page->findChildren<QLabel*>()) {
            const QString problem = findProblemInLabel(*label);
            QVERIFY2(problem.isEmpty(),
                     qPrintable(QStringLiteral("%1: label %2 shows %3")
                                    .arg(p.name, label->objectName(), problem)));
        }
        QVERIFY2(m_requests.isEmpty(),
                 qPrintable(QStringLiteral("%1: %2").arg(p.name, describe(m_requests))));
        ++checked;
        // The previous page goes once the next one shows (deleteLater): let it go.
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }
    QVERIFY(checked >= 500);
}

QTEST_MAIN(TestHostile)
#include "tst_hostile.moc"
