#include "app/demochat.h"

#include "capabilities/accounts/accountstore.h"
#include "capabilities/chat/chatcapability.h"
#include "capabilities/groups/groupscapability.h"
#include "core/servercore.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>

namespace plein::server {

namespace {

// Writes as the demo's people, with the chat service's clock set to when each message was
// "sent", so the history spans days.
class Seeder
{
public:
    Seeder(ServerCore& core, const QHash<QString, User>& users)
        : m_chat(core.capability<ChatCapability>().service())
        , m_users(users)
    { }
    ~Seeder() { m_chat.setClock({}); }

    std::optional<QString> error;

    User user(const char* name) const { return m_users.value(QString::fromLatin1(name)); }

    QJsonObject write(const char* who,
                      Result<WriteService::Outcome> (ChatService::*method)(const User&,
                                                                           const QJsonObject&),
                      QJsonObject payload)
    {
        payload.insert(QStringLiteral("clientId"), QStringLiteral("demo-chat-%1").arg(++m_n));
        auto r = (m_chat.*method)(user(who), payload);
        if (!r) {
            if (!error)
                error = r.error().message;
            return {};
        }
        return r->result;
    }

    qint64 conversationOf(const QJsonObject& answer)
    {
        return qint64(answer.value(QLatin1StringView("conversation"))
                          .toObject()
                          .value(QLatin1StringView("id"))
                          .toDouble());
    }

    // A message sent `minutesAgo` minutes before now. Times run forward within a conversation
    // whatever the script says: a message (a reply above all) is never older than the one
    // before it, which the app would show out of order with its day separators.
    qint64 say(const char* who, qint64 conversation, int minutesAgo, const QString& body,
               qint64 replyTo = 0)
    {
        QDateTime at = QDateTime::currentDateTimeUtc().addSecs(-60LL * minutesAgo);
        const auto previous = m_lastAt.constFind(conversation);
        if (previous != m_lastAt.constEnd() && at <= *previous)
            at = previous->addSecs(20);
        m_lastAt.insert(conversation, at);
        m_chat.setClock([at]() { return at; });
        QJsonObject payload {{QStringLiteral("conversationId"), conversation},
                             {QStringLiteral("body"), body}};
        if (replyTo)
            payload.insert(QStringLiteral("replyTo"), replyTo);
        const QJsonObject r = write(who, &ChatService::send, payload);
        m_chat.setClock({});
        return qint64(r.value(QLatin1StringView("message"))
                          .toObject()
                          .value(QLatin1StringView("id"))
                          .toDouble());
    }

    void react(const char* who, qint64 message, const char* reaction)
    {
        write(who, &ChatService::react,
              {{QStringLiteral("messageId"), message},
               {QStringLiteral("reaction"), QLatin1StringView(reaction)},
               {QStringLiteral("on"), true}});
    }

    void read(const char* who, qint64 conversation, qint64 message)
    {
        write(who, &ChatService::read,
              {{QStringLiteral("conversationId"), conversation},
               {QStringLiteral("messageId"), message}});
    }

private:
    ChatService& m_chat;
    const QHash<QString, User>& m_users;
    QHash<qint64, QDateTime> m_lastAt; // the newest message's time, by conversation
    int m_n = 0;
};

constexpr int hour = 60;
constexpr int day = 24 * hour;

} // namespace

std::optional<QString> seedDemoChat(ServerCore& core, const QHash<QString, User>& users)
{
    Seeder s(core, users);

    // anna and bram, yesterday and this morning.
    const qint64 direct = s.conversationOf(
        s.write("bram", &ChatService::open, {{QStringLiteral("userId"), s.user("anna").id}}));
    s.say("bram", direct, day + 3 * hour,
          QStringLiteral("Goedemorgen Anna! Heb je even tijd voor het stuk over de sluis in "
                         "Terneuzen voor de nieuwsbrief?"));
    s.say("anna", direct, day + 3 * hour - 8,
          QStringLiteral("Zeker, stuur maar wat je hebt. Foto's zijn ook welkom."));
    const qint64 query
        = s.say("bram", direct, day + 2 * hour + 40,
                QStringLiteral("Ik heb de peilstanden van vorige week uit de database gehaald:\n\n"
                               "```sql\n"
                               "SELECT datum, locatie, peil_cm\n"
                               "FROM peilmetingen\n"
                               "WHERE locatie = 'Terneuzen'\n"
                               "  AND datum >= CURRENT_DATE - 7\n"
                               "ORDER BY datum;\n"
                               "```\n\n"
                               "De grafiek stuur ik vanmiddag."));
    const qint64 top = s.say("anna", direct, day + 2 * hour + 30,
                             QStringLiteral("Top, daar maak ik een mooi stuk van."));
    const qint64 code = s.say(
        "bram", direct, day - 2 * hour,
        QStringLiteral("Chantal heeft het programma voor de grafiek opgeschoond. De kern is "
                       "nu dit:\n\n"
                       "```cpp\n"
                       "// Het gemiddelde peil van een dag, in centimeters\n"
                       "double gemiddeldPeil(const std::vector<Meting>& dag)\n"
                       "{\n"
                       "    if (dag.empty())\n"
                       "        return 0.0;\n"
                       "    double som = 0.0;\n"
                       "    for (const Meting& m : dag)\n"
                       "        som += m.peilCm;\n"
                       "    return som / dag.size();\n"
                       "}\n"
                       "```"));
    s.say("anna", direct, day - 2 * hour - 6,
          QStringLiteral("Dat is een stuk overzichtelijker dan de spreadsheet van vorig jaar."),
          code);
    const qint64 call = s.say("anna", direct, day - 4 * hour - 15,
                              QStringLiteral("Zullen we morgen om 10 uur even bellen over de "
                                             "tekst?"));
    s.say("bram", direct, day - 4 * hour - 20, QStringLiteral("Prima, morgen om 10 uur."), call);
    s.say("anna", direct, 3 * hour, QStringLiteral("Ik bel je zo, even koffie halen."));
    const qint64 thanks
        = s.say("bram", direct, 2 * hour + 20,
                QStringLiteral("Dank voor het gesprek! Ik pas de alinea over het schutten nog "
                               "aan."));
    s.say("bram", direct, 55,
          QStringLiteral("Voor het kader met cijfers: het gemiddelde peil per week haal je zo "
                         "op.\n\n"
                         "```sql\n"
                         "SELECT date_trunc('week', datum) AS week,\n"
                         "       round(avg(peil_cm)) AS gemiddeld_cm\n"
                         "FROM peilmetingen\n"
                         "WHERE locatie = 'Terneuzen'\n"
                         "GROUP BY week\n"
                         "ORDER BY week;\n"
                         "```"));
    s.say("bram", direct, 50,
          QStringLiteral("De nieuwe versie staat in de gedeelde map. Kun je er vóór vrijdag "
                         "naar kijken?"));
    const qint64 photo
        = s.say("bram", direct, 49,
                QStringLiteral("O ja, de foto van de nieuwe sluisdeur staat er ook bij."));
    s.react("anna", query, "thumbsup");
    s.react("bram", top, "heart");
    s.react("anna", code, "eyes");
    s.react("anna", call, "thumbsup");
    s.read("bram", direct, photo);
    s.read("anna", direct, thanks); // the last three are unread for anna

    // Five people on the renovation of the lock at Eefde.
    QJsonArray others;
    for (const char* name : {"anna", "bram", "chantal", "eva"})
        others.append(s.user(name).id);
    const qint64 eefde
        = s.conversationOf(s.write("daan", &ChatService::create,
                                   {{QStringLiteral("title"), QStringLiteral("Sluis Eefde")},
                                    {QStringLiteral("userIds"), others}}));
    const qint64 welcome
        = s.say("daan", eefde, 6 * hour,
                QStringLiteral("Welkom in het overleg over de renovatie van sluis Eefde. Hier "
                               "houden we elkaar op de hoogte van de planning."));
    const qint64 sensors = s.say(
        "chantal", eefde, 5 * hour,
        QStringLiteral("De sensoren op de sluisdeuren sturen nu elke minuut hun meting. Zo lees "
                       "je de laatste waterstand uit:\n\n"
                       "```python\n"
                       "import requests\n\n"
                       "url = 'https://sensoren.plein.example/eefde/deur-oost/laatste'\n"
                       "meting = requests.get(url, timeout=5).json()\n"
                       "print(f\"Waterstand: {meting['waterstand_cm']} cm\")\n"
                       "```"));
    s.say("bram", eefde, 4 * hour + 30,
          QStringLiteral("Mooi! Dan kunnen de storingsmeldingen eindelijk automatisch."), sensors);
    s.say("eva", eefde, 90,
          QStringLiteral("Ik plan de informatieavond voor de omwonenden op 12 december. "
                         "@anna, wil jij de uitnodiging schrijven?"));
    s.say("daan", eefde, 25,
          QStringLiteral("Goed plan. De planning van de aannemer volgt deze week."));
    s.react("bram", welcome, "thumbsup");
    s.react("eva", sensors, "party");
    s.react("daan", sensors, "thumbsup");
    s.read("anna", eefde, sensors); // the mention and what follows are unread

    // The chat of the public group Lunchwandelaars (daan, anna, bram and eva).
    GroupStore::ListQuery find;
    find.viewerId = s.user("daan").id;
    find.nameContains = QStringLiteral("lunchwandelaars");
    const auto found = core.capability<GroupsCapability>().store().list(find);
    if (found && !found->isEmpty()) {
        const qint64 walkers = s.conversationOf(s.write(
            "daan", &ChatService::open, {{QStringLiteral("groupId"), found->first().group.id}}));
        s.say("daan", walkers, 3 * hour,
              QStringLiteral("Donderdag lopen we weer! Wie gaat er mee?"));
        s.say("eva", walkers, 3 * hour - 12, QStringLiteral("Ik ben erbij!"));
        s.say("bram", walkers, 2 * hour, QStringLiteral("Ik ook, als het droog blijft."));
        const qint64 weather
            = s.say("daan", walkers, 15,
                    QStringLiteral("Het blijft droog volgens het KNMI. Om 12:15 bij de "
                                   "hoofdingang, we lopen naar het veer en terug."));
        s.react("eva", weather, "thumbsup");
        s.react("bram", weather, "thumbsup");
    }
    return s.error;
}

} // namespace plein::server
