#include "serveraddress.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QRegularExpression>

namespace plein::app {

namespace {

constexpr int securePort = 443;
constexpr int plainPort = 80;
constexpr qsizetype quotedChars = 60;

// A DNS name in its ASCII form (an internationalised name arrives as xn--…): labels of
// letters, digits and inner hyphens.
bool isHostName(const QString& ace)
{
    static const QRegularExpression name(QStringLiteral(
        "^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*\\.?$"));
    return ace.size() <= 253 && name.match(ace).hasMatch();
}

} // namespace

bool ServerAddress::isLoopback(const QString& host)
{
    const QString h = host.toLower();
    // Only the name every resolver keeps on this computer: "*.localhost" may go to DNS where
    // nss-myhostname is not installed, and so to another machine.
    if (h == QLatin1StringView("localhost"))
        return true;
    const QHostAddress address(h);
    return !address.isNull() && address.isLoopback();
}

ServerAddress ServerAddress::parse(const QString& text)
{
    ServerAddress a;
    const QString typed = text.trimmed();
    a.m_host = typed;
    if (typed.isEmpty())
        return a;
    a.m_status = Status::Invalid;
    if (typed.contains(QRegularExpression(QStringLiteral("\\s"))))
        return a;

    // Without a scheme the person means the server, which speaks wss://. ("host:8443" has a
    // colon but no "://", so it is a port, not a scheme.)
    bool secure = true;
    QString rest = typed;
    const qsizetype schemeEnd = typed.indexOf(QLatin1StringView("://"));
    if (schemeEnd >= 0) {
        const QString scheme = typed.left(schemeEnd).toLower();
        rest = typed.mid(schemeEnd + 3);
        if (scheme == QLatin1StringView("ws") || scheme == QLatin1StringView("http")) {
            secure = false;
        } else if (scheme != QLatin1StringView("wss") && scheme != QLatin1StringView("https")) {
            a.m_status = Status::UnknownScheme;
            a.m_host = scheme;
            return a;
        }
    }
    QUrl url(QLatin1StringView(secure ? "wss://" : "ws://") + rest, QUrl::StrictMode);
    if (!url.isValid() || !url.userInfo().isEmpty() || url.hasQuery() || url.hasFragment()
        || url.port() == 0)
        return a;
    const QString host = url.host();
    const QHostAddress address(host);
    if (host.isEmpty() || (address.isNull() && !isHostName(QString::fromLatin1(QUrl::toAce(host)))))
        return a;
    a.m_host = host;
    if (!secure && !isLoopback(host)) {
        a.m_status = Status::Unencrypted;
        return a;
    }
    // One server, one spelling: the cache file and the keyring entry are named after it.
    if (url.port() == (secure ? securePort : plainPort))
        url.setPort(-1);
    if (url.path() == QLatin1StringView("/"))
        url.setPath(QString());
    a.m_url = url;
    a.m_status = Status::Ok;
    return a;
}

QString ServerAddress::problem() const
{
    switch (m_status) {
    case Status::Ok:
        return QString();
    case Status::Empty:
        return QCoreApplication::translate(
            "plein::app::ServerAddress",
            "Enter the address of your organisation's Plein server, such as "
            "plein.example.org.");
    case Status::Invalid: {
        QString shown = m_host;
        if (shown.size() > quotedChars)
            shown = shown.left(quotedChars) + QChar(0x2026);
        return QCoreApplication::translate(
                   "plein::app::ServerAddress",
                   "“%1” is not a server address. Enter a host name such as "
                   "plein.example.org, with a port if your organisation uses one "
                   "(plein.example.org:8443).")
            .arg(shown);
    }
    case Status::UnknownScheme:
        return QCoreApplication::translate(
                   "plein::app::ServerAddress",
                   "Plein does not connect through %1://. Enter just the host name, such "
                   "as plein.example.org.")
            .arg(m_host);
    case Status::Unencrypted:
        return QCoreApplication::translate(
                   "plein::app::ServerAddress",
                   "The connection to %1 would not be encrypted, so your password and "
                   "posts could be read on the way. Enter just %1 to connect securely "
                   "(ws:// is only for a server on this computer).")
            .arg(m_host);
    }
    return QString();
}

} // namespace plein::app
