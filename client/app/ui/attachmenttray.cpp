#include "ui/attachmenttray.h"

#include "files/uploads.h"
#include "pages/feed/cardstyle.h"
#include "pages/people/flowlayout.h"
#include "ui/attachmentchip.h"
#include "ui/filechip.h"
#include "ui/icons.h"

#include <QDateTime>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QImage>
#include <QImageReader>
#include <QLabel>
#include <QMimeData>
#include <QMimeDatabase>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

namespace plein::app {

namespace {

constexpr auto lastFolderKey = "files/lastFolder";
constexpr int messageMs = 8000;

QStringList localFiles(const QMimeData* data)
{
    QStringList paths;
    if (!data || !data->hasUrls())
        return paths;
    for (const QUrl& url : data->urls()) {
        if (url.isLocalFile())
            paths.append(url.toLocalFile());
    }
    return paths;
}

// The chip's picture, read at the size it is shown (twice that, for 200% screens) so a photo
// of 40 megapixels is never decoded whole.
QPixmap thumbnailOf(const QString& path)
{
    QImageReader reader(path);
    reader.setAutoTransform(true);
    const QSize size = reader.size();
    if (!reader.canRead() || !size.isValid() || size.isEmpty())
        return QPixmap();
    const int side = 2 * filechip::thumbnailSize;
    if (size.width() > side || size.height() > side)
        reader.setScaledSize(size.scaled(side, side, Qt::KeepAspectRatioByExpanding));
    const QImage image = reader.read();
    return image.isNull() ? QPixmap() : QPixmap::fromImage(image);
}

} // namespace

AttachmentTray::AttachmentTray(QWidget* parent)
    : QWidget(parent)
    , m_chipBox(new QWidget(this))
    , m_message(new QLabel(this))
    , m_attach(new QToolButton(this))
    , m_messageTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("attachmentTray"));
    m_chips = new FlowLayout(m_chipBox, 6);
    m_chips->setContentsMargins(0, 0, 0, 0);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setObjectName(QStringLiteral("attachmentMessage"));
    m_message->hide();
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 2);
    layout->setSpacing(4);
    layout->addWidget(m_chipBox);
    layout->addWidget(m_message);
    m_chipBox->hide();
    hide();

    m_attach->setObjectName(QStringLiteral("attachButton"));
    m_attach->setIcon(icons::icon(icons::Icon::Attach));
    m_attach->setIconSize(QSize(20, 20));
    m_attach->setAutoRaise(true);
    // Tab leaves a composer for what follows it (as Send, disabled while empty, lets it).
    m_attach->setFocusPolicy(Qt::NoFocus);
    m_attach->setToolTip(tr("Attach files (Ctrl+U)"));
    m_attach->setAccessibleName(tr("Attach files"));
    connect(m_attach, &QToolButton::clicked, this, &AttachmentTray::openPicker);

    m_messageTimer->setSingleShot(true);
    m_messageTimer->setInterval(messageMs);
    connect(m_messageTimer, &QTimer::timeout, this, [this]() { refuse({}); });
}

QStringList AttachmentTray::paths() const
{
    QStringList result;
    for (const LocalAttachment& a : m_attachments)
        result.append(a.path);
    return result;
}

QString AttachmentTray::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

QWidget* AttachmentTray::chip(int index) const
{
    QLayoutItem* item = m_chips->itemAt(index);
    return item ? item->widget() : nullptr;
}

bool AttachmentTray::addFiles(const QStringList& paths)
{
    QStringList reasons;
    bool tooMany = false;
    const QMimeDatabase db;
    for (const QString& path : paths) {
        const QFileInfo info(path);
        const QString name = info.fileName();
        if (std::any_of(
                m_attachments.cbegin(), m_attachments.cend(),
                [&](const LocalAttachment& a) { return a.path == info.absoluteFilePath(); }))
            continue;
        if (info.isDir()) {
            reasons.append(tr("“%1” is a folder: attach the files in it instead.").arg(name));
            continue;
        }
        if (!info.isFile() || !info.isReadable()) {
            reasons.append(tr("“%1” cannot be read.").arg(name));
            continue;
        }
        if (info.size() == 0) {
            reasons.append(tr("“%1” is empty.").arg(name));
            continue;
        }
        if (info.size() > maxFileBytes) {
            reasons.append(tr("“%1” is too large (%2): files may be at most %3.")
                               .arg(name, filechip::sizeText(info.size()),
                                    QLocale().formattedDataSize(
                                        maxFileBytes, 0, QLocale::DataSizeTraditionalFormat)));
            continue;
        }
        if (m_attachments.size() >= maxFiles) {
            tooMany = true;
            continue;
        }
        LocalAttachment a;
        a.path = info.absoluteFilePath();
        a.name = name;
        a.mimeType = db.mimeTypeForFile(info).name();
        a.size = info.size();
        if (filechip::isImage(a.mimeType))
            a.thumbnail = thumbnailOf(a.path);
        m_attachments.append(a);
    }
    if (tooMany)
        reasons.append(tr("At most %n files can go with one post or message.", nullptr, maxFiles));
    rebuild();
    refuse(reasons);
    return reasons.isEmpty();
}

bool AttachmentTray::addImage(const QImage& image)
{
    if (image.isNull())
        return false;
    if (m_attachments.size() >= maxFiles) {
        refuse({tr("At most %n files can go with one post or message.", nullptr, maxFiles)});
        return false;
    }
    const QString folder = pasteFolder();
    if (!QDir().mkpath(folder)) {
        refuse({tr("The pasted image could not be saved.")});
        return false;
    }
    // A name that says what it is and sorts by time, unique within the folder.
    const QString stamp
        = QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd HH.mm.ss"));
    const QString base = tr("Pasted image %1").arg(stamp);
    QString path = QDir(folder).filePath(base + QStringLiteral(".png"));
    for (int n = 2; QFileInfo::exists(path); ++n)
        path = QDir(folder).filePath(QStringLiteral("%1 (%2).png").arg(base).arg(n));
    if (!image.save(path, "PNG")) {
        refuse({tr("The pasted image could not be saved.")});
        return false;
    }
    return addFiles({path});
}

bool AttachmentTray::canTake(const QMimeData* source)
{
    return source && (source->hasImage() || !localFiles(source).isEmpty());
}

bool AttachmentTray::take(const QMimeData* source)
{
    // Copied files come as their URLs (and some file managers add an icon as an image): the
    // files win over the picture.
    const QStringList files = localFiles(source);
    if (!files.isEmpty())
        return addFiles(files);
    if (source && source->hasImage())
        return addImage(qvariant_cast<QImage>(source->imageData()));
    return false;
}

void AttachmentTray::remove(int index)
{
    if (index < 0 || index >= m_attachments.size())
        return;
    // A pasted image taken off again is no one's: its PNG goes now.
    const QString path = m_attachments.at(index).path;
    if (QFileInfo(path).absolutePath() == QDir::cleanPath(pasteFolder()))
        QFile::remove(path);
    m_attachments.removeAt(index);
    rebuild();
    refuse({});
}

void AttachmentTray::clear()
{
    m_attachments.clear();
    rebuild();
    refuse({});
}

void AttachmentTray::openPicker()
{
    QSettings settings;
    const QString start
        = settings
              .value(QLatin1StringView(lastFolderKey),
                     QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
              .toString();
    const QStringList files = QFileDialog::getOpenFileNames(window(), tr("Attach files"), start);
    if (files.isEmpty())
        return;
    settings.setValue(QLatin1StringView(lastFolderKey), QFileInfo(files.first()).absolutePath());
    addFiles(files);
}

void AttachmentTray::acceptDropsOn(QWidget* target)
{
    target->setAcceptDrops(true);
    target->installEventFilter(this);
}

QString AttachmentTray::pasteFolder() const
{
    // Where the uploads look for the files to remove once sent (client::Uploads).
    if (!m_pasteFolder.isEmpty())
        return m_pasteFolder;
    return client::Uploads::defaultPastedFolder();
}

void AttachmentTray::setPasteFolder(const QString& folder)
{
    m_pasteFolder = folder;
}

bool AttachmentTray::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::DragEnter:
    case QEvent::DragMove: {
        auto* drag = static_cast<QDropEvent*>(event);
        if (!canTake(drag->mimeData()))
            break;
        drag->setDropAction(Qt::CopyAction);
        drag->accept();
        return true;
    }
    case QEvent::Drop: {
        auto* drop = static_cast<QDropEvent*>(event);
        if (!canTake(drop->mimeData()))
            break;
        drop->setDropAction(Qt::CopyAction);
        drop->accept();
        take(drop->mimeData());
        return true;
    }
    default:
        break;
    }
    return QWidget::eventFilter(watched, event);
}

void AttachmentTray::refuse(const QStringList& reasons)
{
    if (reasons.isEmpty()) {
        m_message->clear();
        m_message->hide();
        m_messageTimer->stop();
    } else {
        QPalette p = m_message->palette();
        p.setColor(QPalette::WindowText, cardstyle::colours(palette(), false, false, false).danger);
        m_message->setPalette(p);
        m_message->setText(reasons.join(u'\n'));
        m_message->show();
        m_messageTimer->start();
    }
    setVisible(!m_attachments.isEmpty() || !m_message->isHidden());
}

void AttachmentTray::rebuild()
{
    m_chips->clear();
    for (int i = 0; i < m_attachments.size(); ++i) {
        auto* chip = new AttachmentChip(m_attachments.at(i), m_chipBox);
        connect(
            chip, &AttachmentChip::removeClicked, this,
            [this, chip]() {
                const int index = m_chips->indexOf(chip);
                remove(index);
            },
            Qt::QueuedConnection); // the chip goes, and must not while its button is clicked
        m_chips->addWidget(chip);
    }
    m_chipBox->setVisible(!m_attachments.isEmpty());
    setVisible(!m_attachments.isEmpty() || !m_message->isHidden());
    Q_EMIT changed();
}

} // namespace plein::app
