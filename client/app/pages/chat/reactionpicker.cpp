#include "pages/chat/reactionpicker.h"

#include "capabilities/chat/chatprotocol.h"
#include "pages/chat/chattexts.h"
#include "ui/tooltip.h"

#include <QHBoxLayout>
#include <QScreen>
#include <QToolButton>

namespace plein::app {

ReactionPicker::ReactionPicker(const QStringList& mine, QWidget* parent)
    : QFrame(parent, Qt::Popup)
{
    setObjectName(QStringLiteral("reactionPicker"));
    setAttribute(Qt::WA_DeleteOnClose);
    setFrameShape(QFrame::StyledPanel);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(2);
    for (const auto& reaction : protocol::chat::reactions) {
        const QString name(reaction.name);
        auto* button = new QToolButton(this);
        button->setText(QString::fromUtf8(reaction.emoji));
        QFont font = button->font();
        font.setPixelSize(22);
        button->setFont(font);
        button->setAutoRaise(true);
        button->setCheckable(true);
        button->setChecked(mine.contains(name));
        button->setMinimumSize(38, 38);
        button->setToolTip(plainToolTip(ChatTexts::reactionName(name)));
        button->setAccessibleName(ChatTexts::reactionName(name));
        button->setProperty("plein-reaction", name);
        connect(button, &QToolButton::clicked, this, [this, name, button]() {
            Q_EMIT chosen(name, button->isChecked());
            close();
        });
        layout->addWidget(button);
        m_buttons.append(button);
    }
}

void ReactionPicker::popup(const QPoint& globalPos)
{
    adjustSize();
    QPoint at = globalPos;
    if (const QScreen* screen = QWidget::screen()) {
        const QRect area = screen->availableGeometry();
        at.setX(std::clamp(at.x(), area.left(), std::max(area.left(), area.right() - width())));
        at.setY(std::clamp(at.y(), area.top(), std::max(area.top(), area.bottom() - height())));
    }
    move(at);
    show();
    if (!m_buttons.isEmpty())
        m_buttons.first()->setFocus(Qt::PopupFocusReason);
}

} // namespace plein::app
