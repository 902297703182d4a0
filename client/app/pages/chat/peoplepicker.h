#pragma once

#include <QList>
#include <QSet>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListView;
class QSortFilterProxyModel;

namespace plein::client {
class PeopleModel;
}

namespace plein::app {

// Chooses people to write to, as Slack's and Teams' "To:" field does: a search field that
// filters the people the app knows (PeopleModel: authors and members of the user's groups) by
// any word of their name or username as one types, the matches with avatar and department,
// and the people chosen as chips above the field (Backspace in the empty field takes the last
// one back). Enter or a click chooses the highlighted person.
class PeoplePicker : public QWidget
{
    Q_OBJECT

public:
    struct Person
    {
        qint64 id = 0;
        QString username;
        QString name;

        bool operator==(const Person&) const = default;
    };

    PeoplePicker(client::PeopleModel& people, qint64 me, QWidget* parent = nullptr);

    // People who are not offered (the user, the members a conversation has already).
    void setExcluded(const QSet<qint64>& ids);
    QList<Person> chosen() const { return m_chosen; }
    QList<qint64> chosenIds() const;
    void choose(const Person& person);
    void unchoose(qint64 id);
    // Chooses the person whose username is `username`, if the list has them (for tests and
    // links); false when not.
    bool chooseUsername(const QString& username);

    QLineEdit* searchEdit() const { return m_search; }
    QListView* matchesView() const { return m_matches; }
    QSortFilterProxyModel* matches() const { return m_filter; }

Q_SIGNALS:
    void chosenChanged();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void updateChips();
    void updateHidden();
    void chooseIndex(const QModelIndex& index);

    client::PeopleModel& m_people;
    qint64 m_me = 0;
    QSortFilterProxyModel* m_filter = nullptr;
    QWidget* m_chips = nullptr;
    QLineEdit* m_search = nullptr;
    QListView* m_matches = nullptr;
    QLabel* m_status = nullptr;
    QList<Person> m_chosen;
    QSet<qint64> m_excluded;
};

} // namespace plein::app
