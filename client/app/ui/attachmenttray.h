#pragma once

#include "capabilities/files/filesprotocol.h"

#include <QList>
#include <QPixmap>
#include <QString>
#include <QStringList>
#include <QWidget>

class QImage;
class QLabel;
class QMimeData;
class QTimer;
class QToolButton;

namespace plein::app {

class FlowLayout;

// A file on this computer, chosen to go with a post or message that is being written.
struct LocalAttachment
{
    QString path;
    QString name;
    QString mimeType;
    qint64 size = 0;
    QPixmap thumbnail; // images only, made here at chip size
};

// The files chosen for what is being written, under its text, as in Slack or Teams: one chip
// per file (its thumbnail or the icon of its kind, name, kind and size) with a button that
// takes it off again. Files come from the paperclip's file picker (attachButton()), from files
// dropped on the composer (acceptDropsOn()) and from the clipboard (take(): copied files, or an
// image such as a screenshot, saved as a PNG in pasteFolder()). More than maxFiles, or a file
// over maxFileBytes, a folder or what cannot be read is refused with a message that says why,
// and whatever else was given is still added. Hidden while it holds nothing and says nothing.
class AttachmentTray : public QWidget
{
    Q_OBJECT

public:
    // The server's defaults (max_file_bytes; maxAttachments of the protocol).
    static constexpr qint64 maxFileBytes = 100LL * 1024 * 1024;
    static constexpr int maxFiles = protocol::files::maxAttachments;

    explicit AttachmentTray(QWidget* parent = nullptr);

    // Adds the files at `paths`; false when some were refused (message() says why).
    bool addFiles(const QStringList& paths);
    // Saves `image` as a PNG in pasteFolder() and adds it.
    bool addImage(const QImage& image);
    // Whether `data` holds local files or an image, and adding them.
    static bool canTake(const QMimeData* source);
    bool take(const QMimeData* source);
    void remove(int index);
    void clear();

    const QList<LocalAttachment>& attachments() const { return m_attachments; }
    QStringList paths() const;
    int count() const { return int(m_attachments.size()); }
    bool isEmpty() const { return m_attachments.isEmpty(); }
    // Why the last files were refused, until the next change (empty when nothing was).
    QString message() const;
    QWidget* chip(int index) const;

    // The paperclip button that opens the file picker (several files at once).
    QToolButton* attachButton() const { return m_attach; }
    void openPicker();
    // Files dragged over `target` (a composer) are taken when dropped.
    void acceptDropsOn(QWidget* target);

    // Where pasted images are saved (the app's data folder by default).
    QString pasteFolder() const;
    void setPasteFolder(const QString& folder);

Q_SIGNALS:
    void changed();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void refuse(const QStringList& reasons);
    void rebuild();

    QList<LocalAttachment> m_attachments;
    FlowLayout* m_chips = nullptr;
    QWidget* m_chipBox = nullptr;
    QLabel* m_message = nullptr;
    QToolButton* m_attach = nullptr;
    QTimer* m_messageTimer = nullptr;
    QString m_pasteFolder;
};

} // namespace plein::app
