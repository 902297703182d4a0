#pragma once

#include <QObject>
#include <QPointer>

namespace plein::app {

class MainWindow;
class SearchPage;

// The local search in the shell: "Search…" (Ctrl+K, Ctrl+F) in the Plein menu, which works from
// every page, a sidebar entry, and the route `plein:/search`, whose parameters (q, kind, group,
// from, after, before) fill the page, so a search is a link that can be shared.
class SearchCapability : public QObject
{
    Q_OBJECT

public:
    explicit SearchCapability(MainWindow& shell);

    SearchPage* page();
    // Opens the page with the search as it was and the cursor in its field.
    void focusSearch();

private:
    MainWindow& m_shell;
    QPointer<SearchPage> m_page;
};

} // namespace plein::app
