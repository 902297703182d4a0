#include "markdown.h"

#include "shell/navigator.h"

#include <QTextDocument>
#include <QUrl>

namespace plein::app {

void setSafeMarkdown(QTextDocument& doc, const QString& markdown)
{
    QString escaped = markdown;
    escaped.replace(u'&', QStringLiteral("&amp;"))
        .replace(u'<', QStringLiteral("&lt;"))
        .replace(u'>', QStringLiteral("&gt;"));
    // No images: a post must not make the reader's machine fetch or open anything.
    escaped.replace(QStringLiteral("!["), QStringLiteral("!\\["));
    doc.setMarkdown(escaped,
                    QTextDocument::MarkdownFeatures(QTextDocument::MarkdownDialectGitHub
                                                    | QTextDocument::MarkdownNoHTML));
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
