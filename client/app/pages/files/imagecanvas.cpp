#include "pages/files/imagecanvas.h"

#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace plein::app {

ImageCanvas::ImageCanvas(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("imageCanvas"));
    setMouseTracking(false);
    setFocusPolicy(Qt::StrongFocus);
    setMinimumSize(120, 90);
}

void ImageCanvas::setImage(const QImage& image, const QSize& naturalSize)
{
    const QSize before = this->naturalSize();
    m_image = image;
    m_natural = naturalSize.isValid() && !naturalSize.isEmpty() ? naturalSize : image.size();
    m_text.clear();
    if (before != this->naturalSize()) {
        m_fit = true;
        m_offset = {};
    }
    clampOffset();
    update();
    Q_EMIT zoomChanged();
}

void ImageCanvas::clear()
{
    m_image = QImage();
    m_natural = QSize();
    m_fit = true;
    m_offset = {};
    update();
}

QSize ImageCanvas::naturalSize() const
{
    return m_natural.isValid() ? m_natural : m_image.size();
}

void ImageCanvas::setText(const QString& text)
{
    m_text = text;
    update();
}

double ImageCanvas::fitZoom() const
{
    const QSize natural = naturalSize();
    if (natural.isEmpty() || width() <= 0 || height() <= 0)
        return 1.0;
    // Fit shrinks what is too large and never blows a small image up past 100 %.
    return std::min({1.0, double(width()) / natural.width(), double(height()) / natural.height()});
}

double ImageCanvas::zoom() const
{
    return m_fit ? fitZoom() : m_zoom;
}

void ImageCanvas::fit()
{
    m_fit = true;
    m_offset = {};
    update();
    Q_EMIT zoomChanged();
}

void ImageCanvas::setZoom(double zoom)
{
    zoomBy(zoom / this->zoom());
}

void ImageCanvas::zoomBy(double factor, const QPointF& anchor)
{
    const double before = zoom();
    const double after = std::clamp(before * factor, minZoom, maxZoom);
    if (std::abs(after - before) < 1e-9 && !m_fit)
        return;
    // The point under `anchor` (the centre when none) stays where it is.
    const QPointF centre(width() / 2.0, height() / 2.0);
    const QPointF at = anchor.x() < 0 ? centre : anchor;
    const QPointF fromImageCentre = at - centre - m_offset;
    m_offset += fromImageCentre - fromImageCentre * (after / before);
    m_zoom = after;
    m_fit = false;
    clampOffset();
    update();
    Q_EMIT zoomChanged();
}

QRectF ImageCanvas::imageRect() const
{
    const QSizeF size = QSizeF(naturalSize()) * zoom();
    const QPointF centre = QPointF(width() / 2.0, height() / 2.0) + m_offset;
    return QRectF(centre.x() - size.width() / 2, centre.y() - size.height() / 2, size.width(),
                  size.height());
}

void ImageCanvas::clampOffset()
{
    // The image can be pushed until its edge reaches the middle, never off the screen.
    const QSizeF size = QSizeF(naturalSize()) * zoom();
    const double x = std::max(0.0, (size.width() - width()) / 2.0);
    const double y = std::max(0.0, (size.height() - height()) / 2.0);
    m_offset.setX(std::clamp(m_offset.x(), -x, x));
    m_offset.setY(std::clamp(m_offset.y(), -y, y));
}

void ImageCanvas::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().color(QPalette::Window));
    if (!m_image.isNull()) {
        painter.setRenderHint(QPainter::SmoothPixmapTransform, zoom() < 2.0);
        painter.drawImage(imageRect(), m_image, QRectF(m_image.rect()));
    }
    if (!m_text.isEmpty()) {
        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawText(rect().adjusted(20, 20, -20, -20), Qt::AlignCenter | Qt::TextWordWrap,
                         m_text);
    }
}

void ImageCanvas::wheelEvent(QWheelEvent* event)
{
    const int steps = event->angleDelta().y();
    if (steps == 0)
        return;
    zoomBy(std::pow(1.2, steps / 120.0), event->position());
    event->accept();
}

void ImageCanvas::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return QWidget::mousePressEvent(event);
    m_dragging = true;
    m_dragFrom = event->position();
    setCursor(Qt::ClosedHandCursor);
}

void ImageCanvas::mouseMoveEvent(QMouseEvent* event)
{
    if (!m_dragging)
        return;
    if (m_fit) {
        // Dragging a fitted image holds it where fit put it.
        m_zoom = fitZoom();
        m_fit = false;
    }
    m_offset += event->position() - m_dragFrom;
    m_dragFrom = event->position();
    clampOffset();
    update();
}

void ImageCanvas::mouseReleaseEvent(QMouseEvent*)
{
    m_dragging = false;
    unsetCursor();
}

void ImageCanvas::mouseDoubleClickEvent(QMouseEvent* event)
{
    // As in most viewers: a double click toggles between fit and 100 % at the pointer.
    if (m_fit)
        zoomBy(1.0 / zoom(), event->position());
    else
        fit();
}

void ImageCanvas::resizeEvent(QResizeEvent*)
{
    clampOffset();
    if (m_fit)
        Q_EMIT zoomChanged();
}

} // namespace plein::app
