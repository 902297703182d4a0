#pragma once

#include <QDialog>
#include <QKeySequence>
#include <QList>

class QMainWindow;

namespace plein::app {

// Help → Keyboard shortcuts: every shortcut of the window's menus (read from the actions
// themselves, so the page cannot fall behind them) and the keys that act on a list or an editor
// (registered by the pages that handle them), grouped by where they work.
class ShortcutsDialog : public QDialog
{
    Q_OBJECT

public:
    struct Key
    {
        QString section; // "Posts", "Writing"…
        QKeySequence keys;
        QString description;
    };

    ShortcutsDialog(const QMainWindow& window, const QList<Key>& keys, QWidget* parent = nullptr);

    // The rows shown, for tests: "section\tkeys\tdescription".
    QStringList rows() const { return m_rows; }

private:
    QStringList m_rows;
};

} // namespace plein::app
