#include "samplebodies.h"

#include <QStringList>

namespace plein::bench {

namespace {

// A cheap, stable mix so that post n always gets the same body on every machine.
quint64 mix(quint64 x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    return x;
}

const QStringList sentences = {
    QStringLiteral("The new coffee machine on the third floor is finally working."),
    QStringLiteral(
        "Reminder: the quarterly planning starts **Monday at 10:00** in room Rembrandt."),
    QStringLiteral("Thanks to everyone who helped with the release last night!"),
    QStringLiteral("Can someone from facilities look at the heating in the east wing?"),
    QStringLiteral("Our customer survey is out, see https://example.com/survey for the results."),
    QStringLiteral("I pushed the draft of the onboarding guide, comments welcome."),
    QStringLiteral("Lunch talk on Thursday: *what we learned from moving the warehouse*."),
    QStringLiteral("The bike shed will be closed for repairs until Friday."),
    QStringLiteral("Welcome to our new colleagues in Utrecht and Eindhoven."),
    QStringLiteral("Please update your laptop before the end of the week."),
    QStringLiteral("Who has the key to the meeting room on the ground floor?"),
    QStringLiteral("The train strike means many of us work from home tomorrow."),
};

} // namespace

QString sampleBody(quint64 n)
{
    const quint64 r = mix(n + 1);
    const auto pick = [&](int k) { return sentences.at(int((r >> (k * 4)) % sentences.size())); };
    switch (r % 10) {
    case 0:
    case 1:
    case 2:
        // One line.
        return pick(1);
    case 3:
    case 4:
    case 5:
        return pick(1) + u' ' + pick(2);
    case 6:
        return pick(1) + u' ' + pick(2) + u' ' + pick(3) + u' ' + pick(4);
    case 7:
        return pick(1) + QStringLiteral("\n\n- ") + pick(2) + QStringLiteral("\n- ") + pick(3)
            + QStringLiteral("\n- ") + pick(4);
    case 8:
        return QStringLiteral("@anna ") + pick(2)
            + QStringLiteral(" [Details](https://example.com/") + QString::number(n)
            + QStringLiteral(")");
    default: {
        // A long post: several paragraphs.
        QString body;
        for (int p = 0; p < 4; ++p) {
            if (p > 0)
                body += QStringLiteral("\n\n");
            body += pick(p) + u' ' + pick(p + 4) + u' ' + pick(p + 8);
        }
        return body;
    }
    }
}

} // namespace plein::bench
