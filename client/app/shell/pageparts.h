#pragma once

#include <QList>
#include <QObject>
#include <QString>

#include <functional>

class QWidget;

namespace plein::app {

// What a capability adds to another's pages without the two knowing each other: a panel above
// Home's posts, a panel above a group's posts, a tab on every group page (the blogs put their
// newest articles in Home and a group's blog on its page). The page that owns the place asks
// for the parts when it is built, and Home, built first, also hears of parts added later.
class PageParts : public QObject
{
    Q_OBJECT

public:
    using Panel = std::function<QWidget*(QWidget* parent)>;
    using GroupPart = std::function<QWidget*(qint64 groupId, QWidget* parent)>;
    struct GroupTab
    {
        QString title;
        GroupPart make;
    };

    explicit PageParts(QObject* parent = nullptr);

    void addHomePanel(Panel make);
    const QList<Panel>& homePanels() const { return m_home; }
    void addGroupPanel(GroupPart make);
    const QList<GroupPart>& groupPanels() const { return m_groupPanels; }
    void addGroupTab(const QString& title, GroupPart make);
    const QList<GroupTab>& groupTabs() const { return m_groupTabs; }

Q_SIGNALS:
    void homePanelAdded(const plein::app::PageParts::Panel& make);

private:
    QList<Panel> m_home;
    QList<GroupPart> m_groupPanels;
    QList<GroupTab> m_groupTabs;
};

} // namespace plein::app
