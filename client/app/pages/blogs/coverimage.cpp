#include "pages/blogs/coverimage.h"

#include "pages/files/fileactions.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QPointer>

namespace plein::app {

namespace {
constexpr qreal cornerRadius = 8;
} // namespace

std::optional<ShownFile> coverOf(const client::ArticleRow& article)
{
    if (!article.cover)
        return std::nullopt;
    const client::Attachment& f = *article.cover;
    ShownFile shown;
    shown.id = f.id;
    shown.name = f.name;
    shown.type = f.type;
    shown.size = f.size;
    if (f.width > 0 && f.height > 0)
        shown.pixels = QSize(f.width, f.height);
    return shown;
}

CoverImage::CoverImage(QWidget* parent)
    : QWidget(parent)
{
    setVisible(false);
    setCursor(Qt::PointingHandCursor);
    setAttribute(Qt::WA_OpaquePaintEvent, false);
}

FileActions* CoverImage::actions() const
{
    return FileActions::of(window());
}

void CoverImage::setFile(const std::optional<ShownFile>& file)
{
    const bool same = file.has_value() == m_file.has_value()
        && (!file || (file->id == m_file->id && file->localPath == m_file->localPath));
    m_file = file;
    setVisible(file.has_value());
    setAccessibleName(file ? tr("Cover image: %1").arg(file->name) : QString());
    if (!same) {
        updateGeometry();
        update();
    }
}

void CoverImage::setBanner(double ratio, int maxHeight)
{
    m_ratio = ratio;
    m_maxHeight = maxHeight;
    // Its height is what heightForWidth says for the width the layout gives it: a fixed
    // vertical policy would keep sizeHint's height and leave the rest of the room empty.
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    policy.setHeightForWidth(ratio > 0);
    setSizePolicy(policy);
    setMaximumHeight(maxHeight > 0 ? maxHeight : QWIDGETSIZE_MAX);
    updateGeometry();
}

int CoverImage::heightForWidth(int width) const
{
    if (m_ratio <= 0)
        return QWidget::heightForWidth(width);
    const int h = int(width / m_ratio);
    return m_maxHeight > 0 ? std::min(h, m_maxHeight) : h;
}

QSize CoverImage::sizeHint() const
{
    if (m_ratio > 0)
        return QSize(480, heightForWidth(480));
    return QWidget::sizeHint();
}

QPixmap CoverImage::pixmap()
{
    FileActions* files = actions();
    if (!m_file || !files)
        return {};
    // Repainted when its thumbnail has come: connected once it is in the window that has the
    // file actions (a card is made before it is placed).
    if (m_listening != files) {
        m_listening = files;
        connect(files, &FileActions::ready, this, [this](const QString& id) {
            if (m_file && (m_file->id == id || m_file->localPath == id))
                update();
        });
    }
    return files->pixmap(*m_file, m_size);
}

bool CoverImage::showsImage()
{
    return !pixmap().isNull();
}

void CoverImage::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    QPainterPath clip;
    clip.addRoundedRect(QRectF(rect()), cornerRadius, cornerRadius);
    painter.setClipPath(clip);
    const QPixmap image = pixmap();
    if (image.isNull()) {
        painter.fillRect(rect(), palette().color(QPalette::AlternateBase));
        return;
    }
    // Scaled to cover the rectangle, the middle of the image kept.
    const QSizeF source = image.deviceIndependentSize();
    const qreal scale = std::max(width() / source.width(), height() / source.height());
    const QSizeF shown = source * scale;
    const QRectF target(QPointF((width() - shown.width()) / 2, (height() - shown.height()) / 2),
                        shown);
    painter.drawPixmap(target, image, QRectF(QPointF(0, 0), image.size()));
}

void CoverImage::mouseReleaseEvent(QMouseEvent* event)
{
    QWidget::mouseReleaseEvent(event);
    if (event->button() == Qt::LeftButton && rect().contains(event->position().toPoint()))
        Q_EMIT clicked();
}

} // namespace plein::app
