#include "shell/shortcutsdialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace plein::app {

namespace {

// "&New post" as a person reads it.
QString plainTitle(QString text)
{
    text.remove(QStringLiteral("…"));
    text.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
    text.remove(u'&');
    text.replace(u'\x01', u'&');
    return text.trimmed();
}

void collect(const QMenu* menu, const QString& section, QList<ShortcutsDialog::Key>& into)
{
    for (QAction* action : menu->actions()) {
        if (action->menu()) {
            collect(action->menu(), section, into);
            continue;
        }
        if (action->isSeparator() || action->shortcut().isEmpty())
            continue;
        into.append({section, action->shortcut(), plainTitle(action->text())});
    }
}

} // namespace

ShortcutsDialog::ShortcutsDialog(const QMainWindow& window, const QList<Key>& keys, QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Keyboard shortcuts"));
    setObjectName(QStringLiteral("shortcutsDialog"));
    QList<Key> all;
    for (QAction* top : window.menuBar()->actions()) {
        if (top->menu())
            collect(top->menu(), plainTitle(top->text()), all);
    }
    all.append(keys);

    auto* tree = new QTreeWidget(this);
    tree->setColumnCount(2);
    tree->setHeaderLabels({tr("Action"), tr("Keys")});
    tree->setRootIsDecorated(false);
    tree->setSelectionMode(QAbstractItemView::NoSelection);
    tree->setFocusPolicy(Qt::NoFocus);
    QHash<QString, QTreeWidgetItem*> sections;
    for (const Key& key : std::as_const(all)) {
        QTreeWidgetItem*& section = sections[key.section];
        if (!section) {
            section = new QTreeWidgetItem(tree, {key.section});
            QFont bold = section->font(0);
            bold.setBold(true);
            section->setFont(0, bold);
            section->setFirstColumnSpanned(true);
        }
        const QString keyText = key.keys.toString(QKeySequence::NativeText);
        new QTreeWidgetItem(section, {key.description, keyText});
        m_rows.append(key.section + u'\t' + keyText + u'\t' + key.description);
    }
    tree->expandAll();
    tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    tree->header()->setStretchLastSection(false);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(tree);
    layout->addWidget(buttons);
    resize(460, 520);
}

} // namespace plein::app
