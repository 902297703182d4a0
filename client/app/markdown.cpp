#include "markdown.h"

#include "shell/navigator.h"

#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QUrl>

namespace plein::app {

namespace {

// A link that may not be followed (javascript:, file:, data:, a relative path…) shows as its
// words, without the anchor or the look of a link, whatever Markdown form made it.
void removeUnsafeLinks(QTextDocument& doc)
{
    struct Range
    {
        int start = 0;
        int end = 0;
        QTextCharFormat format;
    };
    QList<Range> unsafe;
    for (QTextBlock block = doc.begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            QTextCharFormat format = fragment.charFormat();
            if (!format.isAnchor() && format.anchorHref().isEmpty())
                continue;
            if (isFollowableLink(QUrl(format.anchorHref())))
                continue;
            format.setAnchor(false);
            format.clearProperty(QTextFormat::AnchorHref);
            format.clearForeground();
            format.setFontUnderline(false);
            unsafe.append({fragment.position(), fragment.position() + fragment.length(), format});
        }
    }
    // Changed after the walk: the fragments move under a change.
    QTextCursor cursor(&doc);
    for (const Range& range : std::as_const(unsafe)) {
        cursor.setPosition(range.start);
        cursor.setPosition(range.end, QTextCursor::KeepAnchor);
        cursor.setCharFormat(range.format);
    }
}

} // namespace

void setSafeMarkdown(QTextDocument& doc, const QString& markdown)
{
    QString escaped = markdown;
    escaped.replace(u'&', QStringLiteral("&amp;"))
        .replace(u'<', QStringLiteral("&lt;"))
        .replace(u'>', QStringLiteral("&gt;"));
    // No images: a post must not make the reader's machine fetch or open anything.
    escaped.replace(QStringLiteral("!["), QStringLiteral("!\\["));
    // One edit block around the import: without it Qt lays the paragraph out again after each
    // piece of text it adds (QTextCursor::insertText), so a line of 10,000 links or emphases
    // took minutes. The result is the same.
    QTextCursor edit(&doc);
    edit.beginEditBlock();
    doc.setMarkdown(escaped,
                    QTextDocument::MarkdownFeatures(QTextDocument::MarkdownDialectGitHub
                                                    | QTextDocument::MarkdownNoHTML));
    removeUnsafeLinks(doc);
    edit.endEditBlock();
}

bool isOpenableLink(const QUrl& url)
{
    const QString scheme = url.scheme().toLower();
    return url.isValid()
        && (scheme == QLatin1StringView("http") || scheme == QLatin1StringView("https")
            || scheme == QLatin1StringView("mailto"));
}

bool isFollowableLink(const QUrl& url)
{
    return isOpenableLink(url) || (url.isValid() && Navigator::isPleinLink(url));
}

} // namespace plein::app
