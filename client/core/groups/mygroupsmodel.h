#pragma once

#include "grouplistmodel.h"

namespace plein::client {

class Client;

// The user's groups from the cache, by name, with their unread counts; follows the cache.
class MyGroupsModel : public GroupListModel
{
    Q_OBJECT

public:
    explicit MyGroupsModel(Client& client, QObject* parent = nullptr);

    void refresh();

private:
    Client& m_client;
};

} // namespace plein::client
