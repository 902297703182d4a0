#include "ui/icons.h"

#include <QApplication>
#include <QIconEngine>
#include <QPainter>
#include <QPalette>
#include <QPixmapCache>
#include <QSvgRenderer>

namespace plein::app::icons {

namespace {

struct Names
{
    const char* own; // resources/icons/ui/<own>.svg
    const char* theme; // freedesktop icon name, or nullptr where no theme has a fitting one
};

Names names(Icon which)
{
    switch (which) {
    case Icon::Home:
        return {"home", "go-home"};
    case Icon::Groups:
        return {"groups", "system-users"};
    case Icon::Notifications:
        return {"notifications", "preferences-desktop-notification"};
    case Icon::Like:
        return {"like", nullptr};
    case Icon::Liked:
        return {"liked", nullptr};
    case Icon::Reply:
        return {"reply", "mail-reply-sender"};
    case Icon::Edit:
        return {"edit", "document-edit"};
    case Icon::Delete:
        return {"delete", "edit-delete"};
    case Icon::Pin:
        return {"pin", "window-pin"};
    case Icon::Menu:
        return {"menu", "open-menu"};
    case Icon::More:
        return {"more", "view-more-horizontal"};
    case Icon::Reconnect:
        return {"reconnect", "view-refresh"};
    case Icon::Send:
        return {"send", "document-send"};
    case Icon::LogOut:
        return {"logout", "system-log-out"};
    case Icon::Add:
        return {"add", "list-add"};
    case Icon::Keyboard:
        return {"keyboard", "input-keyboard"};
    case Icon::Settings:
        return {"settings", "preferences-system"};
    case Icon::Offline:
        return {"offline", "network-offline"};
    case Icon::Search:
        return {"search", "edit-find"};
    case Icon::Close:
        return {"close", "window-close"};
    case Icon::Back:
        return {"back", "go-previous"};
    case Icon::Account:
        return {"account", "user-identity"};
    case Icon::Lock:
        return {"lock", "object-locked"};
    case Icon::Globe:
        return {"globe", "applications-internet"};
    case Icon::Hidden:
        return {"hidden", "view-hidden"};
    case Icon::Help:
        return {"help", "help-contents"};
    case Icon::Check:
        return {"check", "dialog-ok"};
    case Icon::Undo:
        return {"undo", "edit-undo"};
    case Icon::Attach:
        return {"attach", "mail-attachment"};
    case Icon::File:
        return {"file", "text-x-generic"};
    case Icon::Image:
        return {"image", "image-x-generic"};
    case Icon::Download:
        return {"download", "document-save-as"};
    case Icon::OpenExternal:
        return {"open", "document-open"};
    case Icon::ZoomIn:
        return {"zoom-in", "zoom-in"};
    case Icon::ZoomOut:
        return {"zoom-out", "zoom-out"};
    case Icon::ZoomFit:
        return {"fit", "zoom-fit-best"};
    case Icon::Forward:
        return {"forward", "go-next"};
    case Icon::Article:
        return {"article", "x-office-document"};
    case Icon::History:
        return {"history", "document-open-recent"};
    }
    return {"help", nullptr};
}

// Renders one of our SVGs at the size asked for, in the colour of the palette (or a fixed one).
class TintedSvgEngine : public QIconEngine
{
public:
    TintedSvgEngine(QString file, QColor colour)
        : m_file(std::move(file))
        , m_colour(colour)
    { }

    void paint(QPainter* painter, const QRect& rect, QIcon::Mode mode, QIcon::State state) override
    {
        const qreal ratio = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
        const QPixmap pm = render(rect.size() * ratio, mode, state);
        painter->drawPixmap(rect, pm);
    }

    QPixmap pixmap(const QSize& size, QIcon::Mode mode, QIcon::State state) override
    {
        return render(size, mode, state);
    }

    QPixmap scaledPixmap(const QSize& size, QIcon::Mode mode, QIcon::State state,
                         qreal scale) override
    {
        // Qt 6.4 hands the size in device pixels already (QIcon::pixmap multiplies it).
        QPixmap pm = render(size, mode, state);
        pm.setDevicePixelRatio(scale);
        return pm;
    }

    QSize actualSize(const QSize& size, QIcon::Mode, QIcon::State) override { return size; }
    QIconEngine* clone() const override { return new TintedSvgEngine(m_file, m_colour); }
    QString key() const override { return QStringLiteral("plein-tinted-svg"); }

private:
    QColor colourFor(QIcon::Mode mode) const
    {
        const QPalette palette = QApplication::palette();
        if (mode == QIcon::Selected)
            return palette.color(QPalette::HighlightedText);
        if (mode == QIcon::Disabled)
            return palette.color(QPalette::Disabled, QPalette::WindowText);
        if (m_colour.isValid())
            return m_colour;
        return palette.color(QPalette::WindowText);
    }

    QPixmap render(const QSize& size, QIcon::Mode mode, QIcon::State) const
    {
        if (size.isEmpty())
            return QPixmap();
        const QColor colour = colourFor(mode);
        const QString cacheKey = QStringLiteral("plein-icon:%1:%2x%3:%4")
                                     .arg(m_file)
                                     .arg(size.width())
                                     .arg(size.height())
                                     .arg(colour.rgba());
        QPixmap pm;
        if (QPixmapCache::find(cacheKey, &pm))
            return pm;
        pm = QPixmap(size);
        pm.fill(Qt::transparent);
        QSvgRenderer renderer(m_file);
        QPainter p(&pm);
        renderer.render(&p, QRectF(QPointF(0, 0), QSizeF(size)));
        // The SVG's black lines take the colour; transparency stays.
        p.setCompositionMode(QPainter::CompositionMode_SourceIn);
        p.fillRect(pm.rect(), colour);
        p.end();
        QPixmapCache::insert(cacheKey, pm);
        return pm;
    }

    QString m_file;
    QColor m_colour;
};

} // namespace

QIcon ownIcon(Icon which, const QColor& colour)
{
    const QString file
        = QStringLiteral(":/icons/ui/%1.svg").arg(QLatin1StringView(names(which).own));
    return QIcon(new TintedSvgEngine(file, colour));
}

QIcon icon(Icon which, const QColor& colour)
{
    const char* theme = names(which).theme;
    if (theme && !colour.isValid() && QIcon::hasThemeIcon(QLatin1StringView(theme)))
        return QIcon::fromTheme(QLatin1StringView(theme));
    return ownIcon(which, colour);
}

} // namespace plein::app::icons
