// The diff of an article's revisions (client/core/blogs/textdiff.h) on real texts: identical
// texts are one stretch left out; a change shows with three lines around it and the rest left
// out with how many lines; one word changed in a long paragraph marks that word, not the
// paragraph; a paragraph rewritten is shown whole; lines added at the start, at the end (with
// and without a last line break) and diacritics and emoji come through with the right line
// numbers and character positions.
#include "blogs/textdiff.h"

#include <QTest>

using namespace plein::client;
using Kind = textdiff::Line::Kind;

namespace {

QString numbered(int lines, int changedAt = 0, const QString& changed = {})
{
    QString out;
    for (int i = 1; i <= lines; ++i)
        out += (i == changedAt ? changed : QStringLiteral("Regel %1 van het verslag.").arg(i))
            + u'\n';
    return out;
}

QList<Kind> kinds(const textdiff::Diff& d)
{
    QList<Kind> out;
    for (const textdiff::Line& l : d.lines)
        out.append(l.kind);
    return out;
}

QStringList changedWords(const textdiff::Line& line)
{
    QStringList out;
    for (const textdiff::Span& s : line.changed)
        out.append(line.text.mid(s.from, s.length));
    return out;
}

} // namespace

class TestTextDiff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void identicalTextsLeaveEverythingOut()
    {
        const QString text = numbered(12);
        const textdiff::Diff d = textdiff::diff(text, text);
        QVERIFY(d.made);
        QVERIFY(d.identical());
        QCOMPARE(d.lines.size(), 1);
        QCOMPARE(d.lines[0].kind, Kind::Skipped);
        QCOMPARE(d.lines[0].skipped, 12);
    }

    void aChangeShowsWithItsContext()
    {
        const textdiff::Diff d
            = textdiff::diff(numbered(20), numbered(20, 10, QStringLiteral("Een nieuwe regel.")));
        QVERIFY(d.made);
        QCOMPARE(d.added, 1);
        QCOMPARE(d.removed, 1);
        QCOMPARE(kinds(d),
                 (QList<Kind> {Kind::Skipped, Kind::Same, Kind::Same, Kind::Same, Kind::Removed,
                               Kind::Added, Kind::Same, Kind::Same, Kind::Same, Kind::Skipped}));
        QCOMPARE(d.lines[0].skipped, 6);
        QCOMPARE(d.lines[1].oldNumber, 7);
        QCOMPARE(d.lines[4].text, QStringLiteral("Regel 10 van het verslag."));
        QCOMPARE(d.lines[4].oldNumber, 10);
        QCOMPARE(d.lines[4].newNumber, 0);
        QCOMPARE(d.lines[5].text, QStringLiteral("Een nieuwe regel."));
        QCOMPARE(d.lines[5].newNumber, 10);
        QCOMPARE(d.lines[9].skipped, 7);
        // Too little of the line stayed for a word by word view.
        QVERIFY(d.lines[4].changed.isEmpty());
        QVERIFY(d.lines[5].changed.isEmpty());
    }

    void oneWordInALongParagraphIsMarked()
    {
        const QString before = QStringLiteral(
            "# Dijkversterking\n\nDe aannemer begint op maandag 3 maart met het versterken van de "
            "dijk tussen paal 12 en paal 19, en werkt daar tot de zomer.\n\nVragen aan Bram.\n");
        QString after = before;
        after.replace(QStringLiteral("maandag 3 maart"), QStringLiteral("dinsdag 11 maart"));
        const textdiff::Diff d = textdiff::diff(before, after);
        QCOMPARE(d.added, 1);
        QCOMPARE(d.removed, 1);
        const auto removed = std::find_if(d.lines.begin(), d.lines.end(),
                                          [](const auto& l) { return l.kind == Kind::Removed; });
        QVERIFY(removed != d.lines.end());
        const textdiff::Line& added = *(removed + 1);
        QCOMPARE(added.kind, Kind::Added);
        QCOMPARE(changedWords(*removed), QStringList {QStringLiteral("maandag 3")});
        QCOMPARE(changedWords(added), QStringList {QStringLiteral("dinsdag 11")});
        QCOMPARE(removed->oldNumber, 3);
        QCOMPARE(added.newNumber, 3);
    }

    void severalWordsAreSeveralSpans()
    {
        const QString before
            = QStringLiteral("Het team van Anna bezoekt de sluis in Terneuzen op vrijdag.\n");
        const QString after
            = QStringLiteral("Het team van Eva bezoekt de sluis in Terneuzen op donderdag.\n");
        const textdiff::Diff d = textdiff::diff(before, after);
        QCOMPARE(d.lines.size(), 2);
        QCOMPARE(changedWords(d.lines[0]),
                 (QStringList {QStringLiteral("Anna"), QStringLiteral("vrijdag")}));
        QCOMPARE(changedWords(d.lines[1]),
                 (QStringList {QStringLiteral("Eva"), QStringLiteral("donderdag")}));
    }

    void aRewrittenParagraphIsShownWhole()
    {
        const textdiff::Diff d
            = textdiff::diff(QStringLiteral("Vandaag regent het in Zeeland.\n"),
                             QStringLiteral("Morgen komt de aannemer met zijn ploeg.\n"));
        QCOMPARE(kinds(d), (QList<Kind> {Kind::Removed, Kind::Added}));
        QVERIFY(d.lines[0].changed.isEmpty());
        QVERIFY(d.lines[1].changed.isEmpty());
    }

    void linesAddedAtTheStartAndTheEnd()
    {
        const QString before = numbered(10);
        const QString after = QStringLiteral("Voorwoord.\n") + before + QStringLiteral("Slot.");
        const textdiff::Diff d = textdiff::diff(before, after);
        QVERIFY(d.made);
        QCOMPARE(d.added, 2);
        QCOMPARE(d.removed, 0);
        QCOMPARE(d.lines.first().kind, Kind::Added);
        QCOMPARE(d.lines.first().text, QStringLiteral("Voorwoord."));
        QCOMPARE(d.lines.first().newNumber, 1);
        QCOMPARE(d.lines.last().kind, Kind::Added);
        QCOMPARE(d.lines.last().text, QStringLiteral("Slot."));
        QCOMPARE(d.lines.last().newNumber, 12);
        const qsizetype gaps = std::count_if(d.lines.begin(), d.lines.end(),
                                             [](const auto& l) { return l.kind == Kind::Skipped; });
        QCOMPARE(gaps, 1);
        int shown = 0;
        for (const auto& l : d.lines)
            shown += l.kind == Kind::Same ? 1 : l.skipped;
        QCOMPARE(shown, 10); // every old line is shown or counted once
    }

    void aLastLineWithoutBreakChangedIsOneChange()
    {
        const textdiff::Diff d = textdiff::diff(QStringLiteral("Eerste.\nTweede."),
                                                QStringLiteral("Eerste.\nTweede regel."));
        QCOMPARE(kinds(d), (QList<Kind> {Kind::Same, Kind::Removed, Kind::Added}));
        QCOMPARE(d.lines[1].text, QStringLiteral("Tweede."));
        QCOMPARE(d.lines[2].text, QStringLiteral("Tweede regel."));
        QCOMPARE(changedWords(d.lines[2]), QStringList {QStringLiteral(" regel")});
    }

    void diacriticsAndEmojiKeepTheirPositions()
    {
        const QString before = QStringLiteral("Café 🌊 aan de Oosterschelde, één dag open.\n");
        const QString after = QStringLiteral("Café 🌊 aan de Westerschelde, één dag open.\n");
        const textdiff::Diff d = textdiff::diff(before, after);
        QCOMPARE(changedWords(d.lines[0]), QStringList {QStringLiteral("Oosterschelde")});
        QCOMPARE(changedWords(d.lines[1]), QStringList {QStringLiteral("Westerschelde")});
        QCOMPARE(d.lines[1].changed.first().from, int(after.indexOf(u'W')));
    }

    void fromNothing()
    {
        const textdiff::Diff d = textdiff::diff({}, QStringLiteral("# Titel\n\nTekst.\n"));
        QCOMPARE(d.added, 3);
        QCOMPARE(d.removed, 0);
        QCOMPARE(kinds(d), (QList<Kind> {Kind::Added, Kind::Added, Kind::Added}));
        QCOMPARE(d.lines[2].newNumber, 3);
    }
};

QTEST_GUILESS_MAIN(TestTextDiff)
#include "tst_textdiff.moc"
