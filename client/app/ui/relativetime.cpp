#include "ui/relativetime.h"

#include <QCoreApplication>
#include <QList>

#include <algorithm>
#include <functional>

namespace plein::app::relativetime {

namespace {

// A piece of a QLocale date format: a field ("d", "MMMM", "yyyy") or literal text between.
struct Token
{
    QString text;
    bool field = false;
};

QList<Token> tokenize(const QString& format)
{
    QList<Token> tokens;
    const auto literal = [&tokens]() -> QString& {
        if (tokens.isEmpty() || tokens.constLast().field)
            tokens.append(Token {});
        return tokens.last().text;
    };
    for (qsizetype i = 0; i < format.size();) {
        const QChar c = format.at(i);
        if (c == u'\'') {
            // Quoted text; '' is a quote.
            qsizetype end = i + 1;
            QString quoted;
            while (end < format.size()) {
                if (format.at(end) == u'\'') {
                    if (end + 1 < format.size() && format.at(end + 1) == u'\'') {
                        quoted += u'\'';
                        end += 2;
                        continue;
                    }
                    break;
                }
                quoted += format.at(end++);
            }
            literal() += quoted.isEmpty() && end == i + 1 ? QStringLiteral("'") : quoted;
            i = end + 1;
        } else if (c.isLetter() && c.unicode() < 128) {
            qsizetype end = i;
            while (end < format.size() && format.at(end) == c)
                ++end;
            tokens.append(Token {format.mid(i, end - i), true});
            i = end;
        } else {
            literal() += c;
            ++i;
        }
    }
    return tokens;
}

bool isSeparator(QChar c)
{
    return c.isSpace() || c == u',';
}

// A connecting word between fields, such as Spanish " de ": it goes with the field it joins.
bool isConnector(const QString& text)
{
    if (text.isEmpty() || !text.front().isSpace() || !text.back().isSpace())
        return false;
    return std::all_of(text.begin(), text.end(),
                       [](QChar c) { return c.isSpace() || c.isLetter(); });
}

// What stays of the literal before a removed field: not the separators that led to it, but a
// unit of the field before ("d." in German, "日" in Chinese).
QString withoutTail(const QString& text)
{
    if (isConnector(text))
        return QString();
    qsizetype end = text.size();
    while (end > 0 && isSeparator(text.at(end - 1)))
        --end;
    return text.left(end);
}

QString withoutHead(const QString& text)
{
    if (isConnector(text))
        return QString();
    qsizetype start = 0;
    while (start < text.size() && isSeparator(text.at(start)))
        ++start;
    return text.mid(start);
}

// Drops the fields `unwanted` accepts, with the separators that joined them to the rest.
void dropFields(QList<Token>& tokens, const std::function<bool(const QString&)>& unwanted)
{
    for (qsizetype i = 0; i < tokens.size();) {
        if (!tokens.at(i).field || !unwanted(tokens.at(i).text)) {
            ++i;
            continue;
        }
        const bool fieldBefore = std::any_of(tokens.cbegin(), tokens.cbegin() + i,
                                             [](const Token& t) { return t.field; });
        tokens.removeAt(i);
        if (fieldBefore && i > 0 && !tokens.at(i - 1).field) {
            tokens[i - 1].text = withoutTail(tokens.at(i - 1).text);
        } else if (i < tokens.size() && !tokens.at(i).field) {
            tokens[i].text = withoutHead(tokens.at(i).text);
        }
    }
}

QString monthAbbreviation(int month, const QLocale& locale)
{
    QString name = locale.monthName(month, QLocale::ShortFormat);
    if (name.endsWith(u'.'))
        name.chop(1);
    return name;
}

} // namespace

QString shortDate(QDate date, bool withYear, const QLocale& locale)
{
    QList<Token> tokens = tokenize(locale.dateFormat(QLocale::LongFormat));
    dropFields(tokens, [withYear](const QString& field) {
        return (field.front() == u'd' && field.size() >= 3) || (!withYear && field.front() == u'y');
    });
    QString out;
    for (const Token& t : std::as_const(tokens)) {
        if (!t.field) {
            out += t.text;
            continue;
        }
        const QChar kind = t.text.front();
        if (kind == u'M' && t.text.size() >= 3)
            out += monthAbbreviation(date.month(), locale);
        else if (kind == u'd' || kind == u'M' || kind == u'y')
            out += locale.toString(date, t.text);
        // Any other field (an era, say) is left out of a short date.
    }
    return out.trimmed();
}

QString shortText(const QDateTime& at, const QDateTime& now, const QLocale& locale)
{
    if (!at.isValid() || !now.isValid())
        return QString();
    const qint64 seconds = at.secsTo(now);
    if (seconds < 60 && seconds > -60)
        return QCoreApplication::translate("plein::app::RelativeTime", "just now");
    if (seconds >= 60 && seconds < 3600)
        return QCoreApplication::translate("plein::app::RelativeTime", "%1 min", "minutes ago")
            .arg(locale.toString(seconds / 60));
    const QDateTime localAt = at.toLocalTime();
    const qint64 days = localAt.date().daysTo(now.toLocalTime().date());
    const QString time = locale.toString(localAt.time(), QLocale::ShortFormat);
    if (days == 0)
        return time;
    if (days == 1)
        return QCoreApplication::translate("plein::app::RelativeTime", "yesterday %1",
                                           "yesterday at a time")
            .arg(time);
    if (days > 1 && days < 7)
        return QCoreApplication::translate("plein::app::RelativeTime", "%1 %2", "weekday and time")
            .arg(locale.dayName(localAt.date().dayOfWeek(), QLocale::ShortFormat), time);
    return shortDate(localAt.date(), localAt.date().year() != now.toLocalTime().date().year(),
                     locale);
}

QString fullText(const QDateTime& at, const QLocale& locale)
{
    if (!at.isValid())
        return QString();
    const QDateTime local = at.toLocalTime();
    return QCoreApplication::translate("plein::app::RelativeTime", "%1 at %2", "date at time")
        .arg(locale.toString(local.date(), QLocale::LongFormat),
             locale.toString(local.time(), QLocale::ShortFormat));
}

} // namespace plein::app::relativetime
