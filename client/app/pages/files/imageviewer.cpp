#include "pages/files/imageviewer.h"

#include "pages/files/imagecanvas.h"
#include "ui/filechip.h"
#include "ui/icons.h"
#include "ui/tooltip.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QScreen>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

namespace plein::app {

namespace {

// The viewer is dark whatever the theme: photos read best on it, as in every image viewer.
QPalette viewerPalette()
{
    QPalette p;
    const QColor background(0x1b, 0x1b, 0x1d);
    const QColor bar(0x26, 0x26, 0x29);
    const QColor text(0xee, 0xee, 0xee);
    p.setColor(QPalette::Window, background);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, bar);
    p.setColor(QPalette::AlternateBase, bar);
    p.setColor(QPalette::Button, bar);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::ToolTipBase, bar);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0xa8, 0xa8, 0xad));
    p.setColor(QPalette::Disabled, QPalette::WindowText, QColor(0x70, 0x70, 0x74));
    p.setColor(QPalette::Disabled, QPalette::ButtonText, QColor(0x70, 0x70, 0x74));
    return p;
}

const QColor iconColour(0xee, 0xee, 0xee);

} // namespace

ImageViewer::ImageViewer(QWidget* parent)
    : QDialog(parent)
    , m_canvas(new ImageCanvas(this))
    , m_title(new QLabel(this))
    , m_position(new QLabel(this))
    , m_zoomText(new QLabel(this))
{
    setObjectName(QStringLiteral("imageViewer"));
    setPalette(viewerPalette());
    setAutoFillBackground(true);
    setAttribute(Qt::WA_DeleteOnClose);
    m_title->setTextFormat(Qt::PlainText);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_position->setForegroundRole(QPalette::PlaceholderText);
    m_zoomText->setMinimumWidth(
        m_zoomText->fontMetrics().horizontalAdvance(QStringLiteral("1600 %")));
    m_zoomText->setAlignment(Qt::AlignCenter);

    m_previous = addButton(int(icons::Icon::Back), QString());
    m_next = addButton(int(icons::Icon::Forward), QString());
    m_zoomOut = addButton(int(icons::Icon::ZoomOut), QString());
    m_zoomIn = addButton(int(icons::Icon::ZoomIn), QString());
    m_fit = addButton(int(icons::Icon::ZoomFit), QString());
    m_actual = new QToolButton(this);
    m_actual->setAutoRaise(true);
    m_actual->setText(QStringLiteral("1:1"));
    m_save = addButton(int(icons::Icon::Download), QString());
    m_open = addButton(int(icons::Icon::OpenExternal), QString());
    m_close = addButton(int(icons::Icon::Close), QString());

    auto* bar = new QWidget(this);
    bar->setObjectName(QStringLiteral("viewerBar"));
    bar->setAutoFillBackground(true);
    bar->setBackgroundRole(QPalette::Base);
    auto* row = new QHBoxLayout(bar);
    row->setContentsMargins(12, 6, 8, 6);
    row->setSpacing(4);
    row->addWidget(m_title, 1);
    row->addWidget(m_previous);
    row->addWidget(m_position);
    row->addWidget(m_next);
    row->addSpacing(12);
    row->addWidget(m_zoomOut);
    row->addWidget(m_zoomText);
    row->addWidget(m_zoomIn);
    row->addWidget(m_fit);
    row->addWidget(m_actual);
    row->addSpacing(12);
    row->addWidget(m_save);
    row->addWidget(m_open);
    row->addSpacing(12);
    row->addWidget(m_close);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(bar);
    layout->addWidget(m_canvas, 1);

    connect(m_previous, &QToolButton::clicked, this, &ImageViewer::previous);
    connect(m_next, &QToolButton::clicked, this, &ImageViewer::next);
    connect(m_zoomIn, &QToolButton::clicked, this, [this]() { m_canvas->zoomBy(1.25); });
    connect(m_zoomOut, &QToolButton::clicked, this, [this]() { m_canvas->zoomBy(0.8); });
    connect(m_fit, &QToolButton::clicked, m_canvas, &ImageCanvas::fit);
    connect(m_actual, &QToolButton::clicked, this, [this]() { m_canvas->setZoom(1.0); });
    connect(m_close, &QToolButton::clicked, this, &QDialog::reject);
    connect(m_save, &QToolButton::clicked, this, [this]() {
        if (const ViewerImage* image = currentImage())
            Q_EMIT saveAsRequested(image->fileId);
    });
    connect(m_open, &QToolButton::clicked, this, [this]() {
        if (const ViewerImage* image = currentImage())
            Q_EMIT openRequested(image->fileId);
    });
    connect(m_canvas, &ImageCanvas::zoomChanged, this, &ImageViewer::updateZoom);
    retranslate();

    // Nearly the whole window it opens from: an image wants room.
    QWidget* top = parent ? parent->window() : nullptr;
    const QSize room
        = top ? top->size() : (screen() ? screen()->availableSize() * 0.8 : QSize(1000, 700));
    resize(room.expandedTo(QSize(480, 360)));
}

QToolButton* ImageViewer::addButton(int icon, const QString& tip)
{
    auto* button = new QToolButton(this);
    button->setIcon(icons::ownIcon(icons::Icon(icon), iconColour));
    button->setIconSize(QSize(20, 20));
    button->setAutoRaise(true);
    button->setToolTip(tip);
    button->setFocusPolicy(Qt::TabFocus);
    return button;
}

void ImageViewer::retranslate()
{
    m_previous->setToolTip(tr("Previous image (Left)"));
    m_next->setToolTip(tr("Next image (Right)"));
    m_zoomOut->setToolTip(tr("Zoom out (Ctrl+-)"));
    m_zoomIn->setToolTip(tr("Zoom in (Ctrl++)"));
    m_fit->setToolTip(tr("Fit to window (Ctrl+0)"));
    m_actual->setToolTip(tr("Actual size, 100 % (Ctrl+1)"));
    m_save->setToolTip(tr("Save as…"));
    m_open->setToolTip(tr("Open with the desktop's app"));
    m_close->setToolTip(tr("Close (Escape)"));
    for (QToolButton* b :
         {m_previous, m_next, m_zoomOut, m_zoomIn, m_fit, m_actual, m_save, m_open, m_close})
        b->setAccessibleName(b->toolTip());
    update();
}

void ImageViewer::changeEvent(QEvent* event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

void ImageViewer::setImages(const QList<ViewerImage>& images, int current)
{
    m_images = images;
    m_current = -1;
    showImage(std::clamp(current, 0, int(images.size()) - 1));
}

const ViewerImage* ImageViewer::currentImage() const
{
    return m_current >= 0 && m_current < m_images.size() ? &m_images.at(m_current) : nullptr;
}

void ImageViewer::showImage(int index)
{
    if (index < 0 || index >= m_images.size() || index == m_current)
        return;
    m_current = index;
    const ViewerImage& image = m_images.at(index);
    const Loaded loaded = m_loaded.value(image.fileId);
    m_canvas->clear();
    if (!loaded.image.isNull())
        m_canvas->setImage(loaded.image, image.size);
    if (!loaded.failure.isEmpty())
        m_canvas->setText(loaded.failure);
    else if (loaded.image.isNull())
        m_canvas->setText(tr("Loading…"));
    update();
    if (!loaded.original && loaded.failure.isEmpty())
        Q_EMIT wanted(image.fileId);
}

void ImageViewer::next()
{
    showImage(m_current + 1);
}

void ImageViewer::previous()
{
    showImage(m_current - 1);
}

void ImageViewer::setImage(const QString& fileId, const QImage& image, bool original)
{
    if (image.isNull())
        return;
    Loaded& loaded = m_loaded[fileId];
    // A preview that comes after the original changes nothing.
    if (loaded.original && !original)
        return;
    loaded.image = image;
    loaded.original = original;
    loaded.failure.clear();
    if (const ViewerImage* shown = currentImage(); shown && shown->fileId == fileId) {
        m_canvas->setImage(image, shown->size.isValid() ? shown->size : image.size());
        update();
    }
}

void ImageViewer::setFailed(const QString& fileId, const QString& text)
{
    Loaded& loaded = m_loaded[fileId];
    // With a preview to show, the viewer shows it and says so in the bar.
    loaded.failure = loaded.image.isNull() ? text : QString();
    if (const ViewerImage* shown = currentImage(); shown && shown->fileId == fileId) {
        if (loaded.image.isNull())
            m_canvas->setText(text);
        update();
    }
}

bool ImageViewer::hasOriginal(const QString& fileId) const
{
    return m_loaded.value(fileId).original;
}

void ImageViewer::update()
{
    const ViewerImage* image = currentImage();
    m_title->setText(image ? image->name : QString());
    m_title->setToolTip(
        image ? plainToolTip(filechip::detailText(image->mimeType, image->name, image->bytes))
              : QString());
    setWindowTitle(image ? image->name : tr("Image"));
    const int count = int(m_images.size());
    m_position->setText(count > 1 ? tr("%1 of %2").arg(m_current + 1).arg(count) : QString());
    m_previous->setVisible(count > 1);
    m_next->setVisible(count > 1);
    m_position->setVisible(count > 1);
    m_previous->setEnabled(m_current > 0);
    m_next->setEnabled(m_current + 1 < count);
    const bool loaded = image && !m_loaded.value(image->fileId).image.isNull();
    for (QToolButton* b : {m_zoomOut, m_zoomIn, m_fit, m_actual})
        b->setEnabled(loaded);
    updateZoom();
}

void ImageViewer::updateZoom()
{
    m_zoomText->setText(m_canvas->image().isNull()
                            ? QString()
                            : tr("%1 %").arg(std::lround(m_canvas->zoom() * 100)));
}

void ImageViewer::keyPressEvent(QKeyEvent* event)
{
    const auto mods = event->modifiers() & ~Qt::KeypadModifier;
    const bool ctrl
        = mods == Qt::ControlModifier || mods == (Qt::ControlModifier | Qt::ShiftModifier);
    switch (event->key()) {
    case Qt::Key_Left:
        if (mods == Qt::NoModifier)
            return previous();
        break;
    case Qt::Key_Right:
        if (mods == Qt::NoModifier)
            return next();
        break;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        if (ctrl || mods == Qt::NoModifier)
            return m_canvas->zoomBy(1.25);
        break;
    case Qt::Key_Minus:
        if (ctrl || mods == Qt::NoModifier)
            return m_canvas->zoomBy(0.8);
        break;
    case Qt::Key_0:
        if (ctrl)
            return m_canvas->fit();
        break;
    case Qt::Key_1:
        if (ctrl)
            return m_canvas->setZoom(1.0);
        break;
    default:
        break;
    }
    // Escape closes (QDialog rejects).
    QDialog::keyPressEvent(event);
}

} // namespace plein::app
