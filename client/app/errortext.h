#pragma once

#include <QString>

namespace plein::app {

// What a refusal from the server means, in the user's language: one text per error code of
// the protocol (docs/protocol.md, "Errors"), a general one for a code this build does not
// know. The server's message is English, may name internal ids ("post 8 was deleted") and
// is for the logs: it is never part of the text.
QString errorText(const QString& code, const QString& serverMessage = QString());

} // namespace plein::app
