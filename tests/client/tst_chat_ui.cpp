#include "chat/chat.h"
#include "chat/conversationlistmodel.h"
#include "chat/messagelistmodel.h"
#include "client.h"
#include "connection.h"
#include "groups/groups.h"
#include "groups/groupstore.h"
#include "outbox/outbox.h"
#include "pages/chat/chatcapability.h"
#include "pages/chat/chatcomposer.h"
#include "pages/chat/conversationdetails.h"
#include "pages/chat/conversationlistpage.h"
#include "pages/chat/conversationpage.h"
#include "pages/chat/conversationrows.h"
#include "pages/chat/messageactions.h"
#include "pages/chat/messagedelegate.h"
#include "pages/chat/messageview.h"
#include "pages/chat/newconversationdialog.h"
#include "pages/chat/peoplepicker.h"
#include "pages/groups/grouppage.h"
#include "people/peoplemodel.h"
#include "presence/presence.h"
#include "shell/desktopnotifier.h"
#include "shell/donotdisturb.h"
#include "shell/mainwindow.h"
#include "shell/navigator.h"
#include "shell/notificationmodel.h"
#include "shell/sidebarmodel.h"
#include "syncengine.h"
#include "testclient.h"
#include "testserver.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

using namespace plein;
using client::ConversationListModel;
using client::MessageListModel;

// The chat pages of the app against the real server and its demo organisation: the
// conversation list in the sidebar and its page, a conversation (sending, grouping and day
// breaks, replies, reactions, typing), notifications and their actions, a group's chat, and
// starting conversations.
class TestChatUi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void conversationListOrdersMarksUnreadAndOpens();
    void enterSendsShowingPendingThenConfirmed();
    void replyBannerSendsAReply();
    void reactionsToggleFromTheToolbarAndTheChip();
    void upEditsTheLastMessageAndDeleteAsksFirst();
    void refusedMessageOffersTryAgainEditAndDiscard();
    void typingLineSaysWhoTypes();
    void earlierPagesKeepTheReadingPlace();
    void notificationActionsMarkReadAndReply();
    void groupPageOpensTheGroupsChat();
    void newConversationDialogStartsConversations();
    void emptyAndOfflineStatesSaySo();

private:
    std::unique_ptr<client::Client> online(const QString& username);

    test::TestServer m_server;
    QTemporaryDir m_profiles;
};

namespace {

// A user's window, online and caught up.
struct Session
{
    QTemporaryDir profile;
    std::unique_ptr<client::Client> core;
    std::unique_ptr<app::MainWindow> window;

    bool start(const QUrl& server, const QString& username, bool goOnline = true)
    {
        core = test::makeClient(server, username, profile.path());
        if (!core)
            return false;
        window = std::make_unique<app::MainWindow>(*core, false);
        window->show();
        window->activateWindow();
        return !goOnline || test::goOnlineAndCatchUp(*core);
    }

    ~Session()
    {
        if (core)
            core->connection().stop();
    }

    app::ChatCapability& chat() const { return *app::ChatCapability::of(*window); }
    qint64 me() const { return core->sync().userId(); }

    app::ConversationPage* open(qint64 conversation) const
    {
        window->navigator().open(app::Navigator::link(QStringLiteral("chat"), conversation));
        return qobject_cast<app::ConversationPage*>(window->currentPage());
    }
};

qint64 openDirect(client::Client& c, qint64 other)
{
    qint64 id = 0;
    bool done = false;
    c.chat().openDirect(other, &c, [&](const Result<qint64>& r) {
        id = r ? r.value() : 0;
        done = true;
    });
    if (!QTest::qWaitFor([&]() { return done; }, 10000))
        return 0;
    return id;
}

QModelIndex lastRow(const QAbstractItemModel& model)
{
    return model.index(model.rowCount() - 1, 0);
}

int rowOfBody(const QAbstractItemModel& model, const QString& body)
{
    for (int row = model.rowCount() - 1; row >= 0; --row) {
        if (model.index(row, 0).data(MessageListModel::BodyRole).toString() == body)
            return row;
    }
    return -1;
}

// The reaction `name` of the message at `index` as {count, mine}; count 0 when none.
std::pair<int, bool> reaction(const QModelIndex& index, const QString& name)
{
    for (const QVariant& value : index.data(MessageListModel::ReactionsRole).toList()) {
        const QVariantMap r = value.toMap();
        if (r.value(QStringLiteral("reaction")).toString() == name)
            return {r.value(QStringLiteral("count")).toInt(),
                    r.value(QStringLiteral("mine")).toBool()};
    }
    return {0, false};
}

} // namespace

void TestChatUi::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(m_server.start(), qPrintable(m_server.lastError()));
}

std::unique_ptr<client::Client> TestChatUi::online(const QString& username)
{
    auto c = test::makeClient(m_server.url(), username, m_profiles.filePath(username));
    if (c && !test::goOnlineAndCatchUp(*c))
        c.reset();
    return c;
}

void TestChatUi::conversationListOrdersMarksUnreadAndOpens()
{
    Session anna;
    QVERIFY(anna.start(m_server.url(), QStringLiteral("anna")));
    auto daan = online(QStringLiteral("daan"));
    QVERIFY(daan);
    app::ChatCapability& chat = anna.chat();
    QAbstractItemModelTester tester(chat.rows(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    // The demo organisation's conversations are listed already.
    QTRY_VERIFY(chat.rows()->rowCount() >= 3);

    const qint64 conversation = openDirect(*daan, anna.me());
    QVERIFY(conversation > 0);
    daan->chat().send(conversation, QStringLiteral("Hoi Anna, heb je even?"));
    // Newest activity first, with its unread count, in the sidebar too.
    const auto* rows = chat.rows();
    QTRY_COMPARE(rows->index(0, 0).data(ConversationListModel::IdRole).toLongLong(), conversation);
    QTRY_COMPARE(rows->index(0, 0).data(app::ConversationRows::BadgeRole).toInt(), 1);
    QCOMPARE(rows->index(0, 0).data(ConversationListModel::TitleRole).toString(),
             QStringLiteral("Daan Visser"));
    QVERIFY(!rows->index(0, 0).data(Qt::DecorationRole).value<QIcon>().isNull());
    const auto& sidebar = anna.window->sidebarModel();
    const QModelIndex entry = sidebar.indexFor(QUrl(QStringLiteral("plein:/chats")));
    QVERIFY(entry.isValid());
    const QModelIndex first = sidebar.index(0, 0, entry);
    QCOMPARE(first.data().toString(), QStringLiteral("Daan Visser"));
    QCOMPARE(first.data(app::SidebarModel::BadgeRole).toInt(), 1);
    QVERIFY(!first.data(Qt::DecorationRole).value<QIcon>().isNull());
    QCOMPARE(first.data(app::SidebarModel::LinkRole).toUrl(),
             app::Navigator::link(QStringLiteral("chat"), conversation));
    // The unread total leads the window's title.
    QTRY_VERIFY2(anna.window->windowTitle().startsWith(u'('),
                 qPrintable(anna.window->windowTitle()));
    QCOMPARE(anna.window->unreadMessages(), anna.core->chat().unreadTotal());

    // The list page: a click opens the conversation, which is read once it is on screen.
    anna.window->navigator().open(QUrl(QStringLiteral("plein:/chats")));
    auto* list = qobject_cast<app::ConversationListPage*>(anna.window->currentPage());
    QVERIFY(list);
    QVERIFY(!list->isShowingEmptyState());
    QVERIFY(QTest::qWaitForWindowExposed(anna.window.get()));
    list->view()->doItemsLayout();
    QTest::mouseClick(list->view()->viewport(), Qt::LeftButton, {},
                      list->view()->visualRect(list->view()->model()->index(0, 0)).center());
    auto* page = qobject_cast<app::ConversationPage*>(anna.window->currentPage());
    QVERIFY(page);
    QCOMPARE(page->conversationId(), conversation);
    QTRY_COMPARE(page->titleLabel()->text(), QStringLiteral("Daan Visser"));
    QTRY_COMPARE(rowOfBody(*page->model(), QStringLiteral("Hoi Anna, heb je even?")),
                 page->model()->rowCount() - 1);
    // Read once on screen in the active window.
    QVERIFY(QTest::qWaitForWindowActive(anna.window.get()));
    QTRY_COMPARE(rows->index(0, 0).data(ConversationListModel::UnreadRole).toInt(), 0);

    // Muted: dimmed, and plain messages are not counted.
    anna.window->navigator().open(QUrl(QStringLiteral("plein:/home")));
    anna.core->chat().setMuted(conversation, true);
    QTRY_VERIFY(rows->index(0, 0).data(ConversationListModel::MutedRole).toBool());
    QTRY_COMPARE(anna.core->outbox().count(), 0);
    daan->chat().send(conversation, QStringLiteral("Geen haast."));
    QTRY_COMPARE(rows->index(0, 0).data(ConversationListModel::UnreadRole).toInt(), 1);
    QCOMPARE(rows->index(0, 0).data(app::ConversationRows::BadgeRole).toInt(), 0);
    QVERIFY(rows->index(0, 0).data(Qt::ForegroundRole).isValid());
    QVERIFY(sidebar.index(0, 0, entry).data(Qt::ForegroundRole).isValid());
    anna.core->chat().setMuted(conversation, false);

    // Daan's presence on his avatar, in the list and the sidebar: watched because his row is
    // among the first, a green dot while he is online, a ring around nothing once he is gone.
    const qint64 daanId
        = rows->index(0, 0).data(ConversationListModel::OtherMemberRole).toLongLong();
    QVERIFY(daanId > 0);
    QTRY_VERIFY(anna.core->presence().watched().contains(daanId));
    const auto dot = [&](const QModelIndex& index) {
        // The dot's middle on a 36 px avatar (chatavatar::withPresence).
        return index.data(Qt::DecorationRole)
            .value<QIcon>()
            .pixmap(36, 36)
            .toImage()
            .pixelColor(30, 30);
    };
    const QColor online(0x2e, 0xb6, 0x7d);
    QTRY_COMPARE(dot(rows->index(0, 0)), online);
    QCOMPARE(dot(sidebar.index(0, 0, entry)), online);
    daan->connection().stop();
    QTRY_VERIFY_WITH_TIMEOUT(dot(rows->index(0, 0)) != online, 10000);
    QCOMPARE(dot(rows->index(0, 0)).alpha(), 0);
}

void TestChatUi::enterSendsShowingPendingThenConfirmed()
{
    Session anna;
    QVERIFY(anna.start(m_server.url(), QStringLiteral("anna")));
    auto bram = online(QStringLiteral("bram"));
    QVERIFY(bram);
    anna.window->navigator().open(
        app::Navigator::link(QStringLiteral("chat-with"), bram->sync().userId()));
    app::ConversationPage* page = nullptr;
    QTRY_VERIFY((page = qobject_cast<app::ConversationPage*>(anna.window->currentPage())));
    MessageListModel* model = page->model();
    QTRY_VERIFY(model->rowCount() > 0);
    QTRY_VERIFY(!model->isFetching());

    QPlainTextEdit* editor = page->composer()->editor();
    editor->setFocus();
    const int before = model->rowCount();
    QTest::keyClicks(editor, QStringLiteral("Eerste regel"));
    // Shift+Enter is a new line, not a send.
    QTest::keyClick(editor, Qt::Key_Return, Qt::ShiftModifier);
    QTest::keyClicks(editor, QStringLiteral("tweede regel"));
    QCOMPARE(model->rowCount(), before);
    QTest::keyClick(editor, Qt::Key_Return);
    QVERIFY(page->composer()->text().isEmpty());
    // Shown at once, as on its way; then confirmed by the server.
    QTRY_COMPARE(model->rowCount(), before + 1);
    const QString body = QStringLiteral("Eerste regel\ntweede regel");
    QCOMPARE(lastRow(*model).data(MessageListModel::BodyRole).toString(), body);
    QVERIFY(lastRow(*model).data(MessageListModel::MineRole).toBool());
    QTRY_VERIFY(!lastRow(*model).data(MessageListModel::PendingRole).toBool());
    QVERIFY(lastRow(*model).data(MessageListModel::IdRole).toLongLong() > 0);

    // The next one continues the group: drawn without avatar or name.
    QTest::keyClicks(editor, QStringLiteral("En nog iets."));
    QTest::keyClick(editor, Qt::Key_Enter);
    QTRY_COMPARE(model->rowCount(), before + 2);
    QTRY_VERIFY(!lastRow(*model).data(MessageListModel::PendingRole).toBool());
    app::MessageView* view = page->view();
    view->doItemsLayout();
    QVERIFY(view->isAtBottom());
    const QModelIndex second = view->indexOfRow(model->rowCount() - 1);
    const QModelIndex firstOfGroup = view->indexOfRow(model->rowCount() - 2);
    QVERIFY(second.data(MessageListModel::ContinuesGroupRole).toBool());
    const app::MessageLayout continued
        = view->messageDelegate()->layout(view->optionFor(second), second);
    QVERIFY(continued.avatar.isNull());
    QVERIFY(continued.name.isNull());
    const app::MessageLayout leading
        = view->messageDelegate()->layout(view->optionFor(firstOfGroup), firstOfGroup);
    if (!firstOfGroup.data(MessageListModel::ContinuesGroupRole).toBool()) {
        QVERIFY(!leading.avatar.isNull());
        QCOMPARE(leading.nameText, QStringLiteral("Anna de Vries"));
    }
    QVERIFY(leading.height > continued.height);
    // Day separators where the model says a day begins, with the day's name.
    bool sawDay = false;
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = view->indexOfRow(row);
        const app::MessageLayout m = view->messageDelegate()->layout(view->optionFor(index), index);
        QCOMPARE(!m.daySeparator.isNull(), index.data(MessageListModel::DayBreakRole).toBool());
        if (!m.daySeparator.isNull()) {
            sawDay = true;
            QVERIFY(!m.dayText.isEmpty());
        }
    }
    QVERIFY(sawDay);
    QCOMPARE(view->model()->index(0, 0).data(MessageListModel::DayBreakRole).toBool(), true);
    // Painting every row works (and says something).
    const QImage shot = view->grab().toImage();
    QVERIFY(!shot.isNull());
    // The newest is on screen: the list is at the bottom.
    QVERIFY(view->isNewestVisible());
    bram->connection().stop();
}

void TestChatUi::replyBannerSendsAReply()
{
    Session anna;
    QVERIFY(anna.start(m_server.url(), QStringLiteral("anna")));
    auto bram = online(QStringLiteral("bram"));
    QVERIFY(bram);
    const qint64 conversation = openDirect(*bram, anna.me());
    QVERIFY(conversation > 0);
    bram->chat().send(conversation, QStringLiteral("Kun je de notulen sturen?"));
    app::ConversationPage* page = anna.open(conversation);
    QVERIFY(page);
    MessageListModel* model = page->model();
    QTRY_VERIFY(rowOfBody(*model, QStringLiteral("Kun je de notulen sturen?")) >= 0);
    const int row = rowOfBody(*model, QStringLiteral("Kun je de notulen sturen?"));
    const QModelIndex question = page->view()->indexOfRow(row);
    QTRY_VERIFY(question.data(MessageListModel::IdRole).toLongLong() > 0);
    const qint64 questionId = question.data(MessageListModel::IdRole).toLongLong();

    app::ChatComposer* composer = page->composer();
    page->actions()->reply(question);
    QVERIFY(composer->isBannerShown());
    QVERIFY2(composer->banner()->text().startsWith(QStringLiteral("Replying to Bram Jansen")),
             qPrintable(composer->banner()->text()));
    QCOMPARE(composer->replyTo(), questionId);
    // Escape cancels the reply; the text stays.
    QTest::keyClicks(composer->editor(), QStringLiteral("Kom"));
    QTest::keyClick(composer->editor(), Qt::Key_Escape);
    QVERIFY(!composer->isBannerShown());
    QCOMPARE(composer->replyTo(), 0);
    QCOMPARE(composer->text(), QStringLiteral("Kom"));
    composer->setText(QString());

    page->actions()->reply(question);
    QTest::keyClicks(composer->editor(), QStringLiteral("Komen eraan."));
    QTest::keyClick(composer->editor(), Qt::Key_Return);
    QVERIFY(!composer->isBannerShown());
    QTRY_VERIFY(rowOfBody(*model, QStringLiteral("Komen eraan.")) >= 0);
    const QModelIndex answer
        = page->view()->indexOfRow(rowOfBody(*model, QStringLiteral("Komen eraan.")));
    QCOMPARE(answer.data(MessageListModel::ReplyToIdRole).toLongLong(), questionId);
    QTRY_VERIFY(!answer.data(MessageListModel::PendingRole).toBool());
    QTRY_COMPARE(page->view()
                     ->indexOfRow(rowOfBody(*model, QStringLiteral("Komen eraan.")))
                     .data(MessageListModel::ReplyAuthorNameRole)
                     .toString(),
                 QStringLiteral("Bram Jansen"));
    const QModelIndex shown
        = page->view()->indexOfRow(rowOfBody(*model, QStringLiteral("Komen eraan.")));
    const app::MessageLayout m
        = page->view()->messageDelegate()->layout(page->view()->optionFor(shown), shown);
    QVERIFY(!m.quote.isNull());
    QCOMPARE(m.quoteAuthor, QStringLiteral("Bram Jansen"));
    QVERIFY(m.quoteText.startsWith(QStringLiteral("Kun je de notulen")));
    bram->connection().stop();
}

void TestChatUi::reactionsToggleFromTheToolbarAndTheChip()
{
    Session anna;
    QVERIFY(anna.start(m_server.url(), QStringLiteral("anna")));
    auto bram = online(QStringLiteral("bram"));
    QVERIFY(bram);
    const qint64 conversation = openDirect(*bram, anna.me());
    bram->chat().send(conversation, QStringLiteral("Taart in de kantine!"));
    app::ConversationPage* page = anna.open(conversation);
    QVERIFY(page);
    QVERIFY(QTest::qWaitForWindowExposed(anna.window.get()));
    MessageListModel* model = page->model();
    app::MessageView* view = page->view();
    QTRY_VERIFY(rowOfBody(*model, QStringLiteral("Taart in de kantine!")) >= 0);
    QTRY_VERIFY(view->indexOfRow(rowOfBody(*model, QStringLiteral("Taart in de kantine!")))
                    .data(MessageListModel::IdRole)
                    .toLongLong()
                > 0);
    const auto cake = [&]() {
        return view->indexOfRow(rowOfBody(*model, QStringLiteral("Taart in de kantine!")));
    };
    view->scrollToNewest();
    view->doItemsLayout();

    // The toolbar over the message under the pointer: its first quick reaction is 👍.
    const QRect rect = view->visualRect(cake());
    view->hoverAt(rect.center());
    QCOMPARE(view->hoveredIndex(), cake());
    QVERIFY(!view->toolbar().isEmpty());
    const app::MessageToolbar::Item thumbs = view->toolbar().items.first();
    QCOMPARE(thumbs.action, app::MessageToolbar::Action::QuickReaction);
    QCOMPARE(thumbs.reaction, QStringLiteral("thumbsup"));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, thumbs.rect.center());
    QTRY_COMPARE(reaction(cake(), QStringLiteral("thumbsup")), std::make_pair(1, true));
    // The chip toggles it back.
    QTRY_VERIFY(!cake().data(MessageListModel::ChangePendingRole).toBool());
    view->doItemsLayout();
    const QRect chip = view->messageDelegate()->rectOf(
        view->optionFor(cake()), cake(), {app::MessagePart::Reaction, QStringLiteral("thumbsup")});
    QVERIFY(!chip.isNull());
    view->hoverAt(chip.center());
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, chip.center());
    QTRY_COMPARE(reaction(cake(), QStringLiteral("thumbsup")).first, 0);
    // The menu offers all eight, and Reply.
    QMenu menu;
    page->actions()->fillMenu(menu, cake());
    QVERIFY(!menu.actions().isEmpty());
    QCOMPARE(menu.actions().first()->menu()->actions().size(), 8);
    bram->connection().stop();
}

void TestChatUi::upEditsTheLastMessageAndDeleteAsksFirst()
{
    Session anna;
    QVERIFY(anna.start(m_server.url(), QStringLiteral("anna")));
    auto bram = online(QStringLiteral("bram"));
    QVERIFY(bram);
    const qint64 conversation = openDirect(*bram, anna.me());
    app::ConversationPage* page = anna.open(conversation);
    QVERIFY(page);
    MessageListModel* model = page->model();
    app::ChatComposer* composer = page->composer();
    QTRY_VERIFY(!model->isFetching());
    QTest::keyClicks(composer->editor(), QStringLiteral("Vergadering om drie uur"));
    QTest::keyClick(composer->editor(), Qt::Key_Return);
    QTRY_VERIFY(rowOfBody(*model, QStringLiteral("Vergadering om drie uur")) >= 0);
    const auto mine = [&]() {
        return page->view()->indexOfRow(
            rowOfBody(*model, QStringLiteral("Vergadering om drie uur")));
    };
    QTRY_VERIFY(!mine().data(MessageListModel::PendingRole).toBool());
    const qint64 id = mine().data(MessageListModel::IdRole).toLongLong();

    // Up in the empty composer: the last message, to edit; Enter saves it.
    QTest::keyClick(composer->editor(), Qt::Key_Up);
    QCOMPARE(composer->editing(), QStringLiteral("m:%1").arg(id));
    QCOMPARE(composer->text(), QStringLiteral("Vergadering om drie uur"));
    QVERIFY(composer->isBannerShown());
    composer->setText(QStringLiteral("Vergadering om vier uur"));
    QTest::keyClick(composer->editor(), Qt::Key_Return);
    QVERIFY(composer->editing().isEmpty());
    const int row = model->rowOf(id);
    QTRY_COMPARE(model->index(model->rowOf(id)).data(MessageListModel::BodyRole).toString(),
                 QStringLiteral("Vergadering om vier uur"));
    QTRY_VERIFY(
        !model->index(model->rowOf(id)).data(MessageListModel::EditedAtRole).toString().isEmpty());
    const QModelIndex edited = page->view()->indexOfRow(model->rowOf(id));
    QVERIFY(!page->view()
                 ->messageDelegate()
                 ->layout(page->view()->optionFor(edited), edited)
                 .editedMark.isNull());
    Q_UNUSED(row);

    // Delete asks first; Cancel keeps it, Delete deletes it for everyone.
    page->actions()->remove(edited);
    QTRY_VERIFY(page->actions()->confirmation());
    page->actions()->confirmation()->button(QMessageBox::Cancel)->click();
    QVERIFY(!model->index(model->rowOf(id)).data(MessageListModel::DeletedRole).toBool());
    page->actions()->remove(page->view()->indexOfRow(model->rowOf(id)));
    QTRY_VERIFY(page->actions()->confirmation());
    QPushButton* yes = nullptr;
    for (QAbstractButton* b : page->actions()->confirmation()->buttons()) {
        if (page->actions()->confirmation()->buttonRole(b) == QMessageBox::DestructiveRole)
            yes = qobject_cast<QPushButton*>(b);
    }
    QVERIFY(yes);
    yes->click();
    QTRY_VERIFY(model->index(model->rowOf(id)).data(MessageListModel::DeletedRole).toBool());
    const QModelIndex gone = page->view()->indexOfRow(model->rowOf(id));
    const app::MessageLayout m
        = page->view()->messageDelegate()->layout(page->view()->optionFor(gone), gone);
    QVERIFY(m.content.deleted);
    QVERIFY(m.doc == nullptr);
    bram->connection().stop();
}

void TestChatUi::refusedMessageOffersTryAgainEditAndDiscard()
{
    Session anna;
    QVERIFY(anna.start(m_server.url(), QStringLiteral("anna")));
    auto bram = online(QStringLiteral("bram"));
    QVERIFY(bram);
    const qint64 conversation = openDirect(*bram, anna.me());
    app::ConversationPage* page = anna.open(conversation);
    QVERIFY(page);
    QVERIFY(QTest::qWaitForWindowExposed(anna.window.get()));
    MessageListModel* model = page->model();
    app::MessageView* view = page->view();
    QTRY_VERIFY(!model->isFetching());
    // Too long for the server (the composer would not send it; another device's outbox or an
    // older version might): refused, and shown so with what can be done about it.
    QSignalSpy refused(&anna.core->outbox(), &client::Outbox::refused);
    const QString tooLong = QStringLiteral("Notulen ") + QString(10000, u'x');
    QVERIFY(!anna.core->chat().send(conversation, tooLong).isEmpty());
    const auto failed = [&]() { return view->indexOfRow(rowOfBody(*model, tooLong)); };
    QTRY_VERIFY(failed().data(MessageListModel::FailedRole).toBool());
    QCOMPARE(failed().data(MessageListModel::ErrorCodeRole).toString(),
             QStringLiteral("too_large"));
    QCOMPARE(refused.size(), 1);
    view->scrollToNewest();
    view->doItemsLayout();
    const auto click = [&](const QModelIndex& index, app::MessagePart part) {
        const QRect r
            = view->messageDelegate()->rectOf(view->optionFor(index), index, {part, QString()});
        if (r.isNull())
            return false;
        view->hoverAt(r.center());
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, r.center());
        return true;
    };
    // Try again: sent once more, refused once more.
    QVERIFY(click(failed(), app::MessagePart::Retry));
    QTRY_COMPARE(refused.size(), 2);
    QTRY_VERIFY(failed().data(MessageListModel::FailedRole).toBool());
    // Edit: the text in the composer; shortened and sent, it arrives in its place.
    view->doItemsLayout();
    QVERIFY(click(failed(), app::MessagePart::EditFailed));
    app::ChatComposer* composer = page->composer();
    QCOMPARE(composer->text(), tooLong);
    QVERIFY(composer->isBannerShown());
    composer->setText(QStringLiteral("Notulen volgen morgen"));
    QTest::keyClick(composer->editor(), Qt::Key_Return);
    QTRY_VERIFY(rowOfBody(*model, QStringLiteral("Notulen volgen morgen")) >= 0);
    QTRY_VERIFY(view->indexOfRow(rowOfBody(*model, QStringLiteral("Notulen volgen morgen")))
                    .data(MessageListModel::IdRole)
                    .toLongLong()
                > 0);
    QCOMPARE(rowOfBody(*model, tooLong), -1);
    QTRY_VERIFY(bram->chat().conversation(conversation)
                && bram->chat().conversation(conversation)->lastBody
                    == QStringLiteral("Notulen volgen morgen"));
    // Discard: gone from the conversation and the outbox.
    QVERIFY(!anna.core->chat().send(conversation, tooLong).isEmpty());
    QTRY_VERIFY(failed().data(MessageListModel::FailedRole).toBool());
    view->doItemsLayout();
    QVERIFY(click(failed(), app::MessagePart::Discard));
    QTRY_COMPARE(rowOfBody(*model, tooLong), -1);
    QCOMPARE(anna.core->outbox().count(), 0);
    bram->connection().stop();
}

void TestChatUi::typingLineSaysWhoTypes()
{
    Session anna;
    QVERIFY(anna.start(m_server.url(), QStringLiteral("anna")));
    auto bram = online(QStringLiteral("bram"));
    QVERIFY(bram);
    const qint64 conversation = openDirect(*bram, anna.me());
    app::ConversationPage* page = anna.open(conversation);
    QVERIFY(page);
    QTRY_COMPARE(page->titleLabel()->text(), QStringLiteral("Bram Jansen"));
    QCOMPARE(page->composer()->editor()->placeholderText(), QStringLiteral("Message Bram Jansen"));
    QVERIFY(page->typingLabel()->text().isEmpty());
    bram->chat().noteTyping(conversation, true);
    QTRY_COMPARE_WITH_TIMEOUT(page->typingLabel()->text(), QStringLiteral("Bram Jansen is typing…"),
                              10000);
    bram->chat().noteTyping(conversation, false);
    QTRY_VERIFY_WITH_TIMEOUT(page->typingLabel()->text().isEmpty(), 10000);
    // Anna's own typing goes out from the composer.
    QTest::keyClicks(page->composer()->editor(), QStringLiteral("Ik"));
    bram->connection().stop();
}

void TestChatUi::earlierPagesKeepTheReadingPlace()
{
    Session anna;
    QVERIFY(anna.start(m_server.url(), QStringLiteral("anna")));
    auto bram = online(QStringLiteral("bram"));
    QVERIFY(bram);
    const qint64 conversation = openDirect(*bram, anna.me());
    // More than a page (50): the rest is read as the top comes near.
    for (int i = 1; i <= 60; ++i)
        bram->chat().send(conversation, QStringLiteral("Regel %1 van het verslag").arg(i));
    QTRY_VERIFY_WITH_TIMEOUT(anna.core->chat().conversation(conversation).has_value(), 10000);
    anna.core->chat().fetchNewest(conversation);
    QTRY_VERIFY_WITH_TIMEOUT(anna.core->chat().conversation(conversation)->historyLoaded, 10000);
    {
        MessageListModel arrived(anna.core->cache(), anna.core->chat(), conversation);
        QTRY_VERIFY_WITH_TIMEOUT(
            rowOfBody(arrived, QStringLiteral("Regel 60 van het verslag")) >= 0, 20000);
    }
    // Opened now: the newest page, with more in the cache above it.
    MessageListModel paged(anna.core->cache(), anna.core->chat(), conversation);
    MessageListModel* model = &paged;
    QVERIFY(paged.canFetchMore(QModelIndex()));
    app::MessageView shownView;
    app::MessageView* view = &shownView;
    view->resize(500, 260);
    view->setMessages(model);
    view->show();
    QVERIFY(QTest::qWaitForWindowExposed(view));
    view->scrollToNewest();
    QVERIFY(view->isAtBottom());
    QVERIFY(view->isNewestVisible());
    const int shown = model->rowCount();
    QTRY_VERIFY(view->verticalScrollBar()->maximum() > 0);

    // Up to the top: what is on screen stays where it is while earlier messages go in above.
    view->verticalScrollBar()->setValue(0);
    QVERIFY(!view->isAtBottom());
    const QModelIndex top = view->indexAt(QPoint(4, 4));
    QVERIFY(top.isValid());
    const qint64 topId = top.data(MessageListModel::IdRole).toLongLong();
    const int topY = view->visualRect(top).top();
    QTRY_VERIFY(model->rowCount() > shown);
    QTRY_VERIFY(!model->isFetching());
    view->doItemsLayout();
    QCOMPARE(view->visualRect(view->indexOfRow(model->rowOf(topId))).top(), topY);
    QVERIFY(!view->isNewestVisible());
    QVERIFY(view->newestButton()->isVisibleTo(view));

    // A new message while reading up there: counted on the button, not scrolled to.
    bram->chat().send(conversation, QStringLiteral("Nog een aanvulling"));
    QTRY_VERIFY_WITH_TIMEOUT(rowOfBody(*model, QStringLiteral("Nog een aanvulling")) >= 0, 10000);
    QTRY_VERIFY(view->newestButton()->text().startsWith(QStringLiteral("1 new message")));
    view->newestButton()->click();
    QVERIFY(view->isAtBottom());
    QVERIFY(view->isNewestVisible());
    QVERIFY(!view->newestButton()->isVisibleTo(view));
    bram->connection().stop();
}

void TestChatUi::notificationActionsMarkReadAndReply()
{
    Session anna;
    QVERIFY(anna.start(m_server.url(), QStringLiteral("anna")));
    auto bram = online(QStringLiteral("bram"));
    QVERIFY(bram);
    const qint64 conversation = openDirect(*bram, anna.me());
    QVERIFY(conversation > 0);
    // Not looking at the conversation.
    anna.window->navigator().open(QUrl(QStringLiteral("plein:/home")));
    app::NotificationModel& notifications = anna.window->notifications();
    // The demo's mention of anna (Sluis Eefde) was written long before this start: counted
    // as unread, not notified.
    QTRY_VERIFY(anna.core->chat().unreadTotal() > 0);
    for (int row = 0; row < notifications.rowCount(); ++row)
        QVERIFY(notifications.at(row).kind != QLatin1StringView("chat.mention"));
    const int before = notifications.rowCount();
    bram->chat().send(conversation, QStringLiteral("Ben je er nog?"));
    QTRY_COMPARE(notifications.rowCount(), before + 1);
    const app::NotificationModel::Notification n = notifications.at(0);
    QCOMPARE(n.kind, QStringLiteral("chat.direct"));
    QCOMPARE(n.title, QStringLiteral("Bram Jansen"));
    QCOMPARE(n.body, QStringLiteral("Ben je er nog?"));
    QCOMPARE(n.key, QStringLiteral("chat:%1").arg(conversation));
    QCOMPARE(n.link, app::Navigator::link(QStringLiteral("chat"), conversation));
    QVERIFY(n.actions.contains(app::NotificationModel::reply()));
    QVERIFY(n.actions.contains(app::NotificationModel::markRead()));
    QTRY_VERIFY(anna.core->chat().conversation(conversation)->unread > 0);

    // "Mark as read" on the bubble: the conversation is read, and so is the notification.
    app::DesktopNotifier* notifier = anna.window->desktopNotifier();
    QVERIFY(notifier);
    Q_EMIT notifier->actionInvoked(n, QString::fromLatin1(app::NotificationModel::markReadAction));
    QTRY_COMPARE(anna.core->chat().conversation(conversation)->unread, 0);
    QTRY_VERIFY(!notifications.isUnread(n.id));

    // A reply typed into the bubble is sent to the conversation.
    Q_EMIT notifier->replied(n, QStringLiteral("Ja, zo terug."));
    MessageListModel bramSees(bram->cache(), bram->chat(), conversation);
    QTRY_VERIFY_WITH_TIMEOUT(rowOfBody(bramSees, QStringLiteral("Ja, zo terug.")) >= 0, 10000);

    // A muted conversation is listed but does not bubble, unless it mentions the user.
    anna.core->chat().setMuted(conversation, true);
    QTRY_VERIFY(anna.core->chat().conversation(conversation)->muted);
    app::NotificationModel::Notification plain = n;
    QVERIFY(notifier->isMuted(plain));
    plain.kind = QStringLiteral("chat.mention");
    QVERIFY(!notifier->isMuted(plain));
    anna.core->chat().setMuted(conversation, false);
    bram->connection().stop();
}

void TestChatUi::groupPageOpensTheGroupsChat()
{
    Session anna;
    QVERIFY(anna.start(m_server.url(), QStringLiteral("anna")));
    // Lunchwandelaars: anna is a member; the demo has its chat.
    qint64 group = 0;
    for (const auto& g : client::GroupStore(anna.core->cache()).myGroups()) {
        if (g.name == QLatin1StringView("Lunchwandelaars"))
            group = g.id;
    }
    QVERIFY(group > 0);
    anna.window->navigator().open(app::Navigator::link(QStringLiteral("group"), group));
    auto* groupPage = qobject_cast<app::GroupPage*>(anna.window->currentPage());
    QVERIFY(groupPage);
    QTRY_VERIFY(!groupPage->chatButton()->isHidden());
    groupPage->chatButton()->click();
    app::ConversationPage* page = nullptr;
    QTRY_VERIFY((page = qobject_cast<app::ConversationPage*>(anna.window->currentPage())));
    const auto c = anna.core->chat().conversation(page->conversationId());
    QVERIFY(c);
    QVERIFY(c->isGroupChat());
    QCOMPARE(c->groupId, group);
    QTRY_COMPARE(page->titleLabel()->text(), QStringLiteral("Lunchwandelaars"));
    // Its details say it follows the group, and lead there.
    page->detailsButton()->click();
    auto* details = anna.chat().details();
    QCOMPARE(anna.window->detail(), details);
    QVERIFY(!details->membersList()->isVisibleTo(details));
    QVERIFY(!details->leaveButton()->isVisibleTo(details));
}

void TestChatUi::newConversationDialogStartsConversations()
{
    Session anna;
    QVERIFY(anna.start(m_server.url(), QStringLiteral("anna")));
    anna.chat().newConversation();
    app::NewConversationDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = anna.window->findChild<app::NewConversationDialog*>()));
    app::PeoplePicker* picker = dialog->picker();
    QVERIFY(!dialog->startButton()->isEnabled());
    // The people the app knows, found by any word of the name.
    QTRY_VERIFY_WITH_TIMEOUT(
        !anna.core->people().isLoading() && anna.core->people().rowCount() >= 4, 10000);
    picker->searchEdit()->setText(QStringLiteral("bak"));
    QTRY_VERIFY(picker->matches()->rowCount() >= 1);
    QCOMPARE(picker->matches()->index(0, 0).data(client::PeopleModel::UsernameRole).toString(),
             QStringLiteral("chantal"));
    QTest::keyClick(picker->searchEdit(), Qt::Key_Return);
    QCOMPARE(picker->chosen().size(), 1);
    QVERIFY(picker->searchEdit()->text().isEmpty());
    QVERIFY(dialog->startButton()->isEnabled());
    QVERIFY(!dialog->titleEdit()->isVisibleTo(dialog));
    // Backspace in the empty field takes her back; chosen again, with Eva: a named group.
    QTest::keyClick(picker->searchEdit(), Qt::Key_Backspace);
    QVERIFY(picker->chosen().isEmpty());
    QVERIFY(picker->chooseUsername(QStringLiteral("chantal")));
    QVERIFY(picker->chooseUsername(QStringLiteral("eva")));
    QVERIFY(dialog->titleEdit()->isVisibleTo(dialog));
    dialog->titleEdit()->setText(QStringLiteral("Voorlichting"));
    dialog->creatorOnlyBox()->setChecked(true);
    dialog->startButton()->click();
    app::ConversationPage* page = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (page = qobject_cast<app::ConversationPage*>(anna.window->currentPage())), 10000);
    QTRY_COMPARE(page->titleLabel()->text(), QStringLiteral("Voorlichting"));
    const auto made = anna.core->chat().conversation(page->conversationId());
    QVERIFY(made);
    QCOMPARE(made->kind, QStringLiteral("people"));
    QCOMPARE(made->membersBy, QStringLiteral("creator"));
    QCOMPARE(made->memberCount, 3);
    // Its details: the members, and anna (the creator) may add and remove.
    page->detailsButton()->click();
    auto* details = anna.chat().details();
    QTRY_COMPARE(details->membersList()->count(), 3);
    QVERIFY(details->mayManageMembers());
    QVERIFY(details->creatorOnlyBox()->isChecked());

    // Offline a new conversation cannot be made: said in the person's words.
    anna.core->connection().stop();
    QTRY_VERIFY(anna.core->connection().state() == client::Connection::State::Offline);
    anna.chat().newConversation();
    QTRY_VERIFY((dialog = anna.window->findChild<app::NewConversationDialog*>()));
    QVERIFY(dialog->picker()->chooseUsername(QStringLiteral("eva")));
    QVERIFY(!anna.core->chat().directWith(dialog->picker()->chosenIds().first()));
    dialog->startButton()->click();
    QTRY_VERIFY(dialog->errorLabel()->isVisibleTo(dialog));
    QVERIFY(!dialog->errorLabel()->text().isEmpty());
    QVERIFY(dialog->isVisible());
    dialog->reject();
}

void TestChatUi::emptyAndOfflineStatesSaySo()
{
    // A cache that has never been online: no conversations, nothing read.
    Session eva;
    QVERIFY(eva.start(m_server.url(), QStringLiteral("eva"), false));
    eva.window->navigator().open(QUrl(QStringLiteral("plein:/chats")));
    auto* list = qobject_cast<app::ConversationListPage*>(eva.window->currentPage());
    QVERIFY(list);
    QVERIFY(list->isShowingEmptyState());
    QVERIFY(list->startButton()->isVisibleTo(list));
    auto* page = eva.open(4242);
    QVERIFY(page);
    QVERIFY2(page->view()->emptyText().startsWith(QStringLiteral("Connect to read earlier")),
             qPrintable(page->view()->emptyText()));
    QVERIFY(page->view()->isShowingEmptyText());
}

QTEST_MAIN(TestChatUi)
#include "tst_chat_ui.moc"
