#pragma once

namespace plein::app {

class MainWindow;

// Installs every capability's pages, sidebar entries, routes and notifications in the shell,
// in sidebar order. Adding a capability to the app is one line here and a folder in pages/.
void installCapabilities(MainWindow& shell);

} // namespace plein::app
