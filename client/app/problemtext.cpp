#include "problemtext.h"

#include <QCoreApplication>
#include <QUrl>

namespace plein::app {

namespace {

using Problem = client::Connection::Problem;

QString hostOf(const QUrl& server)
{
    return server.host().isEmpty() ? server.toString() : server.host();
}

// Only the socket's and the TLS layer's texts are worth adding: they come from Qt in the
// user's language and say what a person can check ("host not found"). The server's refusals
// are English, for the logs.
QString withDetail(const QString& text, Problem problem, const QString& detail)
{
    if (detail.isEmpty() || (problem != Problem::Unreachable && problem != Problem::TlsFailure))
        return text;
    return text + QLatin1Char(' ')
        + QCoreApplication::translate("plein::app::ProblemText", "(%1)").arg(detail);
}

QString accountText(Problem problem)
{
    switch (problem) {
    case Problem::WrongPassword:
        return QCoreApplication::translate("plein::app::ProblemText",
                                           "The username or password is not right. Try again.");
    case Problem::TokenRefused:
        return QCoreApplication::translate(
            "plein::app::ProblemText",
            "Your saved session has ended (it expired, or you were signed out "
            "elsewhere). Log in again.");
    case Problem::Deactivated:
        return QCoreApplication::translate(
            "plein::app::ProblemText",
            "This account has been deactivated. Ask your administrator if you "
            "think this is a mistake.");
    case Problem::VersionMismatch:
        return QCoreApplication::translate(
            "plein::app::ProblemText",
            "This version of Plein cannot talk to the server: one of them needs "
            "an update. Ask your administrator.");
    case Problem::RateLimited:
        return QCoreApplication::translate(
            "plein::app::ProblemText",
            "Too many login attempts in a short time. Wait a minute, then try again.");
    default:
        return QString();
    }
}

} // namespace

QString problemText(Problem problem, const QString& detail, const QUrl& server)
{
    QString text;
    switch (problem) {
    case Problem::Unreachable:
        text = QCoreApplication::translate(
                   "plein::app::ProblemText",
                   "Cannot reach the server at %1. Check your network connection; Plein "
                   "keeps trying, and you can go on reading and writing offline.")
                   .arg(hostOf(server));
        break;
    case Problem::TlsFailure:
        text = QCoreApplication::translate(
            "plein::app::ProblemText",
            "The server's security certificate cannot be trusted, so Plein did "
            "not connect. Ask your administrator.");
        break;
    case Problem::Refused:
        text = QCoreApplication::translate(
            "plein::app::ProblemText",
            "The server refused the connection. Try again later, or ask your "
            "administrator.");
        break;
    default:
        text = accountText(problem);
        break;
    }
    return withDetail(text, problem, detail);
}

QString loginProblemText(Problem problem, const QString& detail, const QUrl& server)
{
    QString text;
    switch (problem) {
    case Problem::Unreachable:
        text = QCoreApplication::translate(
                   "plein::app::ProblemText",
                   "Cannot reach a Plein server at %1. Check the server address and your "
                   "network connection.")
                   .arg(hostOf(server));
        break;
    case Problem::TlsFailure:
        text = QCoreApplication::translate(
                   "plein::app::ProblemText",
                   "The security certificate of %1 cannot be trusted, so Plein did not "
                   "connect. Check the server address, or ask your administrator.")
                   .arg(hostOf(server));
        break;
    case Problem::Refused:
        text = QCoreApplication::translate(
            "plein::app::ProblemText",
            "The server refused the login. Try again later, or ask your "
            "administrator.");
        break;
    default:
        text = accountText(problem);
        break;
    }
    return withDetail(text, problem, detail);
}

QString cacheRebuiltText()
{
    return QCoreApplication::translate(
        "plein::app::ProblemText",
        "The offline copy on this computer was damaged. It was set aside and is "
        "being rebuilt from the server; posts that were not sent yet could not be "
        "saved.");
}

} // namespace plein::app
