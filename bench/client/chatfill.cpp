#include "chatfill.h"

#include "chatbodies.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

#include <cstdio>

namespace plein::bench {

namespace {

const QStringList firstNames = {
    QStringLiteral("Anna"),   QStringLiteral("Bram"),  QStringLiteral("Chantal"),
    QStringLiteral("Daan"),   QStringLiteral("Eva"),   QStringLiteral("Femke"),
    QStringLiteral("Gerrit"), QStringLiteral("Hanna"), QStringLiteral("Ilse"),
    QStringLiteral("Joost"),  QStringLiteral("Karin"), QStringLiteral("Lucas"),
    QStringLiteral("Mila"),   QStringLiteral("Noah"),  QStringLiteral("Olga"),
    QStringLiteral("Pieter"), QStringLiteral("Roos"),  QStringLiteral("Sem"),
};
const QStringList lastNames = {
    QStringLiteral("Jansen"),  QStringLiteral("de Vries"), QStringLiteral("Bakker"),
    QStringLiteral("Visser"),  QStringLiteral("Smit"),     QStringLiteral("Meijer"),
    QStringLiteral("de Boer"), QStringLiteral("Mulder"),   QStringLiteral("Bos"),
    QStringLiteral("Vos"),     QStringLiteral("Peters"),   QStringLiteral("Hendriks"),
    QStringLiteral("Dekker"),  QStringLiteral("van Dijk"), QStringLiteral("Kok"),
    QStringLiteral("Jacobs"),  QStringLiteral("de Haan"),
};
const QStringList departments = {
    QStringLiteral("Sales"),   QStringLiteral("Engineering"), QStringLiteral("Support"),
    QStringLiteral("Finance"), QStringLiteral("Operations"),
};
constexpr qint64 me = 1;
constexpr int people = 300; // colleagues 2..people

struct Person
{
    qint64 id;
    QString username;
    QString name;
    QString department;
};

Person person(qint64 id)
{
    const int f = int((id - 1) % firstNames.size());
    const int l = int((id - 1) / firstNames.size() % lastNames.size());
    return Person {id, QStringLiteral("%1%2").arg(firstNames.at(f).toLower()).arg(id),
                   firstNames.at(f) + u' ' + lastNames.at(l),
                   departments.at(int(id % departments.size()))};
}

QString membersJson(const QList<Person>& members)
{
    QJsonArray a;
    for (const Person& p : members)
        a.append(QJsonObject {{QStringLiteral("id"), p.id},
                              {QStringLiteral("username"), p.username},
                              {QStringLiteral("displayName"), p.name},
                              {QStringLiteral("department"), p.department}});
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

// Qt binds a null QString as NULL; these columns hold '' for "none".
QVariant text(const QString& s)
{
    return s.isNull() ? QVariant(QStringLiteral("")) : QVariant(s);
}

bool exec(QSqlQuery& q, const char* what)
{
    if (q.exec())
        return true;
    std::fprintf(stderr, "plein-bench-fill-cache: %s: %s\n", what,
                 qPrintable(q.lastError().text()));
    return false;
}

} // namespace

qint64 fillChat(QSqlDatabase& db, const ChatFill& fill)
{
    QSqlQuery clear(db);
    for (const char* table : {"chat_messages", "chat_conversations", "chat_readers"})
        clear.exec(QStringLiteral("DELETE FROM %1").arg(QLatin1StringView(table)));
    QSqlQuery conversation(db);
    conversation.prepare(QStringLiteral(
        "INSERT INTO chat_conversations (id, kind, title, members_by, created_by, member_count, "
        "members, created_at, last_activity_at, last_message_id, last_author_id, "
        "last_author_name, last_body, read_message_id, unread, muted, history_loaded, "
        "older_on_server) VALUES (?, ?, ?, 'anyone', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, 0)"));
    QSqlQuery message(db);
    message.prepare(QStringLiteral(
        "INSERT INTO chat_messages (id, conversation_id, author_id, author_username, "
        "author_name, author_department, body, reply_to, reply_author_name, reply_body, "
        "mentions_me, created_at, edited_at, deleted, reactions, seq) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString noReactions = QStringLiteral("[]");
    const QString thumbs
        = QStringLiteral(R"([{"count":2,"mine":false,"reaction":"thumbsup","users":[2,3]}])");
    const QString mixed
        = QStringLiteral(R"([{"count":1,"mine":true,"reaction":"heart","users":[1]},)"
                         R"({"count":3,"mine":false,"reaction":"laugh","users":[2,4,5]}])");
    qint64 nextId = 1;
    qint64 written = 0;
    for (int c = 1; c <= fill.conversations; ++c) {
        // The big one (id 1) is the team of eight; of the others four in five are direct.
        const bool big = c == 1;
        const bool direct = !big && c % 5 != 0;
        QList<Person> members {person(me)};
        if (direct) {
            members << person(2 + (c * 7) % (people - 1));
        } else {
            const int size = big ? 8 : 3 + c % 6;
            for (int k = 1; k < size; ++k)
                members << person(2 + (c * 13 + k * 29) % (people - 1));
        }
        const int count = big ? fill.bigMessages : fill.messages;
        // The big one spans a year up to now; the others end further back the higher their id.
        const qint64 endAgo = big ? 60 : qint64(c) * 3600;
        const qint64 spanSeconds = big ? 365 * 86400 : 30 * 86400;
        const qint64 firstId = nextId;
        const int unread = big ? 20 : (c % 20 == 0 ? 1 + c % 5 : 0);
        QString lastBody, lastName;
        qint64 lastAuthor = 0;
        QString lastAt;
        for (int i = 0; i < count; ++i) {
            const qint64 id = nextId++;
            const auto n = quint64(id);
            const Person& author = members.at(int((n * 2654435761ULL >> 7) % members.size()));
            const QString at = now.addSecs(-endAgo - spanSeconds + spanSeconds * (i + 1) / count)
                                   .toString(Qt::ISODateWithMs);
            const QString body = chatBody(n);
            const bool reply = i > 0 && n % 31 == 0;
            const qint64 replyTo
                = reply ? id - 1 - qint64(n % std::min<quint64>(n - quint64(firstId), 5)) : 0;
            int k = 0;
            for (const QVariant& v :
                 {QVariant(id), QVariant(qint64(c)), QVariant(author.id), QVariant(author.username),
                  QVariant(author.name), QVariant(author.department), QVariant(body),
                  QVariant(replyTo > 0 ? replyTo : 0),
                  text(reply ? members.at(int(n % members.size())).name : QString()),
                  text(reply ? chatBody(n - 1).left(200) : QString()),
                  QVariant(n % 97 == 0 ? 1 : 0), QVariant(at), text(n % 43 == 0 ? at : QString()),
                  QVariant(0),
                  QVariant(n % 11 == 0       ? thumbs
                               : n % 29 == 0 ? mixed
                                             : noReactions),
                  QVariant(id)})
                message.bindValue(k++, v);
            if (!exec(message, "chat message"))
                return -1;
            lastBody = body.section(u'\n', 0, 0);
            lastName = author.name;
            lastAuthor = author.id;
            lastAt = at;
        }
        const qint64 lastId = nextId - 1;
        const QString created
            = now.addSecs(-endAgo - spanSeconds - 3600).toString(Qt::ISODateWithMs);
        int k = 0;
        for (const QVariant& v :
             {QVariant(qint64(c)),
              QVariant(direct ? QStringLiteral("direct") : QStringLiteral("people")),
              text(big ? QStringLiteral("Team Rivierenland") : QString()),
              QVariant(members.at(1).id), QVariant(int(members.size())),
              QVariant(membersJson(members)), QVariant(created), QVariant(lastAt), QVariant(lastId),
              QVariant(lastAuthor), QVariant(lastName), QVariant(lastBody),
              QVariant(std::max(firstId - 1, lastId - unread)), QVariant(unread),
              QVariant(c % 50 == 0 ? 1 : 0)})
            conversation.bindValue(k++, v);
        if (!exec(conversation, "chat conversation"))
            return -1;
        written += count;
    }
    return written;
}

} // namespace plein::bench
