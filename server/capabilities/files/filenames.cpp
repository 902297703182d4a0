#include "capabilities/files/filenames.h"

#include "capabilities/files/filesprotocol.h"

#include <QByteArray>
#include <QList>
#include <QStringView>

namespace plein::server {

namespace {

bool refused(uint c)
{
    if (c < 0x20 || (c >= 0x7f && c < 0xa0))
        return true; // control characters
    switch (c) {
    case '/':
    case '\\':
    case ':':
    case '*':
    case '?':
    case '"':
    case '<':
    case '>':
    case '|':
        return true;
    default:
        break;
    }
    const auto category = QChar::category(c);
    // Format characters: bidi embeddings, overrides and isolates, zero-width joiners, BOM;
    // unassigned, private-use and surrogate code points.
    return category == QChar::Other_Format || category == QChar::Other_NotAssigned
        || category == QChar::Other_PrivateUse || category == QChar::Other_Surrogate
        || category == QChar::Separator_Line || category == QChar::Separator_Paragraph;
}

QString trimmedName(QString s)
{
    while (!s.isEmpty() && (s.front() == QLatin1Char(' ') || s.front() == QLatin1Char('.')))
        s.remove(0, 1);
    while (!s.isEmpty() && (s.back() == QLatin1Char(' ') || s.back() == QLatin1Char('.')))
        s.chop(1);
    return s;
}

} // namespace

QString cleanFileName(const QString& name)
{
    const QString nfc = name.normalized(QString::NormalizationForm_C);
    QList<uint> kept;
    bool lastWasSpace = false;
    for (uint c : nfc.toUcs4()) {
        if (refused(c)) {
            c = '_';
        } else if (QChar::isSpace(c)) {
            if (lastWasSpace)
                continue;
            c = ' ';
        }
        lastWasSpace = c == ' ';
        kept.append(c);
    }
    QString cleaned = trimmedName(
        QString::fromUcs4(reinterpret_cast<const char32_t*>(kept.constData()), kept.size()));
    const int max = protocol::files::maxFileNameChars;
    const QList<uint> points = cleaned.toUcs4();
    if (points.size() > max) {
        // Keep a short extension ("report.pdf"), cut the base.
        const qsizetype dot = cleaned.lastIndexOf(QLatin1Char('.'));
        const QString extension
            = dot > 0 && cleaned.size() - dot <= 16 ? cleaned.mid(dot) : QString();
        const qsizetype baseMax = max - extension.toUcs4().size();
        const QList<uint> base = points.first(baseMax);
        cleaned = trimmedName(QString::fromUcs4(reinterpret_cast<const char32_t*>(base.constData()),
                                                base.size()))
            + extension;
    }
    return cleaned;
}

QByteArray contentDisposition(const QString& name)
{
    QByteArray ascii;
    for (QChar c : name) {
        const ushort u = c.unicode();
        ascii += (u >= 0x20 && u < 0x7f && u != '"' && u != '\\' && u != '%') ? char(u) : '_';
    }
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
        + name.toUtf8().toPercentEncoding();
}

} // namespace plein::server
