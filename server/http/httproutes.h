#pragma once

#include "http/httprequest.h"
#include "http/httpresponse.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

#include <functional>
#include <optional>

namespace plein::server {

// The HTTP side's routes, registered by the capabilities (Capability::registerHttpRoutes) as
// the WebSocket requests are. A pattern is a path of segments where `*` matches one segment:
// "/files/uploads/*". The gate answers everything a route does not need to see: unknown paths,
// methods, missing or bad tokens, bodies over the route's limit.
class HttpRoutes
{
public:
    using Handler = std::function<HttpResponse(const HttpRequest& request)>;
    // Looks at a request before its body is read (the body is empty then): an answer here
    // refuses it without reading the body (an unknown upload, a wrong offset).
    using Screen = std::function<std::optional<HttpResponse>(const HttpRequest& request)>;

    struct Route
    {
        QByteArray method; // GET also serves HEAD
        QStringList pattern;
        bool needsUser = true;
        qint64 maxBodyBytes = 0;
        Screen screen;
        Handler handler;
    };

    void add(Route route);

    struct Match
    {
        const Route* route = nullptr;
        QByteArrayList allowed; // methods of the routes with a matching path (for 405)
    };
    Match find(const QByteArray& method, const QStringList& segments) const;

private:
    QList<Route> m_routes;
};

QStringList pathSegments(const QByteArray& path);

} // namespace plein::server
