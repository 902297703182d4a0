#pragma once

#include <QString>

namespace plein::app::theme {

// Light or dark: the desktop's own palette by default; Light or Dark on the person's choice
// (Settings → Appearance), for desktops that do not tell Qt (no platform theme) or people who
// want another look than the rest of their desktop.
enum class Choice { System, Light, Dark };

Choice stored();
void store(Choice choice);
// "system", "light", "dark" (the --theme option); nullopt-like System for anything else.
Choice fromName(const QString& name, bool* ok = nullptr);
QString name(Choice choice);

// Applies `choice` to the running application (palette, and the Fusion style for Light and
// Dark, which follows a palette exactly). Safe to call again; System gives back the palette the
// application started with.
void apply(Choice choice);

// Whether what is shown now is dark (the chosen theme, or the desktop's palette).
bool isDark();

} // namespace plein::app::theme
