#include "problemtext.h"

#include <QCoreApplication>
#include <QUrl>

namespace plein::app {

QString problemText(client::Connection::Problem problem, const QString& detail, const QUrl& server)
{
    using Problem = client::Connection::Problem;
    QString text;
    switch (problem) {
    case Problem::Unreachable:
        text = QCoreApplication::translate(
                   "plein::app::ProblemText",
                   "Cannot reach the server at %1. Check your network connection; Plein keeps "
                   "trying, and you can go on reading and writing offline.")
                   .arg(server.host().isEmpty() ? server.toString() : server.host());
        break;
    case Problem::WrongPassword:
        text = QCoreApplication::translate("plein::app::ProblemText",
                                           "The username or password is not right. Try again.");
        break;
    case Problem::TokenRefused:
        text = QCoreApplication::translate(
            "plein::app::ProblemText",
            "Your saved session has ended (it expired, or you were signed out "
            "elsewhere). Log in again.");
        break;
    case Problem::Deactivated:
        text = QCoreApplication::translate(
            "plein::app::ProblemText",
            "This account has been deactivated. Ask your administrator if you think this "
            "is a mistake.");
        break;
    case Problem::TlsFailure:
        text = QCoreApplication::translate(
            "plein::app::ProblemText",
            "The server's security certificate cannot be trusted, so Plein did not connect. "
            "Ask your administrator.");
        break;
    case Problem::VersionMismatch:
        text = QCoreApplication::translate(
            "plein::app::ProblemText",
            "This version of Plein cannot talk to the server: one of them needs an update. "
            "Ask your administrator.");
        break;
    case Problem::Refused:
        text = QCoreApplication::translate("plein::app::ProblemText",
                                           "The server refused the connection.");
        break;
    }
    if (!detail.isEmpty() && problem != Problem::WrongPassword)
        text += QLatin1Char(' ')
            + QCoreApplication::translate("plein::app::ProblemText", "(%1)").arg(detail);
    return text;
}

QString cacheRebuiltText()
{
    return QCoreApplication::translate(
        "plein::app::ProblemText",
        "The offline copy on this computer was damaged. It was set aside and is being "
        "rebuilt from the server; posts that were not sent yet could not be saved.");
}

} // namespace plein::app
