#include "ui/theme.h"

#include <QApplication>
#include <QPalette>
#include <QPointer>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

namespace plein::app::theme {

namespace {

const QString settingsKey = QStringLiteral("appearance/theme");

// What the desktop gave the application before we touched it, to return to on System.
struct Original
{
    QPalette palette;
    QString style;
    bool known = false;
};

Original& original()
{
    static Original o;
    return o;
}

void remember()
{
    Original& o = original();
    if (o.known)
        return;
    o.palette = QApplication::palette();
    o.style = QApplication::style() ? QApplication::style()->name() : QString();
    o.known = true;
}

void set(QPalette& p, QPalette::ColorRole role, const QColor& active, const QColor& disabled)
{
    p.setColor(QPalette::Active, role, active);
    p.setColor(QPalette::Inactive, role, active);
    p.setColor(QPalette::Disabled, role, disabled);
}

// The brand's teal as the selection colour, in both themes.
QPalette lightPalette()
{
    QPalette p;
    set(p, QPalette::Window, QColor(0xf3, 0xf4, 0xf6), QColor(0xf3, 0xf4, 0xf6));
    set(p, QPalette::WindowText, QColor(0x1f, 0x23, 0x28), QColor(0x9a, 0xa0, 0xa6));
    set(p, QPalette::Base, Qt::white, QColor(0xf3, 0xf4, 0xf6));
    set(p, QPalette::AlternateBase, QColor(0xf7, 0xf8, 0xfa), QColor(0xf7, 0xf8, 0xfa));
    set(p, QPalette::Text, QColor(0x1f, 0x23, 0x28), QColor(0x9a, 0xa0, 0xa6));
    set(p, QPalette::PlaceholderText, QColor(0x6b, 0x72, 0x80), QColor(0x9a, 0xa0, 0xa6));
    set(p, QPalette::Button, QColor(0xfb, 0xfb, 0xfc), QColor(0xf3, 0xf4, 0xf6));
    set(p, QPalette::ButtonText, QColor(0x1f, 0x23, 0x28), QColor(0x9a, 0xa0, 0xa6));
    set(p, QPalette::Highlight, QColor(0x1d, 0x6b, 0x66), QColor(0xc8, 0xcc, 0xd0));
    set(p, QPalette::HighlightedText, Qt::white, QColor(0x6b, 0x72, 0x80));
    set(p, QPalette::Link, QColor(0x0b, 0x63, 0xc5), QColor(0x9a, 0xa0, 0xa6));
    set(p, QPalette::LinkVisited, QColor(0x6a, 0x3d, 0xb8), QColor(0x9a, 0xa0, 0xa6));
    set(p, QPalette::ToolTipBase, QColor(0x2b, 0x2f, 0x36), QColor(0x2b, 0x2f, 0x36));
    set(p, QPalette::ToolTipText, Qt::white, Qt::white);
    set(p, QPalette::Light, Qt::white, Qt::white);
    set(p, QPalette::Midlight, QColor(0xe5, 0xe7, 0xeb), QColor(0xe5, 0xe7, 0xeb));
    set(p, QPalette::Mid, QColor(0xc4, 0xc8, 0xce), QColor(0xc4, 0xc8, 0xce));
    set(p, QPalette::Dark, QColor(0x9a, 0xa0, 0xa6), QColor(0x9a, 0xa0, 0xa6));
    set(p, QPalette::Shadow, QColor(0x50, 0x55, 0x5c), QColor(0x50, 0x55, 0x5c));
    return p;
}

QPalette darkPalette()
{
    QPalette p;
    set(p, QPalette::Window, QColor(0x1b, 0x1d, 0x21), QColor(0x1b, 0x1d, 0x21));
    set(p, QPalette::WindowText, QColor(0xe4, 0xe6, 0xea), QColor(0x6f, 0x75, 0x7d));
    set(p, QPalette::Base, QColor(0x25, 0x28, 0x2d), QColor(0x1f, 0x22, 0x26));
    set(p, QPalette::AlternateBase, QColor(0x2b, 0x2e, 0x34), QColor(0x2b, 0x2e, 0x34));
    set(p, QPalette::Text, QColor(0xe4, 0xe6, 0xea), QColor(0x6f, 0x75, 0x7d));
    set(p, QPalette::PlaceholderText, QColor(0x9a, 0xa1, 0xab), QColor(0x6f, 0x75, 0x7d));
    set(p, QPalette::Button, QColor(0x2d, 0x31, 0x37), QColor(0x25, 0x28, 0x2d));
    set(p, QPalette::ButtonText, QColor(0xe4, 0xe6, 0xea), QColor(0x6f, 0x75, 0x7d));
    set(p, QPalette::Highlight, QColor(0x2a, 0x8c, 0x84), QColor(0x3a, 0x3e, 0x45));
    set(p, QPalette::HighlightedText, Qt::white, QColor(0x9a, 0xa1, 0xab));
    set(p, QPalette::Link, QColor(0x6c, 0xb4, 0xff), QColor(0x6f, 0x75, 0x7d));
    set(p, QPalette::LinkVisited, QColor(0xb3, 0x9d, 0xff), QColor(0x6f, 0x75, 0x7d));
    set(p, QPalette::ToolTipBase, QColor(0xf1, 0xf3, 0xf5), QColor(0xf1, 0xf3, 0xf5));
    set(p, QPalette::ToolTipText, QColor(0x1f, 0x23, 0x28), QColor(0x1f, 0x23, 0x28));
    set(p, QPalette::Light, QColor(0x3a, 0x3e, 0x45), QColor(0x3a, 0x3e, 0x45));
    set(p, QPalette::Midlight, QColor(0x32, 0x36, 0x3c), QColor(0x32, 0x36, 0x3c));
    set(p, QPalette::Mid, QColor(0x24, 0x27, 0x2c), QColor(0x24, 0x27, 0x2c));
    set(p, QPalette::Dark, QColor(0x12, 0x13, 0x16), QColor(0x12, 0x13, 0x16));
    set(p, QPalette::Shadow, Qt::black, Qt::black);
    return p;
}

} // namespace

Choice fromName(const QString& name, bool* ok)
{
    const QString n = name.trimmed().toLower();
    if (ok)
        *ok = true;
    if (n == QLatin1StringView("light"))
        return Choice::Light;
    if (n == QLatin1StringView("dark"))
        return Choice::Dark;
    if (ok && n != QLatin1StringView("system"))
        *ok = false;
    return Choice::System;
}

QString name(Choice choice)
{
    switch (choice) {
    case Choice::Light:
        return QStringLiteral("light");
    case Choice::Dark:
        return QStringLiteral("dark");
    case Choice::System:
        break;
    }
    return QStringLiteral("system");
}

Choice stored()
{
    return fromName(QSettings().value(settingsKey).toString());
}

void store(Choice choice)
{
    QSettings settings;
    if (choice == Choice::System)
        settings.remove(settingsKey);
    else
        settings.setValue(settingsKey, name(choice));
}

void apply(Choice choice)
{
    remember();
    const Original& o = original();
    if (choice == Choice::System) {
        if (QApplication::style()->name() != o.style && !o.style.isEmpty())
            QApplication::setStyle(QStyleFactory::create(o.style));
        QApplication::setPalette(o.palette);
        return;
    }
    if (QApplication::style()->name().compare(QLatin1StringView("fusion"), Qt::CaseInsensitive))
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(choice == Choice::Dark ? darkPalette() : lightPalette());
}

bool isDark()
{
    return QApplication::palette().color(QPalette::Window).lightness() < 128;
}

} // namespace plein::app::theme
