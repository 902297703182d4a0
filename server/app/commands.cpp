#include "app/commands.h"

#include "app/config.h"
#include "app/servercore.h"
#include "store/database.h"

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
    open->core = std::make_unique<ServerCore>(open->db);
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
            "usage: plein-server user add|deactivate|activate|set-role|passwd USERNAME"));
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
    if (core.accounts.count() > 0) {
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
        auto u = core.accountService.create(
            {QString::fromUtf8(person.username), QString::fromUtf8(person.name),
             QStringLiteral("%1@plein.example").arg(QString::fromUtf8(person.username)),
             QString::fromUtf8(person.department), person.role, password});
        if (!u)
            return fail(u.error().message);
        users.insert(u->username, u.value());
    }
    int n = 0;
    const auto post = [&](const char* who, const QString& body, qint64 parent = 0) -> qint64 {
        QJsonObject payload {{QStringLiteral("clientId"), QStringLiteral("demo-seed-%1").arg(++n)},
                             {QStringLiteral("body"), body}};
        if (parent)
            payload.insert(QStringLiteral("parentId"), parent);
        auto r = core.feedService.create(users.value(QString::fromUtf8(who)), payload);
        return r ? qint64(r->result.value(QLatin1StringView("post"))
                              .toObject()
                              .value(QLatin1StringView("id"))
                              .toDouble())
                 : 0;
    };
    const auto like = [&](const char* who, qint64 postId) {
        core.feedService.like(
            users.value(QString::fromUtf8(who)),
            QJsonObject {{QStringLiteral("clientId"), QStringLiteral("demo-seed-%1").arg(++n)},
                         {QStringLiteral("postId"), postId},
                         {QStringLiteral("liked"), true}});
    };
    const qint64 welcome = post(
        "anna",
        QStringLiteral(
            "**Welkom op Plein!** Dit is ons eigen dorpsplein: stel vragen, deel wat je doet en "
            "vind collega's met dezelfde passie. Begin met een berichtje over jezelf."));
    post("bram",
         QStringLiteral(
             "Mooi! Ik sta deze week bij de sluis in Terneuzen, dus ik lees mee vanaf de laptop "
             "in de trein."),
         welcome);
    post("eva", QStringLiteral("Welkom allemaal. Vragen over verlof? Tag me gerust met @eva."),
         welcome);
    like("bram", welcome);
    like("chantal", welcome);
    like("daan", welcome);
    const qint64 dike = post(
        "bram",
        QStringLiteral(
            "Inspectie van de dijk bij Kruiningen afgerond. Geen schade na de storm van dinsdag. "
            "@daan, kun jij de metingen van het kwelwater delen?"));
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
             "12:15 vanaf de hoofdingang."));
    out() << "Demo organisation '" << config.organisation << "' created in " << config.dataDir
          << Qt::endl;
    out() << "Users: anna (admin), bram, chantal, daan, eva; password: " << password << Qt::endl;
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
