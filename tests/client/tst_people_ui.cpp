// The people pages of the app against the real server and its demo organisation: the
// directory filters as one types and by tags, a profile page shows the person's fields, its
// chips filter the directory, "Send a message" opens the direct conversation, and "Edit
// profile" changes the profile through the outbox.
#include "client.h"
#include "connection.h"
#include "files/filecache.h"
#include "outbox.h"
#include "pages/chat/conversationpage.h"
#include "pages/feed/feedcapability.h"
#include "pages/feed/feedview.h"
#include "pages/feed/postcard.h"
#include "pages/feed/postdelegate.h"
#include "pages/people/avatarphotos.h"
#include "pages/people/editprofiledialog.h"
#include "pages/people/peoplecapability.h"
#include "pages/people/peopledirectorypage.h"
#include "pages/people/profilepage.h"
#include "people/peopledirectorymodel.h"
#include "people/profilemodel.h"
#include "people/profiles.h"
#include "postlistmodel.h"
#include "shell/mainwindow.h"
#include "shell/navigator.h"
#include "shell/sidebarmodel.h"
#include "testclient.h"
#include "testserver.h"
#include "testwindow.h"
#include "ui/avatar.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

using namespace plein;
using client::PeopleDirectoryModel;

namespace {

// A user's window, online and caught up.
struct Session : test::AppSession
{
    app::PeopleDirectoryPage* openDirectory() const
    {
        window->navigator().open(QUrl(QStringLiteral("plein:/people")));
        return qobject_cast<app::PeopleDirectoryPage*>(window->currentPage());
    }
    app::ProfilePage* openPerson(qint64 id) const
    {
        window->navigator().open(app::Navigator::link(QStringLiteral("person"), id));
        return qobject_cast<app::ProfilePage*>(window->currentPage());
    }
};

QStringList usernames(const QAbstractItemModel& model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.index(row, 0).data(PeopleDirectoryModel::UsernameRole).toString();
    return out;
}

qint64 idOf(const QAbstractItemModel& model, const QString& username)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex i = model.index(row, 0);
        if (i.data(PeopleDirectoryModel::UsernameRole).toString() == username)
            return i.data(PeopleDirectoryModel::IdRole).toLongLong();
    }
    return 0;
}

} // namespace

class TestPeopleUi : public QObject
{
    Q_OBJECT

private:
    test::TestServer m_server;

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(m_server.start(), qPrintable(m_server.lastError()));
    }

    // The sidebar leads to the directory; typing and the filters narrow it; a click opens a
    // profile.
    void directoryFilters()
    {
        Session anna;
        QVERIFY(anna.start(m_server.url(), QStringLiteral("anna")));
        QVERIFY(
            anna.window->sidebarModel().indexFor(QUrl(QStringLiteral("plein:/people"))).isValid());
        auto* directory = anna.openDirectory();
        QVERIFY(directory);
        auto* model = directory->model();
        QAbstractItemModelTester tester(model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_COMPARE(model->rowCount(), 5);
        QVERIFY(!directory->statusLabel()->isVisible());

        QTest::keyClicks(directory->searchEdit(), QStringLiteral("smit"));
        QTRY_COMPARE(usernames(*model), QStringList {QStringLiteral("eva")});
        directory->searchEdit()->clear();
        directory->search();
        QCOMPARE(model->rowCount(), 5);

        // The filters list what the directory holds, with counts.
        QComboBox* interests = directory->filterBox(app::PeopleDirectoryPage::Filter::Interest);
        QTRY_VERIFY(interests->findData(QStringLiteral("fotografie")) > 0);
        QVERIFY(interests->itemText(interests->findData(QStringLiteral("fotografie")))
                    .contains(QStringLiteral("(3)")));
        interests->setCurrentIndex(interests->findData(QStringLiteral("fotografie")));
        QCOMPARE(usernames(*model),
                 QStringList(
                     {QStringLiteral("anna"), QStringLiteral("chantal"), QStringLiteral("daan")}));
        QVERIFY(directory->clearButton()->isVisible());
        QComboBox* departments = directory->filterBox(app::PeopleDirectoryPage::Filter::Department);
        departments->setCurrentIndex(departments->findData(QStringLiteral("ICT")));
        QCOMPARE(usernames(*model), QStringList {QStringLiteral("chantal")});
        QTest::keyClicks(directory->searchEdit(), QStringLiteral("zzz"));
        directory->search();
        QCOMPARE(model->rowCount(), 0);
        QVERIFY(directory->statusLabel()->isVisible());
        QTest::mouseClick(directory->clearButton(), Qt::LeftButton);
        QCOMPARE(model->rowCount(), 5);
        QVERIFY(directory->searchEdit()->text().isEmpty());

        // A click opens the person's page.
        QVERIFY(QTest::qWaitForWindowExposed(anna.window.get()));
        const int row = int(usernames(*model).indexOf(QStringLiteral("daan")));
        QTest::mouseClick(directory->view()->viewport(), Qt::LeftButton, {},
                          directory->view()->visualRect(model->index(row, 0)).center());
        auto* page = qobject_cast<app::ProfilePage*>(anna.window->currentPage());
        QVERIFY(page);
        QCOMPARE(page->nameLabel()->text(), QStringLiteral("Daan Visser"));
    }

    // A profile page shows the person's fields; a chip filters the directory on its tag.
    void profileShowsFieldsAndChipsFilter()
    {
        Session eva;
        QVERIFY(eva.start(m_server.url(), QStringLiteral("eva")));
        auto* directory = eva.openDirectory();
        QTRY_COMPARE(directory->model()->rowCount(), 5);
        const qint64 bram = idOf(*directory->model(), QStringLiteral("bram"));
        auto* page = eva.openPerson(bram);
        QVERIFY(page);
        QCOMPARE(page->nameLabel()->text(), QStringLiteral("Bram Jansen"));
        QCOMPARE(page->jobTitleLabel()->text(), QStringLiteral("Dijkinspecteur"));
        QVERIFY(page->placeLabel()->text().contains(QStringLiteral("Beheer en Onderhoud")));
        QVERIFY(page->placeLabel()->text().contains(QStringLiteral("Terneuzen")));
        QCOMPARE(page->phoneLabel()->text(), QStringLiteral("+31 115 640 212"));
        QVERIFY(page->aboutLabel()->text().startsWith(QStringLiteral("Meestal buiten")));
        QVERIFY(page->messageButton()->isVisible());
        QVERIFY(!page->editButton()->isVisible()); // eva is no admin
        QStringList tags;
        for (QPushButton* b : page->tagButtons())
            tags << b->text();
        QCOMPARE(tags.first(), QStringLiteral("dijkbeheer"));
        QVERIFY(tags.contains(QStringLiteral("hardlopen")));
        // bram's posts in the cache.
        QVERIFY(!page->model()->recentPosts().isEmpty());

        QPushButton* running = nullptr;
        for (QPushButton* b : page->tagButtons()) {
            if (b->text() == QLatin1StringView("hardlopen"))
                running = b;
        }
        QVERIFY(running);
        QTest::mouseClick(running, Qt::LeftButton);
        auto* filtered = qobject_cast<app::PeopleDirectoryPage*>(eva.window->currentPage());
        QVERIFY(filtered);
        QCOMPARE(
            usernames(*filtered->model()),
            QStringList({QStringLiteral("anna"), QStringLiteral("bram"), QStringLiteral("daan")}));
        QCOMPARE(filtered->filterBox(app::PeopleDirectoryPage::Filter::Interest)
                     ->currentData()
                     .toString(),
                 QStringLiteral("hardlopen"));
    }

    // "Send a message" opens the direct conversation with the person.
    void sendAMessageOpensTheChat()
    {
        Session chantal;
        QVERIFY(chantal.start(m_server.url(), QStringLiteral("chantal")));
        auto* directory = chantal.openDirectory();
        QTRY_COMPARE(directory->model()->rowCount(), 5);
        const qint64 daan = idOf(*directory->model(), QStringLiteral("daan"));
        auto* page = chantal.openPerson(daan);
        QVERIFY(page);
        QTest::mouseClick(page->messageButton(), Qt::LeftButton);
        app::ConversationPage* chat = nullptr;
        QTRY_VERIFY((chat = qobject_cast<app::ConversationPage*>(chantal.window->currentPage())));
        QTRY_COMPARE(chat->titleLabel()->text(), QStringLiteral("Daan Visser"));
        // One's own page has no such button, and may be edited.
        auto* own = chantal.openPerson(chantal.core->connection().userId());
        QVERIFY(own);
        QVERIFY(!own->messageButton()->isVisible());
        QVERIFY(own->editButton()->isVisible());
    }

    // "Edit profile" changes one's own profile through the outbox; the page follows.
    void editingOnesProfile()
    {
        Session daan;
        QVERIFY(daan.start(m_server.url(), QStringLiteral("daan")));
        auto* page = daan.openPerson(daan.core->connection().userId());
        QVERIFY(page);
        QTRY_VERIFY(page->editButton()->isVisible());
        auto* people = daan.window->findChild<app::PeopleCapability*>();
        QVERIFY(people);
        people->editProfile(page->personId());
        auto* dialog = daan.window->findChild<app::EditProfileDialog*>();
        QVERIFY(dialog);
        QCOMPARE(dialog->jobTitleEdit()->text(), QStringLiteral("Adviseur waterkwaliteit"));
        dialog->phoneEdit()->setText(QStringLiteral("bel maar"));
        QVERIFY(dialog->messageLabel()->isVisible());
        dialog->phoneEdit()->setText(QStringLiteral("+31 113 381 000"));
        QVERIFY(!dialog->messageLabel()->isVisible());
        const QString title = dialog->jobTitleEdit()->text();
        dialog->jobTitleEdit()->setText(title + QStringLiteral("\u202Eexe."));
        QVERIFY(dialog->messageLabel()->isVisible());
        dialog->jobTitleEdit()->setText(title);
        QVERIFY(!dialog->messageLabel()->isVisible());
        dialog->interestsEdit()->setText(QStringLiteral("wandelen, zeilen"));
        dialog->accept();
        QVERIFY(!dialog->clientId().isEmpty());
        QTRY_COMPARE(daan.core->outbox().count(), 0);
        QTRY_COMPARE(page->phoneLabel()->text(), QStringLiteral("+31 113 381 000"));
        QStringList tags;
        for (QPushButton* b : page->tagButtons())
            tags << b->text();
        QVERIFY(tags.contains(QStringLiteral("zeilen")));
        QVERIFY(!tags.contains(QStringLiteral("hardlopen")));
    }

    // Tags are shown as written: markup in a tooltip is text, '&' no shortcut mark.
    void tagsShowAsWritten()
    {
        Session anna;
        QVERIFY(anna.start(m_server.url(), QStringLiteral("anna")));
        const qint64 me = anna.core->connection().userId();
        auto* page = anna.openPerson(me);
        QVERIFY(page);
        QTRY_VERIFY(page->editButton()->isVisible());
        const QString markup = QStringLiteral("<img src=/dev/zero>");
        QVERIFY(!anna.core->profiles()
                     .updateProfile(me,
                                    QJsonObject {{QStringLiteral("expertise"),
                                                  QJsonArray {markup, QStringLiteral("R&D")}}})
                     .isEmpty());
        QTRY_COMPARE(anna.core->outbox().count(), 0);
        QTRY_COMPARE(page->tagButtons().size() >= 2, true);
        QPushButton* img = nullptr;
        QPushButton* rd = nullptr;
        for (QPushButton* b : page->tagButtons()) {
            if (b->text() == markup)
                img = b;
            if (b->text() == QLatin1StringView("R&&D"))
                rd = b; // shown as "R&D"
        }
        QVERIFY(img);
        QVERIFY(rd);
        QVERIFY(!img->toolTip().contains(markup));
        QVERIFY(img->toolTip().contains(QStringLiteral("&lt;img src=/dev/zero&gt;")));
        QVERIFY(rd->shortcut().isEmpty());
        QVERIFY(rd->toolTip().contains(QStringLiteral("R&amp;D")));
    }

    // A hidden directory does not fill its filters at every change of the people; it does
    // when it is shown again.
    void hiddenDirectoryFillsFiltersWhenShown()
    {
        Session bram;
        QVERIFY(bram.start(m_server.url(), QStringLiteral("bram")));
        const qint64 me = bram.core->connection().userId();
        auto* directory = bram.openDirectory();
        QVERIFY(directory);
        QTRY_COMPARE(directory->model()->rowCount(), 5);
        QComboBox* interests = directory->filterBox(app::PeopleDirectoryPage::Filter::Interest);
        QVERIFY(interests->findData(QStringLiteral("kitesurfen")) < 0);
        QVERIFY(bram.openPerson(me));
        QVERIFY(!directory->isVisible());
        QVERIFY(!bram.core->profiles()
                     .updateProfile(me,
                                    QJsonObject {{QStringLiteral("interests"),
                                                  QJsonArray {QStringLiteral("kitesurfen")}}})
                     .isEmpty());
        QTRY_COMPARE(bram.core->outbox().count(), 0);
        QTRY_VERIFY(directory->filtersStale());
        QTest::qWait(400); // longer than the pause before a refill
        QVERIFY(interests->findData(QStringLiteral("kitesurfen")) < 0);
        QCOMPARE(bram.openDirectory(), directory);
        QVERIFY(directory->isVisible());
        QVERIFY(!directory->filtersStale());
        QVERIFY(interests->findData(QStringLiteral("kitesurfen")) > 0);
    }

    // Avatars show the profile's photo once its thumbnail has come (initials until then);
    // Edit profile chooses a new photo (checked by its content), which goes as an upload
    // before the change, or removes it, and every avatar follows.
    void photosInAvatarsAndEditProfile()
    {
        Session chantal;
        QVERIFY(chantal.start(m_server.url(), QStringLiteral("chantal")));
        auto* photos = chantal.window->findChild<app::AvatarPhotos*>();
        QVERIFY(photos);
        QCOMPARE(app::avatar::Photos::instance().source(), photos);
        const qint64 me = chantal.core->connection().userId();
        const QString demoPhoto = chantal.core->profiles().person(me)->photo;
        QVERIFY(!demoPhoto.isEmpty()); // the demo gives everyone one
        QCOMPARE(photos->photoOf(QStringLiteral("chantal")), demoPhoto);
        QVERIFY(photos->photoOf(QStringLiteral("nobody")).isEmpty());
        const auto centre = [](const QString& username) {
            QImage image(40, 40, QImage::Format_ARGB32);
            image.fill(Qt::transparent);
            QPainter p(&image);
            app::avatar::paint(p, image.rect(), QStringLiteral("Chantal"), username);
            p.end();
            return image.pixelColor(20, 20);
        };
        QTRY_VERIFY_WITH_TIMEOUT(!photos->photo(QStringLiteral("chantal"), 40).isNull(), 10000);
        // Initials are white letters on the person's colour; the photo is something else.
        QVERIFY(centre(QStringLiteral("chantal"))
                != app::avatar::colourFor(QStringLiteral("chantal")));

        // A new photo: all red.
        QImage red(300, 200, QImage::Format_RGB32);
        red.fill(QColor(220, 0, 0));
        const QString png = chantal.profile.filePath(QStringLiteral("rood.png"));
        QVERIFY(red.save(png));
        const QString text = chantal.profile.filePath(QStringLiteral("geen-foto.png"));
        {
            QFile f(text);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("just text that claims to be a png");
        }
        auto* people = chantal.window->findChild<app::PeopleCapability*>();
        people->editProfile(me);
        auto* dialog = chantal.window->findChild<app::EditProfileDialog*>();
        QVERIFY(dialog);
        QVERIFY(dialog->removePhotoButton()->isEnabled());
        QVERIFY(!dialog->setPhotoFile(text));
        QVERIFY(dialog->messageLabel()->isVisible());
        QVERIFY(dialog->messageLabel()->text().contains(QStringLiteral("geen-foto.png")));
        QVERIFY(dialog->setPhotoFile(png));
        QVERIFY(!dialog->messageLabel()->isVisible());
        QCOMPARE(dialog->photoPreview()->pixmap().toImage().pixelColor(36, 36), QColor(220, 0, 0));
        dialog->accept();
        QVERIFY(!dialog->clientId().isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(chantal.core->outbox().count(), 0, 20000);
        QTRY_VERIFY(chantal.core->profiles().person(me)->photo != demoPhoto);
        const QString newPhoto = chantal.core->profiles().person(me)->photo;
        QVERIFY(!newPhoto.isEmpty());
        QTRY_COMPARE(photos->photoOf(QStringLiteral("chantal")), newPhoto);
        QTRY_VERIFY_WITH_TIMEOUT(!photos->photo(QStringLiteral("chantal"), 40).isNull(), 10000);
        const QColor shown = centre(QStringLiteral("chantal"));
        QVERIFY2(shown.red() > 180 && shown.green() < 60 && shown.blue() < 60,
                 qPrintable(shown.name()));
        // The old photo is no longer carried: its copies leave the file cache.
        QTRY_VERIFY(chantal.core->files().cachedPath(demoPhoto, QStringLiteral("64")).isEmpty());

        // Removed: the initials again.
        people->editProfile(me);
        dialog = nullptr;
        for (auto* d : chantal.window->findChildren<app::EditProfileDialog*>()) {
            if (d->isVisible())
                dialog = d;
        }
        QVERIFY(dialog);
        dialog->removePhoto();
        QVERIFY(!dialog->removePhotoButton()->isEnabled());
        dialog->accept();
        QTRY_COMPARE_WITH_TIMEOUT(chantal.core->outbox().count(), 0, 20000);
        QTRY_VERIFY(chantal.core->profiles().person(me)->photo.isEmpty());
        QTRY_VERIFY(photos->photoOf(QStringLiteral("chantal")).isEmpty());
        QCOMPARE(centre(QStringLiteral("chantal")),
                 app::avatar::colourFor(QStringLiteral("chantal")));
    }

    // A change the server refuses says so on the page, with Retry and Discard.
    void aRefusedChangeOffersRetryAndDiscard()
    {
        Session chantal;
        QVERIFY(chantal.start(m_server.url(), QStringLiteral("chantal")));
        const qint64 me = chantal.core->connection().userId();
        auto* page = chantal.openPerson(me);
        QVERIFY(page);
        QTRY_VERIFY(page->editButton()->isVisible());
        QVERIFY(!page->retryButton()->isVisible());
        const QString phone = page->phoneLabel()->text();
        QVERIFY(!chantal.core->profiles()
                     .updateProfile(
                         me, QJsonObject {{QStringLiteral("phone"), QStringLiteral("bel me maar")}})
                     .isEmpty());
        QTRY_VERIFY(chantal.core->profiles().pendingWrite(me)
                    && chantal.core->profiles().pendingWrite(me)->failed);
        QTRY_VERIFY(page->discardButton()->isVisible());
        QVERIFY(page->retryButton()->isVisible());
        QVERIFY(!page->noticeLabel()->text().contains(QStringLiteral("waiting")));
        QVERIFY(page->noticeLabel()->text().contains(QStringLiteral("not saved")));
        QTest::mouseClick(page->discardButton(), Qt::LeftButton);
        QTRY_COMPARE(chantal.core->outbox().count(), 0);
        QVERIFY(!page->discardButton()->isVisible());
        QVERIFY(!page->noticeLabel()->isVisible());
        QCOMPARE(page->phoneLabel()->text(), phone);
    }

    // A post's author name opens their profile.
    void aPostsAuthorLinksToTheirProfile()
    {
        Session eva;
        QVERIFY(eva.start(m_server.url(), QStringLiteral("eva")));
        eva.window->navigator().open(QUrl(QStringLiteral("plein:/home")));
        QVERIFY(QTest::qWaitForWindowExposed(eva.window.get()));
        app::FeedView* home = eva.window->findChild<app::FeedCapability*>()->home();
        QAbstractItemView* view = home->view();
        QTRY_VERIFY(view->model()->rowCount() > 0);
        const QModelIndex first = view->model()->index(0, 0);
        const qint64 author = first.data(client::PostListModel::AuthorIdRole).toLongLong();
        QVERIFY(author > 0);
        QTest::qWait(20);
        auto* delegate = qobject_cast<app::PostDelegate*>(view->itemDelegate());
        QStyleOptionViewItem option;
        option.initFrom(view);
        option.font = view->font();
        option.widget = view;
        option.rect = view->visualRect(first);
        const QRect name = delegate->partRect(option, first, app::CardPart::Name);
        QVERIFY(!name.isNull());
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, name.center());
        app::ProfilePage* page = nullptr;
        QTRY_VERIFY((page = qobject_cast<app::ProfilePage*>(eva.window->currentPage())));
        QCOMPARE(page->personId(), author);
    }

    // An id nobody has says so.
    void anUnknownPersonSaysSo()
    {
        Session eva;
        QVERIFY(eva.start(m_server.url(), QStringLiteral("eva")));
        auto* page = eva.openPerson(987654);
        QVERIFY(page);
        QTRY_VERIFY(page->noticeLabel()->isVisible());
        QVERIFY(!page->messageButton()->isVisible());
        QVERIFY(!page->editButton()->isVisible());
    }
};

QTEST_MAIN(TestPeopleUi)
#include "tst_people_ui.moc"
