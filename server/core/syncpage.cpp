#include "core/syncpage.h"

#include "capabilities/session/sessionprotocol.h"
#include "core/eventlog.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace plein::server {

namespace {

// A JSON string literal for `s`. Kinds and timestamps are plain ASCII we wrote ourselves and go
// through as they are; anything else is escaped by Qt's serialiser.
void appendString(QByteArray& out, const QString& s)
{
    bool plain = true;
    for (QChar c : s) {
        const char16_t u = c.unicode();
        plain = plain && u >= 0x20 && u < 0x7f && u != u'"' && u != u'\\';
    }
    if (plain) {
        out += '"';
        out += s.toLatin1();
        out += '"';
        return;
    }
    const QByteArray array = QJsonDocument(QJsonArray {s}).toJson(QJsonDocument::Compact);
    out += QByteArrayView(array).sliced(1, array.size() - 2);
}

void appendBool(QByteArray& out, bool b)
{
    out += b ? "true" : "false";
}

void appendAudience(QByteArray& out, const StoredEvent& e)
{
    // Keys in sorted order, as the generic encoder writes them.
    switch (e.scope.kind) {
    case Scope::Kind::All:
        out += R"(,"audience":{"scope":"all"})";
        break;
    case Scope::Kind::Group:
        out += R"(,"audience":{"id":)";
        out += QByteArray::number(e.scope.groupId);
        out += R"(,"scope":"group"})";
        break;
    case Scope::Kind::Users:
        out += R"(,"audience":{"scope":"users"})";
        break;
    }
}

// The fields of one event, keys in sorted order: actor, at, audience, data, kind, seq (in a
// page; a push carries it beside the payload) and subject.
void appendEventFields(QByteArray& out, const StoredEvent& e, bool withAudience, bool withSeq)
{
    out += R"("actor":)";
    out += QByteArray::number(e.actorId);
    out += R"(,"at":)";
    appendString(out, e.at);
    if (withAudience)
        appendAudience(out, e);
    out += R"(,"data":)";
    out += e.rawData.isEmpty() ? QByteArray("{}") : e.rawData;
    out += R"(,"kind":)";
    appendString(out, e.kind);
    if (withSeq) {
        out += R"(,"seq":)";
        out += QByteArray::number(e.seq);
    }
    if (withAudience && e.subjectId) {
        out += R"(,"subject":)";
        out += QByteArray::number(e.subjectId);
    }
}

} // namespace

QByteArray encodeEventPush(const StoredEvent& e, bool withAudience)
{
    QByteArray out;
    out.reserve(e.approxBytes + 64);
    // {"payload":{…},"seq":…,"type":"event"}, every object's keys sorted.
    out += R"({"payload":{)";
    appendEventFields(out, e, withAudience, false);
    out += R"(},"seq":)";
    out += QByteArray::number(e.seq);
    out += R"(,"type":)";
    appendString(out, QString(protocol::session::Event));
    out += '}';
    return out;
}

QByteArray encodeSyncPage(const QString& requestId, const EventPage& page, bool withAudience)
{
    QByteArray out;
    qsizetype size = 160;
    for (const StoredEvent& e : page.events)
        size += e.approxBytes;
    out.reserve(size);
    out += R"({"ok":true,"payload":{"events":[)";
    bool first = true;
    for (const StoredEvent& e : page.events) {
        if (!first)
            out += ',';
        first = false;
        out += '{';
        appendEventFields(out, e, withAudience, true);
        out += '}';
    }
    out += R"(],"head":)";
    out += QByteArray::number(page.head);
    out += R"(,"more":)";
    appendBool(out, page.more);
    out += R"(,"next":)";
    out += QByteArray::number(page.next);
    out += R"(,"resync":)";
    appendBool(out, page.resync);
    out += R"(},"re":)";
    appendString(out, requestId);
    out += '}';
    return out;
}

} // namespace plein::server
