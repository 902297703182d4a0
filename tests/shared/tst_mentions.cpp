#include "capabilities/feed/mentions.h"

#include <QTest>

using namespace plein::protocol;

class TestMentions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mentions_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("names");
        QTest::newRow("none") << QStringLiteral("no mentions here") << QStringList();
        QTest::newRow("start") << QStringLiteral("@anna look")
                               << QStringList {QStringLiteral("anna")};
        QTest::newRow("sentence end")
            << QStringLiteral("thanks @Bram.") << QStringList {QStringLiteral("bram")};
        QTest::newRow("email is not a mention")
            << QStringLiteral("mail anna@plein.nl") << QStringList();
        QTest::newRow("dedup and order")
            << QStringLiteral("@eva, @daan and @EVA")
            << QStringList {QStringLiteral("eva"), QStringLiteral("daan")};
        QTest::newRow("dots inside")
            << QStringLiteral("cc @j.de-vries!") << QStringList {QStringLiteral("j.de-vries")};
        QTest::newRow("lone at") << QStringLiteral("meet @ 12:00") << QStringList();
        QTest::newRow("double at") << QStringLiteral("@@anna") << QStringList();
    }

    void mentions()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, names);
        QCOMPARE(mentionedUsernames(text), names);
    }

    void usernames()
    {
        QVERIFY(isValidUsername(QStringLiteral("anna.de-vries_2")));
        QVERIFY(!isValidUsername(QStringLiteral("Anna")));
        QVERIFY(!isValidUsername(QString()));
        QVERIFY(!isValidUsername(QStringLiteral("a b")));
        QVERIFY(!isValidUsername(QString(65, u'a')));
    }
};

QTEST_GUILESS_MAIN(TestMentions)
#include "tst_mentions.moc"
