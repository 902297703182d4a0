#pragma once

#include <QString>
#include <QThread>

#include <functional>

namespace plein::client {

// Runs SQLite's quick_check on `file` on a thread of its own with a read-only connection, and
// calls `damaged` on the main thread when the check itself reports damage (a busy or
// interrupted check says nothing about the file). The detail is first written to `marker`, so
// that the next start acts on it even when nobody is left to hear. The thread deletes itself.
QThread* startIntegrityCheck(const QString& file, const QString& marker, QObject* context,
                             std::function<void(const QString& detail)> damaged);

} // namespace plein::client
