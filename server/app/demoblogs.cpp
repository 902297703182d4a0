#include "app/demoblogs.h"

#include "app/demofiles.h"
#include "capabilities/accounts/accountstore.h"
#include "capabilities/blogs/blogscapability.h"
#include "capabilities/files/filescapability.h"
#include "core/database.h"
#include "core/servercore.h"
#include "sql/query.h"

#include <QDateTime>
#include <QJsonArray>
#include <QSqlQuery>

namespace plein::server {

namespace {

using L = QLatin1StringView;

const char* const plan
    = R"(Het afgelopen jaar hebben we met elkaar gesproken over waar het waterschap in 2030 wil staan. Dit stuk vat samen wat er in het **nieuwe ondernemingsplan** staat en wat het voor je werk betekent.

## Waarom een nieuw plan

Het klimaat verandert sneller dan we in 2020 dachten. Hogere rivierstanden in de winter, langere droge perioden in de zomer: onze dijken, gemalen en zuiveringen moeten daar klaar voor zijn.

> Water houdt zich niet aan de grenzen van afdelingen. Wij dus ook niet.

## De drie pijlers

1. **Veilig**: alle primaire keringen in 2030 op de nieuwe norm.
2. **Schoon**: de zuiveringen halen medicijnresten uit het water.
3. **Samen**: minder losse projecten, meer samenwerking tussen de afdelingen.

| Pijler | Budget 2027 | Trekker |
|---|---:|---|
| Veilig | € 41 mln | Beheer en Onderhoud |
| Schoon | € 18 mln | Waterkwaliteit |
| Samen | € 2 mln | Communicatie |

## Wat verandert er voor jou

- Elk kwartaal een **open spreekuur** met de directie, hier op Plein.
- Projecten krijgen één gezamenlijke planning; de eerste versie staat in de groep Directieoverleg.
- We meten of het werkt: de cijfers delen we hier.

Vragen? Stel ze onder dit artikel of in de YamJam van volgende maand. #ondernemingsplan)";

const char* const inspection
    = R"(Na de storm van afgelopen weekend hebben Daan en ik de zeedijk tussen paal 12 en paal 19 gelopen.

## Bevindingen

- Bij paal 14 een **afschuiving** van ongeveer 6 meter aan de binnenkant; afgezet en gemeld.
- De bekleding bij paal 17 is op twee plekken losgeslagen.
- Geen kwel gezien; de peilbuizen geven normale waarden.

## Vervolg

De aannemer komt donderdag. Tot die tijd geen zwaar verkeer op het onderhoudspad.

```
paal 14  afschuiving   6 m   prioriteit 1
paal 17  bekleding     2x    prioriteit 2
```)";

class Seeder
{
public:
    Seeder(ServerCore& core, const QHash<QString, User>& users)
        : m_blogs(core.capability<BlogsCapability>().service())
        , m_comments(core.capability<BlogsCapability>().comments())
        , m_files(core.capability<FilesCapability>().service())
        , m_users(users)
    { }

    std::optional<QString> error;

    template<class Service>
    QJsonObject write(const char* who,
                      Result<WriteService::Outcome> (Service::*method)(const User&,
                                                                       const QJsonObject&),
                      QJsonObject payload, L key = L("article"))
    {
        if (error)
            return {};
        payload.insert(QStringLiteral("clientId"), QStringLiteral("demo-blog-%1").arg(++m_n));
        Service* service = nullptr;
        if constexpr (std::is_same_v<Service, BlogService>)
            service = &m_blogs;
        else
            service = &m_comments;
        auto r = (service->*method)(m_users.value(QString::fromLatin1(who)), payload);
        if (!r) {
            error = r.error().message;
            return {};
        }
        return r->result.value(key).toObject();
    }

    qint64 comment(const char* who, const QJsonObject& article, const QString& body,
                   qint64 parentId = 0)
    {
        QJsonObject p {{QStringLiteral("articleId"), article.value(L("id"))},
                       {QStringLiteral("body"), body}};
        if (parentId)
            p.insert(QStringLiteral("parentId"), parentId);
        return qint64(
            write(who, &CommentService::create, p, L("comment")).value(L("id")).toDouble());
    }

    void like(const char* who, const QJsonObject& article)
    {
        write(who, &CommentService::likeArticle,
              {{QStringLiteral("articleId"), article.value(L("id"))},
               {QStringLiteral("liked"), true}},
              L("none"));
    }

    QJsonObject draft(const char* who, const QString& title, const QString& summary,
                      const QString& body, qint64 groupId = 0, const QStringList& tags = {},
                      const QList<qint64>& coAuthors = {})
    {
        QJsonObject p {{QStringLiteral("baseRevision"), 0},
                       {QStringLiteral("title"), title},
                       {QStringLiteral("summary"), summary},
                       {QStringLiteral("body"), body},
                       {QStringLiteral("tags"), QJsonArray::fromStringList(tags)}};
        if (groupId)
            p.insert(QStringLiteral("groupId"), groupId);
        if (!coAuthors.isEmpty()) {
            QJsonArray ids;
            for (qint64 id : coAuthors)
                ids.append(id);
            p.insert(QStringLiteral("coAuthors"), ids);
        }
        return write(who, &BlogService::save, p);
    }

    QJsonObject publish(const char* who, const QJsonObject& article, const QString& at = {})
    {
        QJsonObject p {{QStringLiteral("articleId"), article.value(L("id"))},
                       {QStringLiteral("baseRevision"), article.value(L("revision"))}};
        if (!at.isEmpty())
            p.insert(QStringLiteral("at"), at);
        return write(who, &BlogService::publish, p);
    }

    // A drawn cover (demoCover's `scene`), uploaded by `who` and set on the article.
    void cover(const char* who, const QJsonObject& article, int scene, const QString& name)
    {
        if (error || article.isEmpty())
            return;
        QString drawError;
        const QByteArray png = demoCover(scene, &drawError);
        if (png.isEmpty()) {
            error = QStringLiteral("the cover %1: %2").arg(name, drawError);
            return;
        }
        auto stored = m_files.storeBytes(m_users.value(QString::fromLatin1(who)), name, png);
        if (!stored) {
            error = stored.error().message;
            return;
        }
        write(who, &BlogService::cover,
              {{QStringLiteral("articleId"), article.value(L("id"))},
               {QStringLiteral("coverFileId"), stored->id}});
    }

private:
    BlogService& m_blogs;
    CommentService& m_comments;
    FileService& m_files;
    const QHash<QString, User>& m_users;
    int m_n = 0;
};

} // namespace

qint64 demoGroupNamed(Database& db, const QString& name)
{
    QSqlQuery q(db.db());
    return sql::run(q, QStringLiteral("SELECT id FROM user_groups WHERE title = ?"), {name})
            && q.next()
        ? q.value(0).toLongLong()
        : 0;
}

bool hasDemoBlogs(ServerCore& core)
{
    QSqlQuery q(core.db.db());
    return q.exec(QStringLiteral("SELECT COUNT(*) FROM articles")) && q.next()
        && q.value(0).toInt() > 0;
}

std::optional<QString> seedDemoBlogs(ServerCore& core, const QHash<QString, User>& users)
{
    Seeder s(core, users);
    const qint64 eva = users.value(QStringLiteral("eva")).id;
    // Two shorter articles first, so the plan is the company blog's newest.
    const QJsonObject lock = s.publish(
        "daan",
        s.draft(
            "daan", QStringLiteral("Een nacht mee met de sluiswachters van Eefde"),
            QStringLiteral("Van zes uur 's avonds tot zes uur 's ochtends: wat er "
                           "gebeurt als de rest slaapt."),
            QStringLiteral("Om zes uur neemt Henk de dienst over. Eerst de lijst: welke schepen "
                           "zijn er aangemeld, hoe staat het water, werken de deuren?\n\n"
                           "## De drukte van de nacht\n\nTussen tien en twee komen de grote "
                           "duwbakken. Elke schutting duurt twintig minuten; in een goede nacht "
                           "zijn het er veertien.\n\n## Wat de sensoren doen\n\nSinds de zomer "
                           "meten sensoren de deuren elke minuut. “Vroeger liep ik elk uur een "
                           "ronde, nu zie ik het op het scherm en loop ik als het nodig is.”\n\n"
                           "> Het mooiste moment? Als om vijf uur de mist optrekt boven de "
                           "IJssel.\n"),
            0, {QStringLiteral("sluizen"), QStringLiteral("eefde")}));
    s.cover("daan", lock, 0, QStringLiteral("sluis-eefde-nacht.png"));
    const QJsonObject tips = s.publish(
        "eva",
        s.draft("eva", QStringLiteral("Zo schrijf je een artikel dat gelezen wordt"),
                QStringLiteral("Vijf tips van de redactie, van de titel tot de laatste "
                               "zin."),
                QStringLiteral("1. **Begin met het nieuws.** Wat verandert er, en voor wie?\n"
                               "2. **Een titel die zegt wat er staat.** Geen raadsels.\n"
                               "3. **Kopjes** om te scannen: lezers springen.\n"
                               "4. **Kort.** Vijf minuten lezen is veel.\n"
                               "5. **Eindig met een vraag**, dan reageren collega's.\n\n"
                               "Je concept wordt bewaard terwijl je typt, ook in de trein zonder "
                               "netwerk. Publiceren kan later, of op een tijd die je kiest.\n"),
                0, {QStringLiteral("schrijftips")}));
    s.cover("eva", tips, 1, QStringLiteral("schrijven.png"));
    if (const qint64 walkers = demoGroupNamed(core.db, QStringLiteral("Lunchwandelaars")))
        s.cover(
            "daan",
            s.publish("daan",
                      s.draft("daan", QStringLiteral("Drie lunchrondjes rond het kantoor"),
                              QStringLiteral("Twintig, dertig of veertig minuten, allemaal met "
                                             "koffie onderweg."),
                              QStringLiteral("## Twintig minuten: het park\n\nLinksaf bij de "
                                             "ingang, rond de vijver en terug langs de bakker.\n\n"
                                             "## Dertig minuten: de dijk\n\nOver de brug, de dijk "
                                             "op tot het gemaal.\n\n## Veertig minuten: de "
                                             "polder\n\nAlleen bij droog weer: het pad is na regen "
                                             "modderig.\n"),
                              walkers, {QStringLiteral("wandelen")})),
            2, QStringLiteral("polder.png"));
    const QString planText = QString::fromUtf8(plan);
    auto a = s.draft("anna", QStringLiteral("Het nieuwe ondernemingsplan: wat verandert er?"),
                     QStringLiteral("Veilig, schoon en samen: de drie pijlers voor 2030 en wat "
                                    "ze voor je werk betekenen."),
                     planText, 0, {QStringLiteral("ondernemingsplan")}, {eva});
    a = s.publish("anna", a);
    s.cover("anna", a, 3, QStringLiteral("ondernemingsplan-2030.png"));
    // Eva's correction after publishing: a second revision in the history.
    QString corrected = planText;
    corrected.replace(QStringLiteral("Elk kwartaal een **open spreekuur**"),
                      QStringLiteral("Elke maand een **open spreekuur**"));
    s.write("eva", &BlogService::edit,
            {{QStringLiteral("articleId"), a.value(L("id"))},
             {QStringLiteral("baseRevision"), a.value(L("revision"))},
             {QStringLiteral("title"), a.value(L("title"))},
             {QStringLiteral("summary"), a.value(L("summary"))},
             {QStringLiteral("body"), corrected},
             {QStringLiteral("tags"), a.value(L("tags"))}});
    const qint64 question
        = s.comment("bram", a,
                    QStringLiteral("Helder stuk. Geldt het open spreekuur ook voor de "
                                   "buitendienst? Wij zitten niet vaak achter een bureau."));
    s.comment("anna", a,
              QStringLiteral("Zeker, @bram. Het spreekuur is ook vanaf de telefoon te volgen, en "
                             "vragen kun je vooraf hier stellen."),
              question);
    s.comment("daan", a, QStringLiteral("Goed dat schoon water een eigen pijler is. 💧"));
    for (const char* who : {"bram", "chantal", "daan"})
        s.like(who, a);

    if (const qint64 dikes = demoGroupNamed(core.db, QStringLiteral("Dijkbeheer"))) {
        const auto report
            = s.draft("bram", QStringLiteral("Zeedijk na de storm: twee plekken met werk"),
                      QStringLiteral("Een afschuiving bij paal 14 en losse bekleding bij paal "
                                     "17. De aannemer komt donderdag."),
                      QString::fromUtf8(inspection), dikes, {QStringLiteral("dijkbewaking")});
        s.publish("bram", report);
    }

    s.draft("anna", QStringLiteral("Terugblik op 2026"),
            QStringLiteral("Een jaar Plein, in cijfers en verhalen."),
            QStringLiteral("## Wat ging goed\n\n- Meer dan de helft van de collega's schrijft "
                           "mee.\n\n## Wat kan beter\n\n(nog aanvullen)"));
    const auto laptops
        = s.draft("chantal", QStringLiteral("Nieuwe laptops in januari"),
                  QStringLiteral("Wie krijgt er wanneer een nieuwe laptop, en wat moet je "
                                 "vooraf doen?"),
                  QStringLiteral("In januari vervangen we de laptops van 2021.\n\n## Wat moet "
                                 "je doen\n\n1. Zet je bestanden in de gedeelde map.\n2. Kies een "
                                 "moment in de planning.\n\nPlein en je berichten staan na het "
                                 "inloggen meteen weer op de nieuwe laptop."),
                  0, {QStringLiteral("ict")});
    s.publish("chantal", laptops,
              QDateTime::currentDateTimeUtc().addDays(3).toString(Qt::ISODateWithMs));
    return s.error;
}

} // namespace plein::server
