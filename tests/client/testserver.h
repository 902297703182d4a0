#pragma once

#include <QProcess>
#include <QString>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

namespace plein::test {

// The real plein-server on a free port with a throw-away data folder holding the demo
// organisation (anna, bram, chantal, daan, eva; password plein-demo).
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
