#pragma once

#include <QHash>
#include <QString>

#include <optional>

namespace plein::server {

class Database;
struct ServerCore;
struct User;

// The demo organisation's blogs: anna's article on the new business plan in the company blog
// (co-written with eva, edited once, so it has two revisions), bram's inspection report in
// Dijkbeheer's blog, a draft of anna's and an article of chantal's scheduled three days ahead.
// Written through the blog service like any author's. An error says what failed.
std::optional<QString> seedDemoBlogs(ServerCore& core, const QHash<QString, User>& users);

// The id of the demo's group with this title (0: none), for the other demo seeders too.
qint64 demoGroupNamed(Database& db, const QString& name);

// Whether the demo's articles were made already.
bool hasDemoBlogs(ServerCore& core);

} // namespace plein::server
