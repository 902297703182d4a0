#pragma once

#include <QObject>

namespace plein::app {

class FileActions;
class MainWindow;

// Files in the shell: the FileActions that the feed's and chat's views show files with (made
// first, so the other capabilities find it with FileActions::of()), connected to the core's
// file cache, and Settings → Files… (the cache's size, Clear cache).
class FilesCapability : public QObject
{
    Q_OBJECT

public:
    explicit FilesCapability(MainWindow& shell);

    FileActions& actions() const { return *m_actions; }
    void editSettings();

private:
    MainWindow& m_shell;
    FileActions* m_actions = nullptr;
};

} // namespace plein::app
