#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace plein::client {
class Client;
class ProfileModel;
} // namespace plein::client

namespace plein::app {

class FlowLayout;
class Navigator;

// One person (`plein:/person/<id>`): avatar, name, job title, department and location; "Send
// a message" (their direct conversation) and, for themselves and administrators, "Edit
// profile"; about, phone, expertise and interests as chips that open the directory filtered
// on them; their recent posts in the cache and their groups (one's own; for others, the groups
// they were seen posting in). It shows what the cache has at once, offline too, and what the
// server says once it answers.
class ProfilePage : public QWidget
{
    Q_OBJECT

public:
    ProfilePage(client::Client& client, Navigator& navigator, qint64 personId,
                QWidget* parent = nullptr);

    qint64 personId() const { return m_id; }
    client::ProfileModel* model() const { return m_model; }
    QLabel* nameLabel() const { return m_name; }
    QLabel* jobTitleLabel() const { return m_jobTitle; }
    QLabel* placeLabel() const { return m_place; }
    QLabel* aboutLabel() const { return m_about; }
    QLabel* phoneLabel() const { return m_phone; }
    QLabel* noticeLabel() const { return m_notice; }
    // Shown with a refused change of the profile.
    QPushButton* retryButton() const { return m_retry; }
    QPushButton* discardButton() const { return m_discard; }
    QPushButton* messageButton() const { return m_message; }
    QPushButton* editButton() const { return m_edit; }
    // Follow / Following: the person's posts in Home (not for oneself).
    QPushButton* followButton() const { return m_follow; }
    // The chip buttons of the person's tags, expertise first.
    QList<QPushButton*> tagButtons() const;

    // Whether the user may change this profile (their own, or as an administrator).
    bool mayEdit() const;

Q_SIGNALS:
    // A chip was clicked: the directory, filtered on `key` of `kind` ("expertise",
    // "interest", "department").
    void tagClicked(const QString& kind, const QString& key);
    void editRequested(qint64 personId);
    // The person's name became known or changed (the page's title).
    void titleChanged(const QString& title);

private:
    void update();
    QWidget* section(const QString& title, QWidget* content);

    client::Client& m_client;
    Navigator& m_navigator;
    qint64 m_id = 0;
    client::ProfileModel* m_model = nullptr;
    QLabel* m_avatar = nullptr;
    QLabel* m_name = nullptr;
    QLabel* m_jobTitle = nullptr;
    QLabel* m_place = nullptr;
    QLabel* m_notice = nullptr;
    QPushButton* m_retry = nullptr;
    QPushButton* m_discard = nullptr;
    QPushButton* m_message = nullptr;
    QPushButton* m_edit = nullptr;
    QPushButton* m_follow = nullptr;
    QLabel* m_about = nullptr;
    QLabel* m_phone = nullptr;
    QWidget* m_aboutSection = nullptr;
    QWidget* m_contactSection = nullptr;
    QWidget* m_expertiseSection = nullptr;
    QWidget* m_interestsSection = nullptr;
    QWidget* m_postsSection = nullptr;
    QWidget* m_groupsSection = nullptr;
    FlowLayout* m_expertise = nullptr;
    FlowLayout* m_interests = nullptr;
    FlowLayout* m_groups = nullptr;
    QVBoxLayout* m_posts = nullptr;
};

} // namespace plein::app
