// Posts as cards: relative times in Dutch and English, the Like and Reply buttons, folding, the
// inline editor, deletion with Undo, replies to deleted posts, empty states, the tooltips on
// the name and the like count, and readable selection colours. The app's widgets under the
// offscreen platform, against the real server wherever data is involved.
#include "cache.h"
#include "client.h"
#include "connection.h"
#include "feed.h"
#include "outbox.h"
#include "outboxstore.h"
#include "pages/feed/cardstyle.h"
#include "pages/feed/composer.h"
#include "pages/feed/deletequeue.h"
#include "pages/feed/feedcapability.h"
#include "pages/feed/feedview.h"
#include "pages/feed/likerscache.h"
#include "pages/feed/postactions.h"
#include "pages/feed/postdelegate.h"
#include "pages/feed/posteditor.h"
#include "pages/feed/postlistview.h"
#include "pages/feed/threadpane.h"
#include "postlistmodel.h"
#include "poststore.h"
#include "shell/mainwindow.h"
#include "shell/navigator.h"
#include "testclient.h"
#include "testserver.h"
#include "threadmodel.h"
#include "ui/relativetime.h"

#include <QApplication>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QToolTip>
#include <QTranslator>
#include <QtTest>

using namespace plein;
using client::PostListModel;
using Part = app::PostDelegate::Part;

class TestCards : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void relativeTimes_data();
    void relativeTimes();
    void shortDatesFollowTheLocale();
    void likeButtonTogglesTheLike();
    void replyButtonOpensTheThread();
    void showMoreUnfoldsALongPost();
    void inlineEditSavesThroughTheOutboxAndEscapeCancels();
    void waitingPostsAreEditedInPlaceToo();
    void deleteWaitsForUndo();
    void deletedPostsTakeNoReplies();
    void refusedPostsShowTheirActions();
    void emptyFeedAndThreadSayWhatToDo();
    void nameTooltipShowsTheDepartment();
    void likeCountTooltipNamesWhoLiked();
    void selectedCardsStayReadable_data();
    void selectedCardsStayReadable();
    void timesTickWithoutALayout();

private:
    // A client of `user` on the test server, online and caught up.
    std::unique_ptr<client::Client> online(const QString& user, QTemporaryDir& profile);
    // The window of `core`, shown, Home in front.
    std::unique_ptr<app::MainWindow> window(client::Client& core);
    // Writes a post as `core` and waits until the server has it; returns its id.
    qint64 write(client::Client& core, const QString& body, qint64 parentId = 0);

    test::TestServer m_server;
    QTranslator m_dutch;
};

namespace {

app::FeedCapability& feedOf(const app::MainWindow& window)
{
    return *app::FeedCapability::of(window);
}

QModelIndex rowWithBody(const QAbstractItemModel* model, const QString& body)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data(PostListModel::BodyRole).toString() == body)
            return index;
    }
    return QModelIndex();
}

QModelIndex rowWithId(const QAbstractItemModel* model, qint64 id)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data(PostListModel::IdRole).toLongLong() == id)
            return index;
    }
    return QModelIndex();
}

// The option the view paints the row with, as far as the card's geometry goes.
QStyleOptionViewItem optionFor(const QAbstractItemView* view, const QModelIndex& index)
{
    QStyleOptionViewItem option;
    option.initFrom(view);
    option.font = view->font();
    option.widget = view;
    option.rect = view->visualRect(index);
    return option;
}

app::PostDelegate* delegateOf(const QAbstractItemView* view)
{
    return qobject_cast<app::PostDelegate*>(view->itemDelegate());
}

QRect partRect(const QAbstractItemView* view, const QModelIndex& index, Part part)
{
    return delegateOf(view)->partRect(optionFor(view, index), index, part);
}

void clickPart(QAbstractItemView* view, const QModelIndex& index, Part part)
{
    // A row that changed height is laid out again on the next turn of the event loop: the
    // click must find the rows where they are drawn.
    QTest::qWait(20);
    const QRect rect = partRect(view, index, part);
    QVERIFY2(!rect.isNull(), "the card has no such part");
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, rect.center());
}

QString tipOn(const QAbstractItemView* view, const QModelIndex& index, Part part)
{
    return delegateOf(view)->toolTipAt(optionFor(view, index), index,
                                       partRect(view, index, part).center());
}

QList<client::OutboxEntry> entries(client::Client& core)
{
    return client::OutboxStore(core.cache()).entries();
}

QString longBody(const QString& tag)
{
    QStringList paragraphs;
    for (int i = 1; i <= 30; ++i)
        paragraphs << QStringLiteral("%1: paragraph %2 of a long post.").arg(tag).arg(i);
    return paragraphs.join(QStringLiteral("\n\n"));
}

} // namespace

void TestCards::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(m_dutch.load(QStringLiteral("plein_nl"), QStringLiteral(PLEIN_QM_DIR)),
             "the app's Dutch translation is built");
    QVERIFY2(m_server.start(), qPrintable(m_server.lastError()));
}

std::unique_ptr<client::Client> TestCards::online(const QString& user, QTemporaryDir& profile)
{
    auto core = test::makeClient(m_server.url(), user, profile.path());
    if (!core || !test::goOnlineAndCatchUp(*core))
        return nullptr;
    return core;
}

std::unique_ptr<app::MainWindow> TestCards::window(client::Client& core)
{
    auto w = std::make_unique<app::MainWindow>(core, false);
    w->resize(1100, 800);
    w->show();
    if (!QTest::qWaitForWindowExposed(w.get()))
        return nullptr;
    return w;
}

qint64 TestCards::write(client::Client& core, const QString& body, qint64 parentId)
{
    QSignalSpy delivered(&core.outbox(), &client::Outbox::delivered);
    const QString clientId = core.feed().createPost(body, parentId);
    for (int i = 0; i < 100 && core.outbox().count() > 0; ++i)
        delivered.wait(200);
    for (const QList<QVariant>& args : std::as_const(delivered)) {
        if (args.at(0).toString() == clientId)
            return qint64(args.at(1)
                              .toJsonObject()
                              .value(QStringLiteral("post"))
                              .toObject()
                              .value(QStringLiteral("id"))
                              .toDouble());
    }
    return 0;
}

// ---- Relative times -----------------------------------------------------------------------

void TestCards::relativeTimes_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QDateTime>("at");
    QTest::addColumn<QString>("expected");
    // Friday 27 November 2026, 15:30.
    const QDateTime now(QDate(2026, 11, 27), QTime(15, 30));
    const QLocale en(QLocale::English, QLocale::AnyTerritory);
    const QString enTime = en.toString(QTime(14, 2), QLocale::ShortFormat);
    QTest::newRow("en now") << "en" << now.addSecs(-20) << "just now";
    QTest::newRow("en clock ahead") << "en" << now.addSecs(30) << "just now";
    QTest::newRow("en minutes") << "en" << now.addSecs(-5 * 60) << "5 min";
    QTest::newRow("en today") << "en" << QDateTime(now.date(), QTime(14, 2)) << enTime;
    QTest::newRow("en yesterday") << "en" << QDateTime(QDate(2026, 11, 26), QTime(14, 2))
                                  << QStringLiteral("yesterday ") + enTime;
    QTest::newRow("en this week") << "en" << QDateTime(QDate(2026, 11, 23), QTime(14, 2))
                                  << QStringLiteral("Mon ") + enTime;
    QTest::newRow("en this year") << "en" << QDateTime(QDate(2026, 10, 3), QTime(14, 2)) << "Oct 3";
    QTest::newRow("en older") << "en" << QDateTime(QDate(2025, 10, 3), QTime(14, 2))
                              << "Oct 3, 2025";
    QTest::newRow("nl now") << "nl" << now.addSecs(-20) << "zojuist";
    QTest::newRow("nl minutes") << "nl" << now.addSecs(-5 * 60) << "5 min";
    QTest::newRow("nl today") << "nl" << QDateTime(now.date(), QTime(14, 2)) << "14:02";
    QTest::newRow("nl yesterday") << "nl" << QDateTime(QDate(2026, 11, 26), QTime(14, 2))
                                  << "gisteren 14:02";
    QTest::newRow("nl this week") << "nl" << QDateTime(QDate(2026, 11, 23), QTime(14, 2))
                                  << "ma 14:02";
    QTest::newRow("nl a week ago")
        << "nl" << QDateTime(QDate(2026, 11, 20), QTime(14, 2)) << "20 nov";
    QTest::newRow("nl this year") << "nl" << QDateTime(QDate(2026, 10, 3), QTime(14, 2)) << "3 okt";
    QTest::newRow("nl older") << "nl" << QDateTime(QDate(2025, 10, 3), QTime(14, 2))
                              << "3 okt 2025";
    QTest::newRow("nl in full") << "nl-full" << QDateTime(QDate(2025, 10, 3), QTime(14, 2))
                                << "vrijdag 3 oktober 2025 om 14:02";
    QTest::newRow("en in full") << "en-full" << QDateTime(QDate(2025, 10, 3), QTime(14, 2))
                                << QStringLiteral("Friday, October 3, 2025 at ") + enTime;
}

void TestCards::relativeTimes()
{
    QFETCH(QString, language);
    QFETCH(QDateTime, at);
    QFETCH(QString, expected);
    const bool dutch = language.startsWith(QLatin1StringView("nl"));
    const QLocale locale = dutch ? QLocale(QLocale::Dutch, QLocale::Netherlands)
                                 : QLocale(QLocale::English, QLocale::AnyTerritory);
    if (dutch)
        QCoreApplication::installTranslator(&m_dutch);
    const auto uninstall = qScopeGuard([this]() { QCoreApplication::removeTranslator(&m_dutch); });
    const QDateTime now(QDate(2026, 11, 27), QTime(15, 30));
    if (language.endsWith(QLatin1StringView("-full")))
        QCOMPARE(app::relativetime::fullText(at, locale), expected);
    else
        QCOMPARE(app::relativetime::shortText(at, now, locale), expected);
    // The locale set by QLocale::setDefault is the one used when none is given.
    const QLocale before;
    QLocale::setDefault(locale);
    const auto restore = qScopeGuard([before]() { QLocale::setDefault(before); });
    if (!language.endsWith(QLatin1StringView("-full")))
        QCOMPARE(app::relativetime::shortText(at, now), expected);
}

void TestCards::shortDatesFollowTheLocale()
{
    const QDate date(2025, 10, 3);
    // Never a US-style date unless the locale says so.
    QCOMPARE(
        app::relativetime::shortDate(date, true, QLocale(QLocale::English, QLocale::UnitedKingdom)),
        QStringLiteral("3 Oct 2025"));
    QCOMPARE(app::relativetime::shortDate(date, false, QLocale(QLocale::German, QLocale::Germany)),
             QStringLiteral("3. Okt"));
    QCOMPARE(app::relativetime::shortDate(date, true, QLocale(QLocale::Dutch, QLocale::Belgium)),
             QStringLiteral("3 okt 2025"));
    QCOMPARE(app::relativetime::shortDate(date, false, QLocale(QLocale::Spanish, QLocale::Spain)),
             QStringLiteral("3 de oct"));
}

// ---- The buttons --------------------------------------------------------------------------

void TestCards::likeButtonTogglesTheLike()
{
    QTemporaryDir annaDir;
    QTemporaryDir bramDir;
    auto anna = online(QStringLiteral("anna"), annaDir);
    auto bram = online(QStringLiteral("bram"), bramDir);
    QVERIFY(anna && bram);
    auto w = window(*anna);
    QVERIFY(w);
    const QString body = QStringLiteral("Like me, cards test");
    const qint64 id = write(*bram, body);
    QVERIFY(id > 0);
    QListView* view = feedOf(*w).home()->view();
    QTRY_VERIFY(rowWithId(view->model(), id).isValid());
    QModelIndex index = rowWithId(view->model(), id);
    QCOMPARE(index.data(PostListModel::LikesRole).toInt(), 0);

    clickPart(view, index, Part::Like);
    // On the card at once, then confirmed by the server, which tells Bram too.
    index = rowWithId(view->model(), id);
    QVERIFY(index.data(PostListModel::LikedByMeRole).toBool());
    QTRY_COMPARE(anna->outbox().count(), 0);
    QTRY_COMPARE(client::PostStore(bram->cache()).post(id)->likes, 1);
    index = rowWithId(view->model(), id);
    QCOMPARE(index.data(PostListModel::LikesRole).toInt(), 1);
    // Clicking the button does not select the post.
    QVERIFY(!view->selectionModel()->isSelected(index));

    clickPart(view, index, Part::Like);
    QTRY_COMPARE(anna->outbox().count(), 0);
    QTRY_COMPARE(client::PostStore(bram->cache()).post(id)->likes, 0);
    QVERIFY(!rowWithId(view->model(), id).data(PostListModel::LikedByMeRole).toBool());
}

void TestCards::replyButtonOpensTheThread()
{
    QTemporaryDir dir;
    auto anna = online(QStringLiteral("anna"), dir);
    QVERIFY(anna);
    auto w = window(*anna);
    QVERIFY(w);
    const qint64 id = write(*anna, QStringLiteral("Reply to me, cards test"));
    QVERIFY(id > 0);
    QListView* view = feedOf(*w).home()->view();
    QTRY_VERIFY(rowWithId(view->model(), id).isValid());
    clickPart(view, rowWithId(view->model(), id), Part::Reply);
    app::ThreadPane* thread = feedOf(*w).thread();
    QVERIFY(thread->model());
    QCOMPARE(thread->model()->rootId(), id);
    QCOMPARE(w->detail(), thread);
    QTRY_VERIFY(thread->replyComposer()->editor()->hasFocus());
    // Replies have a Like button but no Reply button of their own.
    write(*anna, QStringLiteral("a reply, cards test"), id);
    QTRY_COMPARE(thread->model()->rowCount(), 2);
    QListView* replies = thread->view();
    const QModelIndex reply = replies->model()->index(1, 0);
    QVERIFY(!partRect(replies, reply, Part::Like).isNull());
    QVERIFY(partRect(replies, reply, Part::Reply).isNull());
    // And a smaller avatar, further in.
    const QModelIndex root = replies->model()->index(0, 0);
    QVERIFY(partRect(replies, reply, Part::Avatar).width()
            < partRect(replies, root, Part::Avatar).width());
    QVERIFY(partRect(replies, reply, Part::Avatar).left()
            > partRect(replies, root, Part::Avatar).left());
}

void TestCards::showMoreUnfoldsALongPost()
{
    QTemporaryDir dir;
    auto anna = online(QStringLiteral("anna"), dir);
    QVERIFY(anna);
    auto w = window(*anna);
    QVERIFY(w);
    const QString body = longBody(QStringLiteral("fold"));
    const qint64 id = write(*anna, body);
    QVERIFY(id > 0);
    write(*anna, QStringLiteral("a short one after it"));
    QListView* view = feedOf(*w).home()->view();
    QTRY_VERIFY(rowWithId(view->model(), id).isValid());
    QModelIndex index = rowWithId(view->model(), id);
    view->scrollTo(index, QAbstractItemView::PositionAtTop);
    auto* delegate = delegateOf(view);
    QVERIFY(delegate->isFoldable(optionFor(view, index), index));
    QVERIFY(!delegate->isExpanded(index));
    const int folded = view->visualRect(index).height();
    // Folded: the last paragraphs are not drawn, and the link says there is more.
    QVERIFY(partRect(view, index, Part::Body).height() < 14 * view->fontMetrics().lineSpacing());

    clickPart(view, index, Part::ShowMore);
    index = rowWithId(view->model(), id);
    QVERIFY(delegate->isExpanded(index));
    QTRY_VERIFY(view->visualRect(index).height() > folded + 10 * view->fontMetrics().lineSpacing());
    // The rows below move down once the view has laid them out again.
    QTRY_VERIFY(view->indexAt(QPoint(20, view->visualRect(index).bottom() - 2)) == index);
    // "Show less" under the whole text folds it again; scrolled into sight (the whole post
    // may be taller than the feed's viewport).
    view->scrollTo(index, QAbstractItemView::PositionAtTop);
    index = rowWithId(view->model(), id);
    const QRect less = partRect(view, index, Part::ShowMore);
    if (less.bottom() > view->viewport()->height() - 8)
        view->verticalScrollBar()->setValue(view->verticalScrollBar()->value() + less.bottom()
                                            - view->viewport()->height() + 8);
    index = rowWithId(view->model(), id);
    QVERIFY(view->viewport()->rect().contains(partRect(view, index, Part::ShowMore).center()));
    clickPart(view, index, Part::ShowMore);
    QTRY_COMPARE(view->visualRect(rowWithId(view->model(), id)).height(), folded);
}

// ---- Editing in place ---------------------------------------------------------------------

void TestCards::inlineEditSavesThroughTheOutboxAndEscapeCancels()
{
    QTemporaryDir dir;
    auto anna = online(QStringLiteral("anna"), dir);
    QVERIFY(anna);
    auto w = window(*anna);
    QVERIFY(w);
    const qint64 id = write(*anna, QStringLiteral("Edit me in place, cards test"));
    QVERIFY(id > 0);
    QListView* view = feedOf(*w).home()->view();
    QTRY_VERIFY(rowWithId(view->model(), id).isValid());
    auto* delegate = delegateOf(view);
    view->setFocus();
    view->setCurrentIndex(rowWithId(view->model(), id));
    const int before = view->visualRect(rowWithId(view->model(), id)).height();

    // E turns the body into an editor holding the text.
    QTest::keyClick(view, Qt::Key_E);
    QVERIFY(delegate->editor());
    QTRY_VERIFY(delegate->editor()->isVisible());
    QCOMPARE(delegate->editor()->text(), QStringLiteral("Edit me in place, cards test"));
    QTRY_VERIFY(delegate->editor()->editor()->hasFocus());
    // The editor lies on the card's body.
    const QRect body = partRect(view, rowWithId(view->model(), id), Part::Body);
    QVERIFY(delegate->editor()->geometry().intersects(body));
    QVERIFY(view->visualRect(rowWithId(view->model(), id)).height() != before);
    // Escape: nothing written, the text as it was.
    QTest::keyClicks(delegate->editor()->editor(), QStringLiteral(" and more"));
    QTest::keyClick(delegate->editor()->editor(), Qt::Key_Escape);
    QVERIFY(!delegate->editor());
    QCOMPARE(anna->outbox().count(), 0);
    QCOMPARE(rowWithId(view->model(), id).data(PostListModel::BodyRole).toString(),
             QStringLiteral("Edit me in place, cards test"));
    QTRY_COMPARE(view->visualRect(rowWithId(view->model(), id)).height(), before);

    // The "…" button offers Edit too; Ctrl+Enter saves through the outbox.
    QTimer::singleShot(100, this, []() {
        auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
        QVERIFY(menu);
        for (QAction* action : menu->actions()) {
            if (action->text() == QStringLiteral("Edit")) {
                menu->setActiveAction(action);
                QTest::keyClick(menu, Qt::Key_Return);
                return;
            }
        }
        menu->close();
        QFAIL("no Edit in the menu");
    });
    clickPart(view, rowWithId(view->model(), id), Part::More);
    QTRY_VERIFY(delegate->editor());
    delegate->editor()->editor()->setPlainText(QStringLiteral("Edited in place"));
    QTest::keyClick(delegate->editor()->editor(), Qt::Key_Return, Qt::ControlModifier);
    QVERIFY(!delegate->editor());
    const auto written = entries(*anna);
    if (!written.isEmpty()) // it may be on its way already
        QCOMPARE(written.first().kind, QStringLiteral("post.edit"));
    QCOMPARE(rowWithId(view->model(), id).data(PostListModel::BodyRole).toString(),
             QStringLiteral("Edited in place"));
    QTRY_COMPARE(anna->outbox().count(), 0);
    QTRY_VERIFY(rowWithId(view->model(), id).data(PostListModel::EditedAtRole).isValid());
    QCOMPARE(client::PostStore(anna->cache()).post(id)->body, QStringLiteral("Edited in place"));
    QVERIFY(
        delegate->headerText(rowWithId(view->model(), id)).contains(QStringLiteral("(edited)")));
}

void TestCards::waitingPostsAreEditedInPlaceToo()
{
    QTemporaryDir dir;
    // Offline: the post waits in the outbox.
    auto anna = test::makeClient(m_server.url(), QStringLiteral("anna"), dir.path());
    QVERIFY(anna);
    auto w = window(*anna);
    QVERIFY(w);
    anna->feed().createPost(QStringLiteral("Written on the train"));
    QListView* view = feedOf(*w).home()->view();
    QModelIndex index = rowWithBody(view->model(), QStringLiteral("Written on the train"));
    QVERIFY(index.isValid());
    QVERIFY(index.data(PostListModel::PendingRole).toBool());
    view->setFocus();
    view->setCurrentIndex(index);
    QTest::keyClick(view, Qt::Key_E);
    auto* delegate = delegateOf(view);
    QVERIFY(delegate->editor());
    delegate->editor()->editor()->setPlainText(QStringLiteral("Written on the train, edited"));
    delegate->editor()->saveButton()->click();
    QVERIFY(!delegate->editor());
    const auto waiting = entries(*anna);
    QCOMPARE(waiting.size(), 1);
    QCOMPARE(waiting.first().kind, QStringLiteral("post.create"));
    QCOMPARE(waiting.first().payload.value(QStringLiteral("body")).toString(),
             QStringLiteral("Written on the train, edited"));
    QVERIFY(rowWithBody(view->model(), QStringLiteral("Written on the train, edited")).isValid());
}

// ---- Deleting -----------------------------------------------------------------------------

void TestCards::deleteWaitsForUndo()
{
    QTemporaryDir dir;
    auto anna = online(QStringLiteral("anna"), dir);
    QVERIFY(anna);
    auto w = window(*anna);
    QVERIFY(w);
    app::PostActions& actions = feedOf(*w).actions();
    QCOMPARE(actions.deletes().delay(), app::DeleteQueue::defaultDelayMs);
    actions.deletes().setDelay(300);
    const qint64 id = write(*anna, QStringLiteral("Delete me, cards test"));
    QVERIFY(id > 0);
    QListView* view = feedOf(*w).home()->view();
    QTRY_VERIFY(rowWithId(view->model(), id).isValid());
    view->setFocus();
    view->setCurrentIndex(rowWithId(view->model(), id));
    const int height = view->visualRect(rowWithId(view->model(), id)).height();

    // Deleted, then Undo: nothing is written and the post is back.
    QTest::keyClick(view, Qt::Key_Delete);
    QVERIFY(actions.deletes().contains(id));
    QTRY_VERIFY(view->visualRect(rowWithId(view->model(), id)).height() < height);
    QVERIFY(partRect(view, rowWithId(view->model(), id), Part::Like).isNull());
    clickPart(view, rowWithId(view->model(), id), Part::Undo);
    QVERIFY(!actions.deletes().contains(id));
    QTest::qWait(600);
    QCOMPARE(anna->outbox().count(), 0);
    QVERIFY(rowWithId(view->model(), id).isValid());
    QVERIFY(!client::PostStore(anna->cache()).post(id)->deleted);
    QTRY_COMPARE(view->visualRect(rowWithId(view->model(), id)).height(), height);

    // Ctrl+Z undoes too.
    QTest::keyClick(view, Qt::Key_Delete);
    QVERIFY(actions.deletes().contains(id));
    QTest::keyClick(view, Qt::Key_Z, Qt::ControlModifier);
    QVERIFY(!actions.deletes().contains(id));

    // Without Undo the deletion is written once the time is up: the post goes.
    QTest::keyClick(view, Qt::Key_Delete);
    QVERIFY(actions.deletes().contains(id));
    QVERIFY(rowWithId(view->model(), id).isValid());
    QTRY_VERIFY(!actions.deletes().contains(id));
    QTRY_COMPARE(anna->outbox().count(), 0);
    QTRY_VERIFY(!rowWithId(view->model(), id).isValid());
    QVERIFY(client::PostStore(anna->cache()).post(id)->deleted);
}

void TestCards::deletedPostsTakeNoReplies()
{
    QTemporaryDir annaDir;
    QTemporaryDir bramDir;
    auto anna = online(QStringLiteral("anna"), annaDir);
    auto bram = online(QStringLiteral("bram"), bramDir);
    QVERIFY(anna && bram);
    const qint64 root = write(*bram, QStringLiteral("Soon deleted, cards test"));
    QVERIFY(root > 0);
    QVERIFY(write(*bram, QStringLiteral("a reply that stays"), root) > 0);
    bram->feed().deletePost(root);
    QTRY_COMPARE(bram->outbox().count(), 0);
    auto w = window(*anna);
    QVERIFY(w);
    QListView* view = feedOf(*w).home()->view();
    // Listed while a reply hangs under it, as deleted.
    QTRY_VERIFY(rowWithId(view->model(), root).data(PostListModel::DeletedRole).toBool());
    const QModelIndex index = rowWithId(view->model(), root);
    QVERIFY(partRect(view, index, Part::Reply).isNull());
    QVERIFY(partRect(view, index, Part::Like).isNull());
    QSignalSpy replies(&feedOf(*w).actions(), &app::PostActions::replyRequested);
    view->setFocus();
    view->setCurrentIndex(index);
    QTest::keyClick(view, Qt::Key_R);
    QCOMPARE(replies.size(), 0);
    QVERIFY(!feedOf(*w).actions().mayReply(index));

    // Its thread shows the reply, and the composer is off with a note.
    w->navigator().open(app::Navigator::link(QStringLiteral("post"), root));
    app::ThreadPane* thread = feedOf(*w).thread();
    QTRY_COMPARE(thread->model()->rowCount(), 2);
    QVERIFY(!thread->replyComposer()->isEnabled());
    QVERIFY(thread->closedNote()->isVisibleTo(thread));
    QVERIFY(thread->closedNote()->text().contains(QStringLiteral("deleted")));
    thread->view()->setFocus();
    thread->view()->setCurrentIndex(thread->model()->index(1, 0));
    QTest::keyClick(thread->view(), Qt::Key_R);
    QCOMPARE(replies.size(), 0);
}

void TestCards::refusedPostsShowTheirActions()
{
    QTemporaryDir dir;
    auto anna = online(QStringLiteral("anna"), dir);
    QVERIFY(anna);
    auto w = window(*anna);
    QVERIFY(w);
    // A reply to a post that is not there: the server refuses it.
    anna->feed().createPost(QStringLiteral("Refused, cards test"), 987654321);
    QListView* thread = nullptr;
    feedOf(*w).openThread(987654321);
    thread = feedOf(*w).thread()->view();
    QTRY_VERIFY(rowWithBody(thread->model(), QStringLiteral("Refused, cards test"))
                    .data(PostListModel::FailedRole)
                    .toBool());
    const QModelIndex index = rowWithBody(thread->model(), QStringLiteral("Refused, cards test"));
    for (Part part : {Part::Retry, Part::Edit, Part::Discard})
        QVERIFY(!partRect(thread, index, part).isNull());
    QVERIFY(delegateOf(thread)->headerText(index).startsWith(QStringLiteral("Not sent")));
    clickPart(thread, index, Part::Discard);
    QTRY_COMPARE(anna->outbox().count(), 0);
    QVERIFY(!rowWithBody(thread->model(), QStringLiteral("Refused, cards test")).isValid());
}

// ---- Empty states and tooltips ------------------------------------------------------------

void TestCards::emptyFeedAndThreadSayWhatToDo()
{
    QTemporaryDir dir;
    // A fresh cache, offline: nothing to show yet.
    auto core = test::makeClient(m_server.url(), QStringLiteral("eva"), dir.path());
    QVERIFY(core);
    auto w = window(*core);
    QVERIFY(w);
    app::PostListView* list = feedOf(*w).home()->postList();
    QCOMPARE(list->model()->rowCount(), 0);
    QVERIFY(list->isShowingEmptyText());
    QVERIFY(list->emptyText().startsWith(QStringLiteral("No posts yet\nWrite the first one")));
    // It is drawn: the middle of the list is not all background.
    const QImage shot = list->viewport()->grab().toImage();
    const QColor background = list->viewport()->palette().color(QPalette::Window);
    bool drawn = false;
    for (int y = shot.height() / 2 - 30; y < shot.height() / 2 + 30 && !drawn; ++y) {
        for (int x = 0; x < shot.width() && !drawn; ++x)
            drawn = shot.pixelColor(x, y) != background;
    }
    QVERIFY(drawn);

    QTemporaryDir annaDir;
    auto anna = online(QStringLiteral("anna"), annaDir);
    QVERIFY(anna);
    auto aw = window(*anna);
    QVERIFY(aw);
    const qint64 id = write(*anna, QStringLiteral("Nobody answers, cards test"));
    feedOf(*aw).openThread(id);
    app::PostListView* replies = feedOf(*aw).thread()->postList();
    QTRY_VERIFY(!feedOf(*aw).thread()->model()->isFetching());
    QTRY_COMPARE(replies->emptyText(),
                 QStringLiteral("No replies yet\nWrite the first one below."));
    QVERIFY(replies->isShowingEmptyText());
    QVERIFY(feedOf(*aw).home()->postList()->model()->rowCount() > 0);
    QVERIFY(!feedOf(*aw).home()->postList()->isShowingEmptyText());
}

void TestCards::nameTooltipShowsTheDepartment()
{
    QTemporaryDir annaDir;
    QTemporaryDir bramDir;
    auto anna = online(QStringLiteral("anna"), annaDir);
    auto bram = online(QStringLiteral("bram"), bramDir);
    QVERIFY(anna && bram);
    auto w = window(*anna);
    QVERIFY(w);
    const qint64 id = write(*bram, QStringLiteral("Who am I, cards test"));
    QListView* view = feedOf(*w).home()->view();
    QTRY_VERIFY(rowWithId(view->model(), id).isValid());
    const QModelIndex index = rowWithId(view->model(), id);
    QCOMPARE(index.data(PostListModel::AuthorDepartmentRole).toString(),
             QStringLiteral("Beheer en Onderhoud"));
    const QString tip = tipOn(view, index, Part::Name);
    QVERIFY2(tip.contains(QStringLiteral("Bram Jansen")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("Beheer en Onderhoud")), qPrintable(tip));
    // The time's tooltip is the full date, not the relative one.
    const QString time = tipOn(view, index, Part::Time);
    QVERIFY2(time.contains(QString::number(QDate::currentDate().year())), qPrintable(time));
}

void TestCards::likeCountTooltipNamesWhoLiked()
{
    QTemporaryDir dirs[4];
    auto anna = online(QStringLiteral("anna"), dirs[0]);
    auto bram = online(QStringLiteral("bram"), dirs[1]);
    auto chantal = online(QStringLiteral("chantal"), dirs[2]);
    auto daan = online(QStringLiteral("daan"), dirs[3]);
    QVERIFY(anna && bram && chantal && daan);
    const qint64 id = write(*bram, QStringLiteral("Like count tooltip, cards test"));
    QVERIFY(id > 0);
    for (client::Client* fan : {chantal.get(), daan.get()}) {
        QTRY_VERIFY(client::PostStore(fan->cache()).post(id));
        fan->feed().likePost(id, true);
        QTRY_COMPARE(fan->outbox().count(), 0);
    }
    auto w = window(*anna);
    QVERIFY(w);
    QListView* view = feedOf(*w).home()->view();
    QTRY_COMPARE(rowWithId(view->model(), id).data(PostListModel::LikesRole).toInt(), 2);
    const QModelIndex index = rowWithId(view->model(), id);
    // Asked of the server when first pointed at, then named, newest first.
    QCOMPARE(tipOn(view, index, Part::Like), QStringLiteral("Loading…"));
    QTRY_VERIFY(tipOn(view, index, Part::Like).contains(QStringLiteral("Chantal Bakker")));
    const QString tip = tipOn(view, index, Part::Like);
    QVERIFY2(tip.indexOf(QStringLiteral("Daan Visser")) >= 0
                 && tip.indexOf(QStringLiteral("Daan Visser"))
                     < tip.indexOf(QStringLiteral("Chantal Bakker")),
             qPrintable(tip));
    // The view's own tooltip event shows it.
    const QPoint at = partRect(view, index, Part::Like).center();
    QHelpEvent help(QEvent::ToolTip, at, view->viewport()->mapToGlobal(at));
    QCoreApplication::sendEvent(view->viewport(), &help);
    QTRY_VERIFY(QToolTip::text().contains(QStringLiteral("Daan Visser")));
    QToolTip::hideText();
    QCOMPARE(app::LikersCache::format({QStringLiteral("<b>x</b>")}, 4),
             QStringLiteral("<qt>&lt;b&gt;x&lt;/b&gt;<br>and 3 more</qt>"));

    // Offline nobody is asked: the tooltip says what the button does.
    anna->connection().stop();
    QTRY_VERIFY(anna->connection().state() == client::Connection::State::Offline);
    feedOf(*w).actions().likers().forget(id);
    QCOMPARE(tipOn(view, rowWithId(view->model(), id), Part::Like), QStringLiteral("Like (L)"));
}

// ---- Colours ------------------------------------------------------------------------------

void TestCards::selectedCardsStayReadable_data()
{
    QTest::addColumn<QPalette>("palette");
    QTest::newRow("the application's") << QApplication::palette();
    QPalette light;
    light.setColor(QPalette::Window, QColor(0xef, 0xef, 0xef));
    light.setColor(QPalette::Base, Qt::white);
    light.setColor(QPalette::Text, Qt::black);
    light.setColor(QPalette::WindowText, Qt::black);
    light.setColor(QPalette::Highlight, QColor(0x30, 0x8c, 0xc6));
    light.setColor(QPalette::HighlightedText, Qt::white);
    light.setColor(QPalette::PlaceholderText, QColor(0x80, 0x80, 0x80));
    light.setColor(QPalette::Link, QColor(0x00, 0x00, 0xff));
    QTest::newRow("light") << light;
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
    dark.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
    dark.setColor(QPalette::Highlight, QColor(0x3d, 0xae, 0xe9));
    dark.setColor(QPalette::HighlightedText, Qt::black);
    dark.setColor(QPalette::PlaceholderText, QColor(0x70, 0x70, 0x70));
    dark.setColor(QPalette::Link, QColor(0x1d, 0x99, 0xf3));
    QTest::newRow("dark") << dark;
}

void TestCards::selectedCardsStayReadable()
{
    QFETCH(QPalette, palette);
    using app::cardstyle::contrast;
    for (bool card : {true, false}) {
        const auto c = app::cardstyle::colours(palette, card, true, false);
        QVERIFY2(contrast(c.text, c.background) >= 7.0, qPrintable(c.text.name()));
        QVERIFY2(contrast(c.secondary, c.background) >= 4.5, qPrintable(c.secondary.name()));
        QVERIFY2(contrast(c.danger, c.background) >= 4.5, qPrintable(c.danger.name()));
        // The selection is a tint, never the full Highlight under the text.
        QVERIFY(c.background != palette.color(QPalette::Highlight));
        QCOMPARE(c.border, palette.color(QPalette::Highlight));
    }

    // Painted: inside the selected card is the tint; the name is drawn in the text colour.
    QStandardItemModel model;
    auto* item = new QStandardItem;
    item->setData(1, PostListModel::IdRole);
    item->setData(QStringLiteral("A selected post with a [link](https://plein.example)"),
                  PostListModel::BodyRole);
    item->setData(QStringLiteral("Anna de Vries"), PostListModel::AuthorNameRole);
    item->setData(QStringLiteral("anna"), PostListModel::AuthorUsernameRole);
    item->setData(QDateTime::currentDateTime().addSecs(-300), PostListModel::CreatedAtRole);
    model.appendRow(item);
    const QModelIndex index = model.index(0, 0);
    app::PostDelegate delegate;
    QStyleOptionViewItem option;
    option.font = QApplication::font();
    option.palette = palette;
    option.state = QStyle::State_Enabled | QStyle::State_Selected;
    option.rect = QRect(0, 0, 500, 0);
    option.rect.setHeight(delegate.sizeHint(option, index).height());
    QImage image(option.rect.size(), QImage::Format_ARGB32);
    image.fill(palette.color(QPalette::Window));
    {
        QPainter painter(&image);
        delegate.paint(&painter, option, index);
    }
    const auto c = app::cardstyle::colours(palette, true, true, false);
    const QRect avatar = delegate.partRect(option, index, Part::Avatar);
    const QRect name = delegate.partRect(option, index, Part::Name);
    QCOMPARE(image.pixelColor(avatar.right() + 4, avatar.bottom() + 4).rgb(), c.background.rgb());
    double best = 1;
    for (int y = name.top(); y <= name.bottom(); ++y) {
        for (int x = name.left(); x <= name.right(); ++x)
            best = std::max(best, contrast(image.pixelColor(x, y), c.background));
    }
    QVERIFY2(best >= 7.0, qPrintable(QString::number(best)));
}

void TestCards::timesTickWithoutALayout()
{
    app::PostListView view;
    // The next tick is on the minute, within a minute.
    QVERIFY(view.clock().isActive());
    QVERIFY(view.clock().remainingTime() <= 60000);
    QVERIFY(view.clock().isSingleShot());
}

QTEST_MAIN(TestCards)
#include "tst_cards.moc"
