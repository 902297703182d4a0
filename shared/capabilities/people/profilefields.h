#pragma once

#include "protocol/result.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace plein::protocol::people {

// Case and accents folded away ("Émile" and "EMILE" give "emile"), invisible characters
// (Unicode's default ignorables: format characters, joiners, fillers) dropped: what the
// directory sorts and matches on, the same on the server and in the client's cache.
QString folded(const QString& text);

// Whether `text` may be a single-line profile field or a tag: no control characters, no
// bidirectional overrides, isolates or marks (U+202A-202E, U+2066-2069, U+200E/F, U+061C),
// no other invisible format characters (Unicode's Cf) except the joiners ZWJ and ZWNJ,
// which some scripts and emoji need.
bool isCleanLine(const QString& text);
// Whether `text` may be the `about` field: no control characters but line feed and tab, and
// none of what isCleanLine refuses besides.
bool isCleanText(const QString& text);

// The keys the server stores for a person (user_profiles.name_key and search_key): the
// directory sorts on the first and a search matches the second.
QString nameKey(const QString& displayName);
QString searchKey(const QString& displayName, const QString& username, const QString& jobTitle);

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
