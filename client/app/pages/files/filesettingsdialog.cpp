#include "pages/files/filesettingsdialog.h"

#include "ui/filechip.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace plein::app {

namespace {

constexpr qint64 mb = 1024 * 1024;

} // namespace

FileSettingsDialog::FileSettingsDialog(QWidget* parent)
    : QDialog(parent)
    , m_limit(new QSpinBox(this))
    , m_used(new QLabel(this))
    , m_clear(new QPushButton(tr("C&lear cache"), this))
{
    setWindowTitle(tr("Files"));
    m_limit->setRange(minMb, maxMb);
    m_limit->setSingleStep(50);
    m_limit->setSuffix(tr(" MB"));
    m_limit->setAccessibleName(tr("Size of the file cache"));
    auto* intro = new QLabel(tr("Images and files you have seen in posts and chats are kept on "
                                "this computer, so they show at once and offline. When they take "
                                "more than this, the ones seen longest ago go first."),
                             this);
    intro->setWordWrap(true);
    m_clear->setToolTip(tr("Removes the files kept on this computer; they are fetched again "
                           "when they are shown"));
    auto* form = new QFormLayout;
    form->addRow(tr("&Cache size:"), m_limit);
    auto* usedRow = new QHBoxLayout;
    usedRow->addWidget(m_used, 1);
    usedRow->addWidget(m_clear);
    form->addRow(tr("In use:"), usedRow);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_clear, &QPushButton::clicked, this, &FileSettingsDialog::clearRequested);
    setUsedBytes(0);
    resize(440, sizeHint().height());
}

void FileSettingsDialog::setLimitBytes(qint64 bytes)
{
    m_limit->setValue(int(std::clamp<qint64>(bytes / mb, minMb, maxMb)));
}

qint64 FileSettingsDialog::limitBytes() const
{
    return qint64(m_limit->value()) * mb;
}

void FileSettingsDialog::setUsedBytes(qint64 bytes)
{
    m_used->setText(filechip::sizeText(bytes));
    m_clear->setEnabled(bytes > 0);
}

} // namespace plein::app
