#pragma once

#include <QObject>
#include <QString>
#include <QUrl>

#include <memory>

class QLocalServer;
class QLockFile;

namespace plein::app {

// One running app per profile: a second start (a `plein:` link clicked in a browser or a
// mail, the desktop file's %u, the launcher clicked again) hands its link to the running app
// and exits, instead of opening a second window on the same cache. Which start runs is decided
// by a lock file in the profile (two starts at once cannot both win; a crashed app's lock is
// taken over); the running app listens on a local socket in the user's private runtime folder.
// What arrives there is checked like any outside input (size, form, and only `plein:` links
// are passed on).
class SingleInstance : public QObject
{
    Q_OBJECT

public:
    // `key` tells profiles apart (the profile folder): each has its own running app.
    explicit SingleInstance(const QString& key, QObject* parent = nullptr);
    ~SingleInstance() override;

    // Hands `link` (or, when empty, "show yourself") to a running app. True when one took it:
    // then this process should exit.
    bool forward(const QUrl& link, int timeoutMs = 1000) const;
    // Becomes the running app for the key. False (with errorString()) when another start holds
    // the profile or the socket cannot be made.
    bool listen();

    enum class Start { Running, HandedOver, Failed };
    // What main() does: hands `link` over to a running app (retrying for a few seconds while
    // another start is on its way up), or becomes the running app.
    Start start(const QUrl& link);
    QString errorString() const { return m_error; }
    QString serverName() const { return m_name; }

    // The largest message read; longer ones are dropped unread.
    static constexpr int maxMessageBytes = 4096;

Q_SIGNALS:
    // Another start asked to be shown, with the link it was given (empty for none).
    void activated(const QUrl& link);

private:
    void onConnection();

    QString m_name; // the socket's full path
    QString m_lockPath;
    std::unique_ptr<QLockFile> m_lock;
    QString m_error;
    QLocalServer* m_server = nullptr;
};

} // namespace plein::app
