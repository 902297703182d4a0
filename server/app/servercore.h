#pragma once

#include "service/accountservice.h"
#include "service/feedservice.h"
#include "service/writeservice.h"
#include "store/accountstore.h"
#include "store/eventlog.h"
#include "store/feedstore.h"
#include "store/writeledger.h"

namespace plein::server {

class Database;

// The stores and services over one database connection, wired once. Used by the running
// server and by the command-line administration alike.
struct ServerCore
{
    explicit ServerCore(Database& database)
        : db(database)
        , accounts(database)
        , events(database)
        , feed(database)
        , ledger(database)
        , writes(database, events, ledger)
        , feedService(writes, feed, events, accounts)
        , accountService(writes, accounts, events)
    { }

    Database& db;
    AccountStore accounts;
    EventLog events;
    FeedStore feed;
    WriteLedger ledger;
    WriteService writes;
    FeedService feedService;
    AccountService accountService;
};

} // namespace plein::server
