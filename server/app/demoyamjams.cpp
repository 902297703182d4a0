#include "app/demoyamjams.h"

#include "app/demoblogs.h"
#include "capabilities/accounts/accountstore.h"
#include "capabilities/yamjams/yamjamscapability.h"
#include "core/database.h"
#include "core/servercore.h"
#include "sql/query.h"

#include <QDateTime>
#include <QJsonArray>
#include <QSqlError>
#include <QSqlQuery>

namespace plein::server {

namespace {

using L = QLatin1StringView;

QString utcIn(qint64 minutes)
{
    return QDateTime::currentDateTimeUtc().addSecs(minutes * 60).toString(Qt::ISODateWithMs);
}

class Seeder
{
public:
    Seeder(ServerCore& core, const QHash<QString, User>& users)
        : m_service(core.capability<YamJamsCapability>().service())
        , m_users(users)
    { }

    std::optional<QString> error;

    qint64 id(const char* who) const { return m_users.value(QString::fromLatin1(who)).id; }

    QJsonObject write(const char* who,
                      Result<WriteService::Outcome> (YamJamService::*method)(const User&,
                                                                             const QJsonObject&),
                      QJsonObject payload)
    {
        if (error)
            return {};
        payload.insert(QStringLiteral("clientId"), QStringLiteral("demo-yamjam-%1").arg(++m_n));
        auto r = (m_service.*method)(m_users.value(QString::fromLatin1(who)), payload);
        if (!r) {
            error = r.error().message;
            return {};
        }
        return r->result;
    }

    qint64 create(const char* who, QJsonObject settings)
    {
        return qint64(write(who, &YamJamService::create, std::move(settings))
                          .value(L("yamjam"))
                          .toObject()
                          .value(L("id"))
                          .toDouble());
    }

    qint64 ask(const char* who, qint64 yamjam, const QString& body, bool anonymous = false)
    {
        return qint64(write(who, &YamJamService::ask,
                            {{QStringLiteral("yamjamId"), yamjam},
                             {QStringLiteral("body"), body},
                             {QStringLiteral("anonymous"), anonymous}})
                          .value(L("question"))
                          .toObject()
                          .value(L("id"))
                          .toDouble());
    }

    void votes(qint64 question, std::initializer_list<const char*> who)
    {
        for (const char* w : who)
            write(w, &YamJamService::vote,
                  {{QStringLiteral("questionId"), question}, {QStringLiteral("voted"), true}});
    }

    void answer(const char* who, qint64 question, const QString& body, bool live = false)
    {
        write(who, &YamJamService::answer,
              {{QStringLiteral("questionId"), question},
               {QStringLiteral("body"), body},
               {QStringLiteral("live"), live}});
    }

private:
    YamJamService& m_service;
    const QHash<QString, User>& m_users;
    int m_n = 0;
};

} // namespace

bool hasDemoYamJams(ServerCore& core)
{
    QSqlQuery q(core.db.db());
    return q.exec(QStringLiteral("SELECT COUNT(*) FROM yamjams")) && q.next()
        && q.value(0).toInt() > 0;
}

std::optional<QString> seedDemoYamJams(ServerCore& core, const QHash<QString, User>& users)
{
    Seeder s(core, users);
    const auto ids = [&](std::initializer_list<const char*> who) {
        QJsonArray out;
        for (const char* w : who)
            out.append(s.id(w));
        return out;
    };

    // Last month's, on the business plan: held live now, moved into the past below.
    const qint64 plan = s.create(
        "anna",
        {{QStringLiteral("title"), QStringLiteral("YamJam: het nieuwe ondernemingsplan")},
         {QStringLiteral("description"),
          QStringLiteral("Een uur lang alle vragen over het ondernemingsplan 2030, "
                         "beantwoord door de directie.")},
         {QStringLiteral("startsAt"), utcIn(-1)},
         {QStringLiteral("endsAt"), utcIn(60)},
         {QStringLiteral("hostIds"), ids({"anna", "eva"})},
         {QStringLiteral("audience"), QStringLiteral("everyone")}});
    const qint64 budget = s.ask("bram", plan,
                                QStringLiteral("Gaat het budget voor dijkversterking ten koste van "
                                               "het onderhoud?"));
    const qint64 home
        = s.ask("daan", plan, QStringLiteral("Blijft thuiswerken twee dagen per week mogelijk?"));
    const qint64 sensors
        = s.ask("chantal", plan,
                QStringLiteral("Wie beheert straks de sensoren op de sluizen: ICT of "
                               "Beheer en Onderhoud?"));
    const qint64 training
        = s.ask("daan", plan, QStringLiteral("Komt er scholing voor de nieuwe systemen?"));
    s.votes(budget, {"chantal", "daan", "eva"});
    s.votes(home, {"bram", "chantal", "eva", "anna"});
    s.votes(sensors, {"bram"});
    s.votes(training, {"chantal"});
    s.answer("anna", home,
             QStringLiteral("Ja. De afspraak van twee dagen blijft; we kijken in het voorjaar "
                            "samen met de OR of het werkt."));
    s.answer("eva", budget,
             QStringLiteral("Nee: het onderhoud heeft een eigen budget dat meegroeit. De "
                            "versterking komt er **bovenop**."));
    s.answer("eva", sensors, QString(), true);
    if (s.error)
        return s.error;
    {
        // Moved to last month: held on a Tuesday from 14:00 to 15:00.
        const QDate day = QDate::currentDate().addDays(-30);
        const auto at = [&](int hour) {
            return QDateTime(day, QTime(hour, 0), Qt::UTC).toString(Qt::ISODateWithMs);
        };
        QSqlQuery q(core.db.db());
        if (!sql::run(q,
                      QStringLiteral("UPDATE yamjams SET starts_at = ?, ends_at = ?, created_at = "
                                     "?, changed_at = ? WHERE id = ?"),
                      {at(14), at(15), at(9), at(15), plan}))
            return q.lastError().text();
    }

    // Live now (for a week): the new laptops, for ICT-nieuws and Dijkbeheer (announced by anna,
    // an administrator, who may invite any group), hosted and organised by chantal.
    const qint64 laptops = s.create(
        "anna",
        {{QStringLiteral("title"), QStringLiteral("Vragenuur: de nieuwe laptops")},
         {QStringLiteral("description"),
          QStringLiteral("Deze maand krijgt iedereen een nieuwe laptop. Stel hier je vragen over "
                         "de overstap, je bestanden en de nieuwe apps.")},
         {QStringLiteral("startsAt"), utcIn(-30)},
         {QStringLiteral("endsAt"), utcIn(7 * 24 * 60 - 31)},
         {QStringLiteral("hostIds"), ids({"chantal"})},
         {QStringLiteral("organiserIds"), ids({"chantal"})},
         {QStringLiteral("audience"), QStringLiteral("restricted")},
         {QStringLiteral("groupIds"),
          QJsonArray {demoGroupNamed(core.db, QStringLiteral("ICT-nieuws")),
                      demoGroupNamed(core.db, QStringLiteral("Dijkbeheer"))}},
         {QStringLiteral("userIds"), ids({"eva"})},
         {QStringLiteral("anonymous"), true}});
    const qint64 files = s.ask("bram", laptops,
                               QStringLiteral("Worden mijn bestanden vanzelf overgezet, of moet "
                                              "ik zelf een back-up maken?"));
    const qint64 field = s.ask("daan", laptops,
                               QStringLiteral("Kan ik de laptop ook in het veld gebruiken, bij "
                                              "regen op de dijk?"));
    const qint64 old
        = s.ask("eva", laptops, QStringLiteral("Mag ik mijn oude laptop houden?"), true);
    s.votes(files, {"daan", "eva", "anna"});
    s.votes(field, {"bram"});
    s.votes(old, {"bram", "daan"});
    s.answer("chantal", files,
             QStringLiteral("Alles in je persoonlijke map gaat mee. Wat op het bureaublad staat "
                            "niet: zet dat vóór vrijdag in je map."));

    // Three days ahead: the board on working from home; moderated, anonymous allowed.
    const qint64 board = s.create(
        "anna",
        {{QStringLiteral("title"), QStringLiteral("YamJam met de directie: werken op afstand")},
         {QStringLiteral("description"),
          QStringLiteral("Hoe werken we in 2027 samen als de helft van ons thuis zit? Vragen "
                         "mogen nu al; een moderator keurt ze goed.")},
         {QStringLiteral("startsAt"), utcIn(3 * 24 * 60)},
         {QStringLiteral("endsAt"), utcIn(3 * 24 * 60 + 60)},
         {QStringLiteral("hostIds"), ids({"anna", "eva"})},
         {QStringLiteral("audience"), QStringLiteral("everyone")},
         {QStringLiteral("moderated"), true},
         {QStringLiteral("anonymous"), true}});
    const qint64 early = s.ask(
        "bram", board, QStringLiteral("Komt er een vergoeding voor een bureaustoel thuis?"));
    s.ask("daan", board, QStringLiteral("Waarom moeten we op dinsdag allemaal op kantoor zijn?"),
          true);
    s.write("anna", &YamJamService::moderate,
            {{QStringLiteral("questionId"), early},
             {QStringLiteral("action"), QStringLiteral("approve")}});
    s.votes(early, {"chantal", "daan"});
    return s.error;
}

} // namespace plein::server
