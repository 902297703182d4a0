#include "app/commands.h"

#include "app/config.h"
#include "app/demoblogs.h"
#include "app/demochat.h"
#include "app/demofiles.h"
#include "app/demopeople.h"
#include "app/demoyamjams.h"
#include "capabilities/chat/chatcapability.h"
#include "capabilities/feed/feedcapability.h"
#include "capabilities/files/filescapability.h"
#include "capabilities/groups/groupscapability.h"
#include "core/database.h"
#include "core/servercore.h"

#include <QCommandLineParser>
#include <QDir>
#include <QTextStream>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace plein::server {

namespace {

QTextStream& out()
{
    static QTextStream s(stdout);
    return s;
}

QTextStream& err()
{
    static QTextStream s(stderr);
    return s;
}

int fail(const QString& message)
{
    err() << "plein-server: " << message << Qt::endl;
    return 1;
}

// One line from stdin without echo when it is a terminal. Passwords never come from argv,
// where other users of the machine can read them.
std::optional<QString> readPassword(const QString& prompt, bool fromStdin)
{
    const bool tty = !fromStdin && isatty(STDIN_FILENO);
    termios saved {};
    if (tty) {
        err() << prompt << Qt::flush;
        tcgetattr(STDIN_FILENO, &saved);
        termios silent = saved;
        silent.c_lflag &= ~tcflag_t(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &silent);
    }
    QTextStream in(stdin);
    QString line;
    const bool ok = in.readLineInto(&line);
    if (tty) {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        err() << Qt::endl;
    }
    if (!ok)
        return std::nullopt;
    return line;
}

std::optional<QString> newPassword(const QCommandLineParser& p)
{
    const bool fromStdin = p.isSet(QStringLiteral("password-stdin")) || !isatty(STDIN_FILENO);
    auto first = readPassword(QStringLiteral("Password: "), fromStdin);
    if (!first)
        return std::nullopt;
    if (!fromStdin) {
        auto again = readPassword(QStringLiteral("Password again: "), false);
        if (!again || *again != *first) {
            err() << "plein-server: the passwords differ" << Qt::endl;
            return std::nullopt;
        }
    }
    return first;
}

struct OpenCore
{
    Database db;
    std::unique_ptr<ServerCore> core;
};

std::unique_ptr<OpenCore> openCore(const ServerConfig& config, QString* error)
{
    auto location = DatabaseLocation::parse(config.database, config.dataDir, error);
    if (!location)
        return nullptr;
    auto open = std::make_unique<OpenCore>();
    if (auto e = open->db.open(*location, config.sqliteSynchronousFull)) {
        *error = *e;
        return nullptr;
    }
    if (auto e = open->db.migrate()) {
        *error = *e;
        return nullptr;
    }
    open->core = std::make_unique<ServerCore>(open->db, config.capabilitySettings());
    return open;
}

int init(ServerConfig& config)
{
    if (!QDir().mkpath(config.dataDir))
        return fail(QStringLiteral("cannot create the data folder %1").arg(config.dataDir));
    QFile::setPermissions(config.dataDir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    if (config.organisation.isEmpty())
        config.organisation = QStringLiteral("Plein");
    if (auto e = config.writeFileIfMissing())
        return fail(*e);
    QString error;
    auto open = openCore(config, &error);
    if (!open)
        return fail(error);
    out() << "Initialised " << config.dataDir << " (schema version " << open->db.schemaVersion()
          << ")" << Qt::endl;
    return 0;
}

int userAdd(const QCommandLineParser& p, ServerConfig& config, const QString& username)
{
    QString error;
    auto open = openCore(config, &error);
    if (!open)
        return fail(error);
    const auto password = newPassword(p);
    if (!password)
        return fail(QStringLiteral("no password given"));
    AccountService::NewAccount a;
    a.username = username;
    a.displayName = p.value(QStringLiteral("display-name"));
    a.email = p.value(QStringLiteral("email"));
    a.department = p.value(QStringLiteral("department"));
    a.role = p.isSet(QStringLiteral("admin")) ? Role::Admin : Role::Member;
    a.password = *password;
    auto user = open->core->accountService.create(a);
    if (!user)
        return fail(user.error().message);
    out() << "Created " << roleName(user->role) << " " << user->username << " (id " << user->id
          << ")" << Qt::endl;
    return 0;
}

int userCommand(const QStringList& args, const QCommandLineParser& p, ServerConfig& config)
{
    const QString verb = args.value(1);
    const QString username = args.value(2).toLower();
    if (verb.isEmpty() || username.isEmpty())
        return fail(QStringLiteral(
            "usage: plein-server user add|deactivate|activate|set-role|passwd|quota USERNAME"));
    if (verb == QLatin1StringView("add"))
        return userAdd(p, config, username);
    QString error;
    auto open = openCore(config, &error);
    if (!open)
        return fail(error);
    auto& accounts = open->core->accountService;
    Result<User> r = makeError(protocol::ErrorCode::BadRequest,
                               QStringLiteral("unknown user command '%1'").arg(verb));
    if (verb == QLatin1StringView("deactivate") || verb == QLatin1StringView("activate")) {
        r = accounts.setActive(username, verb == QLatin1StringView("activate"));
    } else if (verb == QLatin1StringView("set-role")) {
        const auto role = roleFromName(args.value(3));
        if (!role)
            return fail(QStringLiteral("usage: plein-server user set-role USERNAME admin|member"));
        r = accounts.setRole(username, *role);
    } else if (verb == QLatin1StringView("quota")) {
        bool ok = false;
        const qint64 bytes = args.value(3).toLongLong(&ok);
        if (!ok || bytes < 0)
            return fail(QStringLiteral("usage: plein-server user quota USERNAME BYTES"));
        const auto user = open->core->accounts.findByUsername(username);
        if (!user)
            return fail(QStringLiteral("no user '%1'").arg(username));
        auto set = open->core->capability<FilesCapability>().service().setQuota(user->id, bytes);
        if (!set)
            return fail(set.error().message);
        r = *user;
    } else if (verb == QLatin1StringView("passwd")) {
        const auto password = newPassword(p);
        if (!password)
            return fail(QStringLiteral("no password given"));
        r = accounts.setPassword(username, *password);
    }
    if (!r)
        return fail(r.error().message);
    out() << "User " << r->username << ": " << verb << " done" << Qt::endl;
    return 0;
}

int demo(ServerConfig& config)
{
    if (config.organisation.isEmpty())
        config.organisation = QStringLiteral("Waterschap Plein (demo)");
    if (int rc = init(config))
        return rc;
    QString error;
    auto open = openCore(config, &error);
    if (!open)
        return fail(error);
    ServerCore& core = *open->core;
    // A demo made before groups, chat, profiles or files existed gets them added; a complete
    // one is left alone.
    const bool existing = core.accounts.count() > 0;
    const bool hasGroups = existing && core.capability<GroupsCapability>().store().count() > 0;
    const bool hasChat = existing && core.capability<ChatCapability>().store().count() > 0;
    const auto anna
        = existing ? core.accounts.findByUsername(QStringLiteral("anna")) : std::nullopt;
    const bool hasProfiles = anna && hasDemoProfiles(core, *anna);
    const bool hasPhotos = anna && hasDemoPhotos(core, *anna);
    const bool hasBlogs = existing && hasDemoBlogs(core);
    const bool hasYamJams = existing && hasDemoYamJams(core);
    if (hasGroups && hasChat && hasProfiles && hasPhotos && hasBlogs && hasYamJams) {
        out() << "The demo organisation exists already in " << config.dataDir << Qt::endl;
        return 0;
    }
    const QString password = QStringLiteral("plein-demo");
    struct Person
    {
        const char* username;
        const char* name;
        const char* department;
        Role role;
    };
    const Person people[] = {
        {"anna", "Anna de Vries", "Communicatie", Role::Admin},
        {"bram", "Bram Jansen", "Beheer en Onderhoud", Role::Member},
        {"chantal", "Chantal Bakker", "ICT", Role::Member},
        {"daan", "Daan Visser", "Waterkwaliteit", Role::Member},
        {"eva", "Eva Smit", "HR", Role::Member},
    };
    QHash<QString, User> users;
    for (const auto& person : people) {
        if (existing) {
            const auto found = core.accounts.findByUsername(QString::fromUtf8(person.username));
            if (!found)
                return fail(QStringLiteral("%1 holds an organisation that is not the demo")
                                .arg(config.dataDir));
            users.insert(found->username, *found);
            continue;
        }
        auto u = core.accountService.create(
            {QString::fromUtf8(person.username), QString::fromUtf8(person.name),
             QStringLiteral("%1@plein.example").arg(QString::fromUtf8(person.username)),
             QString::fromUtf8(person.department), person.role, password});
        if (!u)
            return fail(u.error().message);
        users.insert(u->username, u.value());
    }
    int n = 0;
    FeedService& feed = core.capability<FeedCapability>().service();
    GroupService& groups = core.capability<GroupsCapability>().service();
    const auto seedId = [&]() {
        return (existing ? QStringLiteral("demo-groups-%1") : QStringLiteral("demo-seed-%1"))
            .arg(++n);
    };
    const auto post
        = [&](const char* who, const QString& body, qint64 parent = 0, qint64 group = 0) -> qint64 {
        QJsonObject payload {{QStringLiteral("clientId"), seedId()},
                             {QStringLiteral("body"), body}};
        if (parent)
            payload.insert(QStringLiteral("parentId"), parent);
        if (group)
            payload.insert(QStringLiteral("groupId"), group);
        auto r = feed.create(users.value(QString::fromUtf8(who)), payload);
        return r ? qint64(r->result.value(QLatin1StringView("post"))
                              .toObject()
                              .value(QLatin1StringView("id"))
                              .toDouble())
                 : 0;
    };
    const auto like = [&](const char* who, qint64 postId) {
        feed.like(users.value(QString::fromUtf8(who)),
                  QJsonObject {{QStringLiteral("clientId"), seedId()},
                               {QStringLiteral("postId"), postId},
                               {QStringLiteral("liked"), true}});
    };
    const auto user = [&](const char* who) { return users.value(QString::fromUtf8(who)); };
    const auto group = [&](const char* owner, const QString& name, const QString& description,
                           const char* kind, const char* history = "all") -> qint64 {
        auto r
            = groups.create(user(owner),
                            QJsonObject {{QStringLiteral("clientId"), seedId()},
                                         {QStringLiteral("name"), name},
                                         {QStringLiteral("description"), description},
                                         {QStringLiteral("kind"), QString::fromUtf8(kind)},
                                         {QStringLiteral("history"), QString::fromUtf8(history)}});
        return r ? qint64(r->result.value(QLatin1StringView("group"))
                              .toObject()
                              .value(QLatin1StringView("id"))
                              .toDouble())
                 : 0;
    };
    const auto membership
        = [&](const char* who, qint64 groupId, const char* action, const char* target = nullptr) {
              QJsonObject payload {{QStringLiteral("clientId"), seedId()},
                                   {QStringLiteral("groupId"), groupId}};
              if (target)
                  payload.insert(QStringLiteral("userId"), user(target).id);
              const QLatin1StringView a(action);
              if (a == QLatin1StringView("join"))
                  groups.join(user(who), payload);
              else if (a == QLatin1StringView("invite"))
                  groups.invite(user(who), payload);
              else if (a == QLatin1StringView("approve")) {
                  payload.insert(QStringLiteral("approve"), true);
                  groups.decide(user(who), payload);
              } else if (a == QLatin1StringView("moderator")) {
                  payload.insert(QStringLiteral("role"), QStringLiteral("moderator"));
                  groups.setRole(user(who), payload);
              }
          };
    if (!existing) {
        const qint64 welcome
            = post("anna",
                   QStringLiteral(
                       "**Welkom op Plein!** Dit is ons eigen dorpsplein: stel vragen, deel wat je "
                       "doet en "
                       "vind collega's met dezelfde passie. Begin met een berichtje over jezelf."));
        post(
            "bram",
            QStringLiteral(
                "Mooi! Ik sta deze week bij de sluis in Terneuzen, dus ik lees mee vanaf de laptop "
                "in de trein."),
            welcome);
        post("eva", QStringLiteral("Welkom allemaal. Vragen over verlof? Tag me gerust met @eva."),
             welcome);
        like("bram", welcome);
        like("chantal", welcome);
        like("daan", welcome);
        const qint64 dike
            = post("bram",
                   QStringLiteral("Inspectie van de dijk bij Kruiningen afgerond. Geen schade na "
                                  "de storm van dinsdag. "
                                  "@daan, kun jij de metingen van het kwelwater delen? "
                                  "#dijkbewaking"));
        post("daan", QStringLiteral("Doe ik vanmiddag. De waarden zijn binnen de norm."), dike);
        like("anna", dike);
        const qint64 ict = post("chantal",
                                QStringLiteral("Tip: Plein werkt ook offline. Schrijf gerust in de "
                                               "trein; je berichten gaan vanzelf de "
                                               "deur uit zodra je weer verbinding hebt.\n\n- "
                                               "`Ctrl+Enter` verstuurt\n- Klik op een bericht "
                                               "voor de draad"));
        like("eva", ict);
        post("daan",
             QStringLiteral(
                 "Wie heeft er interesse in een lunchwandeling langs de Schelde? Elke donderdag om "
                 "12:15 vanaf de hoofdingang. #lunchwandeling"));
    }

    if (!hasGroups) {
        // Groups of every kind, with members, requests, invitations and posts.
        const qint64 walkers = group("daan", QStringLiteral("Lunchwandelaars"),
                                     QStringLiteral("Elke donderdag om 12:15 een rondje langs de "
                                                    "Schelde. Iedereen is welkom."),
                                     "public");
        membership("anna", walkers, "join");
        membership("bram", walkers, "join");
        membership("eva", walkers, "join");
        const qint64 walk = post("daan",
                                 QStringLiteral("Donderdag lopen we naar het veer en terug, zo'n 4 "
                                                "km. Neem een jas mee!"),
                                 0, walkers);
        post("eva", QStringLiteral("Ik ben erbij."), walk);
        like("anna", walk);
        const qint64 dikes
            = group("bram", QStringLiteral("Dijkbeheer"),
                    QStringLiteral("Inspecties, metingen en onderhoud van de dijken. "
                                   "Voor de mensen in het veld."),
                    "private");
        membership("bram", dikes, "invite", "daan");
        membership("daan", dikes, "join");
        membership("bram", dikes, "moderator", "daan");
        membership("chantal", dikes, "join"); // a request, waiting for bram or daan
        const qint64 measured
            = post("daan",
                   QStringLiteral("Kwelmetingen week 48: alle peilbuizen binnen de "
                                  "norm. Details in de gedeelde map. #dijkbewaking"),
                   0, dikes);
        post("bram", QStringLiteral("Dank je, Daan. Volgende week de Zeeuwse kant."), measured);
        const qint64 board
            = group("anna", QStringLiteral("Directieoverleg"),
                    QStringLiteral("Voorbereiding van het directieoverleg."), "secret", "joined");
        membership("anna", board, "invite", "eva");
        membership("eva", board, "join");
        post("anna",
             QStringLiteral("Agenda voor maandag: begroting 2027 en de introductie van Plein."), 0,
             board);
        membership("anna", board, "invite", "bram"); // an invitation bram has not answered yet
        const qint64 it
            = group("chantal", QStringLiteral("ICT-nieuws"),
                    QStringLiteral("Storingen, onderhoud en tips van de ICT-afdeling."), "public");
        membership("bram", it, "join");
        const qint64 notice = post(
            "chantal",
            QStringLiteral("Zaterdag tussen 8:00 en 12:00 onderhoud aan het netwerk. Plein "
                           "blijft werken: wat je schrijft gaat mee zodra het net er weer is."),
            0, it);
        feed.pin(user("chantal"),
                 QJsonObject {{QStringLiteral("clientId"), seedId()},
                              {QStringLiteral("postId"), notice},
                              {QStringLiteral("pinned"), true}});
    }
    if (!hasChat) {
        if (auto e = seedDemoChat(core, users))
            return fail(QStringLiteral("the demo's conversations: %1").arg(*e));
    }
    if (!hasProfiles) {
        if (auto e = seedDemoProfiles(core, users))
            return fail(QStringLiteral("the demo's profiles: %1").arg(*e));
    }
    if (!hasPhotos) {
        if (auto e = seedDemoFiles(core, users))
            return fail(QStringLiteral("the demo's pictures and files: %1").arg(*e));
    }
    if (!hasBlogs) {
        if (auto e = seedDemoBlogs(core, users))
            return fail(QStringLiteral("the demo's articles: %1").arg(*e));
    }
    if (!hasYamJams) {
        if (auto e = seedDemoYamJams(core, users))
            return fail(QStringLiteral("the demo's YamJams: %1").arg(*e));
    }

    out() << "Demo organisation '" << config.organisation << "' created in " << config.dataDir
          << Qt::endl;
    out() << "Users: anna (admin), bram, chantal, daan, eva; password: " << password << Qt::endl;
    out() << "Groups: Lunchwandelaars and ICT-nieuws (public), Dijkbeheer (private), "
             "Directieoverleg (secret)"
          << Qt::endl;
    out() << "Conversations: anna and bram, Sluis Eefde, the chat of Lunchwandelaars" << Qt::endl;
    out() << "Profiles: photos, job titles, expertise and interests (hardlopen, fotografie, ...)"
          << Qt::endl;
    out() << "Files: a chart, a diagram, a CSV and a Markdown note on posts and in a conversation"
          << Qt::endl;
    out() << "Articles: the business plan and two more (company blog), a dike report "
             "(Dijkbeheer), lunch walks (Lunchwandelaars), a draft and a scheduled one"
          << Qt::endl;
    out() << "YamJams: the business plan (last month, closed), the new laptops (live this week), "
             "working from home with the board (in three days, moderated)"
          << Qt::endl;
    return 0;
}

} // namespace

int runCommand(const QStringList& args, const QCommandLineParser& parser, ServerConfig& config)
{
    const QString command = args.value(0);
    if (command == QLatin1StringView("init"))
        return init(config);
    if (command == QLatin1StringView("user"))
        return userCommand(args, parser, config);
    if (command == QLatin1StringView("demo"))
        return demo(config);
    if (command == QLatin1StringView("migrate")) {
        QString error;
        auto open = openCore(config, &error);
        if (!open)
            return fail(error);
        out() << "Schema version " << open->db.schemaVersion() << Qt::endl;
        return 0;
    }
    return fail(QStringLiteral("unknown command '%1'; see --help").arg(command));
}

} // namespace plein::server
