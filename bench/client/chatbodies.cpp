#include "chatbodies.h"

#include "samplebodies.h"

#include <QStringList>

namespace plein::bench {

namespace {

const QStringList shortLines = {
    QStringLiteral("ok"),
    QStringLiteral("Thanks!"),
    QStringLiteral("On my way"),
    QStringLiteral("Sounds good to me."),
    QStringLiteral("Can you send me the link?"),
    QStringLiteral("I'll be five minutes late for the stand-up."),
    QStringLiteral("Did the deploy go through?"),
    QStringLiteral("Lunch at 12:30?"),
    QStringLiteral("Looks fine, merging it now."),
    QStringLiteral("Let me check and get back to you."),
    QStringLiteral("Who is on call this weekend?"),
    QStringLiteral("The meeting moved to room Vermeer."),
};

const QStringList snippets = {
    QStringLiteral(
        "```cpp\nfor (const auto& row : rows) {\n    if (row.deleted)\n        continue;\n"
        "    total += row.amount;\n}\n```"),
    QStringLiteral("```python\ndef retry(call, attempts=3):\n    for n in range(attempts):\n"
                   "        try:\n            return call()\n        except TimeoutError:\n"
                   "            time.sleep(2 ** n)\n```"),
    QStringLiteral(
        "```sh\nsudo systemctl restart plein-server\njournalctl -u plein-server -n 50\n```"),
    QStringLiteral(
        "```json\n{\n  \"id\": 4711,\n  \"state\": \"open\",\n  \"labels\": [\"backend\", "
        "\"urgent\"]\n}\n```"),
    QStringLiteral("```sql\nSELECT department, COUNT(*)\nFROM users\nWHERE active = 1\nGROUP BY "
                   "department;\n```"),
};

quint64 mix(quint64 x)
{
    x ^= x >> 31;
    x *= 0x9e3779b97f4a7c15ULL;
    x ^= x >> 29;
    return x;
}

} // namespace

QString chatBody(quint64 n)
{
    const quint64 r = mix(n + 7);
    const int kind = int(r % 100);
    if (kind < 4)
        return QStringLiteral("This fails on my machine:\n\n")
            + snippets.at(int((r >> 8) % snippets.size()));
    if (kind < 70)
        return shortLines.at(int((r >> 8) % shortLines.size()));
    return sampleBody(n);
}

} // namespace plein::bench
