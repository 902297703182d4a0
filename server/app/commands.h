#pragma once

#include <QStringList>

class QCommandLineParser;

namespace plein::server {

struct ServerConfig;

// The administration commands of plein-server (init, user ..., demo). Each returns the
// process exit code and prints what it did or why it could not.
int runCommand(const QStringList& args, const QCommandLineParser& parser, ServerConfig& config);

} // namespace plein::server
