#include "pages/files/filescapability.h"

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
    if (QMenu* settings = shell.settingsMenu()) {
        auto* files = new QAction(tr("&Files…"), settings);
        settings->insertAction(settings->actions().value(1), files);
        connect(files, &QAction::triggered, this, &FilesCapability::editSettings);
    }
}

void FilesCapability::editSettings()
{
    FileSettingsDialog dialog(&m_shell);
    if (dialog.exec() != QDialog::Accepted)
        return;
}

} // namespace plein::app
