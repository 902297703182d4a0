#pragma once

#include <QTreeView>
#include <QUrl>

namespace plein::app {

class Navigator;
class SidebarModel;

// The sidebar: the entries of the SidebarModel with their rows, a badge beside each row that
// has a count. Choosing a row (click, Enter) opens its link through the Navigator.
class Sidebar : public QTreeView
{
    Q_OBJECT

public:
    Sidebar(SidebarModel& model, Navigator& navigator, QWidget* parent = nullptr);

    // Selects the row that opens `link` (the page shown), or none.
    void select(const QUrl& link);
    // Opens the row `delta` rows below (or above) the chosen one, wrapping round.
    void step(int delta);

Q_SIGNALS:
    // A row was chosen by the user (after its link was opened).
    void chosen();

private:
    void choose(const QModelIndex& index);

    SidebarModel& m_model;
    Navigator& m_navigator;
    QUrl m_selected; // marked again after a reset of the rows
};

} // namespace plein::app
