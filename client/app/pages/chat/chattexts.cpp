#include "pages/chat/chattexts.h"

namespace plein::app {

QString ChatTexts::day(QDate day, QDate today, const QLocale& locale)
{
    if (day == today)
        return tr("Today");
    if (day == today.addDays(-1))
        return tr("Yesterday");
    // The locale's long date says whether the month comes before the day ("November 30") or
    // after it ("30 november"); the weekday leads either way, as in Slack and Teams.
    const QString longFormat = locale.dateFormat(QLocale::LongFormat);
    const bool monthFirst = longFormat.indexOf(u'M') < longFormat.indexOf(u'd');
    QString format = monthFirst ? QStringLiteral("dddd, MMMM d") : QStringLiteral("dddd d MMMM");
    if (day.year() != today.year())
        format += monthFirst ? QStringLiteral(", yyyy") : QStringLiteral(" yyyy");
    QString text = locale.toString(day, format);
    // Dutch writes weekdays in lower case; at the start of a separator it is a heading.
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    return text;
}

QString ChatTexts::typing(const QStringList& names)
{
    switch (names.size()) {
    case 0:
        return QString();
    case 1:
        return tr("%1 is typing…").arg(names.at(0));
    case 2:
        return tr("%1 and %2 are typing…").arg(names.at(0), names.at(1));
    default:
        return tr("Several people are typing…");
    }
}

QString ChatTexts::seenBy(const QStringList& names, bool direct)
{
    if (direct && !names.isEmpty())
        return tr("Seen");
    switch (names.size()) {
    case 0:
        return QString();
    case 1:
        return tr("Seen by %1").arg(names.at(0));
    case 2:
        return tr("Seen by %1 and %2").arg(names.at(0), names.at(1));
    case 3:
        return tr("Seen by %1, %2 and %3").arg(names.at(0), names.at(1), names.at(2));
    default:
        return tr("Seen by %1, %2 and %n other(s)", nullptr, int(names.size()) - 2)
            .arg(names.at(0), names.at(1));
    }
}

QString ChatTexts::presence(client::Presence::State state)
{
    using State = client::Presence::State;
    switch (state) {
    case State::Away:
        return tr("Away");
    case State::Dnd:
        return tr("Do not disturb");
    case State::Online:
        return tr("Online");
    case State::Offline:
        break;
    }
    return tr("Offline");
}

QString ChatTexts::summary(const QString& kind, int members, const QString& department)
{
    if (kind == QLatin1StringView("direct"))
        return department.isEmpty() ? tr("Direct message") : department;
    if (kind == QLatin1StringView("group"))
        return tr("Chat of the group · %n member(s)", nullptr, members);
    return tr("%n member(s)", nullptr, members);
}

QString ChatTexts::ownPreview(const QString& body)
{
    return tr("You: %1").arg(body);
}

QString ChatTexts::reactionName(const QString& reaction)
{
    static const std::pair<const char*, const char*> names[] = {
        {"thumbsup", QT_TR_NOOP("Thumbs up")}, {"heart", QT_TR_NOOP("Heart")},
        {"laugh", QT_TR_NOOP("Laughing")},     {"party", QT_TR_NOOP("Celebrate")},
        {"wow", QT_TR_NOOP("Surprised")},      {"sad", QT_TR_NOOP("Sad")},
        {"thanks", QT_TR_NOOP("Thank you")},   {"eyes", QT_TR_NOOP("Looking")},
    };
    for (const auto& [name, text] : names) {
        if (reaction == QLatin1StringView(name))
            return tr(text);
    }
    return reaction;
}

} // namespace plein::app
