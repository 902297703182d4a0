#pragma once

#include <QByteArray>
#include <QString>

namespace plein::server {

struct EventPage;
struct StoredEvent;

// The answer to sync.since, written straight into its frame. Each event's data is spliced in
// as the JSON text the log stores (the server wrote it, so it is valid JSON) instead of being
// parsed into objects and serialised again: a page of 1,000 events is the hot path of a
// laptop catching up after days away.
// `withAudience`: each event carries `audience` and `subject` (feature "audience").
QByteArray encodeSyncPage(const QString& requestId, const EventPage& page,
                          bool withAudience = false);

// The `event` push of one event, written the same way: the same bytes as
// protocol::encodeEvent(e.seq, e.toJson(withAudience)), without parsing the event's data.
QByteArray encodeEventPush(const StoredEvent& e, bool withAudience);

} // namespace plein::server
