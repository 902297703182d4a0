#include "shell/pageparts.h"

namespace plein::app {

PageParts::PageParts(QObject* parent)
    : QObject(parent)
{ }

void PageParts::addHomePanel(Panel make)
{
    m_home.append(make);
    Q_EMIT homePanelAdded(m_home.last());
}

void PageParts::addGroupPanel(GroupPart make)
{
    m_groupPanels.append(std::move(make));
}

void PageParts::addGroupTab(const QString& title, GroupPart make)
{
    m_groupTabs.append({title, std::move(make)});
}

} // namespace plein::app
