#pragma once

#include <QString>

class QTextDocument;
class QUrl;

namespace plein::app {

// Fills `doc` with a post's Markdown, as people expect from Slack, Teams or GitHub comments:
// a single newline is a line break, `_text_` is italic, code is in the system's fixed font on a
// subtle background and wraps (nothing is cut off at the right edge). Raw HTML shows as the
// text it is, a link that may not be followed (isFollowableLink) shows as plain words, an image
// shows as its description (a link to it when that may be followed), and the document never
// loads images or other resources.
//
// `reader`: the username of the person reading; their @mentions stand out (bold on a tint),
// other @mentions are bold in the link colour. Runs for every post laid out while scrolling.
void setSafeMarkdown(QTextDocument& doc, const QString& markdown,
                     const QString& reader = QString());

// Whether a link in a post may be opened in the browser: http, https and mailto only.
bool isOpenableLink(const QUrl& url);
// Whether a link in a post may be followed: those, and `plein:` links (see Navigator).
bool isFollowableLink(const QUrl& url);

} // namespace plein::app
