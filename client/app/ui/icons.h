#pragma once

#include <QColor>
#include <QIcon>

namespace plein::app::icons {

// The app's icons: the desktop icon theme's where it has one for the purpose (Breeze, Adwaita
// and the rest, by their freedesktop names), otherwise Plein's own line icons from
// resources/icons/ui. Ours are drawn in the palette's text colour at the moment they are
// painted, so they follow light and dark themes, and are rendered from SVG at the exact device
// pixel size, so they stay crisp at 100-200% scaling.
enum class Icon {
    Home,
    Groups,
    Notifications,
    Like,
    Liked,
    Reply,
    Edit,
    Delete,
    Pin,
    Menu,
    More,
    Reconnect,
    Send,
    LogOut,
    Add,
    Keyboard,
    Settings,
    Offline,
    Search,
    Close,
    Back,
    Account,
    Lock,
    Globe,
    Hidden,
    Help,
    Check,
    Undo,
    Attach,
    File,
    Image,
    Download,
    OpenExternal,
    ZoomIn,
    ZoomOut,
    ZoomFit,
    Forward,
    Article,
    History,
};

// `colour`: draw ours in this colour instead of the palette's (a liked heart is red). A theme
// icon is used as the theme draws it.
QIcon icon(Icon which, const QColor& colour = QColor());

// Only Plein's own icon, never the theme's (for places where the look must not vary).
QIcon ownIcon(Icon which, const QColor& colour = QColor());

} // namespace plein::app::icons
