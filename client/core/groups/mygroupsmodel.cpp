#include "mygroupsmodel.h"

#include "client.h"
#include "feed/poststore.h"
#include "groupstore.h"
#include "store/cache.h"

namespace plein::client {

MyGroupsModel::MyGroupsModel(Client& client, QObject* parent)
    : GroupListModel(parent)
    , m_client(client)
{
    connect(&m_client.cache(), &Cache::changed, this, [this](const CacheChanges& changes) {
        // Posts count as unread; groups and memberships are the list itself.
        if (changes.touches(GroupStore::groupsArea) || changes.touches(GroupStore::membershipsArea)
            || changes.touches(PostStore::feedsArea))
            refresh();
    });
    refresh();
}

void MyGroupsModel::refresh()
{
    if (m_client.cache().isOpen())
        setRows(GroupStore(m_client.cache()).myGroups());
}

} // namespace plein::client
