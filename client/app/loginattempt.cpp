#include "loginattempt.h"

#include "client.h"

#include <QTimer>

namespace plein::app {

using client::Connection;

LoginAttempt::LoginAttempt(Account account, QString profileDir, QObject* parent)
    : QObject(parent)
    , m_account(std::move(account))
    , m_profileDir(std::move(profileDir))
{ }

LoginAttempt::~LoginAttempt()
{
    discard();
}

std::optional<QString> LoginAttempt::open()
{
    auto core = std::make_unique<client::Client>();
    if (auto err = core->open(m_account.server, m_account.username, m_profileDir))
        return err;
    m_hadCache = core->createdPaths().isEmpty();
    m_client = std::move(core);
    auto& connection = m_client->connection();
    connect(&connection, &Connection::problem, this, &LoginAttempt::onProblem);
    connect(&connection, &Connection::authenticated, this, [this]() {
        if (m_over)
            return;
        m_over = true;
        Q_EMIT succeeded();
    });
    return std::nullopt;
}

void LoginAttempt::logIn(const QString& password)
{
    m_client->connection().setPassword(m_account.username, password);
    go();
}

void LoginAttempt::resume(const QString& token)
{
    m_usedToken = true;
    m_client->connection().setToken(token);
    go();
}

void LoginAttempt::go()
{
    m_client->connection().start();
}

void LoginAttempt::onProblem(Connection::Problem problem, const QString& detail)
{
    if (m_over)
        return;
    m_over = true;
    // The client goes after the connection has finished emitting; then the answer.
    QTimer::singleShot(0, this, [this, problem, detail]() {
        discard();
        Q_EMIT failed(problem, detail);
    });
}

std::unique_ptr<client::Client> LoginAttempt::take()
{
    if (m_client)
        m_client->connection().disconnect(this);
    return std::move(m_client);
}

void LoginAttempt::discard()
{
    if (!m_client)
        return;
    const QStringList created = m_client->createdPaths();
    m_client.reset(); // closes the cache file before it is removed
    client::Client::removeCreated(created);
}

} // namespace plein::app
