#include "logindialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace plein::app {

LoginDialog::LoginDialog(QWidget* parent)
    : QDialog(parent)
    , m_server(new QLineEdit(this))
    , m_user(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_remember(new QCheckBox(tr("Remember me on this computer"), this))
    , m_message(new QLabel(this))
{
    setWindowTitle(tr("Log in to Plein"));
    m_server->setPlaceholderText(tr("wss://plein.example.org"));
    m_password->setEchoMode(QLineEdit::Password);
    m_remember->setToolTip(
        tr("Keeps a session token in the system keyring; your password is never stored."));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText); // the server's words
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Log in"));
    auto* form = new QFormLayout(this);
    form->addRow(tr("&Server:"), m_server);
    form->addRow(tr("&Username:"), m_user);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(m_remember);
    form->addRow(m_message);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &LoginDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &LoginDialog::reject);
}

void LoginDialog::setServer(const QString& url)
{
    m_server->setText(url);
}

void LoginDialog::setUsername(const QString& name)
{
    m_user->setText(name);
}

void LoginDialog::setMessage(const QString& message)
{
    m_message->setText(message);
}

QString LoginDialog::message() const
{
    return m_message->text();
}

void LoginDialog::setRememberAvailable(bool available)
{
    m_remember->setEnabled(available);
    if (!available)
        m_remember->setChecked(false);
}

void LoginDialog::setRemember(bool remember)
{
    m_remember->setChecked(remember && m_remember->isEnabled());
}

QUrl LoginDialog::server() const
{
    return QUrl::fromUserInput(m_server->text().trimmed());
}

QString LoginDialog::username() const
{
    return m_user->text().trimmed().toLower();
}

QString LoginDialog::password() const
{
    return m_password->text();
}

bool LoginDialog::remember() const
{
    return m_remember->isChecked();
}

void LoginDialog::accept()
{
    const QUrl url = server();
    const QString scheme = url.scheme();
    if (!url.isValid()
        || (scheme != QLatin1StringView("ws") && scheme != QLatin1StringView("wss"))) {
        setMessage(tr("The server address must start with wss:// (or ws:// on this computer)."));
        return;
    }
    if (username().isEmpty() || password().isEmpty()) {
        setMessage(tr("Enter your username and password."));
        return;
    }
    QDialog::accept();
}

} // namespace plein::app
