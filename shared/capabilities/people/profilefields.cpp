#include "capabilities/people/profilefields.h"

#include "capabilities/people/peopleprotocol.h"

#include <QHash>
#include <QSet>

namespace plein::protocol::people {

QString folded(const QString& text)
{
    // Letters that do not decompose into a base letter and an accent.
    static const QHash<QChar, QString> plain {
        {u'ø', QStringLiteral("o")},  {u'Ø', QStringLiteral("o")},  {u'ł', QStringLiteral("l")},
        {u'Ł', QStringLiteral("l")},  {u'đ', QStringLiteral("d")},  {u'Đ', QStringLiteral("d")},
        {u'ß', QStringLiteral("ss")}, {u'æ', QStringLiteral("ae")}, {u'Æ', QStringLiteral("ae")},
        {u'œ', QStringLiteral("oe")}, {u'Œ', QStringLiteral("oe")}, {u'ı', QStringLiteral("i")},
    };
    const QString decomposed = text.normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    for (const QChar c : decomposed) {
        const QChar::Category category = c.category();
        if (category == QChar::Mark_NonSpacing || category == QChar::Mark_SpacingCombining
            || category == QChar::Mark_Enclosing)
            continue;
        if (const auto it = plain.constFind(c); it != plain.cend())
            out += *it;
        else
            out += c;
    }
    return out.toCaseFolded();
}

Result<QList<Tag>> normaliseTags(const QStringList& tags)
{
    if (tags.size() > maxTags)
        return makeError(ErrorCode::TooLarge,
                         QStringLiteral("a profile has at most %1 tags of a kind").arg(maxTags));
    QList<Tag> out;
    QSet<QString> keys;
    for (const QString& given : tags) {
        const QString label = given.simplified();
        if (label.isEmpty())
            continue;
        if (label.size() > maxTagChars)
            return makeError(ErrorCode::TooLarge,
                             QStringLiteral("a tag has at most %1 characters: '%2'")
                                 .arg(maxTagChars)
                                 .arg(label));
        for (const QChar c : label) {
            if (c.category() == QChar::Other_Control || c == u',' || c == u'#')
                return makeError(
                    ErrorCode::BadRequest,
                    QStringLiteral("a tag may not hold control characters, ',' or '#': '%1'")
                        .arg(label));
        }
        const QString key = folded(label);
        if (keys.contains(key))
            continue;
        keys.insert(key);
        out.append(Tag {label, key});
    }
    return out;
}

bool isValidPhone(const QString& phone)
{
    for (const QChar c : phone) {
        if (!(c.isDigit() && c.unicode() < 128) && !QStringView(u" +()-./").contains(c))
            return false;
    }
    return true;
}

} // namespace plein::protocol::people
