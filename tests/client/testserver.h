#pragma once

#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace plein::test {

// The real plein-server on a free port with a throw-away data folder holding the demo
// organisation (anna, bram, chantal, daan, eva; password plein-demo). On SQLite in that
// folder, or with PLEIN_TEST_BACKEND=postgresql on the tests' PostgreSQL (PLEIN_TEST_POSTGRES),
// emptied first: CTest runs some suites a second time that way (tests/client/CMakeLists.txt).
class TestServer
{
public:
    TestServer();
    ~TestServer();

    // Creates the demo organisation and starts the server; port 0 picks a free one.
    bool start(quint16 port = 0);
    // Stops the server (gracefully, or with SIGKILL when `crash`), keeping its data.
    void stop(bool crash = false);
    bool isRunning() const;
    qint64 pid() const;
    QUrl url() const { return m_url; }
    quint16 port() const { return quint16(m_url.port()); }
    QString dataDir() const { return m_data.path(); }
    QString lastError() const { return m_error; }

    static QString password() { return QStringLiteral("plein-demo"); }
    // "sqlite" or "postgresql".
    static QString backend();
    // Why the suite cannot run here (PostgreSQL asked for, none given, and not under CI, where
    // that is a failure): the suite skips. Empty otherwise.
    static QString backendMissing();

private:
    bool initialise();

    QTemporaryDir m_data;
    std::unique_ptr<QProcess> m_process;
    QUrl m_url;
    QString m_error;
    bool m_initialised = false;
    quint16 m_httpPort = 0; // the HTTP side's port of the last start
};

} // namespace plein::test
