#include "loginflow.h"

#include "cache.h"
#include "client.h"
#include "logindialog.h"
#include "problemtext.h"
#include "shell/mainwindow.h"
#include "shell/navigator.h"
#include "tokenstore.h"

#include <QLineEdit>
#include <QMessageBox>
#include <QSettings>
#include <QTimer>

namespace plein::app {

namespace {
constexpr int integrityCheckDelayMs = 10000;
} // namespace

using client::Connection;

namespace {

const QString lastServerKey = QStringLiteral("account/server");
const QString lastUserKey = QStringLiteral("account/username");

} // namespace

LoginFlow::LoginFlow(Options options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_tokens(new TokenStore(this))
{
    // Without an account on the command line, the last one used is resumed.
    if (m_options.server.isEmpty() && m_options.username.isEmpty()) {
        const QSettings settings;
        m_options.server = settings.value(lastServerKey).toString();
        m_options.username = settings.value(lastUserKey).toString();
    }
    m_server = QUrl::fromUserInput(m_options.server.trimmed());
    m_username = m_options.username.trimmed().toLower();
    m_keyringAvailable = m_options.useKeyring;
}

LoginFlow::~LoginFlow() = default;

void LoginFlow::start()
{
    const bool known = !m_options.server.isEmpty() && !m_username.isEmpty();
    if (m_options.password) {
        if (!known || m_options.password->isEmpty()) {
            ask(tr("Enter your username and password."));
            return;
        }
        logIn(m_server, m_username, *std::exchange(m_options.password, std::nullopt),
              m_options.remember);
        return;
    }
    if (!known || !m_options.useKeyring) {
        ask(QString());
        return;
    }
    const QString account = TokenStore::accountFor(m_server, m_username);
    m_tokens->lookup(account, [this](TokenStore::Status status, const QString& tokenOrError) {
        switch (status) {
        case TokenStore::Status::Ok:
            resume(m_server, m_username, tokenOrError);
            return;
        case TokenStore::Status::NotFound:
            ask(QString());
            return;
        case TokenStore::Status::NoKeyring:
            m_keyringAvailable = false;
            ask(tr("No system keyring is available, so Plein cannot remember you and stores "
                   "nothing: you will log in each time. (%1)")
                    .arg(tokenOrError));
            return;
        }
    });
}

void LoginFlow::ask(const QString& message)
{
    if (!m_dialog) {
        m_dialog = std::make_unique<LoginDialog>();
        connect(m_dialog.get(), &QDialog::accepted, this, [this]() {
            logIn(m_dialog->server(), m_dialog->username(), m_dialog->password(),
                  m_dialog->remember());
            m_dialog->passwordEdit()->clear();
        });
        connect(m_dialog.get(), &QDialog::rejected, this, [this]() {
            // With a window open the person keeps reading offline; otherwise there is nothing.
            if (!m_window)
                Q_EMIT finished(0);
        });
    }
    m_dialog->setServer(m_server.isEmpty() ? m_options.server : m_server.toString());
    m_dialog->setUsername(m_username);
    m_dialog->setRememberAvailable(m_keyringAvailable);
    m_dialog->setMessage(message);
    if (!m_dialog->userEdit()->text().isEmpty())
        m_dialog->passwordEdit()->setFocus();
    m_dialog->open();
}

std::optional<QString> LoginFlow::openAccount(const QUrl& server, const QString& username)
{
    if (m_client && server == m_server && username == m_username)
        return std::nullopt;
    m_window.reset();
    m_client.reset();
    m_server = server;
    m_username = username;
    auto core = std::make_unique<client::Client>();
    if (auto err = core->open(server, username, m_options.profileDir))
        return err;
    m_client = std::move(core);
    auto& connection = m_client->connection();
    connect(&connection, &Connection::problem, this, &LoginFlow::onProblem);
    connect(&connection, &Connection::tokenChanged, this, &LoginFlow::onToken);
    connect(&connection, &Connection::authenticated, this, &LoginFlow::onAuthenticated);
    m_window = std::make_unique<MainWindow>(*m_client, m_options.useTray);
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
    return std::nullopt;
}

void LoginFlow::logIn(const QUrl& server, const QString& username, const QString& password,
                      bool remember)
{
    if (auto err = openAccount(server, username)) {
        QMessageBox::critical(m_dialog.get(), tr("Plein"),
                              tr("The offline copy cannot be opened: %1").arg(*err));
        Q_EMIT finished(1);
        return;
    }
    m_remember = remember && m_keyringAvailable;
    m_client->connection().stop();
    m_client->connection().setPassword(username, password);
    m_client->connection().start();
}

void LoginFlow::resume(const QUrl& server, const QString& username, const QString& token)
{
    if (auto err = openAccount(server, username)) {
        QMessageBox::critical(nullptr, tr("Plein"),
                              tr("The offline copy cannot be opened: %1").arg(*err));
        Q_EMIT finished(1);
        return;
    }
    m_remember = false; // it is remembered already
    m_client->connection().setToken(token);
    m_client->connection().start();
}

void LoginFlow::onProblem(Connection::Problem problem, const QString& detail)
{
    const QString text = problemText(problem, detail, m_server);
    switch (problem) {
    case Connection::Problem::TokenRefused:
    case Connection::Problem::Deactivated:
        // A refused token is of no use to anyone; keep nothing that cannot work.
        if (m_keyringAvailable)
            m_tokens->forget(TokenStore::accountFor(m_server, m_username));
        ask(text);
        return;
    case Connection::Problem::WrongPassword:
    case Connection::Problem::Refused:
        ask(text);
        return;
    case Connection::Problem::Unreachable:
    case Connection::Problem::TlsFailure:
    case Connection::Problem::VersionMismatch:
        return; // the window says so; a new password would not help
    }
}

void LoginFlow::onToken(const QString& token)
{
    if (!m_remember)
        return;
    m_tokens->store(TokenStore::accountFor(m_server, m_username), token,
                    [this](TokenStore::Status status, const QString& error) {
                        if (status == TokenStore::Status::Ok || !m_window)
                            return;
                        m_keyringAvailable = false;
                        m_window->showNotice(
                            tr("No system keyring is available, so Plein cannot remember you "
                               "and stores nothing: you will log in next time again. (%1)")
                                .arg(error));
                    });
}

void LoginFlow::onAuthenticated()
{
    if (m_dialog)
        m_dialog->hide();
    QSettings settings;
    settings.setValue(lastServerKey, m_server.toString());
    settings.setValue(lastUserKey, m_username);
}

} // namespace plein::app
