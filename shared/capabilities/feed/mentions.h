#pragma once

#include <QString>
#include <QStringList>

namespace plein::protocol {

// Usernames: 1 to 64 characters of a-z, 0-9, '.', '_' and '-', stored in lower case.
bool isValidUsername(const QString& username);

// The distinct usernames @mentioned in a text, lower-cased, in order of first appearance.
// "@name" counts when it starts the text or follows a character that is not part of a name,
// so e-mail addresses (a@b.nl) are not mentions.
QStringList mentionedUsernames(const QString& text);

} // namespace plein::protocol
