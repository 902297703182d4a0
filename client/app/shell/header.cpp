#include "shell/header.h"

#include "shell/donotdisturb.h"
#include "shell/donotdisturbmenu.h"
#include "ui/avatar.h"
#include "ui/icons.h"
#include "ui/tooltip.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPainter>
#include <QStyleOption>
#include <QToolButton>

namespace plein::app {

using icons::Icon;

namespace {

constexpr int iconSize = 20;
constexpr int avatarSize = 26;

// The bell with a red count at its top right and, while do-not-disturb is on, struck through
// (the sign every desktop uses for notifications that are paused), painted at the size the
// button asks for.
QIcon bellIcon(int unread, bool quiet, const QPalette& palette)
{
    const QIcon bell = icons::icon(Icon::Notifications);
    if (unread <= 0 && !quiet)
        return bell;
    QIcon result;
    for (const qreal scale : {1.0, 2.0}) {
        const int side = int(iconSize * scale);
        QPixmap pm(side, side);
        pm.setDevicePixelRatio(scale);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        p.setRenderHint(QPainter::Antialiasing);
        bell.paint(&p, QRect(0, 0, iconSize, iconSize));
        if (quiet) {
            const QLineF stroke(2.5, 2.5, iconSize - 2.5, iconSize - 2.5);
            // A gap on either side of the stroke, so it reads on the bell's lines.
            p.setCompositionMode(QPainter::CompositionMode_Clear);
            p.setPen(QPen(Qt::black, 4.5, Qt::SolidLine, Qt::RoundCap));
            p.drawLine(stroke);
            p.setCompositionMode(QPainter::CompositionMode_SourceOver);
            p.setPen(QPen(palette.color(QPalette::WindowText), 1.8, Qt::SolidLine, Qt::RoundCap));
            p.drawLine(stroke);
        }
        if (unread > 0) {
            const QString text = unread > 9 ? QStringLiteral("9+") : QString::number(unread);
            QFont font = p.font();
            font.setPixelSize(9);
            font.setBold(true);
            p.setFont(font);
            const QRectF badge(iconSize - 12, 0, 12, 12);
            p.setPen(QPen(palette.color(QPalette::Window), 1.5));
            p.setBrush(QColor(0xd9, 0x30, 0x25));
            p.drawEllipse(badge);
            p.setPen(Qt::white);
            p.drawText(badge, Qt::AlignCenter, text);
        }
        p.end();
        result.addPixmap(pm);
    }
    return result;
}

QIcon avatarIcon(const QString& displayName, const QString& username)
{
    QIcon result;
    for (const qreal scale : {1.0, 2.0}) {
        const int side = int(avatarSize * scale);
        QPixmap pm(side, side);
        pm.setDevicePixelRatio(scale);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        avatar::paint(p, QRect(0, 0, avatarSize, avatarSize), displayName, username);
        p.end();
        result.addPixmap(pm);
    }
    return result;
}

} // namespace

Header::Header(QMenu* accountMenu, QWidget* parent)
    : QWidget(parent)
    , m_sidebarButton(new QToolButton(this))
    , m_title(new QLabel(this))
    , m_bell(new QToolButton(this))
    , m_account(new QToolButton(this))
{
    setObjectName(QStringLiteral("header"));
    // The account's photo once it has come (the icon is a pixmap made once).
    connect(&avatar::Photos::instance(), &avatar::Photos::changed, this, [this]() {
        if (!m_username.isEmpty())
            m_account->setIcon(avatarIcon(m_displayName, m_username));
    });
    m_sidebarButton->setObjectName(QStringLiteral("sidebarButton"));
    m_sidebarButton->setToolTip(tr("Show the sidebar"));
    m_sidebarButton->setAccessibleName(tr("Menu"));
    m_sidebarButton->setCheckable(true);
    m_sidebarButton->setAutoRaise(true);
    m_sidebarButton->setIconSize(QSize(iconSize, iconSize));

    m_title->setTextFormat(Qt::PlainText); // group names are user text
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    m_title->setFont(titleFont);
    // A long group name never holds the window wide: it is cut, the tooltip has it whole.
    m_title->setMinimumWidth(1);
    m_title->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);

    m_bell->setObjectName(QStringLiteral("notificationsButton"));
    m_bell->setAutoRaise(true);
    m_bell->setIconSize(QSize(iconSize, iconSize));
    connect(m_bell, &QToolButton::clicked, this, &Header::notificationsRequested);

    m_account->setObjectName(QStringLiteral("accountButton"));
    m_account->setAutoRaise(true);
    m_account->setIconSize(QSize(avatarSize, avatarSize));
    m_account->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_account->setPopupMode(QToolButton::InstantPopup);
    m_account->setMenu(accountMenu);
    // The avatar says "this is you, click for more"; the style's arrow below it only clutters.
    m_account->setStyleSheet(
        QStringLiteral("QToolButton::menu-indicator { image: none; width: 0; }"));

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->setSpacing(6);
    layout->addWidget(m_sidebarButton);
    layout->addWidget(m_title, 1);
    layout->addWidget(m_bell);
    layout->addWidget(m_account);
    setUnread(0);
    updateIcons();
}

void Header::setTitle(const QString& title)
{
    m_title->setText(title);
    m_title->setToolTip(plainToolTip(title));
}

QString Header::title() const
{
    return m_title->text();
}

void Header::setAccount(const QString& displayName, const QString& username, const QString& server)
{
    m_displayName = displayName.isEmpty() ? username : displayName;
    m_username = username;
    m_account->setText(m_displayName);
    m_account->setToolTip(
        plainToolTip(tr("Logged in as %1 (%2 on %3)").arg(m_displayName, username, server)));
    m_account->setAccessibleName(tr("Account: %1").arg(m_displayName));
    m_account->setIcon(avatarIcon(m_displayName, username));
}

void Header::setUnread(int count)
{
    m_unread = count;
    updateBell();
}

void Header::setDoNotDisturb(DoNotDisturb* dnd)
{
    if (m_dnd)
        disconnect(m_dnd, nullptr, this, nullptr);
    m_dnd = dnd;
    if (!m_dndMenu) {
        m_dndMenu = new DoNotDisturbMenu(this);
        connect(m_dndMenu, &DoNotDisturbMenu::scheduleRequested, this, &Header::scheduleRequested);
        m_bell->setMenu(m_dndMenu);
        // A click still opens the notification centre; the arrow beside it opens the menu.
        m_bell->setPopupMode(QToolButton::MenuButtonPopup);
    }
    m_dndMenu->setTarget(dnd);
    if (m_dnd)
        connect(m_dnd, &DoNotDisturb::changed, this, &Header::updateBell);
    updateBell();
}

void Header::updateBell()
{
    const bool quiet = m_dnd && m_dnd->isActive();
    m_bell->setIcon(bellIcon(m_unread, quiet, palette()));
    QStringList lines;
    if (quiet)
        lines.append(m_dnd->statusText());
    lines.append(m_unread > 0 ? tr("Notifications: %n unread", nullptr, m_unread)
                              : tr("Notifications"));
    m_bell->setToolTip(lines.join(u'\n'));
    m_bell->setAccessibleName(lines.join(QStringLiteral(", ")));
}

void Header::updateIcons()
{
    m_sidebarButton->setIcon(icons::icon(Icon::Menu));
    updateBell();
}

void Header::changeEvent(QEvent* event)
{
    // Our icons are drawn in the palette's colours: a new palette (dark mode) redraws them.
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        updateIcons();
    QWidget::changeEvent(event);
}

void Header::paintEvent(QPaintEvent*)
{
    // A hairline under the header, as the sidebar and pages have no frame of their own.
    QPainter p(this);
    QColor line = palette().color(QPalette::WindowText);
    line.setAlphaF(0.12);
    p.setPen(line);
    p.drawLine(rect().bottomLeft(), rect().bottomRight());
}

} // namespace plein::app
