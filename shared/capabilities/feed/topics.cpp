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
qsizetype runOf(const QList<uint>& s, qsizetype at, uint c)
{
    qsizetype n = 0;
    while (at + n < s.size() && s[at + n] == c)
        ++n;
    return n;
}

// Blanks out fenced code blocks (``` or ~~~ opening a line, up to three spaces in, closed by a
// run as long on a line of its own, or by the end of the text) and inline code spans (a run of
// backticks up to the next run of the same length; an unclosed run is plain text).
void blankCode(QList<uint>& s)
{
    qsizetype lineStart = 0;
    uint fence = 0;
    qsizetype fenceLength = 0;
    qsizetype textStart = 0; // where the text outside fences began
    auto blankSpans = [&s](qsizetype from, qsizetype to) {
        for (qsizetype i = from; i < to; ++i) {
            if (s[i] != U'`')
                continue;
            const qsizetype n = runOf(s, i, U'`');
            qsizetype j = i + n;
            qsizetype close = -1;
            while (j < to) {
                if (s[j] == U'`') {
                    const qsizetype m = runOf(s, j, U'`');
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
                s[k] = U' ';
            i = close + n - 1;
        }
    };
    while (lineStart <= s.size()) {
        qsizetype lineEnd = lineStart;
        while (lineEnd < s.size() && s[lineEnd] != U'\n')
            ++lineEnd;
        qsizetype at = lineStart;
        while (at < lineEnd && at - lineStart < 3 && s[at] == U' ')
            ++at;
        const uint c = at < lineEnd ? s[at] : 0;
        const qsizetype run = (c == U'`' || c == U'~') ? runOf(s, at, c) : 0;
        if (fence) {
            bool closes = c == fence && run >= fenceLength;
            for (qsizetype k = at + run; closes && k < lineEnd; ++k)
                closes = s[k] == U' ' || s[k] == U'\t' || s[k] == U'\r';
            for (qsizetype k = lineStart; k < lineEnd; ++k)
                s[k] = U' ';
            if (closes) {
                fence = 0;
                textStart = lineEnd;
            }
        } else if (run >= 3) {
            blankSpans(textStart, lineStart);
            fence = c;
            fenceLength = run;
            for (qsizetype k = lineStart; k < lineEnd; ++k)
                s[k] = U' ';
        }
        lineStart = lineEnd + 1;
    }
    if (!fence)
        blankSpans(textStart, s.size());
}

} // namespace

QStringList topicsIn(const QString& text)
{
    QStringList topics;
    if (!text.contains(u'#'))
        return topics;
    QList<uint> s = text.normalized(QString::NormalizationForm_C).toUcs4();
    blankCode(s);
    for (qsizetype i = 0; i < s.size() && topics.size() < maxTopicsPerPost; ++i) {
        if (s[i] != U'#' || (i > 0 && !mayPrecede(s[i - 1])))
            continue;
        qsizetype end = i + 1;
        while (end < s.size() && isWordChar(s[end]))
            ++end;
        const qsizetype wordEnd = end;
        while (end > i + 1 && s[end - 1] == U'-')
            --end;
        const qsizetype length = end - i - 1;
        bool letter = false;
        for (qsizetype k = i + 1; k < end && !letter; ++k)
            letter = QChar::isLetter(s[k]);
        if (letter && length >= minTopicLength && length <= maxTopicLength) {
            const QString topic
                = QString::fromUcs4(reinterpret_cast<const char32_t*>(s.constData()) + i + 1,
                                    length)
                      .toCaseFolded()
                      .normalized(QString::NormalizationForm_C);
            if (!topics.contains(topic))
                topics << topic;
        }
        i = wordEnd - 1;
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
