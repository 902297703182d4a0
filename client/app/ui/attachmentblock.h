#pragma once

#include "ui/filechip.h"

#include <QList>
#include <QPixmap>
#include <QRect>
#include <QSize>
#include <QString>
#include <QVariant>

#include <functional>

class QFont;
class QPainter;

namespace plein::app {

// A file that a post, reply or message carries, as its row says (the models' AttachmentsRole:
// id, name, type, size, width, height), or one still on its way (path on this computer,
// progress, failed).
struct ShownFile
{
    QString id;
    QString name;
    QString type;
    qint64 size = 0;
    QSize pixels; // the image's, when the server said; empty otherwise
    QString localPath; // an upload not finished yet
    double progress = -1; // 0..1 while uploading
    bool failed = false;

    bool isImage() const { return filechip::isImage(type); }
    static ShownFile fromVariant(const QVariant& value);
    static QList<ShownFile> fromVariantList(const QVariant& value);
};

// Where the files of one post or message go under its text, as in Slack and Teams: images as
// thumbnails (one big image at up to 480 × 360 from the 1024 thumbnail, a small one at its own
// size, several as a grid of squares from the 256 ones), each in the aspect ratio the server
// told before a pixel of it has arrived, then the other files as chips (icon, name, kind and
// size) with Open and Save as… buttons. Positions are relative to the block's top left.
class AttachmentBlock
{
public:
    enum class Action { None, View, Open, SaveAs };
    struct Item
    {
        int file = -1; // in the list laid out
        QRect rect;
        bool image = false;
        int thumbnail = 0; // the thumbnail size to fetch: 256 or 1024
        QRect open; // the chip's buttons
        QRect save;
    };
    struct Look
    {
        filechip::Look chip;
        QColor placeholder; // an image not here yet
        QColor hover; // a button under the pointer
        QColor progress; // an upload's bar
    };
    // The picture of `file` at `size` (256 or 1024), or a null pixmap while it is not here.
    using Thumbnails = std::function<QPixmap(const ShownFile& file, int size)>;

    static constexpr int gap = 6;
    static constexpr int bigWidth = 480;
    static constexpr int bigHeight = 360;
    static constexpr int gridCell = 150;
    static constexpr int chipWidth = 320;

    static AttachmentBlock layout(const QList<ShownFile>& files, int width, const QFont& font);

    bool isEmpty() const { return m_items.isEmpty(); }
    int height() const { return m_height; }
    const QList<Item>& items() const { return m_items; }
    // The item under `pos` and what a click there does, or {-1, None}.
    std::pair<int, Action> at(const QPoint& pos) const;

    void paint(QPainter& painter, const QPoint& origin, const QList<ShownFile>& files,
               const Thumbnails& thumbnails, const Look& look, int hoveredItem = -1,
               Action hoveredAction = Action::None) const;

private:
    QList<Item> m_items;
    int m_height = 0;
};

} // namespace plein::app
