#include "auth/loginthrottle.h"

#include <QTest>

using plein::server::LoginThrottle;

class TestLoginThrottle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void accountDelayIsCapped()
    {
        LoginThrottle t;
        const QDateTime t0 = QDateTime::currentDateTimeUtc();
        const QString anna = QStringLiteral("anna");
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(t.secondsToWait(anna, QStringLiteral("10.0.0.1"), t0), 0);
            t.recordFailure(anna, QStringLiteral("10.0.0.%1").arg(i), t0);
        }
        // The sixth attempt waits, from any address.
        QVERIFY(t.secondsToWait(anna, QStringLiteral("192.0.2.7"), t0) > 0);
        // An attacker hammering away never locks anna out for more than a minute.
        QDateTime now = t0;
        for (int i = 0; i < 25; ++i) {
            now = now.addSecs(t.secondsToWait(anna, QStringLiteral("10.9.%1.1").arg(i), now));
            t.recordFailure(anna, QStringLiteral("10.9.%1.1").arg(i), now);
            QVERIFY(t.secondsToWait(anna, QStringLiteral("192.0.2.7"), now) <= 60);
        }
        QCOMPARE(t.secondsToWait(anna, QStringLiteral("192.0.2.7"), now.addSecs(60)), 0);
        // Other accounts are unaffected; success clears the record.
        QCOMPARE(t.secondsToWait(QStringLiteral("bram"), QStringLiteral("192.0.2.7"), now), 0);
        t.recordSuccess(anna);
        QCOMPARE(t.secondsToWait(anna, QStringLiteral("192.0.2.7"), now), 0);
    }

    void addressIsBlockedForTheWindow()
    {
        LoginThrottle t;
        const QDateTime t0 = QDateTime::currentDateTimeUtc();
        const QString address = QStringLiteral("203.0.113.5");
        for (int i = 0; i < 30; ++i)
            t.recordFailure(QStringLiteral("user%1").arg(i), address, t0);
        QVERIFY(t.secondsToWait(QStringLiteral("someone"), address, t0) > 60);
        QCOMPARE(t.secondsToWait(QStringLiteral("someone"), QStringLiteral("203.0.113.6"), t0), 0);
        QCOMPARE(t.secondsToWait(QStringLiteral("someone"), address, t0.addSecs(15 * 60 + 1)), 0);
    }
};

QTEST_GUILESS_MAIN(TestLoginThrottle)
#include "tst_loginthrottle.moc"
