#include "benchsupport.h"

#include "client.h"
#include "connection.h"
#include "shell/mainwindow.h"
#include "tokenstore.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QDateTime>
#include <QFile>
#include <QLocale>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <unistd.h>

namespace plein::bench {

qint64 microsSinceProcessStart()
{
    const QByteArray t0 = qgetenv("PLEIN_BENCH_T0_US");
    if (!t0.isEmpty()) {
        timespec now {};
        clock_gettime(CLOCK_REALTIME, &now);
        return qint64(now.tv_sec) * 1000000 + now.tv_nsec / 1000 - t0.toLongLong();
    }
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    // Field 22, counted after the command name, which may hold spaces.
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 20)
        return -1;
    const qint64 startTicks = fields.at(19).toLongLong();
    timespec boot {};
    clock_gettime(CLOCK_BOOTTIME, &boot);
    const qint64 nowUs = qint64(boot.tv_sec) * 1000000 + boot.tv_nsec / 1000;
    return nowUs - startTicks * 1000000 / sysconf(_SC_CLK_TCK);
}

qint64 smapsRollupKb(const QString& field)
{
    QFile f(QStringLiteral("/proc/self/smaps_rollup"));
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return -1;
    const QByteArray key = field.toLatin1() + ':';
    // Files in /proc report a size of 0: read them whole rather than test atEnd().
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (const QByteArray& line : lines) {
        if (line.startsWith(key))
            return line.mid(key.size()).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

PaintTimer::PaintTimer(QAbstractItemView* view)
    : QObject(view)
    , m_view(view)
{
    view->viewport()->installEventFilter(this);
}

bool PaintTimer::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() != QEvent::Paint || m_inside)
        return false;
    // Still inside the widget's paint cycle: the painter redirection to the backing store is
    // in place, so handing the event on now paints exactly what the view would have painted.
    QElapsedTimer timer;
    timer.start();
    m_inside = true;
    QCoreApplication::sendEvent(watched, event);
    m_inside = false;
    m_lastPaintUs = timer.nsecsElapsed() / 1000;
    ++m_paints;
    Q_EMIT painted(m_lastPaintUs, m_view->model() ? m_view->model()->rowCount() : 0);
    return true;
}

ClientApp::ClientApp(QApplication& app)
{
    Q_UNUSED(app);
    QApplication::setApplicationName(QStringLiteral("plein"));
    QApplication::setOrganizationName(QStringLiteral("Plein"));
    QApplication::setQuitOnLastWindowClosed(false);
    // The app's translations are compiled into the app binary, not into the UI library; the
    // look-up still costs what it costs the app, and falls back to English as the app would.
    if (m_translator.load(QLocale(), QStringLiteral("plein"), QStringLiteral("_"),
                          QStringLiteral(":/i18n")))
        QApplication::installTranslator(&m_translator);
}

ClientApp::~ClientApp() = default;

std::optional<QString> ClientApp::open(const QUrl& server, const QString& username,
                                       const QString& profileDir)
{
    m_core = std::make_unique<client::Client>();
    if (auto err = m_core->open(server, username, profileDir))
        return err;
    m_tokens = std::make_unique<app::TokenStore>();
    m_window = std::make_unique<app::MainWindow>(*m_core);
    return std::nullopt;
}

int openOffline(ClientApp& client, const QCommandLineParser& parser, const AccountOptions& account,
                const char* program)
{
    if (!parser.isSet(account.profile)) {
        std::fprintf(stderr, "%s: --profile is required\n", program);
        return 2;
    }
    if (auto err = client.open(QUrl(parser.value(account.server)), parser.value(account.user),
                               parser.value(account.profile))) {
        std::fprintf(stderr, "%s: %s\n", program, qPrintable(*err));
        return 1;
    }
    client.core().connection().setToken(QStringLiteral("offline-benchmark"));
    client.core().connection().start();
    return 0;
}

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype i = std::clamp<qsizetype>(
        qsizetype(p / 100.0 * double(values.size() - 1) + 0.5), 0, values.size() - 1);
    return values.at(i);
}

} // namespace plein::bench
