#include "capabilities/feed/mentions.h"

#include <QRegularExpression>

namespace plein::protocol {

namespace {

bool isNameChar(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9')
        || c == u'.' || c == u'_' || c == u'-';
}

} // namespace

bool isValidUsername(const QString& username)
{
    static const QRegularExpression re(QStringLiteral("^[a-z0-9._-]{1,64}$"));
    return re.match(username).hasMatch();
}

QStringList mentionedUsernames(const QString& text)
{
    QStringList names;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] != u'@' || (i > 0 && (isNameChar(text[i - 1]) || text[i - 1] == u'@')))
            continue;
        qsizetype end = i + 1;
        while (end < text.size() && isNameChar(text[end]))
            ++end;
        // A trailing '.' or '-' ends the sentence, not the name.
        while (end > i + 1 && (text[end - 1] == u'.' || text[end - 1] == u'-'))
            --end;
        const qsizetype len = end - i - 1;
        if (len >= 1 && len <= 64) {
            const QString name = text.mid(i + 1, len).toLower();
            if (!names.contains(name))
                names << name;
        }
        i = end - 1;
    }
    return names;
}

} // namespace plein::protocol
