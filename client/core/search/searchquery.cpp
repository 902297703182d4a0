#include "searchquery.h"

namespace plein::client {

namespace {

bool isWordCharacter(QChar c)
{
    // unicode61's token characters: letters, numbers and private use; everything else
    // separates words.
    return c.isLetterOrNumber() || c.category() == QChar::Other_PrivateUse || c.isSurrogate();
}

} // namespace

QStringList SearchQuery::matchTerms(const QString& text)
{
    // Composed, so that an accent typed as a combining mark folds like a precomposed one.
    const QString normal = text.normalized(QString::NormalizationForm_C);
    struct Word
    {
        QString text;
        bool prefix = false;
    };
    QList<Word> words;
    QString word;
    for (QChar c : normal) {
        if (isWordCharacter(c)) {
            word.append(c);
            continue;
        }
        // A word with a star right after it is a prefix wherever it is ("dijk*").
        if (!word.isEmpty())
            words.append({std::exchange(word, {}), c == u'*'});
    }
    // A word still being typed (nothing after it) is a prefix too.
    if (!word.isEmpty())
        words.append({word, true});
    if (words.size() > maxTerms)
        words = words.mid(0, maxTerms);
    QStringList terms;
    for (const Word& w : std::as_const(words)) {
        const QString cut = w.text.left(maxTermLength);
        if (!w.prefix) {
            terms.append(u'"' + cut + u'"');
        } else if (cut.size() >= 2) {
            // One character as a prefix reads every word starting with it: wait for the next.
            terms.append(u'"' + cut + QStringLiteral("\"*"));
        }
    }
    return terms;
}

std::optional<QString> SearchQuery::matchExpression(const QString& text)
{
    const QStringList terms = matchTerms(text);
    if (terms.isEmpty())
        return std::nullopt;
    return terms.join(u' ');
}

QUrlQuery SearchQuery::toUrlQuery() const
{
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("q"), text);
    if (!kinds.isEmpty())
        q.addQueryItem(QStringLiteral("kind"), kinds.join(u','));
    if (groupId > 0)
        q.addQueryItem(QStringLiteral("group"), QString::number(groupId));
    if (authorId > 0)
        q.addQueryItem(QStringLiteral("from"), QString::number(authorId));
    if (from.isValid())
        q.addQueryItem(QStringLiteral("after"), from.toString(Qt::ISODate));
    if (to.isValid())
        q.addQueryItem(QStringLiteral("before"), to.toString(Qt::ISODate));
    return q;
}

SearchQuery SearchQuery::fromUrlQuery(const QUrlQuery& query)
{
    const auto value = [&](const char* key) {
        return query.queryItemValue(QLatin1StringView(key), QUrl::FullyDecoded);
    };
    const auto id = [&](const char* key) {
        bool ok = false;
        const qint64 v = value(key).toLongLong(&ok);
        return ok && v > 0 && v <= (qint64(1) << 53) ? v : 0;
    };
    SearchQuery q;
    q.text = value("q").left(1000);
    for (const QString& kind : value("kind").split(u',', Qt::SkipEmptyParts)) {
        const QString k = kind.trimmed().toLower();
        const bool plain = !k.isEmpty() && k.size() <= 32
            && std::all_of(k.cbegin(), k.cend(),
                           [](QChar c) { return (c >= u'a' && c <= u'z') || c == u'-'; });
        if (plain && !q.kinds.contains(k))
            q.kinds.append(k);
    }
    q.groupId = id("group");
    q.authorId = id("from");
    q.from = QDate::fromString(value("after"), Qt::ISODate);
    q.to = QDate::fromString(value("before"), Qt::ISODate);
    return q;
}

} // namespace plein::client
