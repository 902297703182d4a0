#pragma once

#include <QString>

class QTextDocument;
class QUrl;

namespace plein::app {

// Fills `doc` with a post's Markdown. Raw HTML in the text is escaped first so it shows as
// text, a link that may not be followed (isFollowableLink) shows as plain words, and the
// document never loads images or other resources.
void setSafeMarkdown(QTextDocument& doc, const QString& markdown);

// Whether a link in a post may be opened in the browser: http, https and mailto only.
bool isOpenableLink(const QUrl& url);
// Whether a link in a post may be followed: those, and `plein:` links (see Navigator).
bool isFollowableLink(const QUrl& url);

} // namespace plein::app
