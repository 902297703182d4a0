#include "text/textdelta.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

using namespace plein::text;

namespace {

QString paragraphs(int count)
{
    QString s;
    for (int i = 0; i < count; ++i)
        s += QStringLiteral("Alinea %1 over de sluizen van Eefde, het water en de nacht.\n\n")
                 .arg(i);
    return s;
}

qsizetype insertedCharacters(const QJsonArray& steps)
{
    qsizetype n = 0;
    for (const QJsonValue& v : steps) {
        if (v.isString())
            n += v.toString().size();
    }
    return n;
}

} // namespace

class TestTextDelta : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        const QString base = paragraphs(40);
        QString oneWord = base;
        oneWord.replace(QStringLiteral("Alinea 17 over"), QStringLiteral("Alinea 17 vooral over"));
        QString twoPlaces = oneWord;
        twoPlaces.replace(QStringLiteral("Alinea 3 over de sluizen"),
                          QStringLiteral("Alinea 3 over de bruggen"));
        QTest::newRow("same") << base << base;
        QTest::newRow("empty to text") << QString() << base;
        QTest::newRow("text to empty") << base << QString();
        QTest::newRow("one word") << base << oneWord;
        QTest::newRow("two places") << base << twoPlaces;
        QTest::newRow("appended") << base << base + QStringLiteral("Een slot.");
        QTest::newRow("prepended") << base << QStringLiteral("# Kop\n\n") + base;
        QTest::newRow("no final newline")
            << QStringLiteral("een\ntwee\ndrie") << QStringLiteral("een\ntwee\nvier");
        QTest::newRow("final newline added")
            << QStringLiteral("een\ntwee") << QStringLiteral("een\ntwee\n");
        QTest::newRow("lines moved")
            << QStringLiteral("a\nb\nc\nd\n") << QStringLiteral("c\nd\na\nb\n");
        QTest::newRow("crlf") << QStringLiteral("een\r\ntwee\r\n")
                              << QStringLiteral("een\r\ndrie\r\n");
        // Two emoji sharing their first half: the change keeps each pair whole.
        QTest::newRow("surrogate pairs")
            << QString::fromUtf8("water 😀 en 😀\n") << QString::fromUtf8("water 😁 en 😀\n");
        QTest::newRow("accents") << QString::fromUtf8("één café\n")
                                 << QString::fromUtf8("één cafés\n");
    }
    void roundTrip()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        const QJsonArray steps = makeDelta(from, to);
        QCOMPARE(applyDelta(from, steps), std::optional<QString>(to));
        // Sent as JSON, read back: the same text (no half surrogate pair lost in UTF-8).
        const QJsonArray sent
            = QJsonDocument::fromJson(QJsonDocument(steps).toJson(QJsonDocument::Compact)).array();
        QCOMPARE(applyDelta(from, sent), std::optional<QString>(to));
    }

    void smallChangeIsSmall()
    {
        const QString base = paragraphs(1500); // ~90,000 characters
        QString edited = base;
        edited.replace(QStringLiteral("Alinea 700 over"), QStringLiteral("Alinea 700 vooral over"));
        edited.replace(QStringLiteral("Alinea 1200 over de sluizen"),
                       QStringLiteral("Alinea 1200 over de stuwen"));
        const QJsonArray steps = makeDelta(base, edited);
        // Only the changed words travel, not their lines.
        QVERIFY2(insertedCharacters(steps) <= 16,
                 qPrintable(QString::number(insertedCharacters(steps))));
        QVERIFY(QJsonDocument(steps).toJson(QJsonDocument::Compact).size() < 100);
        QCOMPARE(applyDelta(base, steps), std::optional<QString>(edited));
    }

    void randomEdits()
    {
        QRandomGenerator random(20261203);
        QString text = paragraphs(60);
        for (int round = 0; round < 200; ++round) {
            QString next = text;
            const int edits = 1 + int(random.bounded(4));
            for (int e = 0; e < edits; ++e) {
                const auto at = qsizetype(random.bounded(int(next.size()) + 1));
                const auto length = std::min<qsizetype>(random.bounded(30), next.size() - at);
                QString inserted;
                for (int k = int(random.bounded(25)); k > 0; --k)
                    inserted += QChar(u"abc \n#*é"[random.bounded(8)]);
                next.replace(at, length, inserted);
            }
            const QJsonArray steps = makeDelta(text, next);
            QCOMPARE(applyDelta(text, steps), std::optional<QString>(next));
            // Narrowed, never the whole text sent again (which is what makeDelta falls back to
            // if its steps did not give the new text).
            QVERIFY(insertedCharacters(steps) < next.size() / 4);
            text = next;
        }
    }

    void refusesStepsThatDoNotFit_data()
    {
        QTest::addColumn<QJsonArray>("steps");
        QTest::newRow("too short") << QJsonArray {3};
        QTest::newRow("too long") << QJsonArray {6};
        QTest::newRow("removes past the end") << QJsonArray {2, -4};
        QTest::newRow("zero") << QJsonArray {0, 5};
        QTest::newRow("fraction") << QJsonArray {2.5, 2.5};
        QTest::newRow("empty insert") << QJsonArray {5, QString()};
        QTest::newRow("object") << QJsonArray {5, QJsonObject()};
        QTest::newRow("nothing for a text") << QJsonArray {};
    }
    void refusesStepsThatDoNotFit()
    {
        QFETCH(QJsonArray, steps);
        QCOMPARE(applyDelta(QStringLiteral("water"), steps), std::nullopt);
    }

    void acceptsWellFormedSteps()
    {
        QCOMPARE(applyDelta(QStringLiteral("water"), QJsonArray {1, -1, QStringLiteral("i"), 3}),
                 std::optional<QString>(QStringLiteral("witer")));
        QCOMPARE(applyDelta(QString(), QJsonArray {}), std::optional<QString>(QString()));
        QCOMPARE(applyDelta(QString(), QJsonArray {QStringLiteral("nieuw")}),
                 std::optional<QString>(QStringLiteral("nieuw")));
    }
};

QTEST_GUILESS_MAIN(TestTextDelta)
#include "tst_textdelta.moc"
