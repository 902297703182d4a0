#include "pages/chat/newconversationdialog.h"

#include "capabilities/chat/chatprotocol.h"
#include "chat/chat.h"
#include "client.h"
#include "errortext.h"
#include "pages/chat/peoplepicker.h"
#include "people/peoplemodel.h"
#include "protocol/errorcode.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace plein::app {

NewConversationDialog::NewConversationDialog(client::Client& client, QWidget* parent)
    : QDialog(parent)
    , m_client(client)
    , m_picker(new PeoplePicker(client.people(), client.chat().me(), this))
    , m_group(new QWidget(this))
    , m_title(new QLineEdit(m_group))
    , m_creatorOnly(new QCheckBox(tr("Only I can add or remove members"), m_group))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("New conversation"));
    setObjectName(QStringLiteral("newConversationDialog"));
    auto* intro = new QLabel(tr("Write to one person, or to several at once."), this);
    intro->setWordWrap(true);
    m_title->setPlaceholderText(tr("Optional: a name, such as “Release planning”"));
    m_title->setMaxLength(protocol::chat::maxTitleChars);
    auto* form = new QFormLayout(m_group);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Name"), m_title);
    form->addRow(QString(), m_creatorOnly);
    m_group->hide();
    m_error->setObjectName(QStringLiteral("newConversationError"));
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    QPalette red = m_error->palette();
    red.setColor(QPalette::WindowText,
                 palette().color(QPalette::Window).lightness() < 128 ? QColor(0xff, 0x7b, 0x72)
                                                                     : QColor(0xc0, 0x1c, 0x28));
    m_error->setPalette(red);
    m_error->hide();
    m_start = m_buttons->addButton(tr("Start"), QDialogButtonBox::AcceptRole);
    m_start->setDefault(true);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_picker, 1);
    layout->addWidget(m_group);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    resize(440, 480);

    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &NewConversationDialog::start);
    connect(m_picker, &PeoplePicker::chosenChanged, this, &NewConversationDialog::updateState);
    updateState();
    m_picker->searchEdit()->setFocus();
}

void NewConversationDialog::updateState()
{
    const qsizetype chosen = m_picker->chosen().size();
    m_group->setVisible(chosen >= 2);
    m_start->setEnabled(chosen > 0 && !m_busy);
    m_start->setText(m_busy ? tr("Starting…") : tr("Start"));
    m_picker->setEnabled(!m_busy);
}

void NewConversationDialog::start()
{
    const QList<qint64> ids = m_picker->chosenIds();
    if (ids.isEmpty() || m_busy)
        return;
    client::Chat& chat = m_client.chat();
    // Written to before: opened at once, online or not.
    if (ids.size() == 1) {
        if (const auto known = chat.directWith(ids.first())) {
            Q_EMIT opened(*known);
            accept();
            return;
        }
    }
    m_busy = true;
    m_error->hide();
    updateState();
    const auto answered = [this](const Result<qint64>& result) {
        m_busy = false;
        updateState();
        if (result.ok()) {
            Q_EMIT opened(result.value());
            accept();
            return;
        }
        m_error->setText(
            errorText(protocol::errorCodeName(result.error().code), result.error().message));
        m_error->show();
    };
    if (ids.size() == 1)
        chat.openDirect(ids.first(), this, answered);
    else
        chat.create(m_title->text().trimmed(), ids,
                    m_creatorOnly->isChecked() ? QStringLiteral("creator")
                                               : QStringLiteral("anyone"),
                    this, answered);
}

} // namespace plein::app
