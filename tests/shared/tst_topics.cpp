#include "capabilities/feed/topics.h"

#include <QTest>

using namespace plein::protocol;

class TestTopics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void topics_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("topics");
        const auto list = [](std::initializer_list<const char*> words) {
            QStringList out;
            for (const char* w : words)
                out << QString::fromUtf8(w);
            return out;
        };
        QTest::newRow("none") << QStringLiteral("no topics here") << QStringList();
        QTest::newRow("start") << QStringLiteral("#dijken zijn hoog") << list({"dijken"});
        QTest::newRow("after punctuation")
            << QStringLiteral("(#sluis) en \"#brug\"") << list({"sluis", "brug"});
        QTest::newRow("case folded, distinct, in order")
            << QStringLiteral("#Dijk #sluis #DIJK") << list({"dijk", "sluis"});
        QTest::newRow("unicode letters")
            << QString::fromUtf8("#Überflutung en #café") << list({"überflutung", "café"});
        QTest::newRow("nfc") << QString::fromUtf8("#cafe\u0301 #caf\u00e9") << list({"café"});
        QTest::newRow("underscore and dash")
            << QStringLiteral("#water_beheer #rws-2026") << list({"water_beheer", "rws-2026"});
        QTest::newRow("trailing dash ends") << QStringLiteral("#dijk- en") << list({"dijk"});
        QTest::newRow("sentence end") << QStringLiteral("over #dijken.") << list({"dijken"});
        QTest::newRow("number is not a topic")
            << QStringLiteral("issue #1 and #42") << QStringList();
        QTest::newRow("digits with a letter") << QStringLiteral("#2026q1") << list({"2026q1"});
        QTest::newRow("one letter is too short") << QStringLiteral("#a #ab") << list({"ab"});
        QTest::newRow("fifty is the most")
            << (QStringLiteral("#") + QString(50, u'a') + QStringLiteral(" #") + QString(51, u'b'))
            << QStringList {QString(50, u'a')};
        QTest::newRow("url fragment")
            << QStringLiteral("https://plein.nl/page#section and https://x.nl/#/route")
            << QStringList();
        QTest::newRow("entity and escape")
            << QStringLiteral("&#38; \\#nope ##double") << QStringList();
        QTest::newRow("heading is not a topic")
            << QStringLiteral("# Heading\n## Two") << QStringList();
        QTest::newRow("inline code") << QStringLiteral("use `#define` but #real") << list({"real"});
        QTest::newRow("double backticks")
            << QStringLiteral("``a ` #inside`` #outside") << list({"outside"});
        QTest::newRow("unclosed backtick is text") << QStringLiteral("a ` #open") << list({"open"});
        QTest::newRow("fenced block")
            << QStringLiteral("#before\n```cpp\n#include <x>\n```\n#after")
            << list({"before", "after"});
        QTest::newRow("tilde fence unclosed")
            << QStringLiteral("#before\n~~~\n#inside") << list({"before"});
        QTest::newRow("fence needs a long enough close")
            << QStringLiteral("````\n```\n#inside\n````\n#after") << list({"after"});
        QTest::newRow("code span over lines")
            << QStringLiteral("`a\n#inside` #after") << list({"after"});
    }

    void topics()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, topics);
        QCOMPARE(topicsIn(text), topics);
    }

    void atMostTwenty()
    {
        QString text;
        for (int i = 0; i < 30; ++i)
            text += QStringLiteral("#topic%1 ").arg(i);
        const QStringList found = topicsIn(text);
        QCOMPARE(found.size(), maxTopicsPerPost);
        QCOMPARE(found.last(), QStringLiteral("topic19"));
    }

    void valid()
    {
        QVERIFY(isValidTopic(QStringLiteral("dijk")));
        QVERIFY(isValidTopic(QString::fromUtf8("café")));
        QVERIFY(isValidTopic(QStringLiteral("rws-2026")));
        QVERIFY(!isValidTopic(QStringLiteral("Dijk"))); // not case-folded
        QVERIFY(!isValidTopic(QString::fromUtf8("cafe\u0301"))); // not NFC
        QVERIFY(!isValidTopic(QStringLiteral("12")));
        QVERIFY(!isValidTopic(QStringLiteral("a")));
        QVERIFY(!isValidTopic(QStringLiteral("dijk-")));
        QVERIFY(!isValidTopic(QStringLiteral("two words")));
        QVERIFY(!isValidTopic(QStringLiteral("#dijk")));
        QVERIFY(!isValidTopic(QString()));
        QVERIFY(!isValidTopic(QString(51, u'a')));
        QVERIFY(!isValidTopic(QStringLiteral("`code`")));
    }
};

QTEST_GUILESS_MAIN(TestTopics)
#include "tst_topics.moc"
