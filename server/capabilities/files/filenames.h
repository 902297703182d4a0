#pragma once

#include <QString>

namespace plein::server {

// A file name as it is stored and offered for download: Unicode NFC; no path separators, no
// control or format characters (bidi overrides such as U+202E that make "exe.txt" of
// "txt.exe", zero-width characters), none of the characters Windows refuses in names, no
// leading or trailing dots and spaces; at most protocol::files::maxFileNameChars code points,
// cut before the extension. Empty when nothing usable is left.
QString cleanFileName(const QString& name);

// `attachment; filename="<ASCII fallback>"; filename*=UTF-8''<percent-encoded>` (RFC 6266,
// RFC 5987).
QByteArray contentDisposition(const QString& name);

} // namespace plein::server
