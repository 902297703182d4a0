#include "pages/search/searchcapability.h"

#include "client.h"
#include "pages/search/searchpage.h"
#include "shell/mainwindow.h"
#include "shell/navigator.h"
#include "shell/sidebarmodel.h"
#include "ui/icons.h"

#include <QAction>
#include <QMenu>

namespace plein::app {

SearchCapability::SearchCapability(MainWindow& shell)
    : QObject(&shell)
    , m_shell(shell)
{
    const QUrl link = Navigator::link(QStringLiteral("search"));
    shell.sidebarModel().addEntry(
        {.title = tr("Search"), .link = link, .icon = icons::icon(icons::Icon::Search)});
    shell.navigator().addQueryRoute(QStringLiteral("search"), Navigator::Id::None,
                                    [this](qint64, const QUrlQuery& query) {
                                        SearchPage* p = page();
                                        // A bare plein:/search keeps the search shown; a link with
                                        // words asks its own.
                                        if (!query.isEmpty())
                                            p->setQuery(client::SearchQuery::fromUrlQuery(query));
                                        m_shell.showPage(p);
                                        return true;
                                    });

    auto* find = new QAction(icons::icon(icons::Icon::Search), tr("&Search…"), &shell);
    find->setObjectName(QStringLiteral("searchAction"));
    find->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_K), QKeySequence::Find});
    find->setShortcutContext(Qt::WindowShortcut);
    shell.addAction(find);
    shell.appMenu()->insertAction(shell.appMenu()->actions().value(2), find);
    connect(find, &QAction::triggered, this, &SearchCapability::focusSearch);
    shell.addShortcutHelp(tr("Search"), QKeySequence(Qt::CTRL | Qt::Key_F), tr("Search"));
    shell.addShortcutHelp(tr("Search"), QKeySequence(Qt::Key_Down), tr("Next result"));
    shell.addShortcutHelp(tr("Search"), QKeySequence(Qt::Key_Up), tr("Previous result"));
    shell.addShortcutHelp(tr("Search"), QKeySequence(Qt::Key_Return), tr("Open the result"));
}

SearchPage* SearchCapability::page()
{
    if (!m_page) {
        m_page = new SearchPage(m_shell.client(), m_shell.navigator());
        m_shell.addPage(m_page);
    }
    return m_page;
}

void SearchCapability::focusSearch()
{
    m_shell.navigator().open(Navigator::link(QStringLiteral("search")));
    page()->focusSearch();
}

} // namespace plein::app
