#pragma once

#include <QObject>
#include <QString>
#include <QUrl>

class QLocalServer;

namespace plein::app {

// One running app per profile: a second start (a `plein:` link clicked in a browser or a
// mail, the desktop file's %u, the launcher clicked again) hands its link to the running app
// and exits, instead of opening a second window on the same cache. The running app listens on
// a local socket that only the same user can open; what arrives is checked like any outside
// input (size, form, and only `plein:` links are passed on).
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
    // Becomes the running app for the key. False (with errorString()) when it cannot.
    bool listen();
    QString errorString() const { return m_error; }
    QString serverName() const { return m_name; }

    // The largest message read; longer ones are dropped unread.
    static constexpr int maxMessageBytes = 4096;

Q_SIGNALS:
    // Another start asked to be shown, with the link it was given (empty for none).
    void activated(const QUrl& link);

private:
    void onConnection();

    QString m_name;
    QString m_error;
    QLocalServer* m_server = nullptr;
};

} // namespace plein::app
