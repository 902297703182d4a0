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
//
// With the app's CodeHighlighter (ui/codehighlighter.h, made in main.cpp), code blocks are
// highlighted in the theme of the palette, light or dark, when their colours are known — a
// block whose colours are not known yet is plain, and the document waits for them
// (waitsForHighlight) — and each gets a caption line above it: its language, muted, and
// "Copy", a link to `plein-copy:<n>` (copyAnchorIndex) for the view to handle with
// codeBlockText. Without one (tools, tests of the text alone) code is plain monospace.
void setSafeMarkdown(QTextDocument& doc, const QString& markdown,
                     const QString& reader = QString());

// The code blocks of a document filled by setSafeMarkdown, in order, and the text of block
// `n` exactly as shown (lines joined by newlines; empty when there is no such block).
int codeBlockCount(const QTextDocument& doc);
QString codeBlockText(const QTextDocument& doc, int n);
// The code block a "Copy" link points to (`plein-copy:<n>`), or -1 for any other link.
int copyAnchorIndex(const QString& anchor);
// Says "Copied" on the caption of code block `n` (or "Copy" again), without laying the rest
// of the document out anew.
void setCodeCopied(QTextDocument& doc, int n, bool copied);
// Whether `doc` shows code plain until CodeHighlighter::highlighted(key): a view then lays it
// out again.
bool waitsForHighlight(const QTextDocument& doc, const QString& key);

// Whether a link in a post may be opened in the browser: http, https and mailto only.
bool isOpenableLink(const QUrl& url);
// Whether a link in a post may be followed: those, and `plein:` links (see Navigator).
bool isFollowableLink(const QUrl& url);

// The link of a topic's page, which #topic in a post becomes: plein:/topic?name=<topic>.
QUrl topicLink(const QString& topic);

} // namespace plein::app
