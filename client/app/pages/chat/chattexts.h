#pragma once

#include "presence/presence.h"

#include <QCoreApplication>
#include <QDate>
#include <QLocale>
#include <QString>
#include <QStringList>

namespace plein::app {

// How chat describes things, the same on every page: day separators, who is typing, who has
// seen a message, what a conversation is.
class ChatTexts
{
    Q_DECLARE_TR_FUNCTIONS(plein::app::ChatTexts)

public:
    // "Today", "Yesterday", "Monday 30 November", and with the year when it is not this year,
    // in the locale's order of day and month.
    static QString day(QDate day, QDate today, const QLocale& locale = QLocale());
    // "Bram is typing…", "Bram and Daan are typing…", "Several people are typing…"; empty
    // for nobody.
    static QString typing(const QStringList& names);
    // "Seen by Bram", "Seen by Bram and Daan", "Seen by Bram, Daan and 3 others"; in a direct
    // conversation just "Seen".
    static QString seenBy(const QStringList& names, bool direct = false);
    // A person's presence: "Online", "Away", "Do not disturb", "Offline".
    static QString presence(client::Presence::State state);
    // The line under a conversation's title: "5 members", a person's department, "Group chat".
    static QString summary(const QString& kind, int members, const QString& department);
    // "You: …" for one's own last message in the list's preview.
    static QString ownPreview(const QString& body);
    // The reactions' names, for tooltips and menus ("Thumbs up").
    static QString reactionName(const QString& reaction);
};

} // namespace plein::app
