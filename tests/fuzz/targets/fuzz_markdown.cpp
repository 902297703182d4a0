// libFuzzer target: a post's Markdown through the app's renderer (setSafeMarkdown), laid out
// and painted. What it renders must hold no link but those a post may have (isFollowableLink)
// and no image, whatever the input; a breach aborts like a crash.
#include "markdown.h"

#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QTextBlock>
#include <QTextDocument>
#include <QUrl>

#include <cstdint>
#include <cstdlib>

namespace {

void checkRendered(const QTextDocument& doc)
{
    for (QTextBlock block = doc.begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QTextCharFormat cf = it.fragment().charFormat();
            if (cf.isImageFormat())
                std::abort();
            const QString href = cf.anchorHref();
            if ((cf.isAnchor() || !href.isEmpty()) && !plein::app::isFollowableLink(QUrl(href)))
                std::abort();
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    // No resource may be asked for at all (an image, a style sheet): that is a finding.
    QTextDocument::setDefaultResourceProvider([](const QUrl&) -> QVariant { std::abort(); });
    // Never destroyed: Qt's font caches stay reachable, so the leak check at exit sees only
    // what an input leaked.
    static QGuiApplication* app = new QGuiApplication(*argc, *argv);
    Q_UNUSED(app);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char*>(data), qsizetype(size));
    QTextDocument doc;
    plein::app::setSafeMarkdown(doc, text);
    doc.setTextWidth(300);
    (void)doc.size();
    checkRendered(doc);
    QImage image(300, 200, QImage::Format_ARGB32_Premultiplied);
    QPainter painter(&image);
    doc.drawContents(&painter, QRectF(0, 0, 300, 200));
    return 0;
}
