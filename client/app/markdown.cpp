#include "markdown.h"

#include "capabilities/feed/topics.h"
#include "pages/feed/cardstyle.h"
#include "shell/navigator.h"
#include "ui/codehighlighter.h"
#include "ui/theme.h"

#include <QCoreApplication>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QHash>
#include <QPalette>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>
#include <QUrl>
#include <QUrlQuery>

#include <algorithm>

namespace plein::app {

namespace {

// GitHub's dialect (tables, strikethrough, task lists, bare links) without raw HTML, and
// without md4c's underline extension that Qt adds to it (0x4000, MD_FLAG_UNDERLINE): on GitHub,
// Slack and Teams `_text_` is emphasis, and an underline looks like a link.
constexpr int md4cUnderline = 0x4000;
constexpr auto features = QTextDocument::MarkdownFeatures::fromInt(
    (int(QTextDocument::MarkdownDialectGitHub) & ~md4cUnderline)
    | int(QTextDocument::MarkdownNoHTML));

// Qt's reader makes a single newline a space (CommonMark's soft break) and a hard break ("two
// spaces, newline") a new paragraph. People expect a newline to be a line break, so each line
// of text gets this mark at its end before reading: it comes out as "mark, space" where the soft
// break was, and becomes a line break after. U+2008 PUNCTUATION SPACE because Markdown reads it
// as white space, so emphasis next to it keeps its meaning (`_x_` before a newline); one the
// author typed becomes a thin space, which looks the same.
constexpr char16_t breakMark = 0x2008;
constexpr char16_t thinSpace = 0x2009;

// A hostile post of 100,000 "@a" must not take 100,000 format changes.
constexpr int maxMentions = 1000;

// Code's subtle background: the text colour at this alpha over the card.
constexpr int codeBackgroundAlpha = 22;

bool isBlank(QChar c)
{
    return c == u' ' || c == u'\t';
}

// A fence of three or more backticks or tildes, indented by at most three spaces: its
// character and length, or {0, 0}.
std::pair<QChar, qsizetype> fenceOf(QStringView line)
{
    qsizetype i = 0;
    while (i < line.size() && i < 4 && line[i] == u' ')
        ++i;
    if (i > 3 || i == line.size() || (line[i] != u'`' && line[i] != u'~'))
        return {QChar(), 0};
    const QChar c = line[i];
    qsizetype n = 0;
    while (i + n < line.size() && line[i + n] == c)
        ++n;
    return n >= 3 ? std::pair {c, n} : std::pair {QChar(), qsizetype(0)};
}

// Whether a mark at the end of `line` would change what it is: a blank line, a code fence, a
// table row, a thematic break or setext underline, a link reference definition. Block quote
// markers and indentation come first; what follows them counts.
bool takesMark(QStringView line)
{
    qsizetype i = 0;
    while (i < line.size() && (isBlank(line[i]) || line[i] == u'>'))
        ++i;
    const QStringView content = line.sliced(i);
    if (content.isEmpty() || content.startsWith(u"```") || content.startsWith(u"~~~")
        || content.contains(u'|'))
        return false;
    if (std::all_of(content.begin(), content.end(), [](QChar c) {
            return isBlank(c) || c == u'-' || c == u'=' || c == u'*' || c == u'_';
        }))
        return false;
    return !(content.startsWith(u'[') && content.contains(u"]:"));
}

// The text with a breakMark at the end of each line of text that another line follows; code in
// fences keeps its lines as they are.
QString markLineBreaks(const QString& markdown)
{
    QString in = markdown;
    in.replace(QStringLiteral("\r\n"), QStringLiteral("\n")).replace(u'\r', u'\n');
    in.replace(QChar(breakMark), QChar(thinSpace));
    QString out;
    out.reserve(in.size() + in.size() / 16 + 1);
    QChar fence;
    qsizetype fenceLength = 0;
    qsizetype start = 0;
    while (start <= in.size()) {
        qsizetype end = in.indexOf(u'\n', start);
        const bool last = end < 0;
        if (last)
            end = in.size();
        QStringView line = QStringView(in).sliced(start, end - start);
        const auto [c, n] = fenceOf(line);
        bool mark = false;
        if (fenceLength > 0) {
            // A closing fence: the same character, at least as many, nothing but blanks after.
            if (c == fence && n >= fenceLength
                && std::all_of(line.begin() + line.indexOf(c) + n, line.end(), isBlank))
                fenceLength = 0;
        } else if (n > 0) {
            fence = c;
            fenceLength = n;
        } else {
            mark = !last && takesMark(line);
        }
        if (mark) {
            // Trailing blanks would make a hard break, which Qt reads as a new paragraph.
            while (!line.isEmpty() && isBlank(line.back()))
                line.chop(1);
            // So would a trailing backslash (outside indented code, where it is a character).
            qsizetype slashes = 0;
            while (slashes < line.size() && line[line.size() - 1 - slashes] == u'\\')
                ++slashes;
            if (slashes % 2 == 1 && !line.startsWith(u"    ") && !line.startsWith(u'\t'))
                line.chop(1);
            out += line;
            out += QChar(breakMark);
        } else {
            out += line;
        }
        if (last)
            break;
        out += u'\n';
        start = end + 1;
    }
    return out;
}

// The characters of a username (see protocol::mentionedUsernames, whose rule this follows).
bool isNameChar(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')
        || c == u'.' || c == u'_' || c == u'-';
}

bool isCodeBlock(const QTextBlockFormat& format)
{
    return format.hasProperty(QTextFormat::BlockCodeFence)
        || format.hasProperty(QTextFormat::BlockCodeLanguage);
}

QColor paletteColour(QPalette::ColorRole role, int alpha = 255)
{
    QColor c = QGuiApplication::palette().color(role);
    c.setAlpha(alpha);
    return c;
}

// What the walk over the document found to change. Formats are changed first (they move
// nothing), then the text, from the end, so that the positions found stay right.
struct Changes
{
    struct Format
    {
        int start = 0;
        int end = 0;
        QTextCharFormat format;
        bool replace = false; // set instead of merged
    };
    struct Text
    {
        int start = 0;
        int end = 0;
        QString text;
        QTextCharFormat format;
        bool formatted = false;
    };
    QList<Format> formats;
    QList<Text> texts;
    QList<QTextBlock> codeBlocks;
    int mentions = 0;
};

// A link that may not be followed (javascript:, file:, data:, a relative path…) shows as its
// words, without the anchor or the look of a link, whatever Markdown form made it.
QTextCharFormat withoutLink(QTextCharFormat format)
{
    format.setAnchor(false);
    format.clearProperty(QTextFormat::AnchorHref);
    format.clearProperty(QTextFormat::AnchorName);
    format.clearForeground();
    format.setFontUnderline(false);
    return format;
}

bool isLink(const QTextCharFormat& format)
{
    return format.isAnchor() || !format.anchorHref().isEmpty();
}

// An image shows as its description: never loaded, and a link to it when that may be followed.
Changes::Text imageAsText(const QTextFragment& fragment, int offset)
{
    const QTextImageFormat image = fragment.charFormat().toImageFormat();
    QTextCharFormat format = image;
    for (int property :
         {int(QTextFormat::ObjectType), int(QTextFormat::ImageName), int(QTextFormat::ImageAltText),
          int(QTextFormat::ImageTitle), int(QTextFormat::ImageWidth), int(QTextFormat::ImageHeight),
          int(QTextFormat::ImageQuality)})
        format.clearProperty(property);
    const QString source = image.name();
    QString text = image.property(QTextFormat::ImageAltText).toString().trimmed();
    if (text.isEmpty())
        text = source;
    if (!isLink(format) && isFollowableLink(QUrl(source))) {
        format.setAnchor(true);
        format.setAnchorHref(source);
        format.setForeground(paletteColour(QPalette::Link));
        format.setFontUnderline(true);
    }
    if (isLink(format) && !isFollowableLink(QUrl(format.anchorHref())))
        format = withoutLink(format);
    const int at = fragment.position() + offset;
    return {at, at + 1, text.isEmpty() ? QStringLiteral(" ") : text, format, true};
}

// The marks of markLineBreaks in a fragment: a line break where the soft break was, nothing at
// the end of a block (a heading, a paragraph before a list, a line of code).
void findMarks(const QTextFragment& fragment, const QTextBlock& block, const QString& blockText,
               Changes& changes)
{
    const QString text = fragment.text();
    for (qsizetype i = text.indexOf(QChar(breakMark)); i >= 0;
         i = text.indexOf(QChar(breakMark), i + 1)) {
        const int at = fragment.position() + int(i);
        qsizetype next = at - block.position() + 1;
        while (next < blockText.size() && blockText[next] == u' ')
            ++next;
        const int end = block.position() + int(next);
        if (next == blockText.size())
            changes.texts.append({at, end, QString(), QTextCharFormat(), false});
        else if (end > at + 1)
            changes.texts.append(
                {at, at + 2, QString(QChar::LineSeparator), QTextCharFormat(), false});
        else // one the author wrote as an entity (&#x2008;)
            changes.texts.append({at, at + 1, QString(QChar(thinSpace)), QTextCharFormat(), false});
    }
}

// @mentions in a block's text, outside code and links: the reader's stand out more than others'.
void findMentions(const QTextBlock& block, const QString& text,
                  const QList<std::pair<int, int>>& skipped, const QString& reader,
                  Changes& changes)
{
    qsizetype next = 0;
    for (qsizetype i = text.indexOf(u'@'); i >= 0 && changes.mentions < maxMentions;
         i = text.indexOf(u'@', i + 1)) {
        if (i > 0 && (isNameChar(text[i - 1]) || text[i - 1] == u'@'))
            continue;
        qsizetype end = i + 1;
        while (end < text.size() && isNameChar(text[end]))
            ++end;
        // A trailing '.' or '-' ends the sentence, not the name.
        while (end > i + 1 && (text[end - 1] == u'.' || text[end - 1] == u'-'))
            --end;
        const qsizetype length = end - i - 1;
        if (length < 1 || length > 64)
            continue;
        const int start = block.position() + int(i);
        // Both in the order of the text: the ranges before this @ are behind us for good.
        while (next < skipped.size() && skipped[next].second <= start)
            ++next;
        if (next < skipped.size() && skipped[next].first <= start)
            continue;
        const bool mine = !reader.isEmpty()
            && QStringView(text).sliced(i + 1, length).compare(reader, Qt::CaseInsensitive) == 0;
        QTextCharFormat format;
        if (mine) {
            // Like Slack's: the reader sees at a glance where they are called.
            format.setFontWeight(QFont::Bold);
            format.setBackground(QColor(0xf2, 0xc0, 0x3c, 110));
        } else {
            format.setFontWeight(QFont::DemiBold);
            format.setForeground(paletteColour(QPalette::Link));
        }
        changes.formats.append({start, block.position() + int(end), format, false});
        ++changes.mentions;
        i = end - 1;
    }
}

// #topics in a block's text, outside code and links: links to the topic's page.
void findTopics(const QTextBlock& block, const QString& text,
                const QList<std::pair<int, int>>& skipped, Changes& changes)
{
    qsizetype next = 0;
    int count = 0;
    for (const protocol::TopicMatch& m : protocol::topicMatches(text)) {
        if (++count > maxMentions)
            break;
        const int start = block.position() + int(m.start);
        while (next < skipped.size() && skipped[next].second <= start)
            ++next;
        if (next < skipped.size() && skipped[next].first <= start)
            continue;
        QTextCharFormat format;
        format.setAnchor(true);
        format.setAnchorHref(topicLink(m.topic).toString(QUrl::FullyEncoded));
        format.setForeground(paletteColour(QPalette::Link));
        changes.formats.append({start, block.position() + int(m.end), format, false});
    }
}

Changes findChanges(const QTextDocument& doc, const QString& reader)
{
    Changes changes;
    QList<std::pair<int, int>> skipped;
    for (QTextBlock block = doc.begin(); block.isValid(); block = block.next()) {
        const bool code = isCodeBlock(block.blockFormat());
        if (code)
            changes.codeBlocks.append(block);
        const QString text = block.text();
        skipped.clear();
        bool maybeMention = false;
        bool maybeTopic = false;
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            const QTextCharFormat format = fragment.charFormat();
            const int start = fragment.position();
            const int end = start + fragment.length();
            if (format.isImageFormat()) {
                // Images side by side with the same format are one fragment.
                for (int i = 0; i < fragment.length(); ++i)
                    changes.texts.append(imageAsText(fragment, i));
                continue;
            }
            const bool link = isLink(format);
            if (link && !isFollowableLink(QUrl(format.anchorHref())))
                changes.formats.append({start, end, withoutLink(format), true});
            if (!code && format.fontFixedPitch()) {
                QTextCharFormat inlineCode;
                inlineCode.setFontFamilies(
                    QFontDatabase::systemFont(QFontDatabase::FixedFont).families());
                inlineCode.setBackground(paletteColour(QPalette::Text, codeBackgroundAlpha));
                changes.formats.append({start, end, inlineCode, false});
            }
            if (link || code || format.fontFixedPitch())
                skipped.append({start, end});
            else {
                maybeMention = maybeMention || fragment.text().contains(u'@');
                maybeTopic = maybeTopic || fragment.text().contains(u'#');
            }
            findMarks(fragment, block, text, changes);
        }
        if (maybeMention)
            findMentions(block, text, skipped, reader, changes);
        if (maybeTopic && !code)
            findTopics(block, text, skipped, changes);
    }
    return changes;
}

// Code blocks: the fixed font on a subtle background, wrapped like the rest (Qt's reader makes
// their lines unbreakable, which cut them off at the right edge).
void styleCode(QTextCursor& cursor, const QList<QTextBlock>& blocks)
{
    if (blocks.isEmpty())
        return;
    QTextCharFormat font;
    font.setFontFamilies(QFontDatabase::systemFont(QFontDatabase::FixedFont).families());
    font.setFontFixedPitch(true);
    const QColor background = paletteColour(QPalette::Text, codeBackgroundAlpha);
    for (const QTextBlock& block : blocks) {
        QTextBlockFormat format = block.blockFormat();
        format.setNonBreakableLines(false);
        format.setBackground(background);
        format.setLeftMargin(6);
        format.setRightMargin(6);
        cursor.setPosition(block.position());
        cursor.setBlockFormat(format);
        cursor.setPosition(block.position() + block.length() - 1, QTextCursor::KeepAnchor);
        cursor.mergeCharFormat(font);
    }
}

void apply(QTextDocument& doc, Changes& changes)
{
    QTextCursor cursor(&doc);
    styleCode(cursor, changes.codeBlocks);
    // Links taken away first: mentions and code are merged into what remains.
    std::stable_partition(changes.formats.begin(), changes.formats.end(),
                          [](const Changes::Format& f) { return f.replace; });
    for (const Changes::Format& f : std::as_const(changes.formats)) {
        cursor.setPosition(f.start);
        cursor.setPosition(f.end, QTextCursor::KeepAnchor);
        if (f.replace)
            cursor.setCharFormat(f.format);
        else
            cursor.mergeCharFormat(f.format);
    }
    std::sort(changes.texts.begin(), changes.texts.end(),
              [](const Changes::Text& a, const Changes::Text& b) { return a.start > b.start; });
    for (const Changes::Text& t : std::as_const(changes.texts)) {
        cursor.setPosition(t.start);
        cursor.setPosition(t.end, QTextCursor::KeepAnchor);
        if (t.formatted)
            cursor.insertText(t.text, t.format);
        else if (t.text.isEmpty())
            cursor.removeSelectedText();
        else
            cursor.insertText(t.text);
    }
}

// ---- Code blocks: highlighting and the caption with Copy ----------------------------------

// On a caption block: the index of the code block it belongs to.
constexpr int captionProperty = QTextFormat::UserProperty + 0x70c;
// The layouts a document waits for (CodeHighlighter keys), as a QStringList property.
constexpr char waitingProperty[] = "plein-code-waiting";
// A hostile post of thousands of tiny code blocks must not start thousands of runs.
constexpr int maxHighlighted = 40;
constexpr int maxCaptions = 200;
constexpr qsizetype maxShownLanguage = 24;

const QString copyScheme = QStringLiteral("plein-copy:");

QString copyText(bool copied)
{
    return copied ? QCoreApplication::translate("plein::app::CodeBlock", "Copied")
                  : QCoreApplication::translate("plein::app::CodeBlock", "Copy");
}

// One code block: its lines are consecutive blocks of the document with one fence and
// language; block separators stand where the code has its newlines, so a position in `text` is
// `position` plus that offset.
struct CodeGroup
{
    int position = 0;
    QString fence;
    QString language;
    QString text;
};

QList<CodeGroup> codeGroups(const QTextDocument& doc)
{
    QList<CodeGroup> groups;
    bool open = false;
    for (QTextBlock block = doc.begin(); block.isValid(); block = block.next()) {
        const QTextBlockFormat format = block.blockFormat();
        if (!isCodeBlock(format)) {
            open = false;
            continue;
        }
        const QString fence = format.stringProperty(QTextFormat::BlockCodeFence);
        const QString language = format.stringProperty(QTextFormat::BlockCodeLanguage);
        if (open && groups.last().fence == fence && groups.last().language == language) {
            groups.last().text += u'\n';
            groups.last().text += block.text();
        } else {
            groups.append({block.position(), fence, language, block.text()});
            open = true;
        }
    }
    return groups;
}

void applySpans(QTextCursor& cursor, const CodeGroup& group, const QList<CodeSpan>& spans)
{
    // The themes are made for white and near-black pages; on the code's grey some colours (the
    // dark theme's comments) fall short of 4.5:1, and are moved toward the text colour until
    // they read.
    const QColor text = paletteColour(QPalette::Text);
    const QColor background
        = cardstyle::mix(paletteColour(QPalette::Base), text, codeBackgroundAlpha / 255.0);
    QHash<QRgb, QColor> readable;
    const int length = int(group.text.size());
    for (const CodeSpan& span : spans) {
        const int start = std::clamp(span.start, 0, length);
        const int end = std::clamp(span.start + span.length, start, length);
        if (end == start)
            continue;
        QTextCharFormat format;
        if (span.hasColour) {
            auto it = readable.find(span.colour);
            if (it == readable.end())
                it = readable.insert(
                    span.colour,
                    cardstyle::readable(QColor::fromRgb(span.colour), background, text, 4.5));
            format.setForeground(*it);
        }
        if (span.bold)
            format.setFontWeight(QFont::Bold);
        if (span.italic)
            format.setFontItalic(true);
        if (span.underline)
            format.setFontUnderline(true);
        cursor.setPosition(group.position + start);
        cursor.setPosition(group.position + end, QTextCursor::KeepAnchor);
        cursor.mergeCharFormat(format);
    }
}

// A line above the code on the code's background: its language, muted, and Copy (a link to
// `plein-copy:<n>` that the views handle), at the right like GitHub's copy button.
void insertCaption(QTextDocument& doc, QTextCursor& cursor, const CodeGroup& group, int n)
{
    const QTextBlock first = doc.findBlock(group.position);
    const QTextBlockFormat code = first.blockFormat();
    // The first line moves into a new block of its own; the empty one left before it becomes
    // the caption.
    cursor.setPosition(group.position);
    cursor.insertBlock(code, first.charFormat());
    QTextBlockFormat caption = code;
    caption.clearProperty(QTextFormat::BlockCodeFence);
    caption.clearProperty(QTextFormat::BlockCodeLanguage);
    caption.setNonBreakableLines(false);
    caption.setAlignment(Qt::AlignRight);
    caption.setTopMargin(2);
    caption.setProperty(captionProperty, n);
    cursor.setPosition(group.position);
    cursor.setBlockFormat(caption);
    QTextCharFormat muted;
    // A little smaller than the text: it labels the code, it is not part of it.
    muted.setFontPointSize(doc.defaultFont().pointSizeF() * 0.9);
    muted.setForeground(paletteColour(QPalette::Text, 150));
    cursor.setBlockCharFormat(muted);
    // Only a plain name: the fence's words are the author's, and a caption is no place for
    // direction marks or a paragraph of text.
    QString language = group.language.trimmed();
    if (CodeHighlighter::definitionName(language).isEmpty())
        language.clear();
    if (language.size() > maxShownLanguage)
        language = language.first(maxShownLanguage - 1) + QChar(0x2026);
    if (!language.isEmpty())
        cursor.insertText(language + QStringLiteral("  \u00b7  "), muted);
    QTextCharFormat link = muted;
    link.setAnchor(true);
    link.setAnchorHref(copyScheme + QString::number(n));
    link.setForeground(paletteColour(QPalette::Link));
    cursor.insertText(copyText(false), link);
}

// With the app's highlighter: colours where they are known (the others are asked for and the
// document says it waits for them), and a caption on each block.
void decorateCode(QTextDocument& doc, CodeHighlighter& highlighter)
{
    const QList<CodeGroup> groups = codeGroups(doc);
    if (groups.isEmpty())
        return;
    QTextCursor cursor(&doc);
    const bool dark = theme::isDark();
    QStringList waiting;
    for (qsizetype i = 0; i < std::min<qsizetype>(groups.size(), maxHighlighted); ++i) {
        QString key;
        const std::optional<QList<CodeSpan>> spans
            = highlighter.lookup(groups[i].language, groups[i].text, dark, &key);
        if (spans)
            applySpans(cursor, groups[i], *spans);
        else
            waiting.append(key);
    }
    // From the last: a caption moves what follows it.
    for (qsizetype i = std::min<qsizetype>(groups.size(), maxCaptions) - 1; i >= 0; --i)
        insertCaption(doc, cursor, groups[i], int(i));
    if (!waiting.isEmpty())
        doc.setProperty(waitingProperty, waiting);
}

} // namespace

void setSafeMarkdown(QTextDocument& doc, const QString& markdown, const QString& reader)
{
    // One edit block around the import: without it Qt lays the paragraph out again after each
    // piece of text it adds (QTextCursor::insertText), so a line of 10,000 links or emphases
    // took minutes. Images are made text inside it, before anything is laid out or painted.
    QTextCursor edit(&doc);
    edit.beginEditBlock();
    doc.setMarkdown(markLineBreaks(markdown), features);
    Changes changes = findChanges(doc, reader);
    apply(doc, changes);
    doc.setProperty(waitingProperty, QVariant());
    if (CodeHighlighter* highlighter = CodeHighlighter::instance())
        decorateCode(doc, *highlighter);
    // A long word, link or line of code wraps anywhere rather than running off the edge.
    QTextOption option = doc.defaultTextOption();
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    doc.setDefaultTextOption(option);
    edit.endEditBlock();
}

int codeBlockCount(const QTextDocument& doc)
{
    return int(codeGroups(doc).size());
}

QString codeBlockText(const QTextDocument& doc, int n)
{
    const QList<CodeGroup> groups = codeGroups(doc);
    return n >= 0 && n < groups.size() ? groups[n].text : QString();
}

int copyAnchorIndex(const QString& anchor)
{
    if (!anchor.startsWith(copyScheme))
        return -1;
    bool ok = false;
    const int n = QStringView(anchor).sliced(copyScheme.size()).toInt(&ok);
    return ok && n >= 0 ? n : -1;
}

void setCodeCopied(QTextDocument& doc, int n, bool copied)
{
    const QString href = copyScheme + QString::number(n);
    for (QTextBlock block = doc.begin(); block.isValid(); block = block.next()) {
        if (block.blockFormat().property(captionProperty) != QVariant(n))
            continue;
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextFragment fragment = it.fragment();
            if (fragment.charFormat().anchorHref() != href)
                continue;
            QTextCursor cursor(&doc);
            cursor.setPosition(fragment.position());
            cursor.setPosition(fragment.position() + fragment.length(), QTextCursor::KeepAnchor);
            cursor.insertText(copyText(copied), fragment.charFormat());
            return;
        }
    }
}

bool waitsForHighlight(const QTextDocument& doc, const QString& key)
{
    return doc.property(waitingProperty).toStringList().contains(key);
}

namespace {

// A mailto: link may fill in the mail (to, cc, subject, body) but not make the mail program do
// more: some honour "attach=/home/…/file" and would send a local file along.
bool isHarmlessMailto(const QUrl& url)
{
    const QUrlQuery query(url);
    for (const auto& [key, value] : query.queryItems()) {
        Q_UNUSED(value);
        const QString k = key.toLower();
        if (k != QLatin1StringView("subject") && k != QLatin1StringView("body")
            && k != QLatin1StringView("cc") && k != QLatin1StringView("bcc")
            && k != QLatin1StringView("to"))
            return false;
    }
    return true;
}

} // namespace

bool isOpenableLink(const QUrl& url)
{
    if (!url.isValid())
        return false;
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1StringView("mailto"))
        return isHarmlessMailto(url);
    return scheme == QLatin1StringView("http") || scheme == QLatin1StringView("https");
}

bool isFollowableLink(const QUrl& url)
{
    return isOpenableLink(url) || (url.isValid() && Navigator::isPleinLink(url));
}

QUrl topicLink(const QString& topic)
{
    return Navigator::link(QStringLiteral("topic"), QUrlQuery {{QStringLiteral("name"), topic}});
}

} // namespace plein::app
