// Blogs in the desktop app: opening a long article, and typing in the editor with a long text.
//
// Fills the profile's cache with --articles published articles of about --chars characters of
// Markdown each (headings, paragraphs, lists, quotes, a table, code, links), as an article read
// whole is kept, then runs the real main window offline:
//
// - first paint: opens each article by its link (plein:/article/<id>) and times from
//   Navigator::open to the end of the first paint of its text (the reading view's body
//   viewport). The baseline in the same run is a bare QTextBrowser given the same text with
//   QTextDocument::setMarkdown in one edit block (Qt's own Markdown, no sanitising, no
//   reading styles, scrolling itself so laid out lazily), timed from setMarkdown to its first
//   paint.
// - typing: opens the first article in the editor (plein:/write?article=<id>), puts the cursor
//   in the middle of the text and types --keys characters on a fixed schedule: bursts of 30
//   keys 70 ms apart (a fast typist), each burst followed by a pause of 0.4 to 1.6 s (so the
//   local save, 300 ms, and the preview, 700 ms for long texts, run between keys as they do
//   for a writer). A key's latency is from its scheduled time to the end of the synchronous
//   repaint of the source after the key was handled: a key that waits for the preview or the
//   save counts that wait. The baseline is a bare QPlainTextEdit with the same text and the
//   same schedule.
//
// Prints key=value lines: first_paint_ms_* and baseline_*, typing p50/p99/max and baseline's.

#include "benchsupport.h"
#include "blogs/blogs.h"
#include "blogs/blogstore.h"
#include "cache.h"
#include "client.h"
#include "pages/blogs/articleeditor.h"
#include "pages/blogs/articlepage.h"
#include "scrollrun.h"
#include "shell/mainwindow.h"
#include "shell/navigator.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QKeyEvent>
#include <QPlainTextEdit>
#include <QRandomGenerator>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextStream>
#include <QTimer>
#include <QUrlQuery>

#include <cstdio>

using namespace plein;

namespace {

const QStringList words = {QStringLiteral("dijk"),
                           QStringLiteral("water"),
                           QStringLiteral("sluis"),
                           QStringLiteral("planning"),
                           QStringLiteral("collega's"),
                           QStringLiteral("de"),
                           QStringLiteral("het"),
                           QStringLiteral("een"),
                           QStringLiteral("en"),
                           QStringLiteral("voor"),
                           QStringLiteral("onderhoud"),
                           QStringLiteral("meting"),
                           QStringLiteral("rijkswaterstaat"),
                           QStringLiteral("aannemer"),
                           QStringLiteral("zomer"),
                           QStringLiteral("begroting"),
                           QStringLiteral("veiligheid"),
                           QStringLiteral("met"),
                           QStringLiteral("wij"),
                           QStringLiteral("werken"),
                           QStringLiteral("samen"),
                           QStringLiteral("aan"),
                           QStringLiteral("café"),
                           QStringLiteral("één")};

// About `chars` characters of an article's Markdown, the same for the same seed.
QString articleText(int chars, quint32 seed)
{
    QRandomGenerator random(seed);
    const auto sentence = [&]() {
        QString s;
        const int n = 8 + int(random.bounded(14));
        for (int i = 0; i < n; ++i) {
            QString w = words.at(int(random.bounded(qsizetype(words.size()))));
            if (i == 0)
                w[0] = w[0].toUpper();
            if (random.bounded(40) == 0)
                w = QStringLiteral("**%1**").arg(w);
            else if (random.bounded(60) == 0)
                w = QStringLiteral("[%1](https://intranet.example/%1)").arg(w);
            s += w + (i + 1 < n ? QStringLiteral(" ") : QStringLiteral(". "));
        }
        return s;
    };
    QString out;
    int section = 0;
    while (out.size() < chars) {
        out += QStringLiteral("## Hoofdstuk %1\n\n").arg(++section);
        for (int p = 0; p < 5 && out.size() < chars; ++p) {
            for (int s = 0; s < 4; ++s)
                out += sentence();
            out += QStringLiteral("\n\n");
        }
        switch (section % 4) {
        case 0:
            out += QStringLiteral("- ") + sentence() + QStringLiteral("\n- ") + sentence()
                + QStringLiteral("\n- ") + sentence() + QStringLiteral("\n\n");
            break;
        case 1:
            out += QStringLiteral("> ") + sentence() + QStringLiteral("\n\n");
            break;
        case 2:
            out += QStringLiteral("| Paal | Peil | Stand |\n|---|---|---|\n| 12 | 2,31 | goed |\n"
                                  "| 14 | 2,45 | afschuiving |\n\n");
            break;
        default:
            out += QStringLiteral("```cpp\nint peil(int paal) {\n    return metingen[paal];\n}\n"
                                  "```\n\n");
        }
    }
    return out.left(chars);
}

// Times the first paint of a widget after `start`: an event filter on its viewport that
// sends the paint on first, so that it has finished when the time is read.
class FirstPaint : public QObject
{
public:
    explicit FirstPaint(QWidget* viewport)
        : m_viewport(viewport)
    {
        viewport->installEventFilter(this);
    }
    void start()
    {
        m_done = false;
        m_clock.start();
    }
    bool done() const { return m_done; }
    double ms() const { return m_ms; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (watched != m_viewport || event->type() != QEvent::Paint || m_inside || m_done)
            return false;
        m_inside = true;
        QCoreApplication::sendEvent(watched, event);
        m_inside = false;
        m_ms = double(m_clock.nsecsElapsed()) / 1e6;
        m_done = true;
        return true;
    }

private:
    QWidget* m_viewport;
    QElapsedTimer m_clock;
    bool m_inside = false;
    bool m_done = false;
    double m_ms = 0;
};

bool waitFor(const std::function<bool()>& done, int ms = 20000)
{
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    return done();
}

// Types `keys` characters into `edit` on the schedule described above; the latencies in ms.
QList<double> typeInto(QPlainTextEdit* edit, int keys, quint32 seed)
{
    QTextCursor cursor = edit->textCursor();
    cursor.setPosition(edit->document()->characterCount() / 2);
    edit->setTextCursor(cursor);
    edit->setFocus();
    QRandomGenerator random(seed);
    QList<qint64> due; // ns from the start
    qint64 at = 200'000'000;
    for (int i = 0; i < keys; ++i) {
        due.append(at);
        at += (i % 30 == 29) ? qint64(400 + random.bounded(1200)) * 1'000'000 : 70'000'000;
    }
    QList<double> latencies;
    QElapsedTimer clock;
    clock.start();
    const QString typed = QStringLiteral("de dijk wordt in de zomer versterkt ");
    for (int i = 0; i < keys; ++i) {
        // The event loop runs (timers, the preview, the save) until the key is due.
        while (clock.nsecsElapsed() < due[i]) {
            const qint64 left = (due[i] - clock.nsecsElapsed()) / 1'000'000;
            if (left > 1)
                QCoreApplication::processEvents(QEventLoop::AllEvents, int(left - 1));
            else
                QCoreApplication::processEvents();
        }
        const QChar c = typed.at(i % typed.size());
        QKeyEvent press(QEvent::KeyPress, 0, Qt::NoModifier, QString(c));
        QKeyEvent release(QEvent::KeyRelease, 0, Qt::NoModifier, QString(c));
        QCoreApplication::sendEvent(edit, &press);
        QCoreApplication::sendEvent(edit, &release);
        edit->viewport()->repaint();
        latencies.append(double(clock.nsecsElapsed() - due[i]) / 1e6);
    }
    return latencies;
}

void printStats(QTextStream& out, const char* name, const QList<double>& values)
{
    out << name << "_p50_ms=" << bench::percentile(values, 50) << ' ' << name
        << "_p99_ms=" << bench::percentile(values, 99) << ' ' << name
        << "_max_ms=" << bench::percentile(values, 100) << ' ' << name << "_over_16ms="
        << std::count_if(values.begin(), values.end(), [](double v) { return v > 16.0; }) << '\n';
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Plein blogs benchmark (desktop)."));
    parser.addHelpOption();
    const bench::AccountOptions account;
    account.addTo(parser);
    const QCommandLineOption articlesOption(QStringLiteral("articles"),
                                            QStringLiteral("Articles to open (default 5)."),
                                            QStringLiteral("N"), QStringLiteral("5"));
    const QCommandLineOption charsOption(QStringLiteral("chars"),
                                         QStringLiteral("Characters an article (default 100000)."),
                                         QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption keysOption(QStringLiteral("keys"),
                                        QStringLiteral("Keys to type (default 300; 0: none)."),
                                        QStringLiteral("N"), QStringLiteral("300"));
    parser.addOptions({articlesOption, charsOption, keysOption});
    parser.process(app);
    const int articles = std::max(1, parser.value(articlesOption).toInt());
    const int chars = std::clamp(parser.value(charsOption).toInt(), 1000, 100000);
    const int keys = std::max(0, parser.value(keysOption).toInt());

    bench::ClientApp client(app);
    if (const int rc = bench::openOffline(client, parser, account, "plein-bench-client-blogs"))
        return rc;
    client::BlogStore store(client.core().cache());
    QList<QString> texts;
    for (int i = 0; i < articles; ++i) {
        client::ArticleRow a;
        a.id = 900000 + i;
        a.state = QStringLiteral("published");
        a.revision = 1;
        // The user's own (the editor opens only for an article's authors); offline on a fresh
        // profile the user's id is whatever the cache holds, 0 before any login.
        a.author = {client.core().blogs().userId(),
                    QStringLiteral("anna"),
                    QStringLiteral("Anna de Vries"),
                    {}};
        a.text.title = QStringLiteral("Een lang artikel %1").arg(i + 1);
        a.text.summary = QStringLiteral("Om te meten hoe snel het opent.");
        a.text.body = articleText(chars, quint32(i + 1));
        a.hasBody = true;
        a.words = int(a.text.body.split(u' ', Qt::SkipEmptyParts).size());
        a.readingMinutes = std::max(1, a.words / 200);
        a.publishedAt = a.createdAt = a.changedAt
            = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
        a.commentsLoaded = true;
        if (!store.upsert(a, 1)) {
            std::fprintf(stderr, "plein-bench-client-blogs: could not store article %d\n", i);
            return 1;
        }
        texts.append(a.text.body);
    }
    app::MainWindow& window = client.window();
    window.resize(1200, 800);
    window.show();
    bench::waitForExposed(window);
    QTextStream out(stdout);
    out << "chars=" << chars << " articles=" << articles << '\n';

    QList<double> ours, theirs;
    for (int i = 0; i < articles; ++i) {
        // Ours: the reading view, from the link.
        QElapsedTimer clock;
        clock.start();
        if (!window.navigator().open(app::Navigator::link(QStringLiteral("article"), 900000 + i)))
            return 1;
        auto* page = qobject_cast<app::ArticlePage*>(window.currentPage());
        if (!page)
            return 1;
        FirstPaint paint(page->body()->viewport());
        const double buildMs = double(clock.nsecsElapsed()) / 1e6;
        paint.start();
        if (!waitFor([&]() { return paint.done(); }))
            return 1;
        ours.append(buildMs + paint.ms());
        out << "first_paint_ms_" << i << '=' << ours.last() << " build_ms_" << i << '=' << buildMs
            << '\n';

        // The baseline: Qt's own Markdown in a bare browser of the same width.
        QTextBrowser bare;
        bare.resize(720, 700);
        bare.show();
        bench::waitForExposed(bare);
        QCoreApplication::processEvents();
        FirstPaint barePaint(bare.viewport());
        QElapsedTimer bareClock;
        bareClock.start();
        {
            // In one edit block, as the app does: Qt's fastest import.
            QTextCursor block(bare.document());
            block.beginEditBlock();
            bare.document()->setMarkdown(texts.at(i));
            block.endEditBlock();
        }
        const double bareBuild = double(bareClock.nsecsElapsed()) / 1e6;
        barePaint.start();
        bare.viewport()->update();
        if (!waitFor([&]() { return barePaint.done(); }))
            return 1;
        theirs.append(bareBuild + barePaint.ms());
        out << "baseline_ms_" << i << '=' << theirs.last() << '\n';
    }
    // The first opening pays for fonts and caches once; the others are what a reader sees.
    const QList<double> oursWarm = ours.size() > 1 ? ours.mid(1) : ours;
    const QList<double> theirsWarm = theirs.size() > 1 ? theirs.mid(1) : theirs;
    out << "first_paint_first_ms=" << ours.first()
        << " first_paint_median_ms=" << bench::percentile(oursWarm, 50)
        << " baseline_median_ms=" << bench::percentile(theirsWarm, 50) << " ratio="
        << bench::percentile(oursWarm, 50) / std::max(0.001, bench::percentile(theirsWarm, 50))
        << '\n';

    if (keys > 0) {
        QUrlQuery query;
        query.addQueryItem(QStringLiteral("article"), QString::number(900000));
        if (!window.navigator().open(app::Navigator::link(QStringLiteral("write"), query)))
            return 1;
        auto* editor = qobject_cast<app::ArticleEditor*>(window.currentPage());
        if (!editor || !waitFor([&]() {
                return editor->source()->document()->characterCount() > chars / 2;
            }))
            return 1;
        const QList<double> typing = typeInto(editor->source(), keys, 7);
        printStats(out, "typing", typing);

        QPlainTextEdit bare;
        bare.resize(700, 700);
        bare.setPlainText(texts.first());
        bare.show();
        bench::waitForExposed(bare);
        const QList<double> bareTyping = typeInto(&bare, keys, 7);
        printStats(out, "baseline_typing", bareTyping);
        out << "typing_p99_ratio="
            << bench::percentile(typing, 99) / std::max(0.001, bench::percentile(bareTyping, 99))
            << '\n';
    }
    out.flush();
    return 0;
}
