#include "pages/people/profilepage.h"

#include "cache.h"
#include "client.h"
#include "connection.h"
#include "errortext.h"
#include "feed.h"
#include "followstore.h"
#include "groups/groupstore.h"
#include "outbox/outbox.h"
#include "pages/people/flowlayout.h"
#include "people/profilemodel.h"
#include "people/profiles.h"
#include "shell/navigator.h"
#include "ui/avatar.h"
#include "ui/icons.h"
#include "ui/plainlabel.h"
#include "ui/relativetime.h"
#include "ui/tooltip.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace plein::app {

using L = QLatin1StringView;

namespace {

constexpr int avatarSize = 84;
constexpr int recentPosts = 5;

QPixmap avatarPixmap(const QString& name, const QString& key, qreal dpr)
{
    QPixmap pixmap(QSize(avatarSize, avatarSize) * dpr);
    pixmap.setDevicePixelRatio(dpr);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    QFont font = painter.font();
    font.setPointSizeF(font.pointSizeF() * 1.9);
    painter.setFont(font);
    avatar::paint(painter, QRect(0, 0, avatarSize, avatarSize), name, key);
    return pixmap;
}

// A tag as a rounded button, its text as written ('&' no shortcut mark).
QPushButton* chip(const QString& text, QWidget* parent)
{
    auto* button = new QPushButton(plainButtonText(text), parent);
    button->setObjectName(QStringLiteral("tagChip"));
    button->setCursor(Qt::PointingHandCursor);
    const QPalette p = parent->palette();
    const QColor fill = p.color(QPalette::Base);
    const QColor border = p.color(QPalette::Mid);
    button->setStyleSheet(
        QStringLiteral("QPushButton#tagChip { border: 1px solid %1; "
                       "border-radius: 10px; padding: 3px 12px; background: %2; "
                       "} QPushButton#tagChip:hover { border-color: %3; }")
            .arg(border.name(), fill.name(), p.color(QPalette::Highlight).name()));
    return button;
}

} // namespace

ProfilePage::ProfilePage(client::Client& client, Navigator& navigator, qint64 personId,
                         QWidget* parent)
    : QWidget(parent)
    , m_client(client)
    , m_navigator(navigator)
    , m_id(personId)
    , m_model(new client::ProfileModel(client.cache(), client.profiles(), this))
{
    setObjectName(QStringLiteral("profilePage"));
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* content = new QWidget(scroll);
    content->setObjectName(QStringLiteral("profileContent"));
    scroll->setWidget(content);
    scroll->viewport()->setAutoFillBackground(false);
    content->setAutoFillBackground(false);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);

    m_avatar = new QLabel(content);
    m_avatar->setFixedSize(avatarSize, avatarSize);
    m_name = plainLabel(content);
    m_name->setObjectName(QStringLiteral("pageTitle"));
    QFont nameFont = m_name->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.5);
    nameFont.setBold(true);
    m_name->setFont(nameFont);
    m_jobTitle = plainLabel(content);
    QFont titleFont = m_jobTitle->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.1);
    m_jobTitle->setFont(titleFont);
    m_place = plainLabel(content);
    m_place->setForegroundRole(QPalette::PlaceholderText);
    m_notice = plainLabel(content);
    m_notice->setForegroundRole(QPalette::PlaceholderText);
    m_retry = new QPushButton(tr("Retry"), content);
    m_discard = new QPushButton(tr("Discard"), content);
    m_discard->setToolTip(plainToolTip(tr("Drop the change that was not saved")));
    auto* noticeRow = new QHBoxLayout;
    noticeRow->addWidget(m_notice, 1);
    noticeRow->addWidget(m_retry);
    noticeRow->addWidget(m_discard);
    m_message = new QPushButton(icons::icon(icons::Icon::Send), tr("Send a message"), content);
    m_message->setDefault(true);
    m_edit = new QPushButton(icons::icon(icons::Icon::Edit), tr("Edit profile"), content);
    m_follow = new QPushButton(content);
    m_follow->setObjectName(QStringLiteral("followPersonButton"));
    m_follow->setCheckable(true);

    auto* names = new QVBoxLayout;
    names->setSpacing(2);
    names->addWidget(m_name);
    names->addWidget(m_jobTitle);
    names->addWidget(m_place);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_message);
    buttons->addWidget(m_follow);
    buttons->addWidget(m_edit);
    buttons->addStretch(1);
    names->addSpacing(8);
    names->addLayout(buttons);
    auto* header = new QHBoxLayout;
    header->setSpacing(18);
    header->addWidget(m_avatar, 0, Qt::AlignTop);
    header->addLayout(names, 1);

    m_about = plainLabel(content);
    m_about->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_phone = plainLabel(content);
    m_phone->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* expertise = new QWidget(content);
    m_expertise = new FlowLayout(expertise);
    auto* interests = new QWidget(content);
    m_interests = new FlowLayout(interests);
    auto* groups = new QWidget(content);
    m_groups = new FlowLayout(groups);
    auto* posts = new QWidget(content);
    m_posts = new QVBoxLayout(posts);
    m_posts->setContentsMargins(0, 0, 0, 0);
    m_posts->setSpacing(2);

    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->setSpacing(14);
    layout->addLayout(header);
    layout->addLayout(noticeRow);
    layout->addWidget(m_aboutSection = section(tr("About"), m_about));
    layout->addWidget(m_contactSection = section(tr("Phone"), m_phone));
    layout->addWidget(m_expertiseSection = section(tr("Expertise"), expertise));
    layout->addWidget(m_interestsSection = section(tr("Interests"), interests));
    layout->addWidget(m_postsSection = section(tr("Recent posts"), posts));
    layout->addWidget(m_groupsSection = section(tr("Groups"), groups));
    layout->addStretch(1);

    connect(m_message, &QPushButton::clicked, this,
            [this]() { m_navigator.open(Navigator::link(QStringLiteral("chat-with"), m_id)); });
    connect(m_edit, &QPushButton::clicked, this, [this]() { Q_EMIT editRequested(m_id); });
    connect(m_follow, &QPushButton::clicked, this, [this](bool on) {
        m_client.feed().follow(QStringLiteral("person"), QString::number(m_id), on);
        update();
    });
    connect(&client.cache(), &client::Cache::changed, this,
            [this](const client::CacheChanges& changes) {
                if (changes.touches(client::FollowStore::area))
                    update();
            });
    connect(m_retry, &QPushButton::clicked, this, [this]() {
        m_client.outbox().retry(m_client.profiles().pendingUpdate(m_id));
        update();
    });
    connect(m_discard, &QPushButton::clicked, this, [this]() {
        m_client.outbox().discard(m_client.profiles().pendingUpdate(m_id));
        update();
    });
    connect(m_model, &client::ProfileModel::changed, this, &ProfilePage::update);
    // The avatar is a pixmap: made again once the photo came (the rest stays as it is).
    connect(&avatar::Photos::instance(), &avatar::Photos::changed, this, [this]() {
        if (const auto& person = m_model->person()) {
            const QString name
                = person->displayName.isEmpty() ? person->username : person->displayName;
            m_avatar->setPixmap(avatarPixmap(name, person->username, devicePixelRatioF()));
        }
    });
    connect(&client.outbox(), &client::Outbox::countChanged, this, &ProfilePage::update);
    connect(&client.connection(), &client::Connection::stateChanged, this, &ProfilePage::update);
    m_model->setRecentPostLimit(recentPosts);
    m_model->setAdminView(client.connection().user().value(L("role")).toString() == L("admin"));
    m_model->setPersonId(personId);
    update();
}

QWidget* ProfilePage::section(const QString& title, QWidget* body)
{
    auto* box = new QWidget(body->parentWidget());
    auto* heading = new QLabel(title, box);
    heading->setObjectName(QStringLiteral("sectionHeading"));
    QFont bold = heading->font();
    bold.setBold(true);
    heading->setFont(bold);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(heading);
    layout->addWidget(body);
    return box;
}

bool ProfilePage::mayEdit() const
{
    const QJsonObject me = m_client.connection().user();
    return m_id == m_client.connection().userId() || me.value(L("role")).toString() == L("admin");
}

QList<QPushButton*> ProfilePage::tagButtons() const
{
    QList<QPushButton*> out;
    for (FlowLayout* flow : {m_expertise, m_interests}) {
        for (int i = 0; i < flow->count(); ++i) {
            if (auto* b = qobject_cast<QPushButton*>(flow->itemAt(i)->widget()))
                out << b;
        }
    }
    return out;
}

void ProfilePage::update()
{
    const auto& person = m_model->person();
    const bool me = m_id == m_client.connection().userId();
    m_message->setVisible(person && !me && person->active);
    m_edit->setVisible(person && mayEdit());
    const bool following
        = m_client.feed().isFollowing(QStringLiteral("person"), QString::number(m_id));
    // One may stop following someone deactivated, never start.
    m_follow->setVisible(person && !me && (person->active || following));
    m_follow->setChecked(following);
    m_follow->setText(following ? tr("Following") : tr("Follow"));
    m_follow->setToolTip(plainToolTip(following ? tr("Stop showing their posts in Home")
                                                : tr("Show their posts in Home")));
    m_retry->hide();
    m_discard->hide();
    if (!person) {
        m_avatar->setPixmap(avatarPixmap(QString(), QString(), devicePixelRatioF()));
        m_name->setText(m_model->isMissing() ? tr("Person not found") : tr("Loading…"));
        m_jobTitle->clear();
        m_place->clear();
        const bool offline = m_client.connection().state() != client::Connection::State::Online;
        const QString notice = m_model->isMissing()
            ? tr("This person does not exist or is no longer active.")
            : offline ? tr("Not known on this computer yet: the profile shows once Plein is "
                           "online.")
                      : QString();
        m_notice->setText(notice);
        m_notice->setVisible(!notice.isEmpty());
        for (QWidget* w : {m_aboutSection, m_contactSection, m_expertiseSection, m_interestsSection,
                           m_postsSection, m_groupsSection})
            w->hide();
        return;
    }
    const QString name = person->displayName.isEmpty() ? person->username : person->displayName;
    if (windowTitle() != name) {
        setWindowTitle(name); // the header's title
        Q_EMIT titleChanged(name);
    }
    m_avatar->setPixmap(avatarPixmap(name, person->username, devicePixelRatioF()));
    m_avatar->setToolTip(plainToolTip(QStringLiteral("@") + person->username));
    m_name->setText(name);
    m_jobTitle->setText(person->jobTitle);
    m_jobTitle->setVisible(!person->jobTitle.isEmpty());
    QStringList place;
    for (const QString& p : {person->department, person->location}) {
        if (!p.isEmpty())
            place << p;
    }
    place << QStringLiteral("@") + person->username;
    m_place->setText(place.join(QStringLiteral(" · ")));

    QString notice;
    const auto pending = m_client.profiles().pendingWrite(m_id);
    if (pending && pending->failed) {
        // Refused: it holds up nothing else, and waits for the user to retry or drop it.
        notice = tr("A change to this profile was not saved: %1")
                     .arg(errorText(pending->errorCode, pending->errorMessage));
        m_retry->show();
        m_discard->show();
    } else if (!person->active)
        notice = tr("This account is deactivated.");
    else if (pending)
        notice = tr("Changes to this profile are waiting to be sent.");
    m_notice->setText(notice);
    m_notice->setVisible(!notice.isEmpty());

    m_about->setText(person->about);
    m_aboutSection->setVisible(!person->about.isEmpty());
    m_phone->setText(person->phone);
    m_contactSection->setVisible(!person->phone.isEmpty());

    for (auto [flow, tags, kind, box] :
         {std::tuple {m_expertise, &person->expertise, QStringLiteral("expertise"),
                      m_expertiseSection},
          std::tuple {m_interests, &person->interests, QStringLiteral("interest"),
                      m_interestsSection}}) {
        flow->clear();
        for (const QString& tag : *tags) {
            QPushButton* b = chip(tag, flow->parentWidget());
            b->setToolTip(plainToolTip(tr("Everyone with “%1”").arg(tag)));
            connect(b, &QPushButton::clicked, this,
                    [this, kind, tag]() { Q_EMIT tagClicked(kind, tag); });
            flow->addWidget(b);
        }
        box->setVisible(!tags->isEmpty());
    }

    while (QLayoutItem* item = m_posts->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    QList<std::pair<qint64, QString>> seenIn;
    const QDateTime now = QDateTime::currentDateTime();
    for (const client::PostRow& post : m_model->recentPosts()) {
        const QString when = relativetime::shortText(
            QDateTime::fromString(post.createdAt, Qt::ISODate).toLocalTime(), now);
        const QString line = QStringLiteral("%1 — %2").arg(when, post.body.simplified());
        auto* b = new QPushButton(m_posts->parentWidget());
        // As wide as the page allows, never wider: the text is cut to fit.
        b->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
        b->setText(plainButtonText(b->fontMetrics().elidedText(line, Qt::ElideRight, 600)));
        b->setFlat(true);
        b->setCursor(Qt::PointingHandCursor);
        b->setStyleSheet(QStringLiteral("text-align: left; padding: 4px 2px;"));
        const qint64 postId = post.id;
        connect(b, &QPushButton::clicked, this, [this, postId]() {
            m_navigator.open(Navigator::link(QStringLiteral("post"), postId));
        });
        m_posts->addWidget(b);
        if (post.groupId > 0 && !post.groupName.isEmpty()
            && std::none_of(seenIn.cbegin(), seenIn.cend(),
                            [&](const auto& g) { return g.first == post.groupId; }))
            seenIn.append({post.groupId, post.groupName});
    }
    m_postsSection->setVisible(!m_model->recentPosts().isEmpty());

    // One's own groups are known; of others, where they were seen writing.
    m_groups->clear();
    if (me) {
        seenIn.clear();
        for (const client::GroupRow& g : client::GroupStore(m_client.cache()).myGroups())
            seenIn.append({g.id, g.name});
    }
    for (const auto& [groupId, groupName] : std::as_const(seenIn)) {
        QPushButton* b = chip(groupName, m_groups->parentWidget());
        const qint64 id = groupId;
        connect(b, &QPushButton::clicked, this,
                [this, id]() { m_navigator.open(Navigator::link(QStringLiteral("group"), id)); });
        m_groups->addWidget(b);
    }
    if (auto* heading = m_groupsSection->findChild<QLabel*>(QStringLiteral("sectionHeading")))
        heading->setText(me ? tr("Groups") : tr("Writes in"));
    m_groupsSection->setVisible(!seenIn.isEmpty());
}

} // namespace plein::app
