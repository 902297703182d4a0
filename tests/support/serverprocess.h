#pragma once

#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace plein::test {

// The real plein-server binary on a free port with its own data folder.
class ServerProcess
{
public:
    // `dataDir` empty: a new temporary folder, removed afterwards.
    explicit ServerProcess(QString dataDir = QString());
    ~ServerProcess();

    QString dataDir() const { return m_dataDir; }
    // Extra arguments for every start (e.g. --database postgresql://...).
    void setExtraArguments(QStringList args) { m_extra = std::move(args); }

    // Runs a command such as {"user", "add", "alice"} with `input` on stdin; returns exit code.
    int command(const QStringList& args, const QByteArray& input = QByteArray(),
                QByteArray* output = nullptr);
    // Creates a user with a password (default "password123").
    bool addUser(const QString& username, bool admin = false,
                 const QString& password = QStringLiteral("password123"));
    // Writes a line into the [server] section of the config file.
    void setConfig(const QString& key, const QString& value);

    bool start(quint16 port = 0);
    // SIGTERM and wait; false when it did not exit cleanly in time.
    bool stop();
    void kill();
    bool isRunning() const;
    quint16 port() const { return m_port; }
    // The HTTP side's port (files), from the line it prints at start.
    quint16 httpPort() const { return m_httpPort; }
    QString url() const;
    QByteArray log() const { return m_log; }
    qint64 pid() const;

private:
    std::unique_ptr<QTemporaryDir> m_temp;
    QString m_dataDir;
    QStringList m_extra;
    std::unique_ptr<QProcess> m_process;
    quint16 m_port = 0;
    quint16 m_httpPort = 0;
    QByteArray m_log;
};

} // namespace plein::test
