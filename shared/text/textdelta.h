#pragma once

#include <QJsonArray>
#include <QString>

#include <optional>

namespace plein::text {

// A text's change as the steps that turn the old text into the new one, counted in UTF-16
// code units (as QString and JavaScript count): a positive number keeps that many characters,
// a negative number removes that many, and a string is inserted. The steps go through the
// whole old text, so `[812, -14, "de nieuwe zin", 30211]` is a 31,037-character text in which
// 14 characters were replaced. The server sends them for an article's text when they are
// shorter than the text itself (docs/protocol.md, "Blogs").

// The steps from `from` to `to`: libgit2's line diff, each changed run of lines narrowed to
// the characters that differ (never between the two halves of a surrogate pair).
QJsonArray makeDelta(const QString& from, const QString& to);

// `from` with the steps applied, or nullopt when they do not fit it: a step that is not a
// whole non-zero number or a non-empty string, or numbers that do not add up to its length.
std::optional<QString> applyDelta(const QString& from, const QJsonArray& steps);

} // namespace plein::text
