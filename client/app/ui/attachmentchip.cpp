#include "ui/attachmentchip.h"

#include "pages/feed/cardstyle.h"
#include "ui/filechip.h"
#include "ui/icons.h"
#include "ui/tooltip.h"

#include <QDir>
#include <QPainter>
#include <QToolButton>

namespace plein::app {

AttachmentChip::AttachmentChip(const LocalAttachment& attachment, QWidget* parent)
    : QWidget(parent)
    , m_attachment(attachment)
    , m_remove(new QToolButton(this))
{
    m_remove->setIcon(icons::icon(icons::Icon::Close));
    m_remove->setIconSize(QSize(14, 14));
    m_remove->setAutoRaise(true);
    m_remove->setToolTip(plainToolTip(tr("Remove %1").arg(attachment.name)));
    m_remove->setAccessibleName(tr("Remove %1").arg(attachment.name));
    setToolTip(plainToolTip(QDir::toNativeSeparators(attachment.path)));
    setAccessibleName(attachment.name);
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    connect(m_remove, &QToolButton::clicked, this, &AttachmentChip::removeClicked);
}

QSize AttachmentChip::sizeHint() const
{
    return QSize(filechip::preferredWidth, filechip::height(font()));
}

void AttachmentChip::resizeEvent(QResizeEvent*)
{
    const QSize button = m_remove->sizeHint();
    m_remove->setGeometry(width() - button.width() - 4, (height() - button.height()) / 2,
                          button.width(), button.height());
}

void AttachmentChip::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    const auto colours = cardstyle::colours(palette(), true, false, false);
    const filechip::Look look {font(),       colours.chip,      colours.border,
                               colours.text, colours.secondary, colours.danger};
    filechip::paint(
        painter, rect(), m_attachment.thumbnail, filechip::typeIcon(m_attachment.mimeType),
        m_attachment.name,
        filechip::detailText(m_attachment.mimeType, m_attachment.name, m_attachment.size), look,
        m_remove->width() + 4);
}

} // namespace plein::app
