#include "capabilities/search/snippet.h"

#include <QRegularExpression>

namespace plein::server {

namespace {

const QRegularExpression& wordPattern()
{
    // Combining marks belong to their letter ("cafe\u0301" is one word).
    static const QRegularExpression w(QStringLiteral("[\\p{L}\\p{M}\\p{N}]+"));
    return w;
}

bool matches(const QString& folded, const SearchTerms& terms)
{
    for (qsizetype i = 0; i < terms.folded.size(); ++i) {
        const QString& t = terms.folded[i];
        // A word matches its stems' relatives too on PostgreSQL ("dijken" for "dijk"): every
        // word that starts with a search word is marked.
        if (folded == t
            || (folded.startsWith(t) && (t.size() >= 3 || i + 1 == terms.folded.size())))
            return true;
    }
    return false;
}

} // namespace

QString foldForSearch(const QString& word)
{
    QString out;
    const QString decomposed = word.normalized(QString::NormalizationForm_D);
    out.reserve(decomposed.size());
    for (QChar c : decomposed) {
        const auto category = c.category();
        if (category == QChar::Mark_NonSpacing || category == QChar::Mark_SpacingCombining
            || category == QChar::Mark_Enclosing)
            continue;
        out += c;
    }
    return out.toLower();
}

SearchTerms SearchTerms::parse(const QString& text, int maxWords)
{
    SearchTerms terms;
    auto it = wordPattern().globalMatch(text);
    while (it.hasNext() && terms.words.size() < maxWords) {
        const QString word
            = it.next().captured().normalized(QString::NormalizationForm_C).toLower();
        const QString folded = foldForSearch(word);
        if (!folded.isEmpty() && !terms.folded.contains(folded)) {
            terms.words << word;
            terms.folded << folded;
        }
    }
    // "as you type": a query that does not end in a space or punctuation ends in a word being
    // typed. One letter would match too much.
    terms.lastIsPrefix = !terms.words.isEmpty() && !text.isEmpty()
        && (text.back().isLetterOrNumber() || text.back().isMark())
        && terms.folded.last().size() >= 2;
    return terms;
}

Snippet Snippet::of(const QString& body, const SearchTerms& terms, int aroundChars)
{
    // The text as read: no emphasis or code marks, white space collapsed.
    QString plain;
    plain.reserve(body.size());
    bool space = false;
    for (QChar c : body) {
        if (c == u'*' || c == u'`')
            continue;
        if (c.isSpace()) {
            space = !plain.isEmpty();
            continue;
        }
        if (space)
            plain += u' ';
        space = false;
        plain += c;
    }

    QList<std::pair<qsizetype, qsizetype>> all;
    auto it = wordPattern().globalMatch(plain);
    while (it.hasNext()) {
        const auto m = it.next();
        if (matches(foldForSearch(m.captured()), terms))
            all.append({m.capturedStart(), m.capturedLength()});
    }

    Snippet s;
    qsizetype from = 0;
    qsizetype to = plain.size();
    if (plain.size() > aroundChars) {
        // A window that starts a little before the first match, at a word's start if one is
        // near (text without spaces, CJK or a long link, is cut where it is), never inside a
        // surrogate pair.
        const qsizetype first = all.isEmpty() ? 0 : all.first().first;
        from = std::max<qsizetype>(0, first - aroundChars / 4);
        for (qsizetype back = 0; from > 0 && back < 20 && !plain[from - 1].isSpace(); ++back)
            --from;
        if (from > 0 && plain[from].isLowSurrogate())
            --from;
        to = std::min(plain.size(), from + aroundChars);
        while (to < plain.size() && !plain[to].isSpace() && to - from < aroundChars + 20)
            ++to;
        if (to < plain.size() && plain[to].isLowSurrogate())
            ++to;
    }
    const bool cutStart = from > 0;
    const bool cutEnd = to < plain.size();
    const qsizetype shift = cutStart ? 1 : 0;
    s.text = (cutStart ? QStringLiteral("…") : QString()) + plain.mid(from, to - from)
        + (cutEnd ? QStringLiteral("…") : QString());
    for (const auto& [start, length] : all) {
        if (start >= from && start + length <= to)
            s.marks.append({start - from + shift, length});
    }
    return s;
}

QJsonArray Snippet::marksJson() const
{
    QJsonArray out;
    for (const auto& [start, length] : marks)
        out.append(QJsonArray {qint64(start), qint64(length)});
    return out;
}

} // namespace plein::server
