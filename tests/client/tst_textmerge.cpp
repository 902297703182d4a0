// The three-way merge of an article's texts (client/core/blogs/textmerge.h) on real texts:
// changes in different paragraphs merge; one paragraph changed two ways is a conflict with its
// three versions; the same change on both sides is no conflict; a deletion against an edit is
// a conflict; texts that hold git's own conflict markers, diacritics and emoji come through
// whole; the author's choices give the final text.
#include "blogs/textmerge.h"

#include <QTest>

using namespace plein::client;

namespace {

const QString base
    = QStringLiteral("# De zeedijk\n"
                     "\n"
                     "Na de storm hebben we de dijk tussen paal 12 en paal 19 gelopen.\n"
                     "\n"
                     "Bij paal 14 zagen we een afschuiving van zes meter.\n"
                     "\n"
                     "De aannemer komt donderdag.\n");

QString mineChoice(int, const textmerge::Region& r)
{
    return r.mine;
}

QString theirsChoice(int, const textmerge::Region& r)
{
    return r.theirs;
}

} // namespace

class TestTextMerge : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void changesInDifferentParagraphsMerge()
    {
        QString mine = base;
        mine.replace(QStringLiteral("gelopen."), QStringLiteral("gelopen, met Daan."));
        QString theirs = base;
        theirs.replace(QStringLiteral("donderdag."), QStringLiteral("donderdag om 9 uur."));
        const auto m = textmerge::merge(base, mine, theirs);
        QVERIFY(m.merged);
        QVERIFY(m.clean());
        const QString text = m.resolved(mineChoice);
        QVERIFY(text.contains(QStringLiteral("met Daan.")));
        QVERIFY(text.contains(QStringLiteral("om 9 uur.")));
        QCOMPARE(text.count(u'\n'), base.count(u'\n'));
    }

    void oneParagraphChangedTwoWaysIsAConflict()
    {
        QString mine = base;
        mine.replace(QStringLiteral("zes meter"), QStringLiteral("ruim zes meter"));
        QString theirs = base;
        theirs.replace(QStringLiteral("zes meter"), QStringLiteral("zeven meter"));
        theirs.replace(QStringLiteral("donderdag."), QStringLiteral("vrijdag."));
        const auto m = textmerge::merge(base, mine, theirs);
        QVERIFY(m.merged);
        QCOMPARE(m.conflicts(), 1);
        textmerge::Region conflict;
        for (const auto& r : m.regions) {
            if (r.conflict)
                conflict = r;
        }
        QCOMPARE(conflict.base,
                 QStringLiteral("Bij paal 14 zagen we een afschuiving van zes meter.\n"));
        QCOMPARE(conflict.mine,
                 QStringLiteral("Bij paal 14 zagen we een afschuiving van ruim zes meter.\n"));
        QCOMPARE(conflict.theirs,
                 QStringLiteral("Bij paal 14 zagen we een afschuiving van zeven meter.\n"));
        // Their other change is merged whatever is chosen here.
        const QString mineWins = m.resolved(mineChoice);
        QVERIFY(mineWins.contains(QStringLiteral("ruim zes meter")));
        QVERIFY(mineWins.contains(QStringLiteral("vrijdag.")));
        const QString theirsWin = m.resolved(theirsChoice);
        QVERIFY(theirsWin.contains(QStringLiteral("zeven meter")));
        QVERIFY(!theirsWin.contains(QStringLiteral("zes meter")));
        // Both kept, one after the other.
        const QString both = m.resolved([](int i, const textmerge::Region& r) {
            Q_UNUSED(i);
            return r.mine + r.theirs;
        });
        QVERIFY(both.contains(QStringLiteral("ruim zes"))
                && both.contains(QStringLiteral("zeven")));
    }

    void theSameChangeTwiceIsNoConflict()
    {
        QString changed = base;
        changed.replace(QStringLiteral("storm"), QStringLiteral("storm van zaterdag"));
        const auto m = textmerge::merge(base, changed, changed);
        QVERIFY(m.clean());
        QCOMPARE(m.resolved(mineChoice), changed);
    }

    void aDeletionAgainstAnEditIsAConflict()
    {
        QString mine = base;
        mine.remove(QStringLiteral("Bij paal 14 zagen we een afschuiving van zes meter.\n\n"));
        QString theirs = base;
        theirs.replace(QStringLiteral("zes meter"), QStringLiteral("zeven meter"));
        const auto m = textmerge::merge(base, mine, theirs);
        QCOMPARE(m.conflicts(), 1);
        QVERIFY(!m.resolved(mineChoice).contains(QStringLiteral("paal 14")));
        QVERIFY(m.resolved(theirsChoice).contains(QStringLiteral("zeven meter")));
    }

    // Lines that look like git's markers are text like any other.
    void markersInTheTextAreText()
    {
        const QString b = QStringLiteral("Voorbeeld:\n\n```\n<<<<<<< HEAD\nx = 1\n=======\nx = 2\n"
                                         ">>>>>>> main\n```\n\nEinde.\n");
        QString mine = b;
        mine.replace(QStringLiteral("Voorbeeld:"), QStringLiteral("Een voorbeeld:"));
        QString theirs = b;
        theirs.replace(QStringLiteral("Einde."), QStringLiteral("Einde van het voorbeeld."));
        const auto m = textmerge::merge(b, mine, theirs);
        QVERIFY(m.clean());
        const QString text = m.resolved(mineChoice);
        QVERIFY(text.startsWith(QStringLiteral("Een voorbeeld:")));
        QVERIFY(text.contains(QStringLiteral("<<<<<<< HEAD\nx = 1\n=======\nx = 2\n>>>>>>> main")));
        QVERIFY(text.endsWith(QStringLiteral("Einde van het voorbeeld.\n")));

        // And in a conflict.
        QString mine2 = b;
        mine2.replace(QStringLiteral("x = 1"), QStringLiteral("x = 10"));
        QString theirs2 = b;
        theirs2.replace(QStringLiteral("x = 1"), QStringLiteral("x = 11"));
        const auto c = textmerge::merge(b, mine2, theirs2);
        QCOMPARE(c.conflicts(), 1);
        QCOMPARE(c.resolved(mineChoice), mine2);
        QCOMPARE(c.resolved(theirsChoice), theirs2);
    }

    void unicodeAndTheLastLine()
    {
        const QString b
            = QStringLiteral("Café ’t Hoekje 🌊\nDe één na laatste regel\nLaatste regel");
        const QString mine
            = QStringLiteral("Café ’t Hoekje 🌊🌊\nDe één na laatste regel\nLaatste regel");
        const QString theirs = QStringLiteral("Café ’t Hoekje 🌊\nDe één na laatste regel\nLaatste "
                                              "regel, gewijzigd");
        const auto m = textmerge::merge(b, mine, theirs);
        QVERIFY(m.clean());
        QCOMPARE(m.resolved(mineChoice),
                 QStringLiteral("Café ’t Hoekje 🌊🌊\nDe één na laatste regel\nLaatste regel, "
                                "gewijzigd"));
        // Both changed the last line, which has no line break.
        const auto c = textmerge::merge(b, b + QStringLiteral("!"), b + QStringLiteral("?"));
        QCOMPARE(c.conflicts(), 1);
        QCOMPARE(c.resolved(mineChoice), b + QStringLiteral("!"));
        QCOMPARE(c.resolved(theirsChoice), b + QStringLiteral("?"));
    }

    // Texts with CR LF line ends: the markers end that way too, and are still found.
    void crlfTexts()
    {
        const QString b = QStringLiteral("Een\r\nTwee\r\nDrie\r\n");
        const auto m = textmerge::merge(b, QStringLiteral("Een\r\nTwee!\r\nDrie\r\n"),
                                        QStringLiteral("Een\r\nTwee?\r\nDrie\r\n"));
        QCOMPARE(m.conflicts(), 1);
        QVERIFY(!m.resolved(mineChoice).contains(u'<'));
        QVERIFY(m.resolved(mineChoice).contains(QStringLiteral("Twee!")));
        QVERIFY(!m.resolved(mineChoice).contains(QStringLiteral("Twee?")));
    }

    void emptyTexts()
    {
        QVERIFY(textmerge::merge({}, {}, {}).clean());
        const auto m
            = textmerge::merge({}, QStringLiteral("Mijn begin"), QStringLiteral("Hun begin"));
        QCOMPARE(m.conflicts(), 1);
        QCOMPARE(m.resolved(mineChoice), QStringLiteral("Mijn begin"));
        QCOMPARE(m.resolved(theirsChoice), QStringLiteral("Hun begin"));
    }
};

QTEST_GUILESS_MAIN(TestTextMerge)
#include "tst_textmerge.moc"
