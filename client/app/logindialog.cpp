#include "logindialog.h"

#include "serveraddress.h"

#include <QCheckBox>
#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace plein::app {

namespace {

constexpr int logoSize = 64;
constexpr int dialogWidth = 420;
const char* const invalidProperty = "invalid";

QLabel* fieldLabel(const QString& text, QWidget* buddy, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setBuddy(buddy);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

bool isDark(const QPalette& palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

} // namespace

LoginDialog::LoginDialog(QWidget* parent)
    : QDialog(parent)
    , m_logo(new QLabel(this))
    , m_intro(new QLabel(this))
    , m_messageBox(new QFrame(this))
    , m_message(new QLabel(m_messageBox))
    , m_server(new QLineEdit(this))
    , m_user(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_remember(new QCheckBox(tr("Remember me on this computer"), this))
    , m_busyRow(new QWidget(this))
    , m_progress(new QProgressBar(m_busyRow))
    , m_busyText(new QLabel(m_busyRow))
    , m_offline(new QPushButton(tr("Open offline"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_logIn(new QPushButton(tr("Log in"), this))
{
    setWindowTitle(tr("Log in to Plein"));
    setObjectName(QStringLiteral("loginDialog"));
    // One width; the height follows what is shown (the message box, the busy row).
    setFixedWidth(dialogWidth);

    m_logo->setPixmap(QIcon(QStringLiteral(":/icons/plein.svg")).pixmap(logoSize));
    m_logo->setAlignment(Qt::AlignCenter);
    auto* title = new QLabel(tr("Log in to Plein"), this);
    QFont titleFont = title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.6);
    titleFont.setBold(true);
    title->setFont(titleFont);
    title->setAlignment(Qt::AlignCenter);
    m_intro->setAlignment(Qt::AlignCenter);
    m_intro->setWordWrap(true);
    m_intro->setForegroundRole(QPalette::PlaceholderText);
    setIntro(QString());

    m_messageBox->setObjectName(QStringLiteral("loginMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText); // it may quote what was typed
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* messageLayout = new QHBoxLayout(m_messageBox);
    messageLayout->setContentsMargins(12, 10, 12, 10);
    messageLayout->addWidget(m_message);
    m_messageBox->hide();

    // No scheme needed: a host name means wss:// (ServerAddress).
    m_server->setPlaceholderText(tr("plein.example.org"));
    m_user->setPlaceholderText(tr("Your username"));
    m_password->setEchoMode(QLineEdit::Password);
    m_server->setInputMethodHints(Qt::ImhUrlCharactersOnly | Qt::ImhNoAutoUppercase);
    m_user->setInputMethodHints(Qt::ImhNoAutoUppercase | Qt::ImhNoPredictiveText);
    m_remember->setToolTip(
        tr("Keeps a session token in the system keyring; your password is never stored."));
    // Typing in a marked field is correcting it.
    for (QLineEdit* edit : {m_server, m_user, m_password}) {
        connect(edit, &QLineEdit::textEdited, this, [this, edit]() {
            if (edit->property(invalidProperty).toBool())
                mark(Field::None);
        });
    }
    // "Open offline" opens the account that just failed to connect; another server or name
    // typed since is a new login, not that account.
    for (QLineEdit* edit : {m_server, m_user})
        connect(edit, &QLineEdit::textEdited, this, [this]() { setOfflineAvailable(false); });

    m_progress->setRange(0, 0); // busy, no percentage to show
    m_progress->setTextVisible(false);
    m_progress->setMaximumHeight(6);
    m_busyText->setForegroundRole(QPalette::PlaceholderText);
    auto* busyLayout = new QVBoxLayout(m_busyRow);
    busyLayout->setContentsMargins(0, 0, 0, 10);
    busyLayout->setSpacing(4);
    busyLayout->addWidget(m_progress);
    busyLayout->addWidget(m_busyText);
    m_busyRow->hide();

    m_logIn->setObjectName(QStringLiteral("primary"));
    m_logIn->setDefault(true);
    m_logIn->setAutoDefault(true);
    m_cancel->setAutoDefault(false);
    m_offline->setAutoDefault(false);
    m_offline->setToolTip(tr("Read and write in the copy on this computer; Plein sends what "
                             "you write once the server can be reached."));
    m_offline->hide();
    auto* buttons = new QHBoxLayout;
    buttons->setSpacing(8);
    buttons->addWidget(m_offline);
    buttons->addStretch(1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_logIn);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(36, 28, 36, 24);
    layout->setSpacing(0);
    layout->addWidget(m_logo);
    layout->addSpacing(12);
    layout->addWidget(title);
    layout->addSpacing(4);
    layout->addWidget(m_intro);
    layout->addSpacing(20);
    layout->addWidget(m_messageBox);
    layout->addSpacing(4);
    const std::pair<QString, QLineEdit*> fields[]
        = {{tr("&Server"), m_server}, {tr("&Username"), m_user}, {tr("&Password"), m_password}};
    for (const auto& [text, edit] : fields) {
        layout->addSpacing(10);
        layout->addWidget(fieldLabel(text, edit, this));
        layout->addSpacing(4);
        layout->addWidget(edit);
    }
    layout->addSpacing(12);
    layout->addWidget(m_remember);
    layout->addSpacing(16);
    layout->addWidget(m_busyRow);
    layout->addSpacing(8);
    layout->addLayout(buttons);

    m_logo->setFixedHeight(logoSize);
    connect(m_logIn, &QPushButton::clicked, this, &LoginDialog::accept);
    connect(m_cancel, &QPushButton::clicked, this, &LoginDialog::reject);
    connect(m_offline, &QPushButton::clicked, this, &LoginDialog::offlineRequested);
    updateColours();
    fitHeight();
}

void LoginDialog::setServer(const QString& url)
{
    m_server->setText(url);
}

void LoginDialog::setUsername(const QString& name)
{
    m_user->setText(name);
}

void LoginDialog::setIntro(const QString& text)
{
    m_intro->setText(text.isEmpty() ? tr("Your organisation's town square. Use the account "
                                         "your organisation gave you.")
                                    : text);
    fitHeight();
}

QString LoginDialog::intro() const
{
    return m_intro->text();
}

void LoginDialog::setMessage(const QString& message, Field field, Tone tone)
{
    m_message->setText(message);
    m_messageBox->setVisible(!message.isEmpty());
    if (m_tone != tone) {
        m_tone = tone;
        updateColours();
    }
    mark(field);
    fitHeight();
    QLineEdit* focus = field == Field::Server ? m_server
        : field == Field::Username            ? m_user
        : field == Field::Password            ? m_password
                                              : nullptr;
    if (focus) {
        focus->setFocus(Qt::OtherFocusReason);
        focus->selectAll();
    }
}

QString LoginDialog::message() const
{
    return m_message->text();
}

void LoginDialog::mark(Field field)
{
    m_marked = field;
    const std::pair<Field, QLineEdit*> edits[]
        = {{Field::Server, m_server}, {Field::Username, m_user}, {Field::Password, m_password}};
    for (const auto& [which, edit] : edits) {
        const bool invalid = which == field;
        if (edit->property(invalidProperty).toBool() == invalid)
            continue;
        edit->setProperty(invalidProperty, invalid);
        // A dynamic property in a style sheet's selector is read when the widget is polished.
        edit->style()->unpolish(edit);
        edit->style()->polish(edit);
    }
}

void LoginDialog::setRememberAvailable(bool available)
{
    m_rememberAvailable = available;
    m_remember->setEnabled(available && !m_busy);
    if (!available)
        m_remember->setChecked(false);
}

void LoginDialog::setRemember(bool remember)
{
    m_remember->setChecked(remember && m_rememberAvailable);
}

void LoginDialog::setBusy(bool busy, const QString& text)
{
    m_busy = busy;
    for (QWidget* w : std::initializer_list<QWidget*> {m_server, m_user, m_password, m_logIn})
        w->setEnabled(!busy);
    m_remember->setEnabled(!busy && m_rememberAvailable);
    m_busyText->setText(text);
    m_busyRow->setVisible(busy);
    if (busy) {
        m_offline->hide();
        m_messageBox->hide();
        m_cancel->setFocus(Qt::OtherFocusReason);
    }
    fitHeight();
}

void LoginDialog::setOfflineAvailable(bool available)
{
    m_offline->setVisible(available);
}

// A wrapped message needs more height at the dialog's width than the layout's hint says.
void LoginDialog::fitHeight()
{
    if (!layout())
        return; // still being built
    layout()->activate();
    const int height = layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width())
                                                     : layout()->totalSizeHint().height();
    setFixedHeight(height);
}

QUrl LoginDialog::server() const
{
    return ServerAddress::parse(m_server->text()).url();
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
    if (m_busy)
        return;
    const ServerAddress address = ServerAddress::parse(m_server->text());
    if (!address.isOk()) {
        setMessage(address.problem(), Field::Server);
        return;
    }
    if (username().isEmpty()) {
        setMessage(tr("Enter your username."), Field::Username);
        return;
    }
    if (password().isEmpty()) {
        setMessage(tr("Enter your password."), Field::Password);
        return;
    }
    setResult(QDialog::Accepted);
    Q_EMIT submitted();
}

void LoginDialog::reject()
{
    if (m_busy) {
        Q_EMIT cancelRequested();
        return;
    }
    QDialog::reject();
}

void LoginDialog::changeEvent(QEvent* event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateColours();
}

// Colours of the message box and the marked field that read well on light and dark palettes.
void LoginDialog::updateColours()
{
    const bool dark = isDark(palette());
    const bool error = m_tone == Tone::Error;
    // A new style sheet is itself a palette change: set it only when the colours differ.
    const int key = (dark ? 2 : 0) + (error ? 1 : 0);
    if (key == m_styleKey)
        return;
    m_styleKey = key;
    const char* background
        = error ? (dark ? "#3d1c1f" : "#fdecec") : (dark ? "#13283f" : "#e8f1fc");
    const char* border = error ? (dark ? "#8c2f36" : "#f0b3b8") : (dark ? "#2c5282" : "#b5d0f2");
    const char* text = error ? (dark ? "#f7c9cd" : "#7d1d25") : (dark ? "#c5dcf7" : "#123d6a");
    const char* invalid = dark ? "#f28b82" : "#c5221f";
    setStyleSheet(
        QStringLiteral("QLineEdit { border: 1px solid palette(mid); border-radius: 6px;"
                       "  padding: 6px 8px; background: palette(base); }"
                       "QLineEdit:focus { border: 2px solid palette(highlight); padding: 5px 7px; }"
                       "QLineEdit[invalid=\"true\"] { border: 2px solid %4; padding: 5px 7px; }"
                       "QFrame#loginMessage { background: %1; border: 1px solid %2;"
                       "  border-radius: 6px; }"
                       "QFrame#loginMessage QLabel { color: %3; background: transparent; }"
                       "QPushButton { padding: 6px 14px; }"
                       "QPushButton#primary { background: palette(highlight);"
                       "  color: palette(highlighted-text); border: none; border-radius: 6px;"
                       "  padding: 7px 22px; font-weight: bold; }"
                       "QPushButton#primary:disabled { background: palette(mid); }")
            .arg(QLatin1StringView(background), QLatin1StringView(border), QLatin1StringView(text),
                 QLatin1StringView(invalid)));
}

} // namespace plein::app
