#include "shell/navigator.h"

#include "protocol/messagespec.h"

#include <QRegularExpression>

namespace plein::app {

Navigator::Navigator(QObject* parent)
    : QObject(parent)
{ }

void Navigator::addRoute(const QString& route, Id id, Handler handler)
{
    m_routes.insert(route,
                    Route {id, [handler = std::move(handler)](qint64 target, const QUrlQuery&) {
                               return handler(target);
                           }});
}

void Navigator::addQueryRoute(const QString& route, Id id, QueryHandler handler)
{
    m_routes.insert(route, Route {id, std::move(handler)});
}

bool Navigator::isPleinLink(const QUrl& link)
{
    return link.scheme().compare(QLatin1StringView("plein"), Qt::CaseInsensitive) == 0;
}

QUrl Navigator::link(const QString& route, qint64 id)
{
    QUrl url;
    url.setScheme(QStringLiteral("plein"));
    url.setPath(id > 0 ? QStringLiteral("/%1/%2").arg(route).arg(id) : u'/' + route);
    return url;
}

QUrl Navigator::link(const QString& route, const QUrlQuery& query)
{
    QUrl url = link(route);
    url.setQuery(query);
    return url;
}

std::optional<Navigator::Target> Navigator::parse(const QUrl& link)
{
    if (!link.isValid() || !isPleinLink(link) || !link.host().isEmpty())
        return std::nullopt;
    // plein:/group/12, plein:group/12 and plein:///group/12 all name the same place.
    static const QRegularExpression shape(
        QStringLiteral("^/*([a-z][a-z0-9-]*)(?:/([0-9]{1,16}))?/?$"));
    const auto match = shape.match(link.path());
    if (!match.hasMatch())
        return std::nullopt;
    Target target {match.captured(1), 0};
    if (match.hasCaptured(2)) {
        bool ok = false;
        target.id = match.captured(2).toLongLong(&ok);
        if (!ok || target.id <= 0 || target.id > protocol::maxSafeInteger)
            return std::nullopt;
    }
    return target;
}

bool Navigator::open(const QUrl& link)
{
    const auto target = parse(link);
    if (!target) {
        Q_EMIT refused(link, tr("“%1” is not a Plein link.").arg(link.toDisplayString()));
        return false;
    }
    const auto route = m_routes.constFind(target->route);
    if (route == m_routes.cend() || (route->id == Id::Required) != (target->id > 0)) {
        Q_EMIT refused(link,
                       tr("Plein does not know where “%1” leads.").arg(link.toDisplayString()));
        return false;
    }
    if (!route->handler(target->id, QUrlQuery(link))) {
        Q_EMIT refused(link, tr("“%1” cannot be opened.").arg(link.toDisplayString()));
        return false;
    }
    m_current = Navigator::link(target->route, target->id);
    Q_EMIT opened(m_current);
    return true;
}

} // namespace plein::app
