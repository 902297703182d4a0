#pragma once

#include "people/personrow.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

namespace plein::client {
class Profiles;
}

namespace plein::app {

// Changes a profile: name, job title, department, location, phone, about, and expertise and
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
    QDialogButtonBox* m_buttons = nullptr;
    QString m_clientId;
};

} // namespace plein::app
