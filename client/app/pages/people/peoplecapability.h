#pragma once

#include <QObject>
#include <QPointer>

namespace plein::app {

class MainWindow;
class PeopleDirectoryPage;
class ProfilePage;

// People in the shell: the sidebar entry "People", the directory (`plein:/people`) and
// profile pages (`plein:/person/<id>`, which avatars and names elsewhere link to), with "Edit
// profile" for oneself and administrators, and "My profile" in the account's menu.
class PeopleCapability : public QObject
{
    Q_OBJECT

public:
    explicit PeopleCapability(MainWindow& shell);
    ~PeopleCapability() override;

    PeopleDirectoryPage* directory();
    // The profile shown last, if it is still open.
    ProfilePage* profilePage() const;
    void openPerson(qint64 id);
    void editProfile(qint64 id);

private:
    MainWindow& m_shell;
    PeopleDirectoryPage* m_directory = nullptr;
    QPointer<ProfilePage> m_page;
};

} // namespace plein::app
