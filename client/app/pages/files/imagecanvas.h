#pragma once

#include <QImage>
#include <QPointF>
#include <QSize>
#include <QWidget>

namespace plein::app {

// Shows one image, fitted to the widget or at a zoom of its own, panned by dragging. Zoom is
// relative to the image's natural size (setNaturalSize: the original's pixels), so a 1024
// thumbnail shown while the original loads stands where the original will. The wheel zooms
// around the pointer (in fit mode it leaves fit mode at the fitted zoom).
class ImageCanvas : public QWidget
{
    Q_OBJECT

public:
    static constexpr double minZoom = 0.05;
    static constexpr double maxZoom = 16.0;

    explicit ImageCanvas(QWidget* parent = nullptr);

    void setImage(const QImage& image, const QSize& naturalSize = QSize());
    void clear();
    const QImage& image() const { return m_image; }
    QSize naturalSize() const;

    bool isFitted() const { return m_fit; }
    // The zoom shown: 1.0 is 100 % of the natural size.
    double zoom() const;
    void fit();
    void setZoom(double zoom);
    void zoomBy(double factor, const QPointF& anchor = QPointF(-1, -1));
    QPointF offset() const { return m_offset; }
    // What is painted instead of the image (while loading, when it failed).
    void setText(const QString& text);

Q_SIGNALS:
    void zoomChanged();

protected:
    void paintEvent(QPaintEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    double fitZoom() const;
    QRectF imageRect() const;
    void clampOffset();

    QImage m_image;
    QSize m_natural;
    QString m_text;
    bool m_fit = true;
    double m_zoom = 1.0;
    QPointF m_offset; // of the image's centre from the widget's centre, in pixels
    QPointF m_dragFrom;
    bool m_dragging = false;
};

} // namespace plein::app
