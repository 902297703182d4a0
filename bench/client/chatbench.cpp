// Chat in the real main window on a filled cache (plein-bench-fill-cache --conversations):
// opening a conversation to its first paint, scrolling up through it, and the memory of the
// app with the chat list and that conversation open.
//
// The window starts as the app does after its login (offline: a closed port), shows the feed,
// then the conversation list (plein:/chats). Each open is timed from just before
// ChatCapability::openConversation() (which builds the ConversationPage with its
// MessageListModel on the cache) to the end of the first paint of the message view with rows.
// The big conversation is opened first (nothing of chat painted before in this process: the
// figure that counts), then a small one and the big one again. Then the view scrolls up by
// --step pixels a step, as scrollbench does with the feed: setValue, processEvents() (the view
// pages in older messages from the cache as the top nears and keeps its place), repaint.

#include "benchsupport.h"
#include "chat/conversationlistmodel.h"
#include "chat/messagelistmodel.h"
#include "client.h"
#include "connection.h"
#include "pages/chat/chatcapability.h"
#include "pages/chat/conversationpage.h"
#include "pages/chat/messageview.h"
#include "scrollrun.h"
#include "shell/mainwindow.h"
#include "shell/navigator.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QTextStream>
#include <QTimer>

#include <cstdio>

using namespace plein;

namespace {

struct Open
{
    double buildMs = -1; // openConversation() returned: page, model and view built
    double firstPaintMs = -1; // the end of the first paint with rows
    double paintMs = -1; // that paint alone
    int rows = 0;
};

// Opens a conversation and waits for the first paint of its messages.
Open openAndPaint(app::ChatCapability& chat, qint64 id)
{
    Open result;
    QElapsedTimer timer;
    timer.start();
    chat.openConversation(id);
    result.buildMs = double(timer.nsecsElapsed()) / 1e6;
    app::ConversationPage* page = chat.page();
    if (!page)
        return result;
    auto* paints = new bench::PaintTimer(page->view());
    bool painted = false;
    QObject::connect(paints, &bench::PaintTimer::painted, paints, [&](qint64 paintUs, int rows) {
        if (painted || rows == 0)
            return;
        painted = true;
        result.firstPaintMs = double(timer.nsecsElapsed()) / 1e6;
        result.paintMs = double(paintUs) / 1000;
        result.rows = rows;
    });
    while (!painted && timer.elapsed() < 30000)
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 5);
    delete paints;
    return result;
}

QString describe(const QString& name, const Open& o)
{
    return QStringLiteral("%1_first_paint_ms=%2 %1_build_ms=%3 %1_paint_ms=%4 %1_rows=%5")
        .arg(name)
        .arg(o.firstPaintMs, 0, 'f', 2)
        .arg(o.buildMs, 0, 'f', 2)
        .arg(o.paintMs, 0, 'f', 2)
        .arg(o.rows);
}

QString memory(const QString& when)
{
    return QStringLiteral("pss_%1_kb=%2 rss_%1_kb=%3")
        .arg(when)
        .arg(bench::smapsRollupKb(QStringLiteral("Pss")))
        .arg(bench::smapsRollupKb(QStringLiteral("Rss")));
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Plein chat benchmark: open, scroll, memory."));
    parser.addHelpOption();
    const bench::AccountOptions account;
    account.addTo(parser);
    const QCommandLineOption bigOption(QStringLiteral("conversation"),
                                       QStringLiteral("The big conversation (default 1)."),
                                       QStringLiteral("ID"), QStringLiteral("1"));
    const QCommandLineOption smallOption(QStringLiteral("small"),
                                         QStringLiteral("A small one (default 2)."),
                                         QStringLiteral("ID"), QStringLiteral("2"));
    const QCommandLineOption stepOption(QStringLiteral("step"),
                                        QStringLiteral("Pixels per step (default 60)."),
                                        QStringLiteral("PX"), QStringLiteral("60"));
    const QCommandLineOption stepsOption(QStringLiteral("max-steps"),
                                         QStringLiteral("Scroll steps (default 10000; 0: none)."),
                                         QStringLiteral("N"), QStringLiteral("10000"));
    const QCommandLineOption sizeOption(QStringLiteral("size"),
                                        QStringLiteral("Window size, WxH (default 1000x700)."),
                                        QStringLiteral("WxH"), QStringLiteral("1000x700"));
    parser.addOptions({bigOption, smallOption, stepOption, stepsOption, sizeOption});
    parser.process(app);
    bench::ClientApp client(app);
    if (const int rc = bench::openOffline(client, parser, account, "plein-bench-client-chat"))
        return rc;
    app::MainWindow& window = client.window();
    const QStringList wh = parser.value(sizeOption).split(u'x');
    window.resize(wh.value(0).toInt(), wh.value(1).toInt());
    window.show();
    bench::waitForExposed(window);
    app::ChatCapability* chat = app::ChatCapability::of(window);
    if (!chat) {
        std::fprintf(stderr, "plein-bench-client-chat: the window has no chat\n");
        return 1;
    }
    window.navigator().open(QStringLiteral("plein:/chats"));
    bench::waitForExposed(window);
    QTextStream out(stdout);
    out << "conversations=" << chat->conversations()->rowCount() << ' '
        << memory(QStringLiteral("list")) << '\n';

    const qint64 big = parser.value(bigOption).toLongLong();
    const Open first = openAndPaint(*chat, big);
    bench::waitForExposed(window);
    const Open small = openAndPaint(*chat, parser.value(smallOption).toLongLong());
    bench::waitForExposed(window);
    const Open again = openAndPaint(*chat, big);
    bench::waitForExposed(window);
    app::ConversationPage* page = chat->page();
    if (!page || first.firstPaintMs < 0) {
        std::fprintf(stderr, "plein-bench-client-chat: conversation %lld did not paint\n",
                     qlonglong(big));
        return 1;
    }
    // The model alone, on the warm cache: what the page's constructor spends on it.
    QElapsedTimer timer;
    timer.start();
    {
        client::MessageListModel model(client.core().cache(), client.core().chat(), big);
        out << describe(QStringLiteral("open"), first) << ' '
            << describe(QStringLiteral("small"), small) << ' '
            << describe(QStringLiteral("reopen"), again)
            << " model_ms=" << double(timer.nsecsElapsed()) / 1e6
            << " model_rows=" << model.rowCount() << ' ' << memory(QStringLiteral("open")) << '\n';
    }
    out.flush();

    // Upwards from the newest, as someone reading back does.
    const int steps = parser.value(stepsOption).toInt();
    if (steps > 0)
        out << bench::scrollAndTime(*page->view(), *page->model(),
                                    -std::max(1, parser.value(stepOption).toInt()), steps)
            << ' ' << memory(QStringLiteral("scrolled")) << '\n';
    return 0;
}
