#include "loginflow.h"

#include "cache.h"
#include "capabilities/session/sessionprotocol.h"
#include "client.h"
#include "loginattempt.h"
#include "logindialog.h"
#include "outbox.h"
#include "problemtext.h"
#include "serveraddress.h"
#include "session.h"
#include "shell/mainwindow.h"
#include "shell/navigator.h"
#include "tokenstore.h"
#include "ui/avatar.h"
#include "ui/icons.h"

#include <QApplication>
#include <QCheckBox>
#include <QFileInfo>
#include <QLineEdit>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QThread>
#include <QTimer>

namespace plein::app {

using client::Connection;
using Field = LoginDialog::Field;
using Status = TokenStore::Status;

namespace {

constexpr int integrityCheckDelayMs = 10000;
// How soon a window swap is tried again while a menu or dialog of the old window is closing.
constexpr int nestedLoopRetryMs = 50;
// A login that answers quickly shows no "Connecting" at all.
constexpr int busyDialogDelayMs = 400;
// How long a logged-out client waits for the server to confirm before it closes anyway.
constexpr int logoutTimeoutMs = 5000;
constexpr int menuAvatarSize = 24;
constexpr int confirmAvatarSize = 48;

QString keyOf(const Account& account)
{
    return TokenStore::accountFor(account.server, account.username);
}

// wss:// is what a bare host name means, so the field shows it without.
QString serverText(const QUrl& server)
{
    if (server.scheme() == QLatin1StringView("wss"))
        return server.toString().mid(6);
    return server.toString();
}

QString displayNameOf(client::Client& client)
{
    return client.connection().user().value(QLatin1StringView("displayName")).toString();
}

QPixmap avatarPixmap(const Account& account, int size, qreal devicePixelRatio)
{
    QPixmap pixmap(QSize(size, size) * devicePixelRatio);
    pixmap.setDevicePixelRatio(devicePixelRatio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    // Initials: the photo source knows the people of the account shown, and another account
    // (on another server) may share a username with one of them.
    avatar::paintInitials(painter, QRect(0, 0, size, size),
                          account.displayName.isEmpty() ? account.username : account.displayName,
                          account.username);
    return pixmap;
}

QIcon avatarIcon(const Account& account, qreal devicePixelRatio)
{
    const QPixmap pixmap = avatarPixmap(account, menuAvatarSize, devicePixelRatio);
    QIcon icon(pixmap);
    // The account in use is a disabled line, but its face keeps its colour.
    icon.addPixmap(pixmap, QIcon::Disabled);
    return icon;
}

// The name the list knows for an account (the dialog and the command line know none).
Account withKnownName(Account account)
{
    for (const Account& known : Accounts::known()) {
        if (known.sameAs(account) && account.displayName.isEmpty())
            account.displayName = known.displayName;
    }
    return account;
}

} // namespace

LoginFlow::LoginFlow(Options options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_tokens(new TokenStore(this))
    , m_keyringAvailable(m_options.useKeyring)
{
    if (m_options.server.isEmpty() && m_options.username.isEmpty()) {
        // Without an account on the command line, the last one used is resumed.
        if (auto last = Accounts::last())
            m_first = *last;
        return;
    }
    const ServerAddress address = ServerAddress::parse(m_options.server);
    if (!m_options.server.trimmed().isEmpty() && !address.isOk())
        m_firstProblem = address.problem();
    m_first = withKnownName({address.url(), m_options.username.trimmed().toLower(), QString()});
}

LoginFlow::~LoginFlow()
{
    finishLeaving();
}

void LoginFlow::start()
{
    if (!m_firstProblem.isEmpty()) {
        LoginDialog& d = showDialog(m_first);
        d.setServer(m_options.server.trimmed());
        d.setMessage(m_firstProblem, Field::Server);
        return;
    }
    const bool known = m_first.isValid();
    if (m_options.password) {
        const QString password = *std::exchange(m_options.password, std::nullopt);
        if (!known || password.isEmpty()) {
            askFor(m_first, tr("Enter your username and password."));
            return;
        }
        beginAttempt(m_first, password, QString(), m_options.remember);
        return;
    }
    if (!known || !m_keyringAvailable) {
        askFor(m_first);
        return;
    }
    const int generation = ++m_generation;
    m_tokens->lookup(keyOf(m_first), [this, generation](Status status, const QString& answer) {
        if (generation != m_generation)
            return;
        switch (status) {
        case Status::Ok:
            useToken(m_first, answer);
            return;
        case Status::NotFound:
            askFor(m_first);
            return;
        case Status::NoKeyring:
            m_keyringAvailable = false;
            showDialog(m_first).setMessage(
                tr("No system keyring is available, so Plein cannot remember you and stores "
                   "nothing: you will log in each time. (%1)")
                    .arg(answer),
                Field::Password, LoginDialog::Tone::Info);
            return;
        }
    });
}

LoginDialog& LoginFlow::showDialog(const Account& account, const QString& intro)
{
    if (!m_dialog) {
        m_dialog = std::make_unique<LoginDialog>();
        connect(m_dialog.get(), &LoginDialog::submitted, this, &LoginFlow::onSubmitted);
        connect(m_dialog.get(), &LoginDialog::cancelRequested, this, &LoginFlow::onCancelRequested);
        connect(m_dialog.get(), &LoginDialog::offlineRequested, this, &LoginFlow::openOffline);
        connect(m_dialog.get(), &QDialog::rejected, this, &LoginFlow::onDialogClosed);
    }
    LoginDialog& d = *m_dialog;
    d.setBusy(false);
    d.setOfflineAvailable(false);
    d.setServer(account.server.isValid() ? serverText(account.server) : QString());
    d.setUsername(account.username);
    d.passwordEdit()->clear();
    d.setIntro(intro);
    d.setRememberAvailable(m_keyringAvailable);
    d.setMessage(QString());
    d.show();
    d.raise();
    d.activateWindow();
    // The first field still to fill.
    QLineEdit* focus = d.serverEdit()->text().isEmpty() ? d.serverEdit()
        : d.userEdit()->text().isEmpty()                ? d.userEdit()
                                                        : d.passwordEdit();
    focus->setFocus(Qt::OtherFocusReason);
    return d;
}

void LoginFlow::askFor(const Account& account, const QString& message)
{
    LoginDialog& d = showDialog(account);
    if (!message.isEmpty())
        d.setMessage(message, account.isValid() ? Field::Password : Field::None);
}

void LoginFlow::onSubmitted()
{
    LoginDialog& d = *m_dialog;
    const Account account = withKnownName({d.server(), d.username(), QString()});
    const bool remember = d.remember() && m_keyringAvailable;
    if (m_client && account.sameAs(m_account)) {
        // The session of the open window ended: log in again on the same client.
        ++m_generation;
        m_relogging = true;
        m_remember = remember;
        d.setBusy(true, tr("Connecting to %1…").arg(account.server.host()));
        auto& connection = m_client->connection();
        connection.stop();
        connection.setPassword(account.username, d.password());
        connection.start();
        return;
    }
    beginAttempt(account, d.password(), QString(), remember);
}

void LoginFlow::onCancelRequested()
{
    ++m_generation;
    m_attempt.reset();
    if (m_relogging && m_client)
        m_client->connection().stop();
    m_relogging = false;
    m_dialog->setBusy(false);
}

void LoginFlow::onDialogClosed()
{
    ++m_generation;
    m_attempt.reset();
    m_relogging = false;
    // With a window open the person keeps reading (offline); otherwise there is nothing.
    if (!m_window)
        Q_EMIT finished(0);
}

void LoginFlow::beginAttempt(const Account& account, const QString& password, const QString& token,
                             bool remember)
{
    ++m_generation;
    m_attempt.reset();
    m_remember = remember;
    auto attempt = std::make_unique<LoginAttempt>(account, m_options.profileDir);
    if (m_leaving && m_leavingAccount.sameAs(account))
        finishLeaving(); // the logged-out client still holds this very cache
    if (auto err = attempt->open()) {
        LoginDialog& d = (m_dialog && m_dialog->isVisible()) ? *m_dialog : showDialog(account);
        d.setBusy(false);
        d.setMessage(tr("The offline copy on this computer cannot be opened: %1").arg(*err));
        return;
    }
    connect(attempt.get(), &LoginAttempt::succeeded, this, &LoginFlow::onAttemptSucceeded);
    connect(attempt.get(), &LoginAttempt::failed, this, &LoginFlow::onAttemptFailed);
    m_attempt = std::move(attempt);
    const QString connecting = tr("Connecting to %1…").arg(account.server.host());
    if (m_dialog && m_dialog->isVisible()) {
        m_dialog->setBusy(true, connecting);
    } else {
        QTimer::singleShot(busyDialogDelayMs, m_attempt.get(), [this, account, connecting]() {
            showDialog(account).setBusy(true, connecting);
        });
    }
    if (token.isEmpty())
        m_attempt->logIn(password);
    else
        m_attempt->resume(token);
}

void LoginFlow::onAttemptSucceeded()
{
    // Called from inside the attempt's own signal: it goes when the event loop is back.
    LoginAttempt* attempt = m_attempt.release();
    attempt->deleteLater();
    std::unique_ptr<client::Client> core = attempt->take();
    Account account = attempt->account();
    const QString name = displayNameOf(*core);
    if (!name.isEmpty())
        account.displayName = name;
    const QString token = core->connection().token();
    const bool usedPassword = !attempt->usedToken();
    openWindow(std::move(core), account);
    keepToken(account, token, usedPassword && m_remember);
    if (m_dialog) {
        m_dialog->setBusy(false);
        m_dialog->passwordEdit()->clear();
        m_dialog->hide();
    }
}

void LoginFlow::onAttemptFailed(Connection::Problem problem, const QString& detail)
{
    LoginAttempt* attempt = m_attempt.release();
    attempt->deleteLater();
    const Account account = attempt->account();
    if (attempt->usedToken()
        && (problem == Connection::Problem::TokenRefused
            || problem == Connection::Problem::Deactivated))
        forgetToken(account); // a refused token is of no use to anyone
    LoginDialog& d = (m_dialog && m_dialog->isVisible()) ? *m_dialog : showDialog(account);
    d.setBusy(false);
    Field field = Field::Server;
    switch (problem) {
    case Connection::Problem::WrongPassword:
    case Connection::Problem::TokenRefused:
    case Connection::Problem::RateLimited:
        field = Field::Password;
        break;
    case Connection::Problem::Deactivated:
        field = Field::Username;
        break;
    default:
        break;
    }
    d.setMessage(loginProblemText(problem, detail, account.server), field);
    // Its copy is on this computer: reading it needs no server.
    const bool offline = problem == Connection::Problem::Unreachable && attempt->hadCache()
        && !d.password().isEmpty();
    m_offlineAccount = offline ? account : Account();
    d.setOfflineAvailable(offline);
}

void LoginFlow::openOffline()
{
    LoginDialog& d = *m_dialog;
    // The account whose attempt failed, as it was then (the fields may have changed since).
    const Account account = withKnownName(m_offlineAccount);
    if (!account.isValid() || !hasCache(account)) {
        d.setOfflineAvailable(false);
        return;
    }
    QString error;
    auto core = openClient(account, &error);
    if (!core) {
        d.setMessage(tr("The offline copy on this computer cannot be opened: %1").arg(error));
        return;
    }
    // The password stays in the connection's memory until the server can check it.
    m_remember = d.remember() && m_keyringAvailable;
    core->connection().setPassword(account.username, d.password());
    core->connection().start();
    openWindow(std::move(core), account);
    d.passwordEdit()->clear();
    d.hide();
}

void LoginFlow::useToken(const Account& account, const QString& token)
{
    if (!hasCache(account)) {
        beginAttempt(account, QString(), token, false);
        return;
    }
    // The cache shows at once, online or not; the server answers for the token meanwhile.
    QString error;
    auto core = openClient(account, &error);
    if (!core) {
        askFor(account, tr("The offline copy on this computer cannot be opened: %1").arg(error));
        return;
    }
    m_remember = false; // it is remembered already
    core->connection().setToken(token);
    core->connection().start();
    openWindow(std::move(core), account);
    if (m_dialog)
        m_dialog->hide();
}

std::unique_ptr<client::Client> LoginFlow::openClient(const Account& account, QString* error)
{
    if (m_leaving && m_leavingAccount.sameAs(account))
        finishLeaving();
    auto core = std::make_unique<client::Client>();
    if (auto err = core->open(account.server, account.username, m_options.profileDir)) {
        *error = *err;
        return nullptr;
    }
    return core;
}

void LoginFlow::openWindow(std::unique_ptr<client::Client> core, const Account& account)
{
    if (!mayCloseWindow()) {
        // A menu or dialog of the old window runs its own event loop, with the window on the
        // stack below it: deleting the window now would pull that loop's objects away. It was
        // asked to close; the swap happens once it has.
        auto pending = std::make_shared<std::unique_ptr<client::Client>>(std::move(core));
        QTimer::singleShot(nestedLoopRetryMs, this, [this, pending, account]() {
            openWindow(std::move(*pending), account);
        });
        return;
    }
    closeWindow();
    m_client = std::move(core);
    m_account = withKnownName(account);
    Accounts::remember(m_account);
    auto& connection = m_client->connection();
    connect(&connection, &Connection::problem, this, &LoginFlow::onProblem);
    connect(&connection, &Connection::tokenChanged, this, &LoginFlow::onToken);
    connect(&connection, &Connection::authenticated, this, &LoginFlow::onAuthenticated);
    m_window = std::make_unique<MainWindow>(*m_client, m_options.useTray);
    m_window->setAccount(m_account.displayName, m_account.username);
    fillAccountMenu();
    // The other accounts and their names may have changed since: the menu is made when shown.
    connect(m_window->accountMenu(), &QMenu::aboutToShow, this, &LoginFlow::fillAccountMenu);
    if (std::exchange(m_options.startMinimised, false))
        m_window->startMinimised();
    else
        m_window->show();
    if (!m_options.link.isEmpty())
        m_window->navigator().open(QUrl(std::exchange(m_options.link, QString())));
    // The full integrity check reads the whole cache; off the start-up path, on its own thread.
    auto& cache = m_client->cache();
    connect(&cache, &client::Cache::damaged, m_window.get(), [this]() {
        m_window->showNotice(tr("The offline copy on this computer is damaged. Plein will set it "
                                "aside and fetch everything again from the server at the next "
                                "start; nothing you wrote is lost."));
    });
    QTimer::singleShot(integrityCheckDelayMs, &cache, &client::Cache::checkIntegrity);
    Q_EMIT windowOpened();
}

bool LoginFlow::mayCloseWindow()
{
    if (!m_window)
        return true;
    while (QWidget* popup = QApplication::activePopupWidget()) {
        if (!popup->close())
            break;
    }
    if (QWidget* modal = QApplication::activeModalWidget(); modal && m_window->isAncestorOf(modal))
        modal->close();
    return QThread::currentThread()->loopLevel() <= 1;
}

void LoginFlow::closeWindow()
{
    // The window first: it shows the client. The outbox stays in the cache for next time.
    m_window.reset();
    m_client.reset();
    m_account = Account();
    m_relogging = false;
}

void LoginFlow::fillAccountMenu()
{
    if (!m_window)
        return;
    QMenu* menu = m_window->accountMenu();
    menu->clear();
    const qreal dpr = m_window->devicePixelRatioF();
    QAction* current = menu->addAction(avatarIcon(m_account, dpr), m_account.label());
    current->setEnabled(false);
    menu->addSeparator();
    for (const Account& other : Accounts::known()) {
        if (other.sameAs(m_account))
            continue;
        QAction* action = menu->addAction(avatarIcon(other, dpr), other.label());
        action->setToolTip(tr("Switch to this account"));
        action->setData(keyOf(other));
        // Queued: switching closes the window that owns this menu.
        connect(
            action, &QAction::triggered, this, [this, other]() { switchTo(other); },
            Qt::QueuedConnection);
    }
    QAction* add = menu->addAction(icons::icon(icons::Icon::Add), tr("Add account…"));
    connect(add, &QAction::triggered, this, &LoginFlow::addAccount, Qt::QueuedConnection);
    menu->addSeparator();
    QAction* logOut = menu->addAction(icons::icon(icons::Icon::LogOut), tr("Log out"));
    connect(logOut, &QAction::triggered, this, &LoginFlow::confirmLogOut, Qt::QueuedConnection);
}

void LoginFlow::switchTo(const Account& account)
{
    if (!account.isValid() || (m_client && account.sameAs(m_account)))
        return;
    const int generation = ++m_generation;
    m_attempt.reset();
    m_relogging = false;
    const QString intro = tr("Log in as %1 to switch to this account.").arg(account.address());
    const QString token = m_sessions.value(keyOf(account));
    if (!token.isEmpty()) {
        useToken(account, token);
        return;
    }
    if (!m_keyringAvailable) {
        showDialog(account, intro);
        return;
    }
    m_tokens->lookup(keyOf(account),
                     [this, account, intro, generation](Status status, const QString& answer) {
                         if (generation != m_generation)
                             return;
                         if (status == Status::Ok) {
                             useToken(account, answer);
                             return;
                         }
                         if (status == Status::NoKeyring)
                             m_keyringAvailable = false;
                         showDialog(account, intro);
                     });
}

void LoginFlow::addAccount()
{
    ++m_generation;
    m_attempt.reset();
    m_relogging = false;
    // Most often a colleague's account on the same server; the field is easy to change.
    Account prefill;
    prefill.server = m_account.server;
    showDialog(prefill,
               tr("Add another account, on this server or another one. Switch between your "
                  "accounts in the account menu."));
}

void LoginFlow::confirmLogOut()
{
    if (!m_window)
        return;
    const int waiting = m_client->outbox().count();
    auto* box = new QMessageBox(QMessageBox::NoIcon, tr("Log out"),
                                tr("Log out of %1?").arg(m_account.label()), QMessageBox::NoButton,
                                m_window.get());
    box->setIconPixmap(avatarPixmap(m_account, confirmAvatarSize, m_window->devicePixelRatioF()));
    box->setInformativeText(
        waiting > 0 ? tr("%n change(s) you made have not been sent yet. They stay on this "
                         "computer and are sent when you log in again, unless you remove the "
                         "offline copy.",
                         nullptr, waiting)
                    : tr("Plein forgets your session on this computer. The offline copy stays "
                         "unless you remove it, so logging in again is quick."));
    auto* remove = new QCheckBox(tr("Also remove the offline copy from this computer"), box);
    box->setCheckBox(remove);
    QPushButton* confirm = box->addButton(tr("Log out"), QMessageBox::AcceptRole);
    box->addButton(tr("Cancel"), QMessageBox::RejectRole);
    box->setDefaultButton(confirm);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, confirm, remove]() {
        if (box->clickedButton() != confirm)
            return;
        // Later: logging out closes the window that owns this box.
        QTimer::singleShot(0, this,
                           [this, removeCache = remove->isChecked()]() { logOut(removeCache); });
    });
    box->open();
}

void LoginFlow::logOut(bool removeCache)
{
    if (!m_client)
        return;
    ++m_generation;
    m_attempt.reset();
    finishLeaving();
    const Account account = m_account;
    forgetToken(account);
    Accounts::forget(account);
    const bool online = m_client->connection().state() == Connection::State::Online;
    m_window.reset();
    // The client stays until the server has ended the session (or did not answer in time).
    client::Client* leaving = m_client.release();
    leaving->setParent(this);
    m_leaving = leaving;
    m_leavingAccount = account;
    m_leavingRemovesCache = removeCache;
    m_account = Account();
    m_relogging = false;
    if (online) {
        leaving->session().request(
            protocol::session::AuthLogout, {}, leaving,
            [this](const Result<QJsonObject>&) {
                QTimer::singleShot(0, this, &LoginFlow::finishLeaving);
            },
            logoutTimeoutMs);
    } else {
        finishLeaving();
    }
    const QList<Account> others = Accounts::known();
    if (!others.isEmpty()) {
        switchTo(others.first());
        return;
    }
    LoginDialog& d = showDialog(account);
    d.setMessage(tr("You have logged out of %1.").arg(account.address()), Field::None,
                 LoginDialog::Tone::Info);
    d.passwordEdit()->setFocus(Qt::OtherFocusReason);
}

void LoginFlow::finishLeaving()
{
    if (!m_leaving)
        return;
    client::Client* leaving = m_leaving.data();
    m_leaving = nullptr;
    const QString file = client::Cache::fileFor(m_options.profileDir, m_leavingAccount.server,
                                                m_leavingAccount.username);
    delete leaving;
    if (m_leavingRemovesCache)
        client::Client::removeCreated({file});
}

void LoginFlow::onProblem(Connection::Problem problem, const QString& detail)
{
    const QString text = loginProblemText(problem, detail, m_account.server);
    switch (problem) {
    case Connection::Problem::TokenRefused:
    case Connection::Problem::Deactivated:
        forgetToken(m_account);
        [[fallthrough]];
    case Connection::Problem::WrongPassword:
    case Connection::Problem::Refused:
    case Connection::Problem::RateLimited:
        if (m_relogging && m_dialog && m_dialog->isVisible()) {
            m_dialog->setBusy(false);
            m_dialog->setMessage(text, Field::Password);
        } else {
            askFor(m_account, text);
        }
        m_relogging = false;
        return;
    case Connection::Problem::Unreachable:
    case Connection::Problem::TlsFailure:
    case Connection::Problem::VersionMismatch:
        // The window says so; the dialog only when it is waiting for this connection.
        if (m_relogging && m_dialog && m_dialog->isBusy()) {
            m_dialog->setBusy(false);
            m_dialog->setMessage(text, Field::None);
        }
        return;
    }
}

void LoginFlow::onToken(const QString& token)
{
    keepToken(m_account, token, m_remember);
}

void LoginFlow::onAuthenticated()
{
    const QString name = displayNameOf(*m_client);
    if (!name.isEmpty() && name != m_account.displayName) {
        m_account.displayName = name;
        Accounts::remember(m_account);
    }
    m_sessions.insert(keyOf(m_account), m_client->connection().token());
    if (m_relogging) {
        m_relogging = false;
        if (m_dialog) {
            m_dialog->setBusy(false);
            m_dialog->passwordEdit()->clear();
            m_dialog->hide();
        }
    }
}

void LoginFlow::keepToken(const Account& account, const QString& token, bool remember)
{
    if (token.isEmpty())
        return;
    m_sessions.insert(keyOf(account), token);
    if (!remember || !m_keyringAvailable)
        return;
    m_tokens->store(keyOf(account), token, [this](Status status, const QString& error) {
        if (status == Status::Ok)
            return;
        m_keyringAvailable = false;
        if (m_window)
            m_window->showNotice(tr("No system keyring is available, so Plein cannot remember "
                                    "you and stores nothing: you will log in next time again. "
                                    "(%1)")
                                     .arg(error));
    });
}

void LoginFlow::forgetToken(const Account& account)
{
    m_sessions.remove(keyOf(account));
    // Even when storing failed earlier in this run: an older token may still be in the
    // keyring, and logging out must not leave it there to resume.
    m_tokens->forget(keyOf(account));
}

bool LoginFlow::hasCache(const Account& account) const
{
    return QFileInfo::exists(
        client::Cache::fileFor(m_options.profileDir, account.server, account.username));
}

} // namespace plein::app
