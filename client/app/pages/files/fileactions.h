#pragma once

#include "ui/attachmentblock.h"

#include <QCache>
#include <QHash>
#include <QObject>
#include <QPixmap>
#include <QPointer>
#include <QSet>

#include <functional>

class QWidget;

namespace plein::app {

class ImageViewer;

// What the app does with the files of posts and messages: their thumbnails for the delegates
// (pixmap(): from memory, else from the file cache on disk, else asked for, with ready()
// when it has come so the views repaint), the image viewer, Open (in the desktop's app for the
// type) and Save as…. The files themselves come from the core's file cache through a Backend:
// fetch answers a path at once when the file is on disk and otherwise starts its download,
// whose end comes back through fileReady() or fileFailed().
class FileActions : public QObject
{
    Q_OBJECT

public:
    struct Backend
    {
        // (file id, variant: "original", "64", "256", "1024") -> cached path, or empty.
        std::function<QString(const QString&, const QString&)> fetch;
        // (file id, destination path): copies the original there; fileSaved() follows.
        std::function<void(const QString&, const QString&)> saveAs;
        // (file id, name): puts the original where another program can open it and answers
        // that path; fileSaved() with it follows, and it is opened.
        std::function<QString(const QString&, const QString&)> prepareOpen;
    };

    explicit FileActions(QObject* parent = nullptr);

    // The one of `window` (the main window), made by FilesCapability; nullptr without.
    static FileActions* of(const QObject* window);

    void setBackend(Backend backend);
    bool hasBackend() const { return bool(m_backend.fetch); }

    // The thumbnail of `file` at `size` (256 or 1024), or null while it is being fetched or
    // read: it is read from the disk and decoded on a worker thread, never in a paint, and
    // ready() says when it is here.
    QPixmap pixmap(const ShownFile& file, int size);
    // Repaints what `viewport` answers (a view showing files) whenever a thumbnail comes, for as
    // long as `context` lives.
    void repaintWhenReady(QObject* context, std::function<QWidget*()> viewport);
    AttachmentBlock::Thumbnails thumbnails();

    // Opens the viewer over `parent`'s window on `images` at `current`.
    ImageViewer* view(const QList<ShownFile>& images, int current, QWidget* parent);
    // Opens the file in the desktop's program for its type; a program or script (which the
    // desktop would run) only after `parent`'s confirmation.
    void open(const ShownFile& file, QWidget* parent = nullptr);
    // Whether a file of this name and type is something a desktop runs rather than shows.
    static bool isProgram(const ShownFile& file);
    // Who asks whether to open a program (a dialog; tests answer themselves).
    using Confirm = std::function<bool(const ShownFile&, QWidget*)>;
    void setConfirmProgram(Confirm confirm) { m_confirmProgram = std::move(confirm); }
    // Asks where (a file dialog over `parent`) and saves there.
    void saveAs(const ShownFile& file, QWidget* parent);
    // A click on the file `index` of `files`: View opens the viewer on the images among them.
    void activate(const QList<ShownFile>& files, int index, AttachmentBlock::Action action,
                  QWidget* parent);
    // The menu of a file: View (images), Open, Save as….
    void showMenu(const QList<ShownFile>& files, int index, const QPoint& globalPos,
                  QWidget* parent);

    // From the backend.
    void fileReady(const QString& fileId, const QString& variant, const QString& path);
    void fileFailed(const QString& fileId, const QString& variant, const QString& message);
    void fileSaved(const QString& fileId, const QString& path);

Q_SIGNALS:
    // A thumbnail of the file is here: views showing it repaint.
    void ready(const QString& fileId);
    // A notice for the shell ("Saved", "Could not be opened").
    void notice(const QString& text);

private:
    // Read and scaled to fit `size` (any thread).
    static QImage load(const QString& path, int size);
    void decode(const QString& key, const QString& id, const QString& path, int size);
    void feedViewer(const QString& fileId);

    Backend m_backend;
    QCache<QString, QPixmap> m_pixmaps; // "id:size", cost in kB
    QHash<QString, qint64> m_failed; // "id:size" -> when, so a paint does not ask again at once
    // "id:size" being read on a worker thread, by the time it began: a newer copy of the file
    // that arrives meanwhile (fileReady) makes that reading's result stale.
    QHash<QString, qint64> m_decoding;
    qint64 m_decodes = 0;
    QSet<QString> m_opening; // paths where files are put for another program to open
    Confirm m_confirmProgram;
    QPointer<ImageViewer> m_viewer;
};

} // namespace plein::app
