#include "errortext.h"

#include "protocol/errorcode.h"

#include <QCoreApplication>

namespace plein::app {

QString errorText(const QString& code, const QString& serverMessage)
{
    // Codes never change meaning, messages do: the text follows the code alone. The codes of
    // files an upload refused (client/core/files): the server's quota and size, and this
    // computer's own checks, whose message (made here, translated, with the file's name) says
    // more than any text could.
    if (code == QLatin1StringView("quota_exceeded"))
        return QCoreApplication::translate(
            "plein::app::ErrorText",
            "Your files take all the space the organisation gives you. Remove the file, or ask "
            "your administrator for more.");
    if (code == QLatin1StringView("file_too_large"))
        return QCoreApplication::translate(
            "plein::app::ErrorText",
            "A file is larger than the server accepts. Remove it, or share a smaller one.");
    if (code == QLatin1StringView("file_missing") || code == QLatin1StringView("file_changed"))
        return serverMessage.isEmpty()
            ? QCoreApplication::translate("plein::app::ErrorText",
                                          "An attached file is no longer as it was when you "
                                          "attached it. Attach it again.")
            : serverMessage;
    using protocol::ErrorCode;
    const auto known = protocol::errorCodeFromName(code);
    switch (known.value_or(ErrorCode::Internal)) {
    case ErrorCode::BadRequest:
        return QCoreApplication::translate(
            "plein::app::ErrorText",
            "Plein and the server did not understand each other. Updating Plein may help; if "
            "not, tell your administrator.");
    case ErrorCode::Unauthorized:
        return QCoreApplication::translate(
            "plein::app::ErrorText",
            "You are no longer logged in. Log in again and try once more.");
    case ErrorCode::Forbidden:
        return QCoreApplication::translate(
            "plein::app::ErrorText",
            "You are not allowed to do this: it belongs to someone else, or the group's rules do "
            "not allow it.");
    case ErrorCode::NotFound:
        return QCoreApplication::translate(
            "plein::app::ErrorText",
            "This is no longer there: it was deleted, or you can no longer see it.");
    case ErrorCode::Conflict:
        return QCoreApplication::translate("plein::app::ErrorText",
                                           "This clashed with another change. Try again.");
    case ErrorCode::Closed:
        return QCoreApplication::translate("plein::app::ErrorText",
                                           "This no longer takes questions or votes: it has "
                                           "ended.");
    case ErrorCode::StaleRevision:
        return QCoreApplication::translate(
            "plein::app::ErrorText",
            "Someone else changed this in the meantime. Compare the two versions before you "
            "save yours.");
    case ErrorCode::TooLarge:
        return QCoreApplication::translate("plein::app::ErrorText",
                                           "This is too long. Make it shorter and try again.");
    case ErrorCode::RateLimited:
        return QCoreApplication::translate(
            "plein::app::ErrorText",
            "Too many attempts in a short time. Wait a minute and try again.");
    case ErrorCode::Unavailable:
        return QCoreApplication::translate(
            "plein::app::ErrorText", "The server is busy or restarting. Try again in a moment.");
    case ErrorCode::Internal:
        if (known)
            return QCoreApplication::translate(
                "plein::app::ErrorText",
                "Something went wrong on the server, and nothing was changed. Try again later; if "
                "it keeps happening, tell your administrator.");
        break;
    }
    return QCoreApplication::translate(
        "plein::app::ErrorText",
        "The server refused this. Try again later, or ask your administrator.");
}

} // namespace plein::app
