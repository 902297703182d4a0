#pragma once

#include "ui/attachmenttray.h"

#include <QWidget>

class QToolButton;

namespace plein::app {

// One file of an AttachmentTray: filechip's look with a button to take it off (removeClicked).
class AttachmentChip : public QWidget
{
    Q_OBJECT

public:
    explicit AttachmentChip(const LocalAttachment& attachment, QWidget* parent = nullptr);

    const LocalAttachment& attachment() const { return m_attachment; }
    QToolButton* removeButton() const { return m_remove; }
    QSize sizeHint() const override;

Q_SIGNALS:
    void removeClicked();

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    LocalAttachment m_attachment;
    QToolButton* m_remove = nullptr;
};

} // namespace plein::app
