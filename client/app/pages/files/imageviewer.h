#pragma once

#include <QDialog>
#include <QHash>
#include <QImage>
#include <QList>
#include <QSize>

class QLabel;
class QToolButton;

namespace plein::app {

class ImageCanvas;

// One image of a post or message as the viewer shows it.
struct ViewerImage
{
    QString fileId;
    QString name;
    QString mimeType;
    qint64 bytes = 0;
    QSize size; // the original's pixels, when the server said
};

// The images of one post or message, one at a time over a dark background, as in Slack or
// Teams: fitted to the window at first, 100 %, zoom with the wheel or Ctrl+plus/minus (Ctrl+0
// fits, Ctrl+1 is 100 %), pan by dragging, Left and Right to the previous and next image,
// Escape closes. Save as… and Open with the desktop's app on the bar. The viewer does not fetch:
// it asks for what it shows (wanted) and whoever holds the files answers with setImage(), a
// preview (the 1024 thumbnail) first and the original when it is there, or setFailed().
class ImageViewer : public QDialog
{
    Q_OBJECT

public:
    explicit ImageViewer(QWidget* parent = nullptr);

    void setImages(const QList<ViewerImage>& images, int current = 0);
    const QList<ViewerImage>& images() const { return m_images; }
    int current() const { return m_current; }
    const ViewerImage* currentImage() const;
    void showImage(int index);
    void next();
    void previous();

    // `original`: the file itself (else a preview, replaced when the original comes).
    void setImage(const QString& fileId, const QImage& image, bool original);
    void setFailed(const QString& fileId, const QString& text);
    bool hasOriginal(const QString& fileId) const;

    ImageCanvas* canvas() const { return m_canvas; }
    QLabel* titleLabel() const { return m_title; }
    QLabel* zoomLabel() const { return m_zoomText; }

Q_SIGNALS:
    // The image with this id is shown and nothing of it is here yet (or only a preview).
    void wanted(const QString& fileId);
    void saveAsRequested(const QString& fileId);
    void openRequested(const QString& fileId);

protected:
    void keyPressEvent(QKeyEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    QToolButton* addButton(int icon, const QString& tip);
    void update();
    void updateZoom();
    void retranslate();

    struct Loaded
    {
        QImage image;
        bool original = false;
        QString failure;
    };

    QList<ViewerImage> m_images;
    QHash<QString, Loaded> m_loaded;
    int m_current = -1;
    ImageCanvas* m_canvas = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_position = nullptr;
    QLabel* m_zoomText = nullptr;
    QToolButton* m_previous = nullptr;
    QToolButton* m_next = nullptr;
    QToolButton* m_zoomOut = nullptr;
    QToolButton* m_zoomIn = nullptr;
    QToolButton* m_fit = nullptr;
    QToolButton* m_actual = nullptr;
    QToolButton* m_save = nullptr;
    QToolButton* m_open = nullptr;
    QToolButton* m_close = nullptr;
};

} // namespace plein::app
