#pragma once

#include "protocol/result.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace plein::protocol::people {

// Case and accents folded away ("Émile" and "EMILE" give "emile"): what the directory sorts
// and matches on, the same on the server and in the client's cache.
QString folded(const QString& text);

// A tag as it is stored: white space trimmed and collapsed; its key is folded(tag).
struct Tag
{
    QString label;
    QString key;
};

// The tags of one list as given: trimmed, empty ones dropped, a second one with the same key
// dropped, in their order; an error for a tag that is too long or holds a control character,
// a comma or a '#', or for more than maxTags.
Result<QList<Tag>> normaliseTags(const QStringList& tags);

// Digits, spaces and + ( ) - . / only; an empty phone is fine.
bool isValidPhone(const QString& phone);

} // namespace plein::protocol::people
