#pragma once

#include <QDateTime>
#include <QLocale>
#include <QString>

namespace plein::app::relativetime {

// When something happened, as a post's header says it: short, in the reader's language and
// with the locale's own order of day, month and year (QLocale::setDefault sets it), never a
// fixed US-style date. Pure functions of `at` and `now`, so they can be tested.
//
//   under a minute ago  "just now" / "zojuist" (also a little in the future: clocks differ)
//   under an hour ago   "5 min"
//   earlier today       "14:02" (the locale's short time)
//   yesterday           "yesterday 14:02" / "gisteren 14:02"
//   the last six days   "Mon 14:02" / "ma 14:02"
//   this year           "Oct 3" / "3 okt"
//   before              "Oct 3, 2025" / "3 okt 2025"
QString shortText(const QDateTime& at, const QDateTime& now, const QLocale& locale = QLocale());

// The full date and time, for the tooltip: "maandag 3 oktober 2026 om 14:02".
QString fullText(const QDateTime& at, const QLocale& locale = QLocale());

// A date without the weekday, as the locale orders it, with the month abbreviated and without
// its abbreviation dot ("3 okt", "Oct 3"); with the year when `withYear`.
QString shortDate(QDate date, bool withYear, const QLocale& locale = QLocale());

} // namespace plein::app::relativetime
