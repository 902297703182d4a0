#include "http/httproutes.h"

#include <QUrlQuery>

namespace plein::server {

QString HttpRequest::query(const QString& name) const
{
    const QUrlQuery q(QString::fromLatin1(head.query));
    return q.queryItemValue(name, QUrl::FullyDecoded);
}

void HttpRoutes::add(Route route)
{
    m_routes.append(std::move(route));
}

QStringList pathSegments(const QByteArray& path)
{
    QStringList out;
    for (const QByteArray& s : path.split('/')) {
        if (!s.isEmpty())
            out.append(QString::fromLatin1(s));
    }
    return out;
}

HttpRoutes::Match HttpRoutes::find(const QByteArray& method, const QStringList& segments) const
{
    Match m;
    for (const Route& r : m_routes) {
        if (r.pattern.size() != segments.size())
            continue;
        bool same = true;
        for (qsizetype i = 0; i < segments.size() && same; ++i)
            same = r.pattern.at(i) == QLatin1StringView("*") || r.pattern.at(i) == segments.at(i);
        if (!same)
            continue;
        if (!m.allowed.contains(r.method))
            m.allowed.append(r.method);
        if (r.method == "GET" && !m.allowed.contains("HEAD"))
            m.allowed.append("HEAD");
        if (r.method == method && !m.route)
            m.route = &r;
    }
    // HEAD is GET without the body, unless a route answers HEAD itself.
    if (!m.route && method == "HEAD") {
        const Match get = find("GET", segments);
        m.route = get.route;
    }
    return m;
}

} // namespace plein::server
