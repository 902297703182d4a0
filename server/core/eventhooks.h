#pragma once

#include <QHash>
#include <QString>

#include <functional>

namespace plein::server {

class Hub;
struct StoredEvent;

// Effects of an event on the live sessions of this node, run by the hub for each event it
// delivers, in log order, before the event goes out (a deactivation closes connections, a
// membership change adds or removes a session from a group's audience). Every node reads the
// whole log, so every node runs them.
class EventHooks
{
public:
    using Hook = std::function<void(const StoredEvent& event, Hub& hub)>;

    void add(const QString& kind, Hook hook) { m_hooks.insert(kind, std::move(hook)); }
    void run(const StoredEvent& event, Hub& hub) const;
    // Whether some hook takes events of this kind (they need the event's data parsed).
    bool handles(const QString& kind) const { return m_hooks.contains(kind); }

private:
    QMultiHash<QString, Hook> m_hooks;
};

} // namespace plein::server
