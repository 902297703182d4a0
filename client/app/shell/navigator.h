#pragma once

#include <QHash>
#include <QObject>
#include <QUrl>
#include <QUrlQuery>

#include <functional>
#include <optional>

namespace plein::app {

// Opens anything by a `plein:` link: `plein:/home`, `plein:/group/12`, `plein:/post/991`. A link
// names a route and, for routes that take one, an id. Each capability registers its routes
// (addRoute) when it is installed in the shell; notifications, links in posts and the command
// line all come through open(), so a page is reached the same way from everywhere.
class Navigator : public QObject
{
    Q_OBJECT

public:
    // Opens the target; false when it cannot (the navigator then says so, see refused()).
    using Handler = std::function<bool(qint64 id)>;
    // For a route whose links carry parameters (`plein:/search?q=dijk&kind=post`).
    using QueryHandler = std::function<bool(qint64 id, const QUrlQuery& query)>;

    enum class Id { None, Required };

    struct Target
    {
        QString route;
        qint64 id = 0;

        bool operator==(const Target&) const = default;
    };

    explicit Navigator(QObject* parent = nullptr);

    void addRoute(const QString& route, Id id, Handler handler);
    // A route that reads the link's query; links to other routes ignore theirs.
    void addQueryRoute(const QString& route, Id id, QueryHandler handler);
    bool hasRoute(const QString& route) const { return m_routes.contains(route); }

    // Opens `link`; an unknown or malformed link changes nothing and emits refused().
    bool open(const QUrl& link);
    bool open(const QString& link) { return open(QUrl(link)); }
    // The last link opened.
    QUrl current() const { return m_current; }

    static QUrl link(const QString& route, qint64 id = 0);
    static QUrl link(const QString& route, const QUrlQuery& query);
    // The route and id of a well-formed `plein:` link, whether or not a route is registered.
    static std::optional<Target> parse(const QUrl& link);
    static bool isPleinLink(const QUrl& link);

Q_SIGNALS:
    void opened(const QUrl& link);
    void refused(const QUrl& link, const QString& why);

private:
    struct Route
    {
        Id id = Id::None;
        QueryHandler handler;
    };

    QHash<QString, Route> m_routes;
    QUrl m_current;
};

} // namespace plein::app
