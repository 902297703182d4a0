#pragma once

#include "search/searchquery.h"

#include <QUrl>
#include <QWidget>

class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QStackedWidget;
class QToolButton;

namespace plein::client {
class Client;
class MyGroupsModel;
class SearchModel;
} // namespace plein::client

namespace plein::app {

class Navigator;

// The local search (`plein:/search?q=…&kind=…&group=…&from=…`): a field that searches as one
// types, the kinds as chips, a group and a person to narrow it to, and the hits, newest and
// most relevant first; Enter or a click opens one through the Navigator. The cache answers at
// once, also offline; online, the server's search adds what the cache does not hold, and a
// line under the filters says when it is searching or cannot be asked.
class SearchPage : public QWidget
{
    Q_OBJECT

public:
    SearchPage(client::Client& client, Navigator& navigator, QWidget* parent = nullptr);

    // What a link asks for: fills the field and the filters, and searches.
    void setQuery(const client::SearchQuery& query);
    client::SearchQuery query() const;
    // The link of the search shown, to share.
    QUrl link() const;
    // Puts the cursor in the field with its text selected (Ctrl+K).
    void focusSearch();

    client::SearchModel* model() const { return m_model; }
    QLineEdit* searchEdit() const { return m_search; }
    QListView* view() const { return m_view; }
    QComboBox* groupBox() const { return m_group; }
    QComboBox* personBox() const { return m_person; }
    QLabel* stateHeading() const { return m_heading; }
    // Says when the server is being searched, or cannot be.
    QLabel* serverNote() const { return m_serverNote; }
    QToolButton* kindChip(const QString& kind) const;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void search();
    void open(const QModelIndex& index);
    void updateState();
    void fillGroups();
    void fillPeople();
    void selectData(QComboBox* box, qint64 id);

    client::Client& m_client;
    Navigator& m_navigator;
    client::SearchModel* m_model = nullptr;
    client::MyGroupsModel* m_groups = nullptr;
    QLineEdit* m_search = nullptr;
    QButtonGroup* m_kinds = nullptr;
    QComboBox* m_group = nullptr;
    QComboBox* m_person = nullptr;
    QToolButton* m_copyLink = nullptr;
    QStackedWidget* m_stack = nullptr;
    QListView* m_view = nullptr;
    QLabel* m_icon = nullptr;
    QLabel* m_heading = nullptr;
    QLabel* m_hint = nullptr;
    QLabel* m_serverNote = nullptr;
    bool m_filling = false;
};

} // namespace plein::app
