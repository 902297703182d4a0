#pragma once

#include "blogs/articlerow.h"
#include "ui/attachmentblock.h"

#include <QPointer>
#include <QWidget>

#include <optional>

namespace plein::app {

class FileActions;

// An article's cover as the views show a file; nullopt when it has none.
std::optional<ShownFile> coverOf(const client::ArticleRow& article);

// An article's cover image filling its rectangle (scaled to cover it, the middle kept, as
// blogs and news sites crop their headers), with rounded corners; the window's FileActions
// reads its thumbnail from the file cache off the GUI thread, a flat placeholder standing in
// meanwhile. As a banner (the reading view, compact cards) its height follows its width;
// otherwise it keeps the size it is given. A click emits `clicked` (the viewer).
class CoverImage : public QWidget
{
    Q_OBJECT

public:
    explicit CoverImage(QWidget* parent = nullptr);

    // The file (nullopt: no cover, hidden); `localPath` for one still on its way.
    void setFile(const std::optional<ShownFile>& file);
    std::optional<ShownFile> file() const { return m_file; }
    // Height = width / `ratio`, at most `maxHeight`.
    void setBanner(double ratio, int maxHeight);
    // The thumbnail it paints from (256 for cards, 1024 for the reading view).
    void setThumbnailSize(int size) { m_size = size; }
    // Whether the image itself is painted (not the placeholder): for tests.
    bool showsImage();

    bool hasHeightForWidth() const override { return m_ratio > 0; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;

Q_SIGNALS:
    void clicked();

protected:
    void paintEvent(QPaintEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;

private:
    FileActions* actions() const;
    QPixmap pixmap();

    std::optional<ShownFile> m_file;
    double m_ratio = 0;
    int m_maxHeight = 0;
    int m_size = 1024;
    QPointer<FileActions> m_listening;
};

} // namespace plein::app
