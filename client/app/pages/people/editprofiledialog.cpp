#include "pages/people/editprofiledialog.h"

#include "capabilities/people/peopleprotocol.h"
#include "capabilities/people/profilefields.h"
#include "files/uploads.h"
#include "people/profiles.h"
#include "ui/avatar.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QImageReader>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace plein::app {

namespace people = protocol::people;

namespace {
constexpr int photoSide = 72;
constexpr qint64 maxPhotoPixels = 50'000'000;
} // namespace

EditProfileDialog::EditProfileDialog(client::Profiles& profiles, const client::PersonRow& person,
                                     QWidget* parent)
    : QDialog(parent)
    , m_profiles(profiles)
    , m_person(person)
    , m_name(new QLineEdit(person.displayName, this))
    , m_jobTitle(new QLineEdit(person.jobTitle, this))
    , m_department(new QLineEdit(person.department, this))
    , m_location(new QLineEdit(person.location, this))
    , m_phone(new QLineEdit(person.phone, this))
    , m_about(new QPlainTextEdit(person.about, this))
    , m_expertise(new QLineEdit(person.expertise.join(QStringLiteral(", ")), this))
    , m_interests(new QLineEdit(person.interests.join(QStringLiteral(", ")), this))
    , m_message(new QLabel(this))
    , m_photo(new QLabel(this))
    , m_choosePhoto(new QPushButton(tr("Choose…"), this))
    , m_removePhoto(new QPushButton(tr("Remove"), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Edit profile"));
    setMinimumWidth(460);
    for (QLineEdit* e : {m_name, m_jobTitle, m_department, m_location})
        e->setMaxLength(people::maxNameChars);
    m_phone->setMaxLength(people::maxPhoneChars);
    m_phone->setPlaceholderText(tr("+31 118 620 101"));
    m_jobTitle->setPlaceholderText(tr("What you do"));
    m_location->setPlaceholderText(tr("Where you usually work"));
    m_about->setPlaceholderText(tr("A few words about yourself and your work"));
    m_about->setTabChangesFocus(true);
    m_about->setMaximumHeight(110);
    m_expertise->setPlaceholderText(tr("Separated by commas, e.g. dijkbeheer, GIS"));
    m_interests->setPlaceholderText(tr("Separated by commas, e.g. hardlopen, fotografie"));
    m_message->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    m_message->hide();

    m_photo->setObjectName(QStringLiteral("profilePhotoPreview"));
    m_photo->setFixedSize(photoSide, photoSide);
    m_choosePhoto->setObjectName(QStringLiteral("choosePhotoButton"));
    m_choosePhoto->setToolTip(tr("A PNG, JPEG, GIF or WebP image; a square one shows best"));
    m_removePhoto->setObjectName(QStringLiteral("removePhotoButton"));
    auto* photoRow = new QHBoxLayout;
    photoRow->addWidget(m_photo);
    photoRow->addWidget(m_choosePhoto);
    photoRow->addWidget(m_removePhoto);
    photoRow->addStretch(1);
    connect(m_choosePhoto, &QPushButton::clicked, this, &EditProfileDialog::choosePhoto);
    connect(m_removePhoto, &QPushButton::clicked, this, &EditProfileDialog::removePhoto);
    // The current photo once it has come.
    connect(&avatar::Photos::instance(), &avatar::Photos::changed, this, [this]() {
        if (m_photoPath.isEmpty())
            showPhoto();
    });
    showPhoto();

    auto* form = new QFormLayout;
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    form->addRow(tr("Photo:"), photoRow);
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Job title:"), m_jobTitle);
    form->addRow(tr("Department:"), m_department);
    form->addRow(tr("Location:"), m_location);
    form->addRow(tr("Phone:"), m_phone);
    form->addRow(tr("About:"), m_about);
    form->addRow(tr("Expertise:"), m_expertise);
    form->addRow(tr("Interests:"), m_interests);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &EditProfileDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit* e :
         {m_name, m_jobTitle, m_department, m_location, m_phone, m_expertise, m_interests})
        connect(e, &QLineEdit::textChanged, this, &EditProfileDialog::validate);
    connect(m_about, &QPlainTextEdit::textChanged, this, &EditProfileDialog::validate);
    validate();
}

QStringList EditProfileDialog::splitTags(const QString& text)
{
    QStringList out;
    for (const QString& part : text.split(u',')) {
        const QString tag = part.simplified();
        if (!tag.isEmpty())
            out << tag;
    }
    return out;
}

QString EditProfileDialog::photoProblem(const QString& path)
{
    const QFileInfo info(path);
    if (!info.isFile() || !info.isReadable())
        return tr("%1 cannot be read.").arg(info.fileName());
    if (info.size() > client::Uploads::defaultMaxFileBytes)
        return tr("%1 is too large for a photo: at most %2.")
            .arg(info.fileName(),
                 QLocale().formattedDataSize(client::Uploads::defaultMaxFileBytes));
    // By its content, as the server checks it.
    QImageReader reader(path);
    reader.setDecideFormatFromContent(true);
    const QByteArray format = reader.format();
    if (!QList<QByteArray> {"png", "jpeg", "jpg", "gif", "webp"}.contains(format.toLower()))
        return tr("%1 is not a PNG, JPEG, GIF or WebP image.").arg(info.fileName());
    // The server makes no thumbnails of more (its thumbnail_max_pixels): the photo would
    // never show.
    const QSize pixels = reader.size();
    if (pixels.isValid() && qint64(pixels.width()) * pixels.height() > maxPhotoPixels)
        return tr("%1 has too many pixels for a photo (%2 × %3): at most 50 million.")
            .arg(info.fileName())
            .arg(pixels.width())
            .arg(pixels.height());
    return QString();
}

bool EditProfileDialog::setPhotoFile(const QString& path)
{
    m_photoProblem = photoProblem(path);
    if (m_photoProblem.isEmpty()) {
        m_photoPath = QFileInfo(path).absoluteFilePath();
        m_photoRemoved = false;
    }
    showPhoto();
    validate();
    return m_photoProblem.isEmpty();
}

void EditProfileDialog::removePhoto()
{
    m_photoPath.clear();
    m_photoProblem.clear();
    m_photoRemoved = true;
    showPhoto();
    validate();
}

void EditProfileDialog::choosePhoto()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Choose a photo"), folder,
        tr("Images (*.png *.jpg *.jpeg *.gif *.webp);;All files (*)"));
    if (!path.isEmpty())
        setPhotoFile(path);
}

void EditProfileDialog::showPhoto()
{
    const qreal ratio = devicePixelRatioF();
    QPixmap pm(QSize(photoSide, photoSide) * ratio);
    pm.setDevicePixelRatio(ratio);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    const QRect circle(0, 0, photoSide, photoSide);
    const QString name = m_name->text().trimmed().isEmpty() ? m_person.username : m_name->text();
    if (!m_photoPath.isEmpty()) {
        // The chosen image as it will show: a centred square in the circle.
        QImageReader reader(m_photoPath);
        reader.setAutoTransform(true);
        const QSize natural = reader.size();
        const int target = int(photoSide * ratio);
        if (natural.isValid() && natural.width() > 0 && natural.height() > 0)
            reader.setScaledSize(natural.scaled(target, target, Qt::KeepAspectRatioByExpanding));
        const QImage image = reader.read();
        if (!image.isNull())
            avatar::paintPicture(p, circle, QPixmap::fromImage(image));
    } else if (m_photoRemoved) {
        avatar::paintInitials(p, circle, name, m_person.username);
    } else {
        avatar::paint(p, circle, name, m_person.username);
    }
    p.end();
    m_photo->setPixmap(pm);
    m_removePhoto->setEnabled(!m_photoPath.isEmpty()
                              || (!m_person.photo.isEmpty() && !m_photoRemoved));
    m_photo->setToolTip(!m_photoPath.isEmpty() ? QFileInfo(m_photoPath).fileName()
                            : m_photoRemoved   ? tr("No photo: your initials show")
                                               : QString());
}

QString EditProfileDialog::problem() const
{
    if (!m_photoProblem.isEmpty())
        return m_photoProblem;
    if (m_name->text().trimmed().isEmpty())
        return tr("A name is needed.");
    if (!people::isValidPhone(m_phone->text().trimmed()))
        return tr("A phone number holds digits, spaces and + ( ) - . / only.");
    if (m_about->toPlainText().trimmed().size() > people::maxAboutChars)
        return tr("“About” can have at most %1 characters.").arg(people::maxAboutChars);
    // As the server refuses: direction overrides and other invisible characters.
    bool clean = people::isCleanText(m_about->toPlainText());
    for (const QLineEdit* e :
         {m_name, m_jobTitle, m_department, m_location, m_phone, m_expertise, m_interests})
        clean = clean && people::isCleanLine(e->text());
    if (!clean)
        return tr("Remove the invisible characters (such as text direction marks): they are "
                  "not allowed in a profile.");
    for (const QLineEdit* e : {m_expertise, m_interests}) {
        const QStringList tags = splitTags(e->text());
        if (tags.size() > people::maxTags)
            return tr("At most %1 tags each for expertise and interests.").arg(people::maxTags);
        for (const QString& tag : tags) {
            if (tag.size() > people::maxTagChars || tag.contains(u'#'))
                return tr("A tag has at most %1 characters and no “#”: “%2”.")
                    .arg(people::maxTagChars)
                    .arg(tag);
        }
    }
    return QString();
}

void EditProfileDialog::validate()
{
    const QString why = problem();
    m_message->setText(why);
    m_message->setVisible(!why.isEmpty());
    m_buttons->button(QDialogButtonBox::Save)->setEnabled(why.isEmpty());
}

void EditProfileDialog::accept()
{
    if (!problem().isEmpty())
        return;
    QJsonObject fields;
    const auto line = [&](const char* name, const QLineEdit* edit, const QString& was) {
        const QString now = edit->text().simplified();
        if (now != was)
            fields.insert(QLatin1StringView(name), now);
    };
    line("displayName", m_name, m_person.displayName);
    line("jobTitle", m_jobTitle, m_person.jobTitle);
    line("department", m_department, m_person.department);
    line("location", m_location, m_person.location);
    line("phone", m_phone, m_person.phone);
    const QString about = m_about->toPlainText().trimmed();
    if (about != m_person.about)
        fields.insert(QStringLiteral("about"), about);
    const auto tags = [&](const char* name, const QLineEdit* edit, const QStringList& was) {
        const QStringList now = splitTags(edit->text());
        if (now != was)
            fields.insert(QLatin1StringView(name), QJsonArray::fromStringList(now));
    };
    tags("expertise", m_expertise, m_person.expertise);
    tags("interests", m_interests, m_person.interests);
    if (m_photoRemoved && !m_person.photo.isEmpty())
        fields.insert(client::Profiles::photoField, QString());
    if (!fields.isEmpty() || !m_photoPath.isEmpty()) {
        QString why;
        m_clientId = m_profiles.updateProfile(m_person.id, fields, m_photoPath, &why);
        if (m_clientId.isEmpty()) {
            m_message->setText(tr("The change could not be stored on this computer (%1). Try "
                                  "again.")
                                   .arg(why));
            m_message->show();
            return;
        }
    }
    QDialog::accept();
}

} // namespace plein::app
