#include "pages/groups/creategroupdialog.h"

#include "groups.h"
#include "protocol/limits.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace plein::app {

CreateGroupDialog::CreateGroupDialog(client::Groups& groups, QWidget* parent)
    : QDialog(parent)
    , m_groups(groups)
    , m_name(new QLineEdit(this))
    , m_description(new QPlainTextEdit(this))
    , m_kind(new QComboBox(this))
    , m_history(new QComboBox(this))
    , m_message(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("New group"));
    m_message->setTextFormat(Qt::PlainText); // the server's reasons
    m_name->setMaxLength(protocol::maxGroupNameChars);
    m_description->setPlaceholderText(tr("What the group is for (optional)"));
    m_description->setMaximumHeight(120);
    m_kind->addItem(tr("Public: anyone can read and join"), QStringLiteral("public"));
    m_kind->addItem(tr("Private: members read; others ask to join"), QStringLiteral("private"));
    m_kind->addItem(tr("Secret: invisible to others; by invitation only"),
                    QStringLiteral("secret"));
    m_history->addItem(tr("New members see everything written before"), QStringLiteral("all"));
    m_history->addItem(tr("New members see only what comes after they join"),
                       QStringLiteral("joined"));
    m_message->setWordWrap(true);
    m_message->hide();
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Create group"));

    auto* form = new QFormLayout;
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Description:"), m_description);
    form->addRow(tr("Who can see it:"), m_kind);
    form->addRow(tr("History:"), m_history);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &CreateGroupDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_name, &QLineEdit::textChanged, this, &CreateGroupDialog::validate);
    connect(m_description, &QPlainTextEdit::textChanged, this, &CreateGroupDialog::validate);
    validate();
}

void CreateGroupDialog::validate()
{
    const bool tooLong = m_description->toPlainText().size() > protocol::maxGroupDescriptionChars;
    m_message->setText(tooLong ? tr("The description can have at most %n character(s).", nullptr,
                                    protocol::maxGroupDescriptionChars)
                               : QString());
    m_message->setVisible(tooLong);
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(!m_name->text().trimmed().isEmpty() && !tooLong);
}

void CreateGroupDialog::accept()
{
    if (!m_buttons->button(QDialogButtonBox::Ok)->isEnabled())
        return;
    m_clientId
        = m_groups.create(m_name->text().trimmed(), m_description->toPlainText().trimmed(),
                          m_kind->currentData().toString(), m_history->currentData().toString());
    if (m_clientId.isEmpty()) {
        m_message->setText(tr("The group could not be stored on this computer. Try again."));
        m_message->show();
        return;
    }
    QDialog::accept();
}

} // namespace plein::app
