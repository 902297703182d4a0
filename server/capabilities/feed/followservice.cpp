#include "capabilities/feed/followservice.h"

#include "capabilities/accounts/accountstore.h"
#include "capabilities/feed/feedprotocol.h"
#include "capabilities/feed/topics.h"
#include "core/eventlog.h"

#include <QJsonArray>

namespace plein::server {

using protocol::ErrorCode;
using L = QLatin1StringView;

Result<WriteService::Outcome> FollowService::follow(const User& user, const QJsonObject& payload)
{
    return m_writes.run(
        user.id, QString(protocol::feed::FeedFollow), payload, [&]() -> Result<QJsonObject> {
            const bool on = payload.value(L("on")).toBool();
            const bool byTopic = payload.contains(L("topic"));
            if (byTopic == payload.contains(L("userId")))
                return makeError(ErrorCode::BadRequest,
                                 QStringLiteral("name either a 'topic' or a 'userId'"));
            QString kind;
            QString target;
            if (byTopic) {
                kind = QStringLiteral("topic");
                target = payload.value(L("topic")).toString();
                if (!protocol::isValidTopic(target))
                    return makeError(ErrorCode::BadRequest,
                                     QStringLiteral("'%1' is not a topic: 2 to 50 letters, digits, "
                                                    "'_' or '-', in lower case")
                                         .arg(target));
            } else {
                const qint64 id = qint64(payload.value(L("userId")).toDouble());
                kind = QStringLiteral("person");
                target = QString::number(id);
                if (id == user.id)
                    return makeError(ErrorCode::BadRequest,
                                     QStringLiteral("your own posts are in Home already"));
                const auto person = m_accounts.findById(id);
                // Stopping to follow someone deactivated since is always possible.
                auto already = m_topics.follows(user.id, kind, target);
                if (!already)
                    return already.error();
                if ((!person || !person->active) && !(already.value() && !on))
                    return makeError(ErrorCode::NotFound,
                                     QStringLiteral("user %1 does not exist").arg(id));
            }
            if (on) {
                auto count = m_topics.followCount(user.id);
                if (!count)
                    return count.error();
                if (count.value() >= protocol::feed::maxFollows)
                    return makeError(ErrorCode::Forbidden,
                                     QStringLiteral("one follows at most %1 topics and people")
                                         .arg(protocol::feed::maxFollows));
            }
            auto changed = m_topics.setFollow(user.id, kind, target, on);
            if (!changed)
                return changed.error();
            QJsonObject data {{QStringLiteral("kind"), kind},
                              {QStringLiteral("target"), target},
                              {QStringLiteral("on"), on}};
            qint64 seq = 0;
            // Following twice changes nothing and so appends no event.
            if (changed.value()) {
                auto appended = m_events.append(QString(protocol::feed::FeedFollowed), user.id,
                                                Scope::usersOnly({user.id}), data, user.id);
                if (!appended)
                    return appended.error();
                seq = appended.value();
            }
            data.insert(QStringLiteral("seq"), seq);
            return data;
        });
}

Result<QJsonObject> FollowService::follows(const User& user, const QJsonObject&)
{
    // The head first: a client that stores this list and then syncs from `head` misses nothing.
    const qint64 head = m_events.head();
    auto all = m_topics.followsOf(user.id);
    if (!all)
        return all.error();
    QJsonArray out;
    for (const Follow& f : all.value())
        out.append(QJsonObject {{QStringLiteral("kind"), f.kind},
                                {QStringLiteral("target"), f.target},
                                {QStringLiteral("createdAt"), f.createdAt}});
    return QJsonObject {{QStringLiteral("follows"), out}, {QStringLiteral("head"), head}};
}

} // namespace plein::server
