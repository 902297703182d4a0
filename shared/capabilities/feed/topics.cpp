#include "capabilities/feed/topics.h"

#include <QChar>
#include <QList>

namespace plein::protocol {

namespace {

constexpr int minTopicLength = 2;
constexpr int maxTopicLength = 50;

bool isWordChar(uint c)
{
    return QChar::isLetterOrNumber(c) || QChar::category(c) == QChar::Mark_NonSpacing
        || QChar::category(c) == QChar::Mark_SpacingCombining || c == U'_' || c == U'-';
}

// Whether a '#' after `c` may start a topic.
bool mayPrecede(uint c)
{
    return !(QChar::isLetterOrNumber(c) || c == U'/' || c == U'&' || c == U'\\' || c == U'#');
}

// How many times `c` repeats from `at`.
qsizetype runOf(const QString& s, qsizetype at, char16_t c)
{
    qsizetype n = 0;
    while (at + n < s.size() && s[at + n] == c)
        ++n;
    return n;
}

// Blanks out fenced code blocks (``` or ~~~ opening a line, up to three spaces in, closed by a
// run as long on a line of its own, or by the end of the text) and inline code spans (a run of
// backticks up to the next run of the same length; an unclosed run is plain text).
void blankCode(QString& s)
{
    qsizetype lineStart = 0;
    char16_t fence = 0;
    qsizetype fenceLength = 0;
    qsizetype textStart = 0; // where the text outside fences began
    auto blankSpans = [&s](qsizetype from, qsizetype to) {
        for (qsizetype i = from; i < to; ++i) {
            if (s[i] != u'`')
                continue;
            const qsizetype n = runOf(s, i, u'`');
            qsizetype j = i + n;
            qsizetype close = -1;
            while (j < to) {
                if (s[j] == u'`') {
                    const qsizetype m = runOf(s, j, u'`');
                    if (m == n) {
                        close = j;
                        break;
                    }
                    j += m;
                } else {
                    ++j;
                }
            }
            if (close < 0) {
                i += n - 1;
                continue;
            }
            for (qsizetype k = i; k < close + n; ++k)
                s[k] = u' ';
            i = close + n - 1;
        }
    };
    while (lineStart <= s.size()) {
        qsizetype lineEnd = lineStart;
        while (lineEnd < s.size() && s[lineEnd] != u'\n')
            ++lineEnd;
        qsizetype at = lineStart;
        while (at < lineEnd && at - lineStart < 3 && s[at] == u' ')
            ++at;
        const char16_t c = at < lineEnd ? s[at].unicode() : 0;
        const qsizetype run = (c == u'`' || c == u'~') ? runOf(s, at, c) : 0;
        if (fence) {
            bool closes = c == fence && run >= fenceLength;
            for (qsizetype k = at + run; closes && k < lineEnd; ++k)
                closes = s[k] == u' ' || s[k] == u'\t' || s[k] == u'\r';
            for (qsizetype k = lineStart; k < lineEnd; ++k)
                s[k] = u' ';
            if (closes) {
                fence = 0;
                textStart = lineEnd;
            }
        } else if (run >= 3) {
            blankSpans(textStart, lineStart);
            fence = c;
            fenceLength = run;
            for (qsizetype k = lineStart; k < lineEnd; ++k)
                s[k] = u' ';
        }
        lineStart = lineEnd + 1;
    }
    if (!fence)
        blankSpans(textStart, s.size());
}

} // namespace

QList<TopicMatch> topicMatches(const QString& text)
{
    QList<TopicMatch> found;
    // Code points, with the UTF-16 position each starts at.
    const auto at = [&text](qsizetype i) -> std::pair<uint, qsizetype> {
        if (text[i].isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate())
            return {QChar::surrogateToUcs4(text[i], text[i + 1]), 2};
        return {text[i].unicode(), 1};
    };
    const auto before = [&text](qsizetype i) -> uint {
        if (i >= 2 && text[i - 1].isLowSurrogate() && text[i - 2].isHighSurrogate())
            return QChar::surrogateToUcs4(text[i - 2], text[i - 1]);
        return text[i - 1].unicode();
    };
    for (qsizetype i = text.indexOf(u'#'); i >= 0; i = text.indexOf(u'#', i + 1)) {
        if (i > 0 && !mayPrecede(before(i)))
            continue;
        qsizetype end = i + 1;
        int length = 0;
        int lengthToLastNonDash = 0;
        qsizetype endToLastNonDash = end;
        bool letter = false;
        while (end < text.size()) {
            const auto [c, width] = at(end);
            if (!isWordChar(c))
                break;
            end += width;
            ++length;
            if (c != U'-') {
                lengthToLastNonDash = length;
                endToLastNonDash = end;
                letter = letter || QChar::isLetter(c);
            }
        }
        // A trailing '-' ends the sentence, not the word.
        if (letter && lengthToLastNonDash >= minTopicLength
            && lengthToLastNonDash <= maxTopicLength) {
            const QString topic = text.mid(i + 1, endToLastNonDash - i - 1)
                                      .toCaseFolded()
                                      .normalized(QString::NormalizationForm_C);
            found.append({i, endToLastNonDash, topic});
        }
        i = end - 1;
    }
    return found;
}

QStringList topicsIn(const QString& text)
{
    QStringList topics;
    if (!text.contains(u'#'))
        return topics;
    QString s = text.normalized(QString::NormalizationForm_C);
    blankCode(s);
    for (const TopicMatch& m : topicMatches(s)) {
        if (!topics.contains(m.topic))
            topics << m.topic;
        if (topics.size() == maxTopicsPerPost)
            break;
    }
    return topics;
}

bool isValidTopic(const QString& topic)
{
    if (topic.isEmpty() || topic.size() > 4 * maxTopicLength)
        return false;
    const QStringList found = topicsIn(u'#' + topic);
    return found.size() == 1 && found.first() == topic;
}

} // namespace plein::protocol
