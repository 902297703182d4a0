#include "app/demopeople.h"

#include "capabilities/accounts/accountstore.h"
#include "capabilities/people/peoplecapability.h"
#include "core/servercore.h"

#include <QJsonArray>

namespace plein::server {

namespace {

struct DemoProfile
{
    const char* username;
    const char* jobTitle;
    const char* location;
    const char* phone;
    const char* about;
    std::initializer_list<const char*> expertise;
    std::initializer_list<const char*> interests;
};

QJsonArray tags(std::initializer_list<const char*> list)
{
    QJsonArray out;
    for (const char* t : list)
        out.append(QString::fromUtf8(t));
    return out;
}

} // namespace

bool hasDemoProfiles(ServerCore& core, const User& anna)
{
    const auto p = core.capability<PeopleCapability>().store().find(anna.id);
    return p && p.value() && !p.value()->jobTitle.isEmpty();
}

std::optional<QString> seedDemoProfiles(ServerCore& core, const QHash<QString, User>& users)
{
    const DemoProfile profiles[] = {
        {"anna",
         "Communicatieadviseur",
         "Middelburg, hoofdkantoor",
         "+31 118 620 101",
         "Ik zorg dat collega's en omwoners weten wat het waterschap doet, van een nieuwe "
         "sluisdeur tot hoogwater. Beheerder van Plein: vragen over het platform mag je mij "
         "altijd stellen.",
         {"communicatie", "crisiscommunicatie", "intranet"},
         {"fotografie", "hardlopen", "zeilen"}},
        {"bram",
         "Dijkinspecteur",
         "Terneuzen, steunpunt",
         "+31 115 640 212",
         "Meestal buiten op de dijk tussen Terneuzen en Kruiningen. Na elke storm loop ik de "
         "waterkeringen na; bel gerust als je iets ziet dat niet klopt.",
         {"dijkbeheer", "waterkeringen", "inspecties"},
         {"hardlopen", "vogels kijken", "fietsen"}},
        {"chantal",
         "Functioneel beheerder GIS",
         "Middelburg, hoofdkantoor",
         "+31 118 620 145",
         "Ik beheer onze kaarten en de systemen erachter. Heb je een kaartlaag nodig of loopt "
         "een applicatie vast, dan hoor ik het graag.",
         {"GIS", "databases", "ICT-beheer"},
         {"fotografie", "bordspellen"}},
        {"daan",
         "Adviseur waterkwaliteit",
         "Kruiningen, laboratorium",
         "+31 113 381 077",
         "Metingen van kwel, zout en nutriënten, en wat ze betekenen voor de polders. "
         "Organisator van de lunchwandelingen op donderdag.",
         {"waterkwaliteit", "kwelmetingen", "GIS"},
         {"wandelen", "hardlopen", "fotografie"}},
        {"eva",
         "HR-adviseur",
         "Middelburg, hoofdkantoor",
         "+31 118 620 133",
         "Voor verlof, verzuim, opleidingen en alles rond je contract. Nieuw bij het "
         "waterschap? Dan drinken we in je eerste week koffie.",
         {"verlof en verzuim", "werving", "arbo"},
         {"wandelen", "koken", "zeilen"}},
    };
    PeopleService& people = core.capability<PeopleCapability>().service();
    int n = 0;
    for (const DemoProfile& d : profiles) {
        const User user = users.value(QString::fromUtf8(d.username));
        auto r = people.updateProfile(
            user,
            QJsonObject {{QStringLiteral("clientId"), QStringLiteral("demo-people-%1").arg(++n)},
                         {QStringLiteral("jobTitle"), QString::fromUtf8(d.jobTitle)},
                         {QStringLiteral("location"), QString::fromUtf8(d.location)},
                         {QStringLiteral("phone"), QString::fromUtf8(d.phone)},
                         {QStringLiteral("about"), QString::fromUtf8(d.about)},
                         {QStringLiteral("expertise"), tags(d.expertise)},
                         {QStringLiteral("interests"), tags(d.interests)}});
        if (!r)
            return QStringLiteral("%1: %2").arg(user.username, r.error().message);
    }
    return std::nullopt;
}

} // namespace plein::server
