#pragma once

#include "postlistmodel.h"

namespace plein::client {

// One thread: the top-level post first, then its replies oldest first, then the user's
// replies still waiting in the outbox.
class ThreadModel : public PostListModel
{
    Q_OBJECT

public:
    ThreadModel(Cache& cache, qint64 rootId, QObject* parent = nullptr);

    qint64 rootId() const { return m_rootId; }

protected:
    QList<PostRow> load(int limit) const override;
    int available() const override;

private:
    qint64 m_rootId = 0;
};

} // namespace plein::client
