# The Debian packages plein (component app) and plein-server (component server), made by CPack's
# DEB generator from an existing build: `cpack --config <build>/CPackConfig.cmake` (see
# docs/packaging.md). What they hold is installed in packaging/CMakeLists.txt.

set(PLEIN_PACKAGE_MAINTAINER "Plein developers <dev@plein.nl>" CACHE STRING
    "Maintainer field of the Debian packages")
set(PLEIN_DEBIAN_REVISION 1 CACHE STRING
    "Debian revision of the packages: version ${PROJECT_VERSION}-<revision>")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME plein)
set(CPACK_PACKAGE_VENDOR "The Plein authors")
set(CPACK_PACKAGE_CONTACT "${PLEIN_PACKAGE_MAINTAINER}")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_COMPONENTS_ALL server)
if(PLEIN_BUILD_CLIENT)
    list(PREPEND CPACK_COMPONENTS_ALL app)
endif()
# Both packages come from one source; each component's description names its own summary.
set(CPACK_PROJECT_CONFIG_FILE ${CMAKE_CURRENT_LIST_DIR}/PleinCPackProject.cmake)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_RELEASE ${PLEIN_DEBIAN_REVISION})
set(CPACK_DEBIAN_PACKAGE_SOURCE plein)
set(CPACK_DEBIAN_PACKAGE_SECTION net)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)

# The desktop app. Qt's platform plugins, SQLite driver and SVG icon engine (libqt6svg6) are
# plugins, which dpkg-shlibdeps cannot see.
set(CPACK_DEBIAN_APP_PACKAGE_NAME plein)
set(CPACK_DEBIAN_APP_PACKAGE_DEPENDS "qt6-qpa-plugins, libqt6sql6-sqlite, libqt6svg6")
set(CPACK_DEBIAN_APP_PACKAGE_RECOMMENDS "qt6-translations-l10n, qt6-wayland, fonts-noto-color-emoji")
set(CPACK_DEBIAN_APP_PACKAGE_SUGGESTS "gnome-keyring")
set(CPACK_DEBIAN_APP_DESCRIPTION "enterprise social network - desktop app
Plein is where the colleagues of one organisation meet: a native desktop app
and a lean sync server that the organisation runs itself.

This package holds the desktop app: the company feed, groups, blogs and chat,
readable and writable offline from a local cache, with writes delivered exactly
once when the network returns. It opens plein: links and speaks Dutch and
English.")

# The server, run by systemd as the system user plein on /var/lib/plein.
set(CPACK_DEBIAN_SERVER_PACKAGE_NAME plein-server)
set(CPACK_DEBIAN_SERVER_PACKAGE_DEPENDS "adduser, libqt6sql6-sqlite")
set(CPACK_DEBIAN_SERVER_PACKAGE_RECOMMENDS "libqt6sql6-psql")
set(CPACK_DEBIAN_SERVER_PACKAGE_SUGGESTS "postgresql")
set(CPACK_DEBIAN_SERVER_DESCRIPTION "enterprise social network - sync server
Plein is where the colleagues of one organisation meet: a native desktop app
and a lean sync server that the organisation runs itself.

This package holds the sync server, which serves the feed, groups and the
other capabilities to the app over WebSocket, from SQLite or PostgreSQL. It
runs as the systemd service plein-server, as the system user plein, with its
data in /var/lib/plein and its config in /etc/plein/plein-server.conf.")
set(PLEIN_SERVER_MAINTAINER_SCRIPTS ${PROJECT_SOURCE_DIR}/packaging/debian/plein-server)
set(CPACK_DEBIAN_SERVER_PACKAGE_CONTROL_EXTRA
    ${PLEIN_SERVER_MAINTAINER_SCRIPTS}/postinst
    ${PLEIN_SERVER_MAINTAINER_SCRIPTS}/prerm
    ${PLEIN_SERVER_MAINTAINER_SCRIPTS}/postrm
    ${PLEIN_SERVER_MAINTAINER_SCRIPTS}/conffiles)

include(CPack)
