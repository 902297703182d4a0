#include "pages/files/filescapability.h"

#include "client.h"
#include "files/filecache.h"
#include "pages/files/fileactions.h"
#include "pages/files/filesettingsdialog.h"
#include "shell/mainwindow.h"

#include <QMenu>

namespace plein::app {

FilesCapability::FilesCapability(MainWindow& shell)
    : QObject(&shell)
    , m_shell(shell)
    , m_actions(new FileActions(&shell))
{
    connect(m_actions, &FileActions::notice, &shell, &MainWindow::showNotice);
    // In every composer (posts, replies, messages): MentionEdit takes the key.
    shell.addShortcutHelp(tr("Files"), QKeySequence(Qt::CTRL | Qt::Key_U), tr("Attach files"));
    // The files themselves come from the account's file cache (downloads on disk).
    client::FileCache& cache = shell.client().files();
    m_actions->setBackend(FileActions::Backend {
        [&cache](const QString& id, const QString& variant) { return cache.fetch(id, variant); },
        [&cache](const QString& id, const QString& path) { cache.saveAs(id, path); },
        [&cache](const QString& id, const QString& name) { return cache.prepareOpen(id, name); },
    });
    connect(&cache, &client::FileCache::ready, m_actions, &FileActions::fileReady);
    connect(&cache, &client::FileCache::failed, m_actions,
            [this](const QString& id, const QString& variant, client::FileCache::Failure,
                   const QString& message) { m_actions->fileFailed(id, variant, message); });
    connect(&cache, &client::FileCache::saved, m_actions, &FileActions::fileSaved);
    connect(
        &cache, &client::FileCache::saveFailed, m_actions,
        [this](const QString&, const QString&, client::FileCache::Failure, const QString& message) {
            Q_EMIT m_actions->notice(tr("The file could not be saved: %1").arg(message));
        });
    if (QMenu* settings = shell.settingsMenu()) {
        auto* files = new QAction(tr("&Files…"), settings);
        settings->insertAction(settings->actions().value(1), files);
        connect(files, &QAction::triggered, this, &FilesCapability::editSettings);
    }
}

void FilesCapability::editSettings()
{
    client::FileCache& cache = m_shell.client().files();
    FileSettingsDialog dialog(&m_shell);
    dialog.setLimitBytes(cache.limitBytes());
    dialog.setUsedBytes(cache.usedBytes());
    connect(&dialog, &FileSettingsDialog::clearRequested, &dialog, [&cache, &dialog]() {
        cache.clear();
        dialog.setUsedBytes(cache.usedBytes());
    });
    if (dialog.exec() != QDialog::Accepted)
        return;
    cache.setLimitBytes(dialog.limitBytes());
}

} // namespace plein::app
