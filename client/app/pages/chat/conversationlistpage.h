#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QTimer;

namespace plein::app {

class ConversationRows;
class Navigator;

// The user's conversations (`plein:/chats`), newest first, each with its picture, last message
// and unread count; a field that finds one by name, and "New conversation". With none yet it
// says how to start one.
class ConversationListPage : public QWidget
{
    Q_OBJECT

public:
    ConversationListPage(ConversationRows& rows, Navigator& navigator, QWidget* parent = nullptr);

    QListView* view() const { return m_view; }
    QLineEdit* searchEdit() const { return m_search; }
    QPushButton* newButton() const { return m_new; }
    QPushButton* startButton() const { return m_start; }
    // Whether the page shows "No conversations yet" rather than the list.
    bool isShowingEmptyState() const;

Q_SIGNALS:
    void newConversationRequested();

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void updateState();
    // The presence of the people of the direct conversations on screen.
    void watchShown();

    ConversationRows& m_rows;
    Navigator& m_navigator;
    QSortFilterProxyModel* m_filter = nullptr;
    QLineEdit* m_search = nullptr;
    QPushButton* m_new = nullptr;
    QStackedWidget* m_stack = nullptr;
    QListView* m_view = nullptr;
    QLabel* m_noMatch = nullptr;
    QWidget* m_empty = nullptr;
    QPushButton* m_start = nullptr;
    QTimer* m_watchSoon = nullptr;
};

} // namespace plein::app
