#include "capabilities/people/profilefields.h"

#include "capabilities/people/peopleprotocol.h"

#include <QHash>
#include <QSet>

namespace plein::protocol::people {

namespace {

// Unicode's default ignorable code points that are not format characters (Cf) or marks.
bool isOtherIgnorable(char32_t c)
{
    return c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0 || (c >= 0x180B && c <= 0x180F)
        || (c >= 0xFFF0 && c <= 0xFFF8) || (c >= 0xE0000 && c <= 0xE0FFF);
}

bool isRefusedFormat(char32_t c)
{
    if (c == 0x200C || c == 0x200D) // ZWNJ, ZWJ
        return false;
    return QChar::category(c) == QChar::Other_Format;
}

} // namespace

bool isCleanLine(const QString& text)
{
    for (const char32_t c : text.toUcs4()) {
        if (QChar::category(c) == QChar::Other_Control || isRefusedFormat(c))
            return false;
    }
    return true;
}

bool isCleanText(const QString& text)
{
    for (const char32_t c : text.toUcs4()) {
        if (c == u'\n' || c == u'\t')
            continue;
        if (QChar::category(c) == QChar::Other_Control || isRefusedFormat(c))
            return false;
    }
    return true;
}

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
    for (const char32_t c : decomposed.toUcs4()) {
        const QChar::Category category = QChar::category(c);
        if (category == QChar::Mark_NonSpacing || category == QChar::Mark_SpacingCombining
            || category == QChar::Mark_Enclosing || category == QChar::Other_Format
            || isOtherIgnorable(c))
            continue;
        if (c <= 0xFFFF) {
            if (const auto it = plain.constFind(QChar(c)); it != plain.cend()) {
                out += *it;
                continue;
            }
        }
        out += QString::fromUcs4(&c, 1);
    }
    return out.toCaseFolded();
}

QString nameKey(const QString& displayName)
{
    return folded(displayName);
}

QString searchKey(const QString& displayName, const QString& username, const QString& jobTitle)
{
    return folded(displayName + u' ' + username + u' ' + jobTitle).simplified();
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
        if (!isCleanLine(label) || label.contains(u',') || label.contains(u'#'))
            return makeError(ErrorCode::BadRequest,
                             QStringLiteral("a tag may not hold control or invisible formatting "
                                            "characters, ',' or '#'"));
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
