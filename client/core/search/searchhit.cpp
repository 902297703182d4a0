#include "searchhit.h"

namespace plein::client {

QString SearchHit::plain(const QString& marked)
{
    QString out = marked;
    out.remove(highlightStart);
    out.remove(highlightEnd);
    return out;
}

QString SearchHit::markedToHtml(const QString& marked)
{
    QString out;
    out.reserve(marked.size() + 16);
    bool bold = false;
    qsizetype from = 0;
    const auto flush = [&](qsizetype to) { out += marked.mid(from, to - from).toHtmlEscaped(); };
    for (qsizetype i = 0; i < marked.size(); ++i) {
        const QChar c = marked.at(i);
        if (c != highlightStart && c != highlightEnd)
            continue;
        flush(i);
        from = i + 1;
        if (c == highlightStart && !bold) {
            out += QStringLiteral("<b>");
            bold = true;
        } else if (c == highlightEnd && bold) {
            out += QStringLiteral("</b>");
            bold = false;
        }
    }
    flush(marked.size());
    if (bold)
        out += QStringLiteral("</b>");
    return out;
}

} // namespace plein::client
