#pragma once

#include "capabilities/accounts/accountstore.h"
#include "http/httphead.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace plein::server {

// One request as a route's handler sees it: the accepted head, the user the bearer token
// belongs to (routes that need one), the path's segments and the body.
struct HttpRequest
{
    HttpHead head;
    std::optional<User> user;
    QStringList segments; // "/files/uploads/x" -> {"files", "uploads", "x"}
    QByteArray body;
    // What the connection is counted by (HttpServer::addressKey: the address, an IPv6 /64);
    // empty for a trusted proxy's.
    QString addressKey;

    bool isHead() const { return head.method == "HEAD"; }
    QByteArray header(QByteArrayView lowerName) const { return head.header(lowerName); }
    // A query parameter (first occurrence), percent-decoded; empty when absent.
    QString query(const QString& name) const;
};

} // namespace plein::server
