#pragma once

#include <QString>
#include <QUrl>

namespace plein::app {

// What the person typed as the server, read the way they meant it: "plein.example.org" and
// "plein.example.org:8443" are wss:// addresses, an https:// address pasted from the browser
// is the same server over wss://, and ws:// (unencrypted) is only for this computer itself.
class ServerAddress
{
public:
    enum class Status {
        Ok,
        Empty,
        Invalid, // not an address at all: spaces, a stray character, no host, a bad port
        UnknownScheme, // ftp://, file://, mailto: ...
        Unencrypted, // ws:// or http:// to another computer
    };

    static ServerAddress parse(const QString& text);
    // Whether `host` is this computer (localhost, 127.0.0.1, ::1), where ws:// is fine.
    static bool isLoopback(const QString& host);

    Status status() const { return m_status; }
    bool isOk() const { return m_status == Status::Ok; }
    // The address to connect to, normalised (lower-case host, no default port, no trailing
    // slash) so that one server always has one cache and one keyring entry. Empty unless ok.
    QUrl url() const { return m_url; }
    // What is wrong and how to put it right, for the login dialog; empty when ok.
    QString problem() const;

private:
    Status m_status = Status::Empty;
    QUrl m_url;
    QString m_host; // as typed, for the messages
};

} // namespace plein::app
