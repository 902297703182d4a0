// What the app renders and where people write: the safe Markdown renderer (line breaks, code,
// emphasis, links that may not be followed, @mentions), the composer (its height, the
// characters-left counter in English and Dutch, the keyboard, @mention completion), and the
// PeopleModel the completion reads, against the real server and its demo organisation.

#include "client.h"
#include "connection.h"
#include "feed.h"
#include "feedscope.h"
#include "groups.h"
#include "groupstore.h"
#include "language.h"
#include "markdown.h"
#include "pages/feed/composer.h"
#include "people/peoplemodel.h"
#include "poststore.h"
#include "testclient.h"
#include "testserver.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QAbstractItemView>
#include <QAbstractTextDocumentLayout>
#include <QCompleter>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QLabel>
#include <QListView>
#include <QPlainTextEdit>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>
#include <QTextList>
#include <QTextTable>
#include <QVBoxLayout>
#include <QtTest>

using namespace plein;
using client::PeopleModel;

namespace {

struct Fragment
{
    QString text;
    QTextCharFormat format;
};

QList<Fragment> fragments(const QTextDocument& doc)
{
    QList<Fragment> out;
    for (QTextBlock block = doc.begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it)
            out.append({it.fragment().text(), it.fragment().charFormat()});
    }
    return out;
}

// The format of the fragment holding `text`.
QTextCharFormat formatOf(const QTextDocument& doc, const QString& text)
{
    for (const Fragment& f : fragments(doc)) {
        if (f.text.contains(text))
            return f.format;
    }
    return QTextCharFormat();
}

QString blockTexts(const QTextDocument& doc)
{
    QStringList out;
    for (QTextBlock block = doc.begin(); block.isValid(); block = block.next())
        out << block.text();
    return out.join(u'|');
}

QString lineBreak()
{
    return QString(QChar::LineSeparator);
}

// A composer above a list, in a window that has the focus.
struct ComposerWindow
{
    QWidget window;
    app::Composer* composer = new app::Composer(&window);
    QListView* list = new QListView(&window);

    ComposerWindow()
    {
        auto* layout = new QVBoxLayout(&window);
        layout->addWidget(composer);
        layout->addWidget(list, 1);
        window.resize(500, 400);
        window.show();
        window.activateWindow();
    }

    QPlainTextEdit* editor() const { return composer->editor(); }
    int lineSpacing() const { return editor()->fontMetrics().lineSpacing(); }
};

QStringList usernames(const QAbstractItemModel& model)
{
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row)
        out << model.index(row, 0).data(PeopleModel::UsernameRole).toString();
    return out;
}

} // namespace

class TestRendering : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void aNewlineIsALineBreak_data();
    void aNewlineIsALineBreak();
    void blocksKeepTheirMeaning();
    void codeShowsItsCharacters();
    void codeWrapsWithinTheWidth();
    void underscoresAreItalic();
    void unsafeLinksAreText_data();
    void unsafeLinksAreText();
    void imagesAreText();
    void theReadersMentionsStandOut();

    void composerIsOneLineUntilFocused();
    void counterShowsNearTheLimit();
    void counterSpeaksDutch();
    void tabAndEscapeLeaveTheComposer();

    void peopleModelFollowsPostsAndMembers();
    void mentionCompletion();

private:
    bool addUser(const QString& username, const QString& displayName);

    test::TestServer m_server;
    QTemporaryDir m_profiles;
    std::unique_ptr<client::Client> m_emile;
    qint64 m_walkers = 0;
};

void TestRendering::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    // The app's own English translation holds the plural forms.
    app::Language::install(*qApp, QStringLiteral("en"));
    QVERIFY2(m_server.start(), qPrintable(m_server.lastError()));
    // Someone the others know only as a member of a group, never as an author; with an accent.
    QVERIFY(addUser(QStringLiteral("emile"), QStringLiteral("Émile Zola")));
    m_emile = test::makeClient(m_server.url(), QStringLiteral("emile"),
                               m_profiles.filePath(QStringLiteral("emile")));
    QVERIFY(m_emile && test::goOnlineAndCatchUp(*m_emile));
    bool found = false;
    m_emile->groups().requestList(QStringLiteral("Lunchwandelaars"), QString(), 0, 10, this,
                                  [&](const Result<client::GroupPage>& r) {
                                      if (r && !r->groups.isEmpty())
                                          m_walkers = r->groups.first().id;
                                      found = true;
                                  });
    QTRY_VERIFY(found);
    QVERIFY(m_walkers > 0);
    m_emile->groups().join(m_walkers);
    const auto joined = [this]() {
        const auto group = m_emile->groups().group(m_walkers);
        return group && group->isMember();
    };
    QTRY_VERIFY_WITH_TIMEOUT(joined(), 10000);
}

bool TestRendering::addUser(const QString& username, const QString& displayName)
{
    QProcess process;
    process.start(QStringLiteral(PLEIN_SERVER_BINARY),
                  {QStringLiteral("user"), QStringLiteral("add"), username,
                   QStringLiteral("--display-name"), displayName, QStringLiteral("--data"),
                   m_server.dataDir()});
    process.write(test::TestServer::password().toUtf8() + '\n');
    process.closeWriteChannel();
    return process.waitForFinished(20000) && process.exitCode() == 0;
}

void TestRendering::aNewlineIsALineBreak_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<QString>("blocks");
    const auto row = [](const char* name, const char* markdown, const char* blocks) {
        QTest::newRow(name) << QString::fromUtf8(markdown)
                            << QString::fromUtf8(blocks).replace(u'/', QChar::LineSeparator);
    };
    // "/" stands for a line break, "|" between blocks.
    row("two lines", "one\ntwo", "one/two");
    row("windows line ends", "one\r\ntwo\r\nthree", "one/two/three");
    row("emphasis at a line's end", "_one_\n**two**", "one/two");
    row("a hard break", "one  \ntwo", "one/two");
    row("a backslash break", "one\\\ntwo", "one/two");
    row("paragraphs", "one\n\ntwo", "one|two");
    row("a quote", "> one\n> two", "one/two");
    row("a list item", "- one\n  two\n- three", "one/two|three");
    row("a link across lines", "[one\ntwo](https://plein.example)", "one/two");
}

void TestRendering::aNewlineIsALineBreak()
{
    QFETCH(QString, markdown);
    QFETCH(QString, blocks);
    QTextDocument doc;
    app::setSafeMarkdown(doc, markdown);
    QCOMPARE(blockTexts(doc), blocks);
    doc.setTextWidth(400);
    (void)doc.size();
    // Two lines on screen where there is a break, however wide the page.
    if (blocks.contains(lineBreak()))
        QCOMPARE(doc.begin().layout()->lineCount(), int(blocks.count(lineBreak())) + 1);
}

// The marks that make line breaks change nothing else Markdown means.
void TestRendering::blocksKeepTheirMeaning()
{
    QTextDocument doc;
    app::setSafeMarkdown(doc, QStringLiteral("# Title\ntext"));
    QCOMPARE(blockTexts(doc), QStringLiteral("Title|text"));
    QCOMPARE(doc.begin().blockFormat().headingLevel(), 1);

    app::setSafeMarkdown(doc, QStringLiteral("Title\n===\ntext"));
    QCOMPARE(blockTexts(doc), QStringLiteral("Title|text"));
    QCOMPARE(doc.begin().blockFormat().headingLevel(), 1);

    app::setSafeMarkdown(doc, QStringLiteral("intro\n- one\n- two\n\n---\nend"));
    QVERIFY2(blockTexts(doc).startsWith(QStringLiteral("intro|one|two|")),
             qPrintable(blockTexts(doc)));
    QVERIFY(doc.begin().next().textList());

    app::setSafeMarkdown(doc, QStringLiteral("| a | b |\n|---|---|\n| 1 | 2 |"));
    QTextCursor cursor(&doc);
    cursor.movePosition(QTextCursor::NextBlock);
    QVERIFY(cursor.currentTable());
    QCOMPARE(cursor.currentTable()->rows(), 2);

    app::setSafeMarkdown(doc, QStringLiteral("[a][1]\nnext\n\n[1]: https://plein.example/a"));
    QCOMPARE(formatOf(doc, QStringLiteral("a")).anchorHref(),
             QStringLiteral("https://plein.example/a"));

    // Code keeps its lines exactly, trailing spaces and all.
    app::setSafeMarkdown(doc, QStringLiteral("```\nx  \ny\n```\n\n~~~\nz\n~~~"));
    QCOMPARE(blockTexts(doc), QStringLiteral("x  |y|z"));
    QVERIFY(!doc.toPlainText().contains(QChar(0x2008)));
}

void TestRendering::codeShowsItsCharacters()
{
    QTextDocument doc;
    app::setSafeMarkdown(doc,
                         QStringLiteral("Use `<b>&amp;</b>` here.\n\n```\n<b>&amp;</b>\n```\n"));
    QCOMPARE(doc.toPlainText(), QStringLiteral("Use <b>&amp;</b> here.\n<b>&amp;</b>"));
    const QStringList fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont).families();
    const QTextCharFormat inlineCode = formatOf(doc, QStringLiteral("<b>&amp;</b>"));
    QCOMPARE(inlineCode.fontFamilies().toStringList(), fixed);
    QVERIFY(inlineCode.background().style() != Qt::NoBrush);
    const QTextBlock block = doc.lastBlock();
    QCOMPARE(block.text(), QStringLiteral("<b>&amp;</b>"));
    QVERIFY(block.blockFormat().background().style() != Qt::NoBrush);
    QCOMPARE(block.begin().fragment().charFormat().fontFamilies().toStringList(), fixed);
    // Raw HTML outside code is text too; entities are the characters they name.
    app::setSafeMarkdown(doc, QStringLiteral("<b>bold?</b> &lt;tag&gt; &amp;"));
    QCOMPARE(doc.toPlainText(), QStringLiteral("<b>bold?</b> <tag> &"));
}

void TestRendering::codeWrapsWithinTheWidth()
{
    QTextDocument doc;
    app::setSafeMarkdown(
        doc,
        QStringLiteral("```\nint main() { return aVeryLongIdentifierThatDoesNotStopAnywhereNear"
                       "TheEdgeOfTheNarrowPost_andGoesOnAndOnAndOnAndOnAndOnAndOnAndOn; }\n```\n"
                       "and `an_inline_code_span_that_is_also_far_too_long_for_the_width`"));
    constexpr qreal width = 200;
    doc.setTextWidth(width);
    int lines = 0;
    for (QTextBlock block = doc.begin(); block.isValid(); block = block.next()) {
        const QRectF box = doc.documentLayout()->blockBoundingRect(block);
        const QTextLayout* layout = block.layout();
        for (int i = 0; i < layout->lineCount(); ++i) {
            const QTextLine line = layout->lineAt(i);
            const qreal right = box.left() + line.x() + line.naturalTextWidth();
            QVERIFY2(right <= width - doc.documentMargin() + 0.5,
                     qPrintable(QStringLiteral("a line ends at %1 of %2").arg(right).arg(width)));
            ++lines;
        }
    }
    QVERIFY(lines >= 4); // it wrapped
}

void TestRendering::underscoresAreItalic()
{
    QTextDocument doc;
    app::setSafeMarkdown(doc, QStringLiteral("_one_ *two* __three__ ~~four~~"));
    for (const char* text : {"one", "two"}) {
        const QTextCharFormat f = formatOf(doc, QString::fromLatin1(text));
        QVERIFY2(f.fontItalic(), text);
        QVERIFY2(!f.fontUnderline(), text);
    }
    QVERIFY(formatOf(doc, QStringLiteral("three")).fontWeight() >= QFont::Bold);
    QVERIFY(!formatOf(doc, QStringLiteral("three")).fontUnderline());
    QVERIFY(formatOf(doc, QStringLiteral("four")).fontStrikeOut());
}

void TestRendering::unsafeLinksAreText_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<QString>("words");
    QTest::newRow("inline") << "[click](javascript:alert(1))"
                            << "click";
    QTest::newRow("inline, mixed case") << "[click](JaVaScRiPt:alert(1))"
                                        << "click";
    QTest::newRow("file") << "[passwords](file:///etc/passwd)"
                          << "passwords";
    QTest::newRow("data") << "[x](data:text/html;base64,PHNjcmlwdD4=)"
                          << "x";
    QTest::newRow("relative") << "[home](../../etc/passwd)"
                              << "home";
    QTest::newRow("mailto attaching a file") << "[mail](mailto:a@example.org?attach=/etc/passwd)"
                                             << "mail";
    QTest::newRow("reference") << "[click][1]\n\n[1]: javascript:alert(1)"
                               << "click";
    QTest::newRow("reference, collapsed") << "[click][]\n\n[click]: file:///etc/passwd"
                                          << "click";
    QTest::newRow("reference with a title") << "[click][r]\n\n[r]: file:///etc/passwd \"title\""
                                            << "click";
    QTest::newRow("autolink") << "<javascript:alert(1)>"
                              << "javascript:alert(1)";
    QTest::newRow("file autolink") << "<file:///etc/passwd>"
                                   << "file:///etc/passwd";
    QTest::newRow("in emphasis") << "*[click](javascript:alert(1))*"
                                 << "click";
    QTest::newRow("in strong emphasis") << "**_[click](file:///etc/passwd)_**"
                                        << "click";
    QTest::newRow("emphasis inside") << "[**cl**_ick_](javascript:alert(1))"
                                     << "cl";
    QTest::newRow("image inside") << "[![pic](x.png)](javascript:alert(1))"
                                  << "pic";
    QTest::newRow("in a list") << "- [click](javascript:alert(1))"
                               << "click";
    QTest::newRow("in a table") << "| a |\n|---|\n| [click](file:///etc/passwd) |"
                                << "click";
}

void TestRendering::unsafeLinksAreText()
{
    QFETCH(QString, markdown);
    QFETCH(QString, words);
    QTextDocument doc;
    app::setSafeMarkdown(doc, markdown);
    QVERIFY2(doc.toPlainText().contains(words), qPrintable(doc.toPlainText()));
    const QColor link = QGuiApplication::palette().color(QPalette::Link);
    for (const Fragment& f : fragments(doc)) {
        QVERIFY2(!f.format.isAnchor() && f.format.anchorHref().isEmpty(), qPrintable(f.text));
        QVERIFY2(!f.format.fontUnderline(), qPrintable(f.text));
        QVERIFY2(f.format.foreground().color() != link || f.format.foreground() == Qt::NoBrush,
                 qPrintable(f.text));
    }
    // The same words with an allowed address are a link.
    app::setSafeMarkdown(doc, QStringLiteral("[click](https://plein.example)"));
    QCOMPARE(formatOf(doc, QStringLiteral("click")).anchorHref(),
             QStringLiteral("https://plein.example"));
}

void TestRendering::imagesAreText()
{
    QTextDocument doc;
    app::setSafeMarkdown(doc,
                         QStringLiteral("![the cat](https://plein.example/cat.png) and "
                                        "![secret](file:///etc/passwd) `![not](an image)`"));
    for (const Fragment& f : fragments(doc))
        QVERIFY(!f.format.isImageFormat());
    QCOMPARE(doc.toPlainText(), QStringLiteral("the cat and secret ![not](an image)"));
    // One that may be opened in the browser is a link to it.
    QCOMPARE(formatOf(doc, QStringLiteral("the cat")).anchorHref(),
             QStringLiteral("https://plein.example/cat.png"));
    QVERIFY(!formatOf(doc, QStringLiteral("secret")).isAnchor());
}

void TestRendering::theReadersMentionsStandOut()
{
    QTextDocument doc;
    app::setSafeMarkdown(doc, QStringLiteral("@anna and @Bram, see `@anna` at anna@example.nl."),
                         QStringLiteral("anna"));
    const QTextCharFormat mine = formatOf(doc, QStringLiteral("@anna"));
    QVERIFY(mine.background().style() != Qt::NoBrush);
    QVERIFY(mine.fontWeight() >= QFont::Bold);
    const QTextCharFormat other = formatOf(doc, QStringLiteral("@Bram"));
    QCOMPARE(other.background().style(), Qt::NoBrush);
    QCOMPARE(other.foreground().color(), QGuiApplication::palette().color(QPalette::Link));
    QVERIFY(other.fontWeight() > QFont::Normal);
    QVERIFY(other.fontWeight() < mine.fontWeight());
    // Nothing in code, nothing in an address.
    const QList<Fragment> all = fragments(doc);
    const auto code = std::find_if(all.begin(), all.end(), [](const Fragment& f) {
        return f.text == QStringLiteral("@anna") && f.format.fontFixedPitch();
    });
    QVERIFY(code != all.end());
    QCOMPARE(code->format.fontWeight(), QFont::Normal);
    QCOMPARE(formatOf(doc, QStringLiteral("example.nl")).fontWeight(), QFont::Normal);
    // Without a reader, every mention looks like another's.
    app::setSafeMarkdown(doc, QStringLiteral("@anna"));
    QCOMPARE(formatOf(doc, QStringLiteral("@anna")).background().style(), Qt::NoBrush);
}

void TestRendering::composerIsOneLineUntilFocused()
{
    ComposerWindow w;
    QVERIFY(QTest::qWaitForWindowActive(&w.window));
    const int spacing = w.lineSpacing();
    const int collapsed = w.editor()->height();
    QVERIFY2(collapsed < 2 * spacing,
             qPrintable(QStringLiteral("%1 of lines of %2").arg(collapsed).arg(spacing)));
    // The window's first widget, it may have the focus already: a click opens it up.
    QTest::mouseClick(w.editor()->viewport(), Qt::LeftButton);
    QTRY_VERIFY(w.editor()->hasFocus());
    QVERIFY(w.editor()->height() >= app::Composer::focusedLines * spacing);
    const int focused = w.editor()->height();
    // It grows with the text, up to its most.
    QTest::keyClicks(w.editor(), QStringLiteral("line"));
    for (int i = 0; i < 5; ++i) {
        QTest::keyClick(w.editor(), Qt::Key_Return);
        QTest::keyClicks(w.editor(), QStringLiteral("line"));
    }
    QVERIFY(w.editor()->height() > focused);
    QVERIFY(w.editor()->height() >= 6 * spacing);
    for (int i = 0; i < 20; ++i)
        QTest::keyClick(w.editor(), Qt::Key_Return);
    QVERIFY(w.editor()->height() <= app::Composer::maxLines * spacing + (collapsed - spacing));
    QVERIFY(w.editor()->height() >= app::Composer::maxLines * spacing);
    // Empty and left, it is one line again.
    w.editor()->clear();
    w.list->setFocus();
    QTRY_VERIFY(!w.editor()->hasFocus());
    QCOMPARE(w.editor()->height(), collapsed);
    // Tab into it opens it up too.
    QTest::keyClick(w.list, Qt::Key_Backtab);
    QTRY_VERIFY(w.editor()->hasFocus());
    QVERIFY(w.editor()->height() >= app::Composer::focusedLines * spacing);
}

void TestRendering::counterShowsNearTheLimit()
{
    ComposerWindow w;
    QVERIFY(QTest::qWaitForWindowExposed(&w.window));
    QLabel* counter = w.composer->counter();
    QVERIFY(!counter->isVisible());
    w.editor()->setPlainText(QStringLiteral("Hello"));
    QVERIFY(!counter->isVisible());
    QVERIFY(w.composer->sendButton()->isEnabled());
    const int limit = w.composer->charactersLeft() + 5;
    w.editor()->setPlainText(QString(limit - app::Composer::counterThreshold() - 1, u'x'));
    QVERIFY(!counter->isVisible());
    w.editor()->setPlainText(QString(limit - 400, u'x'));
    QVERIFY(counter->isVisible());
    QCOMPARE(counter->text(), QStringLiteral("400 characters left"));
    w.editor()->setPlainText(QString(limit - 1, u'x'));
    QCOMPARE(counter->text(), QStringLiteral("1 character left"));
    w.editor()->setPlainText(QString(limit, u'x'));
    QCOMPARE(counter->text(), QStringLiteral("0 characters left"));
    QVERIFY(w.composer->sendButton()->isEnabled());
    const QColor normal = counter->palette().color(QPalette::WindowText);
    // Past the limit: what is too many, in red, and nothing to send.
    w.editor()->setPlainText(QString(limit + 1, u'x'));
    QCOMPARE(counter->text(), QStringLiteral("1 character too many"));
    w.editor()->setPlainText(QString(limit + 12, u'x'));
    QCOMPARE(counter->text(), QStringLiteral("12 characters too many"));
    const QColor red = counter->palette().color(QPalette::WindowText);
    QVERIFY(red != normal);
    QVERIFY(red.red() > red.green() + 60 && red.red() > red.blue() + 60);
    QVERIFY(!w.composer->sendButton()->isEnabled());
    QSignalSpy submitted(w.composer, &app::Composer::submitted);
    w.composer->submit();
    QCOMPARE(submitted.size(), 0);
}

void TestRendering::counterSpeaksDutch()
{
    app::Language::install(*qApp, QStringLiteral("nl"));
    ComposerWindow w;
    QVERIFY(QTest::qWaitForWindowExposed(&w.window));
    const int limit = w.composer->charactersLeft();
    QLabel* counter = w.composer->counter();
    w.editor()->setPlainText(QString(limit - 400, u'x'));
    const QString many = counter->text();
    w.editor()->setPlainText(QString(limit - 1, u'x'));
    const QString one = counter->text();
    w.editor()->setPlainText(QString(limit + 1, u'x'));
    const QString overOne = counter->text();
    w.editor()->setPlainText(QString(limit + 12, u'x'));
    const QString overMany = counter->text();
    app::Language::install(*qApp, QStringLiteral("en"));
    QCOMPARE(many, QStringLiteral("nog 400 tekens"));
    QCOMPARE(one, QStringLiteral("nog 1 teken"));
    QCOMPARE(overOne, QStringLiteral("1 teken te veel"));
    QCOMPARE(overMany, QStringLiteral("12 tekens te veel"));
}

void TestRendering::tabAndEscapeLeaveTheComposer()
{
    ComposerWindow w;
    QVERIFY(QTest::qWaitForWindowActive(&w.window));
    w.list->setFocusPolicy(Qt::StrongFocus);
    w.editor()->setFocus();
    QTRY_VERIFY(w.editor()->hasFocus());
    // Empty, Send is disabled: Tab goes straight to what follows the composer.
    QTest::keyClick(w.editor(), Qt::Key_Tab);
    QTRY_VERIFY(w.list->hasFocus());
    QVERIFY(w.editor()->toPlainText().isEmpty());
    // With text, Tab leaves the text for the Send button and writes no tab.
    w.editor()->setFocus();
    QTest::keyClicks(w.editor(), QStringLiteral("Hallo"));
    QTest::keyClick(w.editor(), Qt::Key_Tab);
    QTRY_VERIFY(!w.editor()->hasFocus());
    QCOMPARE(QApplication::focusWidget(), static_cast<QWidget*>(w.composer->sendButton()));
    QCOMPARE(w.editor()->toPlainText(), QStringLiteral("Hallo"));
    // Escape: the signal, and nobody taking the focus, it goes to the list.
    w.editor()->setFocus();
    QTRY_VERIFY(w.editor()->hasFocus());
    QSignalSpy escaped(w.composer, &app::Composer::escapePressed);
    QTest::keyClick(w.editor(), Qt::Key_Escape);
    QCOMPARE(escaped.size(), 1);
    QTRY_VERIFY(w.list->hasFocus());
    QCOMPARE(w.editor()->toPlainText(), QStringLiteral("Hallo"));
    // Ctrl+Enter still sends.
    QSignalSpy submitted(w.composer, &app::Composer::submitted);
    w.editor()->setFocus();
    QTest::keyClick(w.editor(), Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(submitted.size(), 1);
    QCOMPARE(submitted.first().first().toString(), QStringLiteral("Hallo"));
}

void TestRendering::peopleModelFollowsPostsAndMembers()
{
    QVERIFY(PeopleModel::folded(QStringLiteral("Émile ØSTERGÅRD Łukasz"))
            == QStringLiteral("emile ostergard lukasz"));
    auto anna = test::makeClient(m_server.url(), QStringLiteral("anna"),
                                 m_profiles.filePath(QStringLiteral("anna")));
    QVERIFY(anna && test::goOnlineAndCatchUp(*anna));
    PeopleModel& people = anna->people();
    // Nothing is read until someone asks.
    QCOMPARE(people.rowCount(), 0);
    QVERIFY(people.canFetchMore(QModelIndex()));
    QAbstractItemModelTester tester(&people,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    people.fetchMore(QModelIndex());
    QVERIFY(!people.canFetchMore(QModelIndex()));
    // The authors of the cache at once; Émile, a member of anna's walking group, once the
    // server answers. By display name.
    QVERIFY(usernames(people).contains(QStringLiteral("bram")));
    QTRY_COMPARE(
        usernames(people),
        QStringList({QStringLiteral("anna"), QStringLiteral("bram"), QStringLiteral("chantal"),
                     QStringLiteral("daan"), QStringLiteral("emile"), QStringLiteral("eva")}));
    QCOMPARE(people.index(4, 0).data().toString(), QStringLiteral("Émile Zola"));
    QCOMPARE(people.index(0, 0).data(PeopleModel::DisplayNameRole).toString(),
             QStringLiteral("Anna de Vries"));

    // Émile leaves the group: gone, as he never wrote anything anna has.
    QSignalSpy removed(&people, &QAbstractItemModel::rowsRemoved);
    QSignalSpy reset(&people, &QAbstractItemModel::modelReset);
    m_emile->groups().leave(m_walkers);
    QTRY_VERIFY_WITH_TIMEOUT(!usernames(people).contains(QStringLiteral("emile")), 10000);
    QCOMPARE(removed.size(), 1);
    // He comes back and writes in the group: known as a member and as an author.
    m_emile->groups().join(m_walkers);
    QTRY_VERIFY_WITH_TIMEOUT(usernames(people).contains(QStringLiteral("emile")), 10000);
    m_emile->feed().createPost(QStringLiteral("Ik loop donderdag mee."), 0, m_walkers);
    const auto emileWrote = [&]() {
        const auto posts
            = client::PostStore(anna->cache()).feedPage(client::FeedScope::group(m_walkers), 50);
        return std::any_of(posts.begin(), posts.end(), [](const client::PostRow& p) {
            return p.authorUsername == QStringLiteral("emile");
        });
    };
    QTRY_VERIFY_WITH_TIMEOUT(emileWrote(), 10000);
    // Leaving now, he stays: anna has his post.
    const int members = client::GroupStore(anna->cache()).group(m_walkers)->members;
    m_emile->groups().leave(m_walkers);
    QTRY_COMPARE_WITH_TIMEOUT(client::GroupStore(anna->cache()).group(m_walkers)->members,
                              members - 1, 10000);
    QTRY_VERIFY(!people.isLoading());
    QTest::qWait(500);
    QTRY_VERIFY(!people.isLoading());
    QCOMPARE(usernames(people).count(QStringLiteral("emile")), 1);
    QCOMPARE(reset.size(), 0);
    // Back in the group for the completion test.
    m_emile->groups().join(m_walkers);
    QTRY_COMPARE_WITH_TIMEOUT(client::GroupStore(anna->cache()).group(m_walkers)->members, members,
                              10000);
    anna->connection().stop();
}

void TestRendering::mentionCompletion()
{
    auto bram = test::makeClient(m_server.url(), QStringLiteral("bram"),
                                 m_profiles.filePath(QStringLiteral("bram")));
    QVERIFY(bram && test::goOnlineAndCatchUp(*bram));
    ComposerWindow w;
    w.composer->setPeople(&bram->people());
    QVERIFY(QTest::qWaitForWindowActive(&w.window));
    w.editor()->setFocus();
    QTRY_VERIFY(w.editor()->hasFocus());
    QCompleter* completer = w.composer->mentionCompleter();
    QVERIFY(completer);
    // Focusing the composer reads nobody: a large cache's authors are read at the first @.
    QTest::keyClicks(w.editor(), QStringLiteral("Hoi "));
    QVERIFY(bram->people().canFetchMore(QModelIndex()));
    QCOMPARE(bram->people().rowCount(), 0);

    QTest::keyClicks(w.editor(), QStringLiteral("@an"));
    QTRY_VERIFY(completer->popup()->isVisible());
    QCOMPARE(usernames(*completer->completionModel()), QStringList {QStringLiteral("anna")});
    QCOMPARE(completer->completionModel()->index(0, 0).data().toString(),
             QStringLiteral("Anna de Vries"));
    QTest::keyClick(completer->popup(), Qt::Key_Return);
    QVERIFY(!completer->popup()->isVisible());
    QCOMPARE(w.editor()->toPlainText(), QStringLiteral("Hoi @anna "));

    // Without regard to accents or case, by any word of the name; Tab takes it too. Émile is
    // known to bram only as a member of one of his groups, which the server may still be
    // sending: the list opens when he comes.
    QTest::keyClicks(w.editor(), QStringLiteral("en @EMI"));
    QTRY_VERIFY(completer->popup()->isVisible());
    QCOMPARE(usernames(*completer->completionModel()), QStringList {QStringLiteral("emile")});
    QTest::keyClick(completer->popup(), Qt::Key_Tab);
    QCOMPARE(w.editor()->toPlainText(), QStringLiteral("Hoi @anna en @emile "));
    QVERIFY(w.editor()->hasFocus());
    QTest::keyClicks(w.editor(), QStringLiteral("@vis"));
    QTRY_VERIFY(completer->popup()->isVisible());
    QCOMPARE(usernames(*completer->completionModel()), QStringList {QStringLiteral("daan")});

    // Escape closes the list and keeps what was typed and the focus.
    QTest::keyClick(completer->popup(), Qt::Key_Escape);
    QVERIFY(!completer->popup()->isVisible());
    QCOMPARE(w.editor()->toPlainText(), QStringLiteral("Hoi @anna en @emile @vis"));
    QVERIFY(w.editor()->hasFocus());

    // Down and Enter choose another than the first.
    QTest::keyClick(w.editor(), Qt::Key_Backspace);
    QTest::keyClick(w.editor(), Qt::Key_Backspace);
    QTest::keyClick(w.editor(), Qt::Key_Backspace);
    QTRY_VERIFY(completer->popup()->isVisible()); // "@": everyone
    QCOMPARE(completer->completionModel()->rowCount(), 6);
    QTest::keyClick(completer->popup(), Qt::Key_Down);
    QTest::keyClick(completer->popup(), Qt::Key_Return);
    QCOMPARE(w.editor()->toPlainText(), QStringLiteral("Hoi @anna en @emile @bram "));
    // An address is not a mention.
    QTest::keyClicks(w.editor(), QStringLiteral("mail bram@an"));
    QVERIFY(!completer->popup()->isVisible());
    // A username starting with what was typed comes before a name with a word that does
    // (Anna de Vries).
    w.editor()->clear();
    QTest::keyClicks(w.editor(), QStringLiteral("@d"));
    QTRY_VERIFY(completer->popup()->isVisible());
    QCOMPARE(usernames(*completer->completionModel()),
             QStringList({QStringLiteral("daan"), QStringLiteral("anna")}));
    bram->connection().stop();
}

QTEST_MAIN(TestRendering)
#include "tst_rendering.moc"
