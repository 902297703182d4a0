#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QTimer;

namespace plein::client {
class Client;
class PeopleDirectoryModel;
} // namespace plein::client

namespace plein::app {

class Navigator;

// The people directory (`plein:/people`): everyone the cache knows, by name, found as one
// types (name, username or job title) and filtered by department, expertise and interest
// (the filters list what the directory holds, with counts), a page at a time as the list
// scrolls. Opening someone goes to their profile.
class PeopleDirectoryPage : public QWidget
{
    Q_OBJECT

public:
    enum class Filter { Department, Expertise, Interest };

    PeopleDirectoryPage(client::Client& client, Navigator& navigator, QWidget* parent = nullptr);

    client::PeopleDirectoryModel* model() const { return m_model; }
    QLineEdit* searchEdit() const { return m_search; }
    QComboBox* filterBox(Filter filter) const;
    QListView* view() const { return m_view; }
    QLabel* statusLabel() const { return m_status; }
    QPushButton* clearButton() const { return m_clear; }

    // Shows only the people with this department or tag (a profile's chip), the other
    // filters and the search cleared.
    void showOnly(Filter filter, const QString& key);
    // Applies the search text now instead of after the typing pause.
    void search();
    // Whether the filters wait to be filled again when the page is shown (people changed
    // while it was hidden).
    bool filtersStale() const { return m_filtersStale; }

protected:
    void showEvent(QShowEvent* event) override;

private:
    void refillFilters();
    void applyFilters();
    void updateStatus();

    client::Client& m_client;
    client::PeopleDirectoryModel* m_model = nullptr;
    QLineEdit* m_search = nullptr;
    QComboBox* m_department = nullptr;
    QComboBox* m_expertise = nullptr;
    QComboBox* m_interest = nullptr;
    QPushButton* m_clear = nullptr;
    QListView* m_view = nullptr;
    QLabel* m_status = nullptr;
    QTimer* m_typing = nullptr;
    QTimer* m_refill = nullptr;
    bool m_filling = false;
    bool m_filtersStale = false;
};

} // namespace plein::app
