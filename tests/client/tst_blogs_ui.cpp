// The blogs' pages in the real shell against the real server with the demo organisation: the
// blogs page lists the company blog and the drafts, the reading view renders the article with
// its table of contents, likes and comments, the editor saves what is typed and publishes, its
// toolbar formats the source, the comparison merges crossing edits and resolves them, and the
// history shows what each revision changed and restores an old one.
#include "blogs/blogs.h"
#include "blogs/blogstore.h"
#include "blogs/drafts.h"
#include "client.h"
#include "connection.h"
#include "groups/groupstore.h"
#include "outbox/outbox.h"
#include "pages/blogs/articlecard.h"
#include "pages/blogs/articleeditor.h"
#include "pages/blogs/articlepage.h"
#include "pages/blogs/blogpage.h"
#include "pages/blogs/blogscapability.h"
#include "pages/blogs/blogstrip.h"
#include "pages/blogs/conflictdialog.h"
#include "pages/blogs/coverimage.h"
#include "pages/blogs/historypage.h"
#include "shell/mainwindow.h"
#include "shell/navigator.h"
#include "shell/sidebar.h"
#include "testclient.h"
#include "testserver.h"
#include "testwindow.h"

#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>
#include <QToolButton>
#include <QUrlQuery>
#include <QtTest>

using namespace plein;

namespace {

const QString planTitle = QStringLiteral("Het nieuwe ondernemingsplan: wat verandert er?");

struct Session : test::AppSession
{
    bool start(const QUrl& server, const QString& username)
    {
        return AppSession::start(server, username, {1100, 760});
    }
    qint64 planId() const
    {
        for (const client::ArticleRow& a : client::BlogStore(core->cache()).published(100)) {
            if (a.text.title == planTitle)
                return a.id;
        }
        return 0;
    }
};

QUrl writeLink(const QString& key, const QString& value)
{
    QUrlQuery query;
    query.addQueryItem(key, value);
    return app::Navigator::link(QStringLiteral("write"), query);
}

} // namespace

class TestBlogsUi : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (const QString why = test::TestServer::backendMissing(); !why.isEmpty())
            QSKIP(qPrintable(why));
        QVERIFY2(m_server.start(), qPrintable(m_server.lastError()));
        qInfo("server on %s", qPrintable(test::TestServer::backend()));
    }

    void blogPageListsTheBlogAndTheDrafts()
    {
        Session anna;
        QVERIFY(anna.start(m_server.url(), QStringLiteral("anna")));
        auto* page = anna.open<app::BlogPage>(app::Navigator::link(QStringLiteral("blogs")));
        QVERIFY(page);
        // The plan, daan's night at the lock and eva's tips; the group articles are in their
        // groups' blogs.
        QTRY_COMPARE(page->cardCount(), 3);
        // Dijkbeheer is private and anna no member: its report is not hers to read; the lunch
        // walks in Lunchwandelaars are.
        page->showShelf(app::BlogPage::Shelf::All);
        QTRY_COMPARE(page->cardCount(), 4);
        page->showShelf(app::BlogPage::Shelf::Drafts);
        QTRY_COMPARE(page->cardCount(), 1); // anna's own draft; chantal's is not hers
    }

    // The reading view: the text rendered, the contents of its headings, the like and a
    // comment, a reply under it.
    void readingView()
    {
        Session bram;
        QVERIFY(bram.start(m_server.url(), QStringLiteral("bram")));
        const qint64 id = bram.planId();
        QVERIFY(id > 0);
        auto* page
            = bram.open<app::ArticlePage>(app::Navigator::link(QStringLiteral("article"), id));
        QVERIFY(page);
        QTRY_VERIFY(page->body()->isVisible());
        // bram reads Dijkbeheer's blog, his own report in it.
        auto* blogs = bram.open<app::BlogPage>(app::Navigator::link(QStringLiteral("blogs")));
        blogs->showShelf(app::BlogPage::Shelf::All);
        QTRY_COMPARE(blogs->cardCount(), 5); // the company blog's three, his report, the walks
        page = bram.open<app::ArticlePage>(app::Navigator::link(QStringLiteral("article"), id));
        QVERIFY(page->body()->toPlainText().contains(QStringLiteral("De drie pijlers")));
        QCOMPARE(
            page->contents(),
            QStringList({QStringLiteral("Waarom een nieuw plan"), QStringLiteral("De drie pijlers"),
                         QStringLiteral("Wat verandert er voor jou")}));
        QTRY_COMPARE(page->commentCount(), 3);
        // Raw HTML in a comment or the text is never markup: the safe renderer shows it.
        QVERIFY(!page->body()->toHtml().contains(QStringLiteral("<script")));
        QVERIFY(page->comment(QStringLiteral("Een vraag over de planning.")));
        QCOMPARE(page->commentCount(), 4); // shown at once, as sending
        QTRY_COMPARE(bram.core->outbox().count(), 0);
        QTRY_COMPARE(client::BlogStore(bram.core->cache()).article(id)->comments, 4);
        // His own comment is his to change: its text goes into the composer and comes back
        // changed, marked as edited.
        const auto mine = [&]() {
            for (const client::CommentRow& c : bram.core->blogs().comments(id)) {
                if (c.author.username == QStringLiteral("bram") && !c.deleted)
                    return c;
            }
            return client::CommentRow {};
        };
        QVERIFY(mine().id > 0);
        page->editComment(mine());
        auto* composer = page->findChild<QPlainTextEdit*>(QStringLiteral("commentComposer"));
        QCOMPARE(composer->toPlainText(), mine().body);
        QVERIFY(page->saveEdit(QStringLiteral("Een vraag over de planning van 2027.")));
        QTRY_COMPARE(mine().body, QStringLiteral("Een vraag over de planning van 2027."));
        QVERIFY(!mine().editedAt.isEmpty());
        QCOMPARE(page->commentCount(), 4);
        page->scrollToHeading(2); // no crash, the page scrolls
    }

    // Typing is stored, synced as a draft, formatted by the toolbar, and published.
    void editorSavesFormatsAndPublishes()
    {
        Session anna;
        QVERIFY(anna.start(m_server.url(), QStringLiteral("anna")));
        anna.core->drafts().setSaveDelay(20);
        auto* editor
            = anna.open<app::ArticleEditor>(writeLink(QStringLiteral("new"), QStringLiteral("0")));
        QVERIFY(editor);
        QTest::keyClicks(editor->titleEdit(), QStringLiteral("Uit de editor"));
        editor->source()->setFocus();
        QTest::keyClicks(editor->source(), QStringLiteral("Een woord"));
        editor->source()->selectAll();
        editor->format(app::ArticleEditor::Format::Bold);
        QCOMPARE(editor->source()->toPlainText(), QStringLiteral("**Een woord**"));
        QTextCursor end = editor->source()->textCursor();
        end.movePosition(QTextCursor::End);
        editor->source()->setTextCursor(end);
        QTest::keyClick(editor->source(), Qt::Key_Return);
        QTest::keyClicks(editor->source(), QStringLiteral("Kop"));
        editor->format(app::ArticleEditor::Format::Heading);
        QCOMPARE(editor->source()->toPlainText(), QStringLiteral("**Een woord**\n## Kop"));
        // The preview follows once typing pauses.
        QTRY_VERIFY(editor->preview()->toPlainText().contains(QStringLiteral("Kop")));
        QTRY_COMPARE(
            editor->preview()->document()->findBlockByNumber(1).blockFormat().headingLevel(), 2);
        editor->saveNow();
        const QString localId = editor->localId();
        QTRY_VERIFY_WITH_TIMEOUT(
            anna.core->drafts().work(localId)->state() == client::WorkRow::State::Synced, 10000);
        QTRY_COMPARE(editor->statusText(), app::ArticleEditor::tr("Saved as a draft"));
        auto* publish = editor->findChild<QToolButton*>(QStringLiteral("publishButton"));
        QVERIFY(publish);
        publish->click();
        // Published: the reading view of the article takes the editor's place.
        QTRY_VERIFY_WITH_TIMEOUT(qobject_cast<app::ArticlePage*>(anna.window->currentPage()),
                                 10000);
        auto* page = qobject_cast<app::ArticlePage*>(anna.window->currentPage());
        QCOMPARE(client::BlogStore(anna.core->cache()).article(page->articleId())->state,
                 QStringLiteral("published"));
    }

    // The comparison: the parts both changed, the choices, the edited result.
    // Home shows the newest articles of every blog anna reads as cards above the posts; Hide
    // puts them away. A group's page has its blog as a tab and its newest article above the
    // group's posts.
    void homeAndGroupShowTheNewestArticles()
    {
        Session anna;
        QVERIFY(anna.start(m_server.url(), QStringLiteral("anna")));
        QVERIFY(anna.window->navigator().open(app::Navigator::link(QStringLiteral("home"))));
        auto* home = anna.window->currentPage()->findChild<app::BlogStrip*>();
        QVERIFY(home);
        // The newest three of those she reads (the plan among them, also after the editor's
        // test published one).
        QTRY_COMPARE(home->cardCount(), 3);
        QVERIFY(home->isVisibleTo(anna.window.get()));
        QVERIFY(home->shownArticles().contains(anna.planId()));
        auto* card = home->findChild<app::ArticleCard*>();
        QVERIFY(card);
        QTest::mouseClick(card, Qt::LeftButton);
        QTRY_VERIFY(qobject_cast<app::ArticlePage*>(anna.window->currentPage()));
        home->hideShown();
        QCOMPARE(home->cardCount(), 0);
        QVERIFY(!home->isVisibleTo(anna.window.get()));

        qint64 walkers = 0;
        for (const client::GroupRow& g : client::GroupStore(anna.core->cache()).myGroups()) {
            if (g.name == QLatin1StringView("Lunchwandelaars"))
                walkers = g.id;
        }
        QVERIFY(walkers > 0);
        QVERIFY(
            anna.window->navigator().open(app::Navigator::link(QStringLiteral("group"), walkers)));
        QWidget* page = anna.window->currentPage();
        auto* strip = page->findChild<app::BlogStrip*>();
        QVERIFY(strip);
        QTRY_COMPARE(strip->cardCount(), 1); // the walks, hidden in Home only
        auto* tabs = page->findChild<QTabWidget*>();
        QVERIFY(tabs);
        auto* blog = page->findChild<app::BlogPage*>(QStringLiteral("groupBlog"));
        QVERIFY(blog);
        QVERIFY(tabs->indexOf(blog) >= 0);
        QCOMPARE(tabs->tabText(tabs->indexOf(blog)), app::BlogsCapability::tr("Blog"));
        QTRY_COMPARE(blog->cardCount(), 1);
    }

    // The owner names co-authors by @username in the editor; a name nobody has is said and
    // nothing is chosen; a co-author sees them but may not change them.
    void editorChoosesCoAuthors()
    {
        Session anna;
        QVERIFY(anna.start(m_server.url(), QStringLiteral("anna")));
        auto* editor
            = anna.open<app::ArticleEditor>(writeLink(QStringLiteral("new"), QStringLiteral("0")));
        QVERIFY(editor);
        editor->titleEdit()->setText(QStringLiteral("Met z'n tweeën"));
        editor->coAuthorsEdit()->setText(QStringLiteral("@niemand"));
        QVERIFY(!editor->chooseCoAuthors());
        QVERIFY(!anna.core->drafts().work(editor->localId())->coAuthors.has_value());
        editor->coAuthorsEdit()->setText(QStringLiteral("@eva, @anna"));
        QVERIFY(editor->chooseCoAuthors());
        const auto w = anna.core->drafts().work(editor->localId());
        QVERIFY(w->coAuthors.has_value());
        QCOMPARE(w->coAuthors->size(), 1); // the owner is no co-author of her own
        QCOMPARE(w->coAuthors->first().username, QStringLiteral("eva"));

        // The demo's plan is anna's with eva as co-author: eva sees it, read-only.
        Session eva;
        QVERIFY(eva.start(m_server.url(), QStringLiteral("eva")));
        const qint64 plan = eva.planId();
        QVERIFY(plan > 0);
        QTRY_VERIFY(eva.open<app::ArticleEditor>(
            writeLink(QStringLiteral("article"), QString::number(plan))));
        auto* hers = qobject_cast<app::ArticleEditor*>(eva.window->currentPage());
        QVERIFY(hers);
        QCOMPARE(hers->coAuthorsEdit()->text(), QStringLiteral("@eva"));
        QVERIFY(hers->coAuthorsEdit()->isReadOnly());
        QVERIFY(!hers->chooseCoAuthors());
    }

    // A cover chosen in the editor goes up through the outbox once the draft is on the
    // server, and shows above the reading view and on the article's card; a file that is not
    // an image is refused beside the button.
    void editorChoosesACover()
    {
        Session anna;
        QVERIFY(anna.start(m_server.url(), QStringLiteral("anna")));
        auto* editor
            = anna.open<app::ArticleEditor>(writeLink(QStringLiteral("new"), QStringLiteral("0")));
        QVERIFY(editor);
        QCOMPARE(anna.window->sidebar()->currentIndex().data(Qt::DisplayRole).toString(),
                 QStringLiteral("Blogs"));
        QTemporaryDir files;
        const QString notImage = files.filePath(QStringLiteral("omslag.png"));
        {
            QFile f(notImage);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("geen plaatje, wel een naam die het belooft");
        }
        QImage picture(600, 250, QImage::Format_RGB32);
        picture.fill(QColor(0, 110, 184));
        const QString image = files.filePath(QStringLiteral("sluis.png"));
        QVERIFY(picture.save(image));
        // Not on the server yet: nothing to hang a cover on.
        QVERIFY(!editor->chooseCover(image));
        editor->titleEdit()->setText(QStringLiteral("Met een omslag"));
        editor->saveNow();
        QTRY_VERIFY_WITH_TIMEOUT(anna.core->drafts().work(editor->localId())->articleId > 0, 10000);
        const qint64 id = anna.core->drafts().work(editor->localId())->articleId;
        QVERIFY(!editor->chooseCover(notImage));
        QVERIFY(editor->coverNote()->text().contains(QStringLiteral("PNG")));
        QVERIFY(editor->chooseCover(image));
        QTRY_VERIFY_WITH_TIMEOUT(client::BlogStore(anna.core->cache()).article(id)->cover, 15000);
        const client::Attachment cover = *client::BlogStore(anna.core->cache()).article(id)->cover;
        QCOMPARE(cover.name, QStringLiteral("sluis.png"));
        QCOMPARE(cover.width, 600);
        QVERIFY(anna.core->blogs().pendingCover(id).isEmpty());
        QCOMPARE(editor->coverNote()->text(), QStringLiteral("sluis.png"));

        auto* page
            = anna.open<app::ArticlePage>(app::Navigator::link(QStringLiteral("article"), id));
        QVERIFY(page);
        // The sidebar marks Blogs for an article's page, as for the editor's.
        QCOMPARE(anna.window->sidebar()->currentIndex().data(Qt::DisplayRole).toString(),
                 QStringLiteral("Blogs"));
        auto* banner = page->findChild<app::CoverImage*>(QStringLiteral("articleCover"));
        QVERIFY(banner && banner->isVisible());
        QCOMPARE(banner->file()->id, cover.id);
        // Its thumbnail comes from the server (the authors may see a draft's cover) and is
        // painted in place of the placeholder.
        QTRY_VERIFY_WITH_TIMEOUT(banner->showsImage(), 15000);
        QVERIFY(banner->height() > 100 && banner->height() <= 340);

        // Taken off again.
        QVERIFY(!anna.core->blogs().removeCover(id).isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(!client::BlogStore(anna.core->cache()).article(id)->cover, 10000);
        QTRY_VERIFY(!banner->isVisible());
    }

    // The reading view's "More by" opens the author page: the articles a person wrote or
    // co-wrote in the blogs the reader reads.
    void authorPageListsAPersonsArticles()
    {
        Session bram;
        QVERIFY(bram.start(m_server.url(), QStringLiteral("bram")));
        const qint64 plan = bram.planId();
        auto* page
            = bram.open<app::ArticlePage>(app::Navigator::link(QStringLiteral("article"), plan));
        QVERIFY(page);
        // Not his to edit: the editor does not open on it.
        QTRY_VERIFY(client::BlogStore(bram.core->cache()).article(plan)->hasBody);
        bram.window->navigator().open(writeLink(QStringLiteral("article"), QString::number(plan)));
        QVERIFY(!qobject_cast<app::ArticleEditor*>(bram.window->currentPage()));
        QVERIFY(!client::BlogStore(bram.core->cache())
                     .article(plan)
                     ->isAuthor(bram.core->blogs().userId()));
        QVERIFY(bram.core->drafts().all().isEmpty());
        bram.open<app::ArticlePage>(app::Navigator::link(QStringLiteral("article"), plan));
        auto* more = page->findChild<QPushButton*>(QStringLiteral("moreByAuthor"));
        QVERIFY(more);
        QTRY_VERIFY(more->isVisibleTo(page));
        more->click();
        auto* anna = qobject_cast<app::BlogPage*>(bram.window->currentPage());
        QVERIFY(anna);
        QCOMPARE(anna->objectName(), QStringLiteral("authorPage"));
        QTRY_VERIFY(anna->cardCount() >= 1); // the plan, and what the editor's test published

        qint64 evaId = 0;
        const auto planRow = client::BlogStore(bram.core->cache()).article(plan);
        QVERIFY(planRow);
        for (const client::ArticlePerson& p : planRow->coAuthors) {
            if (p.username == QLatin1StringView("eva"))
                evaId = p.id;
        }
        QVERIFY(evaId > 0);
        auto* eva
            = bram.open<app::BlogPage>(app::Navigator::link(QStringLiteral("articles-by"), evaId));
        QVERIFY(eva);
        QCOMPARE(eva->authorId(), evaId);
        // Her tips, and the plan she co-wrote.
        QTRY_COMPARE(eva->cardCount(), 2);
    }

    void conflictDialogMergesAndChooses()
    {
        client::WorkRow w;
        w.localId = QStringLiteral("x");
        w.articleId = 9;
        w.baseRevision = 3;
        w.base = {QStringLiteral("Titel"), {}, QStringLiteral("a\nb\nc\nd\n"), {}};
        w.text = {QStringLiteral("Titel"), {}, QStringLiteral("a mijn\nb\nc\nd mijn\n"), {}};
        client::ArticleRow theirs;
        theirs.id = 9;
        theirs.revision = 4;
        theirs.state = QStringLiteral("draft");
        theirs.hasBody = true;
        theirs.text = {QStringLiteral("Nieuwe titel"), {}, QStringLiteral("a hun\nb\nc\nd\n"), {}};
        w.conflict = theirs;
        app::ConflictDialog dialog(w);
        // The title changed on one side only: theirs, merged; the first line on both.
        QCOMPARE(dialog.conflictCount(), 1);
        QCOMPARE(dialog.result().title, QStringLiteral("Nieuwe titel"));
        QCOMPARE(dialog.result().body, QStringLiteral("a hun\na mijn\nb\nc\nd mijn\n"));
        dialog.choose(0, app::ConflictDialog::Choice::Mine);
        QCOMPARE(dialog.result().body, QStringLiteral("a mijn\nb\nc\nd mijn\n"));
        dialog.choose(0, app::ConflictDialog::Choice::Theirs);
        QCOMPARE(dialog.result().body, QStringLiteral("a hun\nb\nc\nd mijn\n"));
        auto* body = dialog.findChild<QPlainTextEdit*>(QStringLiteral("mergedBody"));
        QVERIFY(body);
        body->setPlainText(QStringLiteral("zelf geschreven\n"));
        QCOMPARE(dialog.result().body, QStringLiteral("zelf geschreven\n"));
    }

    // The history: the revisions newest first, what the newest changed against the one before
    // with the changed words marked, restoring the first for its author (not for a reader).
    // Last, as it adds a revision to the demo's plan.
    void historyShowsChangesAndRestores()
    {
        Session bram;
        QVERIFY(bram.start(m_server.url(), QStringLiteral("bram")));
        const qint64 id = bram.planId();
        QVERIFY(id > 0);
        auto* read
            = bram.open<app::HistoryPage>(app::Navigator::link(QStringLiteral("history"), id));
        QVERIFY(read);
        QTRY_COMPARE(read->revisions(), (QList<qint64> {2, 1}));
        QCOMPARE(read->shownRevision(), 2);
        QTRY_VERIFY(read->changes()->toPlainText().contains(QStringLiteral("Elke maand")));
        QVERIFY(read->changes()->toPlainText().contains(QStringLiteral("Elk kwartaal")));
        QVERIFY(read->changes()->toPlainText().contains(
            app::HistoryPage::tr("⋯ %n unchanged line(s)", nullptr, 19)));
        // The changed word has a background of its own, stronger than its line's.
        const QTextDocument* doc = read->changes()->document();
        const QTextCursor word = doc->find(QStringLiteral("maand"));
        QVERIFY(!word.isNull());
        const QTextCursor rest = doc->find(QStringLiteral("spreekuur"), word.position());
        QVERIFY(word.charFormat().hasProperty(QTextFormat::BackgroundBrush));
        QVERIFY(!rest.charFormat().hasProperty(QTextFormat::BackgroundBrush));
        QVERIFY(rest.blockFormat().hasProperty(QTextFormat::BackgroundBrush));
        read->showRevision(1);
        QTRY_VERIFY(read->changes()->toPlainText().contains(QStringLiteral("Elk kwartaal")));
        QVERIFY(!read->restoreButton()->isVisibleTo(read)); // bram only reads it

        Session anna;
        QVERIFY(anna.start(m_server.url(), QStringLiteral("anna")));
        auto* history
            = anna.open<app::HistoryPage>(app::Navigator::link(QStringLiteral("history"), id));
        QVERIFY(history);
        QTRY_COMPARE(history->revisions(), (QList<qint64> {2, 1}));
        QTRY_VERIFY(history->changes()->toPlainText().contains(QStringLiteral("Elke maand")));
        QVERIFY(!history->restoreButton()->isVisibleTo(history)); // the current one
        history->showRevision(1);
        QTRY_VERIFY(history->restoreButton()->isVisibleTo(history));
        QVERIFY(history->restoreShown());
        QVERIFY(qobject_cast<app::ArticlePage*>(anna.window->currentPage()));
        QTRY_COMPARE(anna.core->outbox().count(), 0);
        QTRY_COMPARE(client::BlogStore(anna.core->cache()).article(id)->revision, 3);
        QTRY_VERIFY(client::BlogStore(anna.core->cache()).article(id)->hasBody);
        QVERIFY(client::BlogStore(anna.core->cache())
                    .article(id)
                    ->text.body.contains(QStringLiteral("Elk kwartaal")));
        history = anna.open<app::HistoryPage>(app::Navigator::link(QStringLiteral("history"), id));
        QTRY_COMPARE(history->revisions(), (QList<qint64> {3, 2, 1}));
        // The new revision is what it shows: revision 1's text against revision 2's.
        QTRY_COMPARE(history->shownRevision(), 3);
        QVERIFY(!history->restoreButton()->isVisibleTo(history));
        QTRY_VERIFY(history->changes()->toPlainText().contains(QStringLiteral("−  - Elke maand")));
        QVERIFY(history->changes()->toPlainText().contains(QStringLiteral("+  - Elk kwartaal")));
    }

private:
    test::TestServer m_server;
};

QTEST_MAIN(TestBlogsUi)
#include "tst_blogs_ui.moc"
