#include "pages/files/fileactions.h"

#include "pages/files/imageviewer.h"

#include <QDateTime>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QImageReader>
#include <QMenu>
#include <QMessageBox>
#include <QMimeDatabase>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QUrl>
#include <QWidget>
#include <QtConcurrent>

namespace plein::app {

namespace {

constexpr int pixmapBudgetKb = 96 * 1024;
constexpr qint64 retryAfterMs = 30'000;
constexpr auto saveFolderKey = "files/saveFolder";

QString keyOf(const QString& id, int size)
{
    return id + u':' + QString::number(size);
}

} // namespace

FileActions::FileActions(QObject* parent)
    : QObject(parent)
{
    setObjectName(QStringLiteral("fileActions"));
    m_pixmaps.setMaxCost(pixmapBudgetKb);
    m_confirmProgram = [](const ShownFile& file, QWidget* parent) {
        QMessageBox box(QMessageBox::Warning, tr("Open a program?"),
                        tr("“%1” is a program or script: opening it runs it on this computer, "
                           "with your rights.")
                            .arg(file.name),
                        QMessageBox::NoButton, parent);
        box.setInformativeText(
            tr("Only open it if you know who made it and expected it. Save as… keeps it "
               "without running it."));
        box.setTextFormat(Qt::PlainText);
        QPushButton* run = box.addButton(tr("Open anyway"), QMessageBox::AcceptRole);
        box.setDefaultButton(box.addButton(QMessageBox::Cancel));
        box.exec();
        return box.clickedButton() == run;
    };
}

bool FileActions::isProgram(const ShownFile& file)
{
    // What desktops run when asked to open it: native programs, installers, scripts and
    // launchers, by the type the server sniffed and by the name the desktop goes by.
    static const QStringList types {
        QStringLiteral("application/x-executable"),
        QStringLiteral("application/x-pie-executable"),
        QStringLiteral("application/x-sharedlib"),
        QStringLiteral("application/x-shellscript"),
        QStringLiteral("application/x-msdownload"),
        QStringLiteral("application/x-ms-dos-executable"),
        QStringLiteral("application/x-ms-shortcut"),
        QStringLiteral("application/x-msi"),
        QStringLiteral("application/x-desktop"),
        QStringLiteral("application/x-java-archive"),
        QStringLiteral("application/x-executable-script"),
        QStringLiteral("application/x-perl"),
        QStringLiteral("text/x-python"),
        QStringLiteral("text/x-python3"),
        QStringLiteral("application/x-powershell"),
        QStringLiteral("application/x-bat"),
        QStringLiteral("application/x-appimage"),
        QStringLiteral("application/vnd.debian.binary-package"),
        QStringLiteral("application/x-rpm"),
        QStringLiteral("application/x-apple-diskimage"),
        QStringLiteral("application/javascript"),
        QStringLiteral("text/javascript"),
        QStringLiteral("application/x-ruby"),
        QStringLiteral("application/vbscript"),
    };
    static const QStringList suffixes {
        QStringLiteral("exe"),
        QStringLiteral("com"),
        QStringLiteral("bat"),
        QStringLiteral("cmd"),
        QStringLiteral("msi"),
        QStringLiteral("msp"),
        QStringLiteral("scr"),
        QStringLiteral("pif"),
        QStringLiteral("lnk"),
        QStringLiteral("ps1"),
        QStringLiteral("vbs"),
        QStringLiteral("vbe"),
        QStringLiteral("js"),
        QStringLiteral("jse"),
        QStringLiteral("wsf"),
        QStringLiteral("hta"),
        QStringLiteral("jar"),
        QStringLiteral("sh"),
        QStringLiteral("run"),
        QStringLiteral("desktop"),
        QStringLiteral("appimage"),
        QStringLiteral("deb"),
        QStringLiteral("rpm"),
        QStringLiteral("py"),
        QStringLiteral("pl"),
        QStringLiteral("rb"),
        QStringLiteral("app"),
        QStringLiteral("command"),
        QStringLiteral("dmg"),
        QStringLiteral("pkg"),
        QStringLiteral("reg"),
        QStringLiteral("cpl"),
        QStringLiteral("scf"),
        QStringLiteral("msc"),
        QStringLiteral("psm1"),
        QStringLiteral("wsh"),
        QStringLiteral("vb"),
        QStringLiteral("chm"),
        QStringLiteral("url"),
        QStringLiteral("inf"),
        QStringLiteral("application"),
        QStringLiteral("appx"),
        QStringLiteral("msix"),
        QStringLiteral("iso"),
        QStringLiteral("img"),
        QStringLiteral("vhd"),
        QStringLiteral("vhdx"),
        QStringLiteral("jnlp"),
        QStringLiteral("scpt"),
        QStringLiteral("terminal"),
        QStringLiteral("workflow"),
        QStringLiteral("library-ms"),
        QStringLiteral("settingcontent-ms"),
    };
    const QMimeDatabase db;
    for (const QMimeType& mime : {db.mimeTypeForName(file.type),
                                  db.mimeTypeForFile(file.name, QMimeDatabase::MatchExtension)}) {
        if (!mime.isValid())
            continue;
        for (const QString& t : types) {
            if (mime.inherits(t))
                return true;
        }
    }
    // The name as a desktop reads it: trailing dots and spaces do not hide the suffix.
    QString name = file.name;
    while (name.endsWith(u'.') || name.endsWith(u' '))
        name.chop(1);
    return suffixes.contains(QFileInfo(name).suffix(), Qt::CaseInsensitive);
}

FileActions* FileActions::of(const QObject* window)
{
    return window
        ? window->findChild<FileActions*>(QStringLiteral("fileActions"), Qt::FindDirectChildrenOnly)
        : nullptr;
}

void FileActions::activate(const QList<ShownFile>& files, int index, AttachmentBlock::Action action,
                           QWidget* parent)
{
    if (index < 0 || index >= files.size())
        return;
    const ShownFile& file = files.at(index);
    switch (action) {
    case AttachmentBlock::Action::View: {
        if (file.id.isEmpty())
            return open(file, parent);
        QList<ShownFile> images;
        int current = 0;
        for (const ShownFile& f : files) {
            if (f.id == file.id)
                current = int(images.size());
            if (f.isImage() && !f.id.isEmpty())
                images.append(f);
        }
        view(images, current, parent);
        return;
    }
    case AttachmentBlock::Action::Open:
        return open(file, parent);
    case AttachmentBlock::Action::SaveAs:
        return saveAs(file, parent);
    case AttachmentBlock::Action::None:
        return;
    }
}

void FileActions::setBackend(Backend backend)
{
    m_backend = std::move(backend);
    m_failed.clear();
}

QImage FileActions::load(const QString& path, int size)
{
    QImageReader reader(path);
    reader.setAutoTransform(true);
    const QSize natural = reader.size();
    if (natural.isValid() && (natural.width() > size || natural.height() > size))
        reader.setScaledSize(natural.scaled(size, size, Qt::KeepAspectRatio));
    return reader.read();
}

QPixmap FileActions::pixmap(const ShownFile& file, int size)
{
    const QString id = file.id.isEmpty() ? file.localPath : file.id;
    const QString key = keyOf(id, size);
    if (QPixmap* cached = m_pixmaps.object(key))
        return *cached;
    if (m_decoding.contains(key))
        return QPixmap();
    const auto failed = m_failed.constFind(key);
    if (failed != m_failed.cend() && QDateTime::currentMSecsSinceEpoch() - *failed < retryAfterMs)
        return QPixmap();
    QString path;
    if (file.id.isEmpty()) {
        // Still on its way to the server: the file on this computer.
        path = file.localPath;
    } else if (m_backend.fetch) {
        path = m_backend.fetch(file.id, QString::number(size));
    }
    if (!path.isEmpty())
        decode(key, id, path, size);
    return QPixmap();
}

void FileActions::decode(const QString& key, const QString& id, const QString& path, int size)
{
    // A photo of 20 megapixels takes tens of milliseconds to read even scaled down: on a
    // worker thread (QImage may be made there, a QPixmap only here), with the placeholder
    // shown meanwhile. The watcher is this object's: gone with it, the result is dropped.
    const qint64 decode = ++m_decodes;
    m_decoding.insert(key, decode);
    auto* watcher = new QFutureWatcher<QImage>(this);
    connect(watcher, &QFutureWatcher<QImage>::finished, this, [this, watcher, key, id, decode]() {
        watcher->deleteLater();
        if (m_decoding.value(key) != decode)
            return; // a newer copy came meanwhile: read again at the next paint
        m_decoding.remove(key);
        const QImage image = watcher->result();
        if (image.isNull()) {
            // Not an image after all, or unreadable: not read again at every paint.
            m_failed.insert(key, QDateTime::currentMSecsSinceEpoch());
            return;
        }
        m_pixmaps.insert(key, new QPixmap(QPixmap::fromImage(image)),
                         std::max(1LL, image.width() * image.height() * 4LL / 1024));
        Q_EMIT ready(id);
    });
    watcher->setFuture(QtConcurrent::run([path, size]() { return load(path, size); }));
}

void FileActions::repaintWhenReady(QObject* context, std::function<QWidget*()> viewport)
{
    connect(this, &FileActions::ready, context, [viewport = std::move(viewport)]() {
        if (QWidget* widget = viewport())
            widget->update();
    });
}

AttachmentBlock::Thumbnails FileActions::thumbnails()
{
    return [this](const ShownFile& file, int size) { return pixmap(file, size); };
}

void FileActions::fileReady(const QString& fileId, const QString& variant, const QString& path)
{
    bool ok = false;
    const int size = variant.toInt(&ok);
    if (ok) {
        m_failed.remove(keyOf(fileId, size));
        m_pixmaps.remove(keyOf(fileId, size));
        m_decoding.remove(keyOf(fileId, size));
        Q_EMIT ready(fileId);
    }
    if (m_viewer) {
        if (variant == QLatin1StringView("original") || variant == QLatin1StringView("1024")) {
            QImageReader reader(path);
            reader.setAutoTransform(true);
            m_viewer->setImage(fileId, reader.read(), variant == QLatin1StringView("original"));
        }
    }
}

void FileActions::fileFailed(const QString& fileId, const QString& variant, const QString& message)
{
    bool ok = false;
    const int size = variant.toInt(&ok);
    if (ok)
        m_failed.insert(keyOf(fileId, size), QDateTime::currentMSecsSinceEpoch());
    if (m_viewer && variant == QLatin1StringView("original"))
        m_viewer->setFailed(fileId,
                            message.isEmpty() ? tr("The image could not be loaded.") : message);
}

void FileActions::fileSaved(const QString& fileId, const QString& path)
{
    Q_UNUSED(fileId);
    if (m_opening.remove(path)) {
        if (!QDesktopServices::openUrl(QUrl::fromLocalFile(path)))
            Q_EMIT notice(
                tr("No program on this computer opens “%1”.").arg(QFileInfo(path).fileName()));
        return;
    }
    Q_EMIT notice(tr("Saved as %1").arg(QDir::toNativeSeparators(path)));
}

void FileActions::feedViewer(const QString& fileId)
{
    if (!m_viewer || !m_backend.fetch)
        return;
    // The 1024 thumbnail first, at once from disk when it is there, then the original.
    for (const QString& variant : {QStringLiteral("1024"), QStringLiteral("original")}) {
        if (variant == QLatin1StringView("1024") && m_viewer->hasOriginal(fileId))
            continue;
        const QString path = m_backend.fetch(fileId, variant);
        if (!path.isEmpty()) {
            QImageReader reader(path);
            reader.setAutoTransform(true);
            m_viewer->setImage(fileId, reader.read(), variant == QLatin1StringView("original"));
        }
    }
}

ImageViewer* FileActions::view(const QList<ShownFile>& images, int current, QWidget* parent)
{
    if (m_viewer)
        m_viewer->close();
    auto* viewer = new ImageViewer(parent);
    m_viewer = viewer;
    QList<ViewerImage> list;
    for (const ShownFile& f : images)
        list.append({f.id, f.name, f.type, f.size, f.pixels});
    connect(viewer, &ImageViewer::wanted, this, &FileActions::feedViewer);
    connect(viewer, &ImageViewer::saveAsRequested, this, [this, images, viewer](const QString& id) {
        for (const ShownFile& f : images) {
            if (f.id == id)
                saveAs(f, viewer);
        }
    });
    connect(viewer, &ImageViewer::openRequested, this, [this, images, viewer](const QString& id) {
        for (const ShownFile& f : images) {
            if (f.id == id)
                open(f, viewer);
        }
    });
    viewer->setImages(list, current);
    viewer->show();
    return viewer;
}

void FileActions::open(const ShownFile& file, QWidget* parent)
{
    if (isProgram(file) && !(m_confirmProgram && m_confirmProgram(file, parent)))
        return;
    if (file.id.isEmpty()) {
        QDesktopServices::openUrl(QUrl::fromLocalFile(file.localPath));
        return;
    }
    if (!m_backend.prepareOpen)
        return;
    const QString path = m_backend.prepareOpen(file.id, file.name);
    if (!path.isEmpty())
        m_opening.insert(path);
}

void FileActions::saveAs(const ShownFile& file, QWidget* parent)
{
    QSettings settings;
    const QString folder
        = settings
              .value(QLatin1StringView(saveFolderKey),
                     QStandardPaths::writableLocation(QStandardPaths::DownloadLocation))
              .toString();
    const QString dest
        = QFileDialog::getSaveFileName(parent, tr("Save as"), QDir(folder).filePath(file.name));
    if (dest.isEmpty() || !m_backend.saveAs)
        return;
    settings.setValue(QLatin1StringView(saveFolderKey), QFileInfo(dest).absolutePath());
    m_backend.saveAs(file.id, dest);
}

void FileActions::showMenu(const QList<ShownFile>& files, int index, const QPoint& globalPos,
                           QWidget* parent)
{
    if (index < 0 || index >= files.size())
        return;
    const ShownFile file = files.at(index);
    QMenu menu(parent);
    if (file.isImage() && !file.id.isEmpty()) {
        menu.addAction(tr("View"), this, [this, files, index, parent]() {
            activate(files, index, AttachmentBlock::Action::View, parent);
        });
    }
    menu.addAction(tr("Open"), this, [this, file, parent]() { open(file, parent); });
    if (!file.id.isEmpty())
        menu.addAction(tr("Save as…"), this, [this, file, parent]() { saveAs(file, parent); });
    menu.exec(globalPos);
}

} // namespace plein::app
