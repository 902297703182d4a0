#include "pages/people/peoplecapability.h"

#include "client.h"
#include "connection.h"
#include "pages/files/fileactions.h"
#include "pages/people/avatarphotos.h"
#include "pages/people/editprofiledialog.h"
#include "pages/people/peopledirectorypage.h"
#include "pages/people/profilepage.h"
#include "people/profiles.h"
#include "shell/header.h"
#include "shell/mainwindow.h"
#include "shell/navigator.h"
#include "shell/sidebarmodel.h"
#include "ui/icons.h"

#include <QAction>
#include <QMenu>

namespace plein::app {

PeopleCapability::PeopleCapability(MainWindow& shell)
    : QObject(&shell)
    , m_shell(shell)
{
    // Avatars everywhere show the photos of the people's profiles (files made the actions).
    if (FileActions* files = FileActions::of(&shell))
        new AvatarPhotos(shell.client(), *files, this);

    shell.sidebarModel().addEntry({.title = tr("People"),
                                   .link = Navigator::link(QStringLiteral("people")),
                                   .icon = icons::icon(icons::Icon::Account)});

    Navigator& navigator = shell.navigator();
    navigator.addRoute(QStringLiteral("people"), Navigator::Id::None, [this](qint64) {
        m_shell.showPage(directory());
        return true;
    });
    navigator.addRoute(QStringLiteral("person"), Navigator::Id::Required, [this](qint64 id) {
        openPerson(id);
        return true;
    });

    auto* myProfile = new QAction(tr("My &profile"), &shell);
    shell.appMenu()->insertAction(shell.appMenu()->actions().value(3), myProfile);
    connect(myProfile, &QAction::triggered, this, [this]() {
        m_shell.navigator().open(
            Navigator::link(QStringLiteral("person"), m_shell.client().connection().userId()));
    });
}

PeopleCapability::~PeopleCapability() = default;

ProfilePage* PeopleCapability::profilePage() const
{
    return m_page;
}

PeopleDirectoryPage* PeopleCapability::directory()
{
    if (!m_directory)
        m_directory = new PeopleDirectoryPage(m_shell.client(), m_shell.navigator(), &m_shell);
    return m_directory;
}

void PeopleCapability::openPerson(qint64 id)
{
    if (m_page && m_page->personId() == id) {
        m_shell.showPage(m_page);
        return;
    }
    // One profile page at a time: the previous one goes once the new one shows.
    QPointer<ProfilePage> previous = m_page;
    m_page = new ProfilePage(m_shell.client(), m_shell.navigator(), id, &m_shell);
    connect(m_page, &ProfilePage::tagClicked, this,
            [this](const QString& kind, const QString& key) {
                PeopleDirectoryPage* page = directory();
                page->showOnly(kind == QLatin1StringView("expertise")
                                   ? PeopleDirectoryPage::Filter::Expertise
                                   : kind == QLatin1StringView("interest")
                                   ? PeopleDirectoryPage::Filter::Interest
                                   : PeopleDirectoryPage::Filter::Department,
                               key);
                m_shell.navigator().open(Navigator::link(QStringLiteral("people")));
            });
    connect(m_page, &ProfilePage::editRequested, this, &PeopleCapability::editProfile);
    // A profile read after the page opened names it in the header too.
    connect(m_page, &ProfilePage::titleChanged, this, [this](const QString& title) {
        if (m_page && m_shell.currentPage() == m_page)
            m_shell.header()->setTitle(title);
    });
    m_shell.showPage(m_page);
    if (previous)
        previous->deleteLater();
}

void PeopleCapability::editProfile(qint64 id)
{
    const auto person = m_shell.client().profiles().person(id);
    if (!person)
        return;
    auto* dialog = new EditProfileDialog(m_shell.client().profiles(), *person, &m_shell);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog]() {
        if (!dialog->clientId().isEmpty())
            m_shell.showShortNotice(tr("Saving the profile: it changes for everyone once the "
                                       "server has it."));
    });
    dialog->open();
}

} // namespace plein::app
