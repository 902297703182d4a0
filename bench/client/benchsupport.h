#pragma once

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTranslator>
#include <QUrl>

#include <memory>
#include <optional>

class QAbstractItemView;
class QApplication;

namespace plein::client {
class Client;
}
namespace plein::app {
class MainWindow;
class TokenStore;
} // namespace plein::app

namespace plein::bench {

// The options of the programs that open the desktop app's cache: which server and account,
// and the profile folder holding the cache (offline by default: a closed port).
struct AccountOptions
{
    QCommandLineOption server {QStringLiteral("server"), QStringLiteral("Server URL."),
                               QStringLiteral("URL"), QStringLiteral("ws://127.0.0.1:9")};
    QCommandLineOption user {QStringLiteral("user"), QStringLiteral("Username."),
                             QStringLiteral("NAME"), QStringLiteral("anna")};
    QCommandLineOption profile {QStringLiteral("profile"), QStringLiteral("Profile folder."),
                                QStringLiteral("DIR")};

    void addTo(QCommandLineParser& parser) const { parser.addOptions({server, user, profile}); }
};

// Microseconds since this process was started: from PLEIN_BENCH_T0_US (the launcher's clock,
// e.g. bash's $EPOCHREALTIME with the dot removed) when set, else from /proc/self/stat, whose
// start time has the kernel's tick (10 ms) resolution.
qint64 microsSinceProcessStart();

// A field of /proc/self/smaps_rollup in kB ("Pss", "Rss", "Pss_Anon", …), -1 if absent.
qint64 smapsRollupKb(const QString& field);

// Times every paint of a view's viewport: the filter sends the paint event on to the view
// itself, so that it knows when the painting has finished, then reports it.
class PaintTimer : public QObject
{
    Q_OBJECT

public:
    explicit PaintTimer(QAbstractItemView* view);

    qint64 lastPaintUs() const { return m_lastPaintUs; }
    int paints() const { return m_paints; }

Q_SIGNALS:
    // After a paint of the viewport; `rows` is the model's row count at that time.
    void painted(qint64 paintUs, int rows);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QAbstractItemView* m_view = nullptr;
    bool m_inside = false;
    qint64 m_lastPaintUs = 0;
    int m_paints = 0;
};

// The objects the desktop app's main() builds after its login dialog, in the same order:
// translator, client core on a profile, token store and main window.
class ClientApp
{
public:
    explicit ClientApp(QApplication& app);
    ~ClientApp();

    std::optional<QString> open(const QUrl& server, const QString& username,
                                const QString& profileDir);
    client::Client& core() { return *m_core; }
    app::MainWindow& window() { return *m_window; }

private:
    QTranslator m_translator;
    std::unique_ptr<client::Client> m_core;
    std::unique_ptr<app::TokenStore> m_tokens;
    std::unique_ptr<app::MainWindow> m_window;
};

// What the benchmarks that need no server do first: checks --profile, opens the app on it
// and goes "online" against the closed port with a token nobody checks. 0, or the exit code
// (with the reason on stderr) for `program`.
int openOffline(ClientApp& client, const QCommandLineParser& parser, const AccountOptions& account,
                const char* program);

// Sorted-sample statistics for the report lines.
double percentile(QList<double> values, double p);

} // namespace plein::bench
