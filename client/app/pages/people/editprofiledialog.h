#pragma once

#include "people/personrow.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace plein::client {
class Profiles;
}

namespace plein::app {

// Changes a profile: the photo (an image chosen on this computer, uploaded with the change;
// or removed), name, job title, department, location, phone, about, and expertise and
// interests as comma-separated tags. What is typed is checked as the server checks it before
// the change goes into the outbox (in the profile's lane), and only the fields that changed
// are sent; it is sent when the server is reachable.
class EditProfileDialog : public QDialog
{
    Q_OBJECT

public:
    EditProfileDialog(client::Profiles& profiles, const client::PersonRow& person,
                      QWidget* parent = nullptr);

    QLineEdit* nameEdit() const { return m_name; }
    QLineEdit* jobTitleEdit() const { return m_jobTitle; }
    QLineEdit* departmentEdit() const { return m_department; }
    QLineEdit* locationEdit() const { return m_location; }
    QLineEdit* phoneEdit() const { return m_phone; }
    QPlainTextEdit* aboutEdit() const { return m_about; }
    QLineEdit* expertiseEdit() const { return m_expertise; }
    QLineEdit* interestsEdit() const { return m_interests; }
    QLabel* messageLabel() const { return m_message; }
    QLabel* photoPreview() const { return m_photo; }
    QPushButton* choosePhotoButton() const { return m_choosePhoto; }
    QPushButton* removePhotoButton() const { return m_removePhoto; }
    // The image to become the photo (what Choose… does, without its file dialog); false with
    // the reason shown when it cannot be one.
    bool setPhotoFile(const QString& path);
    // Takes the photo off (what Remove does).
    void removePhoto();
    // Why `path` cannot be a profile photo (not readable, not a PNG, JPEG, GIF or WebP image,
    // too large), or an empty string.
    static QString photoProblem(const QString& path);
    // The outbox write of the change ("" when nothing changed or it was not stored).
    QString clientId() const { return m_clientId; }

    // "dijkbeheer, GIS" as tags.
    static QStringList splitTags(const QString& text);

public Q_SLOTS:
    void accept() override;

private:
    // What is wrong with what is typed, or an empty string.
    QString problem() const;
    void validate();
    void choosePhoto();
    void showPhoto();

    client::Profiles& m_profiles;
    client::PersonRow m_person;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_jobTitle = nullptr;
    QLineEdit* m_department = nullptr;
    QLineEdit* m_location = nullptr;
    QLineEdit* m_phone = nullptr;
    QPlainTextEdit* m_about = nullptr;
    QLineEdit* m_expertise = nullptr;
    QLineEdit* m_interests = nullptr;
    QLabel* m_message = nullptr;
    QLabel* m_photo = nullptr;
    QPushButton* m_choosePhoto = nullptr;
    QPushButton* m_removePhoto = nullptr;
    QString m_photoPath; // a new photo chosen, to upload
    bool m_photoRemoved = false;
    QString m_photoProblem;
    QDialogButtonBox* m_buttons = nullptr;
    QString m_clientId;
};

} // namespace plein::app
