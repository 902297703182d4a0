// Code blocks highlighted with KDE's KSyntaxHighlighting (ui/codehighlighter): the real
// kate-syntax-highlighter on C++ and SQL, its output read strictly (crafted hostile outputs and
// hostile programs leave the code plain), language names that may not be passed, the memory and
// disk caches (a hit starts no process, across a restart too), and the Copy caption of a code
// block, from the document to the clipboard through a post's card in the real app against the
// real server.

#include "client.h"
#include "feed.h"
#include "markdown.h"
#include "outbox.h"
#include "pages/feed/feedcapability.h"
#include "pages/feed/feedview.h"
#include "pages/feed/postdelegate.h"
#include "postlistmodel.h"
#include "shell/mainwindow.h"
#include "testclient.h"
#include "testserver.h"
#include "ui/codehighlighter.h"
#include "ui/theme.h"

#include <QAbstractTextDocumentLayout>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QListView>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextBlock>
#include <QTextDocument>
#include <QUrl>
#include <QtTest>

using namespace plein;
using app::CodeHighlighter;
using app::CodeSpan;
using client::PostListModel;

namespace {

const QString cppCode = QStringLiteral("#include <vector>\n"
                                       "// Sums the numbers: <b>not bold</b> & more\n"
                                       "int sum(const std::vector<int>& v)\n"
                                       "{\n"
                                       "    int total = 0;\n"
                                       "    for (int x : v)\n"
                                       "        total += x;\n"
                                       "    return total; // \u00e9\u20ac\n"
                                       "}");
const QString sqlCode = QStringLiteral("SELECT p.id, count(*) AS n -- per post\n"
                                       "FROM posts p JOIN likes l ON l.post_id = p.id\n"
                                       "WHERE p.body LIKE '%code%'\n"
                                       "GROUP BY p.id ORDER BY n DESC LIMIT 10;");

bool ciRun()
{
    return qEnvironmentVariable("CI") == QLatin1StringView("true");
}

QString program()
{
    return QStandardPaths::findExecutable(QStringLiteral("kate-syntax-highlighter"));
}

// The spans lie inside the text, in order, without overlapping.
bool wellFormed(const QList<CodeSpan>& spans, const QString& code)
{
    int at = 0;
    for (const CodeSpan& s : spans) {
        if (s.start < at || s.length <= 0 || s.start + s.length > code.size())
            return false;
        at = s.start + s.length;
    }
    return true;
}

// The span covering the first `word` of `code`, or none.
std::optional<CodeSpan> spanOf(const QList<CodeSpan>& spans, const QString& code,
                               const QString& word)
{
    const int at = int(code.indexOf(word));
    for (const CodeSpan& s : spans) {
        if (s.start <= at && at + word.size() <= s.start + s.length)
            return s;
    }
    return std::nullopt;
}

// Runs `language`/`code` through `h` until its colours are known.
std::optional<QList<CodeSpan>> highlightNow(CodeHighlighter& h, const QString& language,
                                            const QString& code, bool dark = false)
{
    QString key;
    if (auto known = h.lookup(language, code, dark, &key))
        return known;
    QSignalSpy done(&h, &CodeHighlighter::highlighted);
    for (int i = 0; i < 50 && h.pendingCount() > 0; ++i)
        done.wait(100);
    return h.lookup(language, code, dark);
}

// A program standing in for kate-syntax-highlighter, as a hostile or broken one would be.
QString writeScript(const QTemporaryDir& dir, const QString& name, const QByteArray& body)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QString();
    file.write("#!/bin/sh\n" + body + "\n");
    file.close();
    file.setPermissions(file.permissions() | QFileDevice::ExeOwner);
    return path;
}

QTextCharFormat formatAt(const QTextDocument& doc, int position)
{
    const QTextBlock block = doc.findBlock(position);
    for (auto it = block.begin(); !it.atEnd(); ++it) {
        const QTextFragment f = it.fragment();
        if (f.position() <= position && position < f.position() + f.length())
            return f.charFormat();
    }
    return QTextCharFormat();
}

} // namespace

class TestHighlight : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void realProgramColoursCppAndSql();
    void cacheHitNeedsNoProcess();
    void hostileOutputStaysPlain_data();
    void hostileOutputStaysPlain();
    void ownOutputReadsBack();
    void hostileProgramsStayPlain_data();
    void hostileProgramsStayPlain();
    void languageNamesAreValidated_data();
    void languageNamesAreValidated();
    void languageIsOneArgument();
    void documentShowsColoursOnceKnown();
    void copyAnchorGivesTheExactCode();
    void manyBlocksStayBounded();
    void hostileTextWithCaptions();
    void cardCopiesCodeAndRepaintsInColour();

private:
    test::TestServer m_server;
    QTemporaryDir m_cache;
    // The app's highlighter (instance()), as main.cpp makes it, on a cache of the test's own.
    std::unique_ptr<CodeHighlighter> m_app;
};

void TestHighlight::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    if (program().isEmpty()) {
        if (ciRun())
            QFAIL("kate-syntax-highlighter is missing (libkf5syntaxhighlighting-tools)");
        QSKIP("kate-syntax-highlighter is not installed (scripts/install-deps.sh)");
    }
    CodeHighlighter::Options options;
    options.cacheDir = m_cache.filePath(QStringLiteral("app"));
    m_app = std::make_unique<CodeHighlighter>(options);
    QCOMPARE(CodeHighlighter::instance(), m_app.get());
    QVERIFY(m_app->backend() != CodeHighlighter::Backend::None);
}

void TestHighlight::realProgramColoursCppAndSql()
{
    CodeHighlighter::Options options;
    options.backend = CodeHighlighter::Backend::Program;
    options.cacheDir = m_cache.filePath(QStringLiteral("real"));
    CodeHighlighter h(options);
    QCOMPARE(h.backend(), CodeHighlighter::Backend::Program);

    // Not known at first: the lookup answers at once and queues a run.
    QElapsedTimer clock;
    clock.start();
    QString key;
    QVERIFY(!h.lookup(QStringLiteral("cpp"), cppCode, false, &key));
    QVERIFY(!key.isEmpty());
    QCOMPARE(h.pendingCount(), 1);
    QSignalSpy done(&h, &CodeHighlighter::highlighted);
    QVERIFY(done.wait(3000));
    const qint64 ms = clock.elapsed();
    QCOMPARE(done.first().first().toString(), key);
    qInfo("one kate-syntax-highlighter run, from the lookup to the signal: %lld ms", ms);

    const auto cpp = h.lookup(QStringLiteral("cpp"), cppCode, false);
    QVERIFY(cpp && !cpp->isEmpty());
    QVERIFY(wellFormed(*cpp, cppCode));
    // Keywords, comments and types in colours of their own; plain names in none.
    const auto keyword = spanOf(*cpp, cppCode, QStringLiteral("return"));
    const auto comment = spanOf(*cpp, cppCode, QStringLiteral("// Sums"));
    QVERIFY(keyword && keyword->hasColour);
    QVERIFY(comment && comment->hasColour);
    QVERIFY(keyword->colour != comment->colour);
    // The comment's span runs to the end of its line, HTML-looking text and all.
    QVERIFY(spanOf(*cpp, cppCode, QStringLiteral("<b>not bold</b> & more")));
    QVERIFY(!spanOf(*cpp, cppCode, QStringLiteral("total +=")));
    QSet<QRgb> colours;
    for (const CodeSpan& s : *cpp)
        colours.insert(s.colour);
    QVERIFY(colours.size() >= 3);

    // SQL, and the dark theme in other colours than the light one.
    const auto sql = highlightNow(h, QStringLiteral("sql"), sqlCode);
    QVERIFY(sql && wellFormed(*sql, sqlCode));
    const auto select = spanOf(*sql, sqlCode, QStringLiteral("SELECT"));
    const auto text = spanOf(*sql, sqlCode, QStringLiteral("'%code%'"));
    QVERIFY(select && text);
    QVERIFY(select->colour != text->colour);
    const auto dark = highlightNow(h, QStringLiteral("SQL"), sqlCode, true);
    QVERIFY(dark && wellFormed(*dark, sqlCode));
    const auto darkSelect = spanOf(*dark, sqlCode, QStringLiteral("SELECT"));
    QVERIFY(darkSelect && darkSelect->colour != select->colour);

    // Measured: a run of the program, ten times.
    clock.restart();
    for (int i = 0; i < 10; ++i)
        QVERIFY(highlightNow(h, QStringLiteral("cpp"), cppCode + QString(i + 1, u' ')));
    qInfo("kate-syntax-highlighter: %.1f ms per run (10 runs, one after another)",
          clock.elapsed() / 10.0);
    QCOMPARE(h.runCount(), 13);
}

void TestHighlight::cacheHitNeedsNoProcess()
{
    const QString dir = m_cache.filePath(QStringLiteral("restart"));
    CodeHighlighter::Options options;
    options.backend = CodeHighlighter::Backend::Program;
    options.cacheDir = dir;
    QList<CodeSpan> first;
    {
        CodeHighlighter h(options);
        const auto spans = highlightNow(h, QStringLiteral("cpp"), cppCode);
        QVERIFY(spans && !spans->isEmpty());
        first = *spans;
        QCOMPARE(h.runCount(), 1);
        // From memory: no second run, however often it is laid out.
        QElapsedTimer clock;
        clock.start();
        for (int i = 0; i < 1000; ++i)
            QVERIFY(h.lookup(QStringLiteral("cpp"), cppCode, false));
        qInfo("cache hit in memory: %.1f us per lookup", clock.nsecsElapsed() / 1000.0 / 1000);
        QCOMPARE(h.runCount(), 1);
        QCOMPARE(h.pendingCount(), 0);
    }
    // A restart: the disk has it, read again through the parser; no process.
    CodeHighlighter again(options);
    QElapsedTimer clock;
    clock.start();
    const auto spans = again.lookup(QStringLiteral("cpp"), cppCode, false);
    qInfo("cache hit on disk: %.1f us", clock.nsecsElapsed() / 1000.0);
    QVERIFY(spans);
    QCOMPARE(*spans, first);
    QCOMPARE(again.runCount(), 0);
    QCOMPARE(again.pendingCount(), 0);

    // A disk entry that was tampered with is no hit: it is dropped and run again.
    const QString file
        = dir + QStringLiteral("/") + QDir(dir).entryList({QStringLiteral("*.ansi")}).value(0);
    QFile tampered(file);
    QVERIFY(tampered.open(QIODevice::WriteOnly));
    tampered.write("\x1b]0;title\x07#include <vector>\n");
    tampered.close();
    CodeHighlighter third(options);
    QVERIFY(!third.lookup(QStringLiteral("cpp"), cppCode, false));
    QVERIFY(!QFile::exists(file));
    QVERIFY(highlightNow(third, QStringLiteral("cpp"), cppCode));
    QCOMPARE(third.runCount(), 1);
}

void TestHighlight::hostileOutputStaysPlain_data()
{
    QTest::addColumn<QByteArray>("output");
    QTest::addColumn<QString>("code");
    const QString code = QStringLiteral("int a;");
    const QByteArray good = "\x1b[38;2;215;58;73mint\x1b[0m a;\n";
    QTest::newRow("other text") << QByteArray("\x1b[38;2;215;58;73mint\x1b[0m b;\n") << code;
    QTest::newRow("more text") << QByteArray(good + "rm -rf ~\n") << code;
    QTest::newRow("less text") << QByteArray("\x1b[38;2;1;2;3mint\x1b[0m\n") << code;
    QTest::newRow("no newline at the end") << QByteArray("int a;") << code;
    QTest::newRow("two newlines at the end") << QByteArray("int a;\n\n") << code;
    QTest::newRow("a title (OSC)") << QByteArray("\x1b]0;pwned\x07" + good) << code;
    QTest::newRow("clear screen") << QByteArray("\x1b[2J" + good) << code;
    QTest::newRow("cursor moves") << QByteArray("\x1b[3Aint a;\n") << code;
    QTest::newRow("erase line") << QByteArray("int a;\x1b[K\n") << code;
    QTest::newRow("256 colours") << QByteArray("\x1b[38;5;196mint\x1b[0m a;\n") << code;
    QTest::newRow("basic colour") << QByteArray("\x1b[31mint\x1b[0m a;\n") << code;
    QTest::newRow("blink") << QByteArray("\x1b[5mint\x1b[0m a;\n") << code;
    QTest::newRow("colour out of range") << QByteArray("\x1b[38;2;999;0;0mint\x1b[0m a;\n") << code;
    QTest::newRow("colour cut short") << QByteArray("\x1b[38;2;1;2mint\x1b[0m a;\n") << code;
    QTest::newRow("long number") << QByteArray("\x1b[0001mint\x1b[0m a;\n") << code;
    QTest::newRow("unterminated escape") << QByteArray("int a;\n\x1b[38;2") << code;
    QTest::newRow("lone escape") << QByteArray("\x1bint a;\n") << code;
    QTest::newRow("C1 CSI") << QByteArray("\xc2\x9b"
                                          "31mint a;\n")
                            << code;
    QTest::newRow("NUL") << QByteArray("int\0 a;\n", 8) << code;
    QTest::newRow("not UTF-8") << QByteArray("int \xff;\n") << QStringLiteral("int \u00ff;");
    QTest::newRow("HTML output") << QByteArray("<span style=\"color:#d73a49;\">int</span> a;\n")
                                 << code;
    QTest::newRow("HTML with script")
        << QByteArray("<script>alert(1)</script>int a;\n<img src=x onerror=alert(1)>\n") << code;
    QTest::newRow("escape inside the SGR")
        << QByteArray("\x1b[38;2;1;\x1b[1m2;3mint\x1b[0m a;\n") << code;
    QByteArray huge;
    for (int i = 0; i < 200000; ++i)
        huge += "\x1b[38;2;1;2;3m\x1b[0m";
    QTest::newRow("huge output") << QByteArray(huge + "int a;\n") << code;
    QTest::newRow("empty output") << QByteArray() << code;
}

void TestHighlight::hostileOutputStaysPlain()
{
    QFETCH(QByteArray, output);
    QFETCH(QString, code);
    QVERIFY(!CodeHighlighter::parseAnsi(output, code));
}

void TestHighlight::ownOutputReadsBack()
{
    // What the parser does read: colours, bold, italic, underline, resets; backgrounds ignored.
    const QString code = QStringLiteral("int a; // x\n\u00e9");
    const auto spans = CodeHighlighter::parseAnsi("\x1b[38;2;215;58;73;48;2;1;1;1;1mint\x1b[0m a; "
                                                  "\x1b[3;4m// x\x1b[0m\n\x1b[1m\xc3\xa9\x1b[0m\n",
                                                  code);
    QVERIFY(spans);
    QCOMPARE(spans->size(), 3);
    QCOMPARE(spans->at(0), (CodeSpan {0, 3, qRgb(215, 58, 73), true, true, false, false}));
    QCOMPARE(spans->at(1), (CodeSpan {7, 4, 0, false, false, true, true}));
    QCOMPARE(spans->at(2), (CodeSpan {12, 1, 0, false, true, false, false}));
    const QByteArray again = CodeHighlighter::toAnsi(*spans, code);
    QCOMPARE(CodeHighlighter::parseAnsi(again, code), spans);
}

void TestHighlight::hostileProgramsStayPlain_data()
{
    QTest::addColumn<QByteArray>("script");
    QTest::addColumn<bool>("slow");
    QTest::newRow("garbage") << QByteArray("cat >/dev/null; printf '\\033]0;pwned\\007\\033[2Jint "
                                           "a;\\n'")
                             << false;
    QTest::newRow("other code") << QByteArray("cat >/dev/null; echo 'int b;'") << false;
    QTest::newRow("html") << QByteArray("cat >/dev/null; echo '<script>x</script>'") << false;
    QTest::newRow("fails") << QByteArray("cat >/dev/null; echo 'int a;'; exit 3") << false;
    QTest::newRow("crashes") << QByteArray("cat >/dev/null; kill -SEGV $$") << false;
    QTest::newRow("endless output") << QByteArray("cat >/dev/null; yes 'int a;'") << false;
    QTest::newRow("never ends") << QByteArray("exec sleep 30") << true;
}

void TestHighlight::hostileProgramsStayPlain()
{
    QFETCH(QByteArray, script);
    QFETCH(bool, slow);
    QTemporaryDir dir;
    CodeHighlighter::Options options;
    options.backend = CodeHighlighter::Backend::Program;
    options.program = writeScript(dir, QStringLiteral("highlighter"), script);
    options.cacheDir = dir.filePath(QStringLiteral("cache"));
    options.timeout = std::chrono::milliseconds(700);
    CodeHighlighter h(options);
    QSignalSpy done(&h, &CodeHighlighter::highlighted);
    QElapsedTimer clock;
    clock.start();
    QVERIFY(!h.lookup(QStringLiteral("cpp"), QStringLiteral("int a;"), false));
    QTRY_COMPARE_WITH_TIMEOUT(h.pendingCount(), 0, 5000);
    // Killed on time, not waited for.
    QVERIFY2(clock.elapsed() < 3000, qPrintable(QString::number(clock.elapsed())));
    if (slow)
        QVERIFY(clock.elapsed() >= 600);
    QCOMPARE(done.count(), 0);
    // Known as plain now: not run again at the next layout, nothing kept on disk.
    const auto spans = h.lookup(QStringLiteral("cpp"), QStringLiteral("int a;"), false);
    QVERIFY(spans && spans->isEmpty());
    QCOMPARE(h.runCount(), 1);
    QVERIFY(QDir(options.cacheDir).entryList({QStringLiteral("*.ansi")}).isEmpty());
}

void TestHighlight::languageNamesAreValidated_data()
{
    QTest::addColumn<QString>("fence");
    QTest::addColumn<QString>("passed");
    QTest::newRow("cpp") << "cpp"
                         << "C++";
    QTest::newRow("C++") << "C++"
                         << "C++";
    QTest::newRow("sql") << "SQL"
                         << "SQL";
    QTest::newRow("c#") << "c#"
                        << "C#";
    QTest::newRow("extension") << "tsx"
                               << "TypeScript React (TSX)";
    QTest::newRow("unknown plain name") << "brainfuck"
                                        << "brainfuck";
    QTest::newRow("empty") << ""
                           << "";
    QTest::newRow("text") << "text"
                          << "";
    QTest::newRow("command") << "c; rm -rf ~"
                             << "";
    QTest::newRow("substitution") << "$(touch /tmp/pwned)"
                                  << "";
    QTest::newRow("backticks") << "`id`"
                               << "";
    QTest::newRow("pipe") << "cpp|sh"
                          << "";
    QTest::newRow("redirect") << "cpp>x"
                              << "";
    QTest::newRow("quote") << "cpp'"
                           << "";
    QTest::newRow("an option") << "--update"
                               << "";
    QTest::newRow("short option") << "-u"
                                  << "";
    QTest::newRow("path") << "../../etc/passwd"
                          << "";
    QTest::newRow("hidden") << ".bashrc"
                            << "";
    QTest::newRow("newline") << "cpp\n-u"
                             << "";
    QTest::newRow("too long") << QString(33, u'a') << "";
    QTest::newRow("not ASCII") << "c\u00e9"
                               << "";
}

void TestHighlight::languageNamesAreValidated()
{
    QFETCH(QString, fence);
    QFETCH(QString, passed);
    QCOMPARE(CodeHighlighter::definitionName(fence), passed);
    if (!passed.isEmpty())
        return;
    // Refused: plain at once, nothing run, nothing waiting.
    CodeHighlighter::Options options;
    options.backend = CodeHighlighter::Backend::Program;
    options.cacheDir = m_cache.filePath(QStringLiteral("names"));
    CodeHighlighter h(options);
    QString key = QStringLiteral("x");
    const auto spans = h.lookup(fence, QStringLiteral("int a;"), false, &key);
    QVERIFY(spans && spans->isEmpty());
    QVERIFY(key.isEmpty());
    QCOMPARE(h.pendingCount(), 0);
    QTest::qWait(20);
    QCOMPARE(h.runCount(), 0);
}

void TestHighlight::languageIsOneArgument()
{
    // The program gets its arguments one by one, as written, with the code on its input.
    QTemporaryDir dir;
    const QString log = dir.filePath(QStringLiteral("args"));
    CodeHighlighter::Options options;
    options.backend = CodeHighlighter::Backend::Program;
    options.program = writeScript(dir, QStringLiteral("highlighter"),
                                  "for a in \"$@\"; do printf '%s\\n' \"$a\" >> '" + log.toUtf8()
                                      + "'; done; cat");
    options.cacheDir = dir.filePath(QStringLiteral("cache"));
    CodeHighlighter h(options);
    const QString code = QStringLiteral("x = 1 # $(touch pwned) `id`");
    const auto spans = highlightNow(h, QStringLiteral("c++"), code);
    QVERIFY(spans && spans->isEmpty()); // the text came back the same, without colours
    QFile file(log);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts),
             (QStringList {QStringLiteral("--stdin"), QStringLiteral("--syntax=C++"),
                           QStringLiteral("--output-format=ansi"),
                           QStringLiteral("--no-ansi-background"),
                           QStringLiteral("--theme=GitHub Light")}));
    QVERIFY(!QFile::exists(QStringLiteral("pwned")));
}

void TestHighlight::documentShowsColoursOnceKnown()
{
    const QString markdown
        = QStringLiteral("Look:\n\n```cpp\n") + cppCode + QStringLiteral("\n```\n\nafter");
    QTextDocument doc;
    app::setSafeMarkdown(doc, markdown);
    const int start = int(doc.toPlainText().indexOf(QStringLiteral("#include")));
    QVERIFY(start > 0);
    QString key;
    const bool known
        = m_app->lookup(QStringLiteral("cpp"), cppCode, app::theme::isDark(), &key).has_value();
    if (!known) {
        // Plain monospace meanwhile, and the document says what it waits for.
        QVERIFY(app::waitsForHighlight(doc, key));
        QCOMPARE(formatAt(doc, start).foreground().style(), Qt::NoBrush);
        QSignalSpy done(m_app.get(), &CodeHighlighter::highlighted);
        QVERIFY(done.wait(3000));
    }
    QElapsedTimer clock;
    clock.start();
    app::setSafeMarkdown(doc, markdown);
    qInfo("setSafeMarkdown of a post with a cached snippet: %.2f ms", clock.nsecsElapsed() / 1e6);
    QVERIFY(!app::waitsForHighlight(doc, key));
    QCOMPARE(app::codeBlockText(doc, 0), cppCode);
    // The keyword in a colour of its own; the font stays the fixed one.
    const QTextCharFormat include = formatAt(doc, start);
    QVERIFY(include.foreground().style() != Qt::NoBrush);
    QVERIFY(include.fontFixedPitch());
    const int plain = int(doc.toPlainText().indexOf(QStringLiteral("total +=")));
    QCOMPARE(formatAt(doc, plain).foreground().style(), Qt::NoBrush);
    // The text around is untouched.
    QVERIFY(doc.toPlainText().startsWith(QStringLiteral("Look:\n")));
    QVERIFY(doc.toPlainText().endsWith(QStringLiteral("}\nafter")));
}

void TestHighlight::copyAnchorGivesTheExactCode()
{
    const QString first
        = QStringLiteral("  if (a < b && c)  \n\n<b>&amp;</b> \u00e9\u20ac\U0001F600");
    const QString second = QStringLiteral("SELECT 1;");
    QTextDocument doc;
    app::setSafeMarkdown(doc,
                         QStringLiteral("Two:\n```cpp\n") + first
                             + QStringLiteral("\n```\n```sql\n") + second
                             + QStringLiteral("\n```\n[fake](plein-copy:0)\n\n    indented"));
    QCOMPARE(app::codeBlockCount(doc), 3);
    QCOMPARE(app::codeBlockText(doc, 0), first);
    QCOMPARE(app::codeBlockText(doc, 1), second);
    QCOMPARE(app::codeBlockText(doc, 2), QStringLiteral("indented"));
    QCOMPARE(app::codeBlockText(doc, 3), QString());
    QCOMPARE(app::codeBlockText(doc, -1), QString());

    // Each block has its caption: the language and Copy, a link to plein-copy:<n>.
    QStringList captions;
    QStringList anchors;
    for (QTextBlock block = doc.begin(); block.isValid(); block = block.next()) {
        for (auto it = block.begin(); !it.atEnd(); ++it) {
            const QString href = it.fragment().charFormat().anchorHref();
            if (href.startsWith(QLatin1StringView("plein-copy:"))) {
                captions << block.text();
                anchors << href;
            }
        }
    }
    QCOMPARE(captions,
             (QStringList {QStringLiteral("cpp  \u00b7  Copy"), QStringLiteral("sql  \u00b7  Copy"),
                           QStringLiteral("Copy")}));
    // The author's own plein-copy: link is no link.
    QCOMPARE(anchors, QStringLiteral("plein-copy:0 plein-copy:1 plein-copy:2").split(u' '));
    QCOMPARE(app::copyAnchorIndex(QStringLiteral("plein-copy:1")), 1);
    QCOMPARE(app::copyAnchorIndex(QStringLiteral("plein-copy:-1")), -1);
    QCOMPARE(app::copyAnchorIndex(QStringLiteral("plein-copy:x")), -1);
    QCOMPARE(app::copyAnchorIndex(QStringLiteral("https://plein.example/")), -1);

    // "Copied" for a moment, and the code is what it was.
    app::setCodeCopied(doc, 1, true);
    QVERIFY(doc.toPlainText().contains(QStringLiteral("sql  \u00b7  Copied")));
    QCOMPARE(app::codeBlockText(doc, 1), second);
    app::setCodeCopied(doc, 1, false);
    QVERIFY(doc.toPlainText().contains(QStringLiteral("sql  \u00b7  Copy\n")));
}

void TestHighlight::manyBlocksStayBounded()
{
    // A post of a thousand one-line code blocks asks for a bounded number of runs.
    QString markdown;
    for (int i = 0; i < 1000; ++i)
        markdown += QStringLiteral("```cpp\nint a%1;\n```\n\nx\n\n").arg(i);
    QTextDocument doc;
    const int before = m_app->pendingCount();
    QElapsedTimer clock;
    clock.start();
    app::setSafeMarkdown(doc, markdown);
    qInfo("1,000 code blocks laid out in %lld ms", clock.elapsed());
    QCOMPARE(app::codeBlockCount(doc), 1000);
    QVERIFY2(m_app->pendingCount() <= before + 40,
             qPrintable(QString::number(m_app->pendingCount())));
    QTRY_COMPARE_WITH_TIMEOUT(m_app->pendingCount(), 0, 20000);
}

void TestHighlight::hostileTextWithCaptions()
{
    // The hostile corpus of tst_client_hostile (its one-line entries) and fences of hostile
    // languages, with the app's highlighter: every link left is one that may be followed or a
    // caption's Copy, each Copy names a block that exists, and the code is what was written.
    QFile file(QStringLiteral(PLEIN_SOURCE_DIR "/tests/client/hostile/payloads.txt"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QStringList payloads;
    for (const QByteArray& line : file.readAll().split('\n')) {
        if (!line.isEmpty() && !line.startsWith('#') && !line.startsWith("@big"))
            payloads << QString::fromUtf8(line).replace(QStringLiteral("\\n"),
                                                        QStringLiteral("\n"));
    }
    QVERIFY(payloads.size() > 100);
    for (const char* language : {"$(touch pwned)", "<script>alert(1)</script>", "c;id", "`id`",
                                 "--update", "javascript:alert(1)", "plein-copy:0"})
        payloads << QStringLiteral("~~~%1\nint a;\n~~~").arg(QString::fromUtf8(language));
    payloads << QStringLiteral("```") + QString(5000, u'x') + QStringLiteral("\ncode\n```");
    for (const QString& payload : std::as_const(payloads)) {
        QTextDocument doc;
        QElapsedTimer clock;
        clock.start();
        app::setSafeMarkdown(doc, payload);
        QVERIFY2(clock.elapsed() < 1000, qPrintable(payload.left(80)));
        const int blocks = app::codeBlockCount(doc);
        for (QTextBlock block = doc.begin(); block.isValid(); block = block.next()) {
            for (auto it = block.begin(); !it.atEnd(); ++it) {
                const QString href = it.fragment().charFormat().anchorHref();
                if (href.isEmpty() || app::isFollowableLink(QUrl(href)))
                    continue;
                const int n = app::copyAnchorIndex(href);
                QVERIFY2(n >= 0 && n < blocks, qPrintable(href + QStringLiteral(" in ") + payload));
            }
        }
        if (payload.endsWith(QLatin1StringView("\nint a;\n~~~")))
            QCOMPARE(app::codeBlockText(doc, 0), QStringLiteral("int a;"));
    }
    QVERIFY(!QFile::exists(QStringLiteral("pwned")));
    QTRY_COMPARE_WITH_TIMEOUT(m_app->pendingCount(), 0, 20000);
}

void TestHighlight::cardCopiesCodeAndRepaintsInColour()
{
    QVERIFY2(m_server.start(), qPrintable(m_server.lastError()));
    QTemporaryDir profile;
    auto anna = test::makeClient(m_server.url(), QStringLiteral("anna"), profile.path());
    QVERIFY(anna && test::goOnlineAndCatchUp(*anna));
    app::MainWindow window(*anna, false);
    window.resize(1000, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    const QString code = QStringLiteral("SELECT id, body FROM posts WHERE id = %1;")
                             .arg(QDateTime::currentMSecsSinceEpoch());
    const QString body = QStringLiteral("The query:\n```sql\n") + code + QStringLiteral("\n```");
    anna->feed().createPost(body);
    QListView* view = app::FeedCapability::of(window)->home()->view();
    QModelIndex index;
    QTRY_VERIFY_WITH_TIMEOUT((index =
                                  [&]() {
                                      for (int row = 0; row < view->model()->rowCount(); ++row) {
                                          const QModelIndex i = view->model()->index(row, 0);
                                          if (i.data(PostListModel::BodyRole).toString() == body)
                                              return i;
                                      }
                                      return QModelIndex();
                                  }())
                                 .isValid(),
                             10000);
    view->scrollTo(index);
    auto* delegate = qobject_cast<app::PostDelegate*>(view->itemDelegate());
    QVERIFY(delegate);

    // Plain at first; the colours come in the background, and the card is laid out again and
    // painted in them when they do.
    QSignalSpy done(m_app.get(), &CodeHighlighter::highlighted);
    QTRY_COMPARE_WITH_TIMEOUT(m_app->pendingCount(), 0, 5000);
    QVERIFY(done.count() >= 1);
    const auto spans = m_app->lookup(QStringLiteral("sql"), code, app::theme::isDark());
    QVERIFY(spans);
    const auto keyword = spanOf(*spans, code, QStringLiteral("SELECT"));
    QVERIFY(keyword && keyword->hasColour);
    // In the colour the card gives it (made legible on the code's background).
    QTextDocument laidOut;
    app::setSafeMarkdown(laidOut, body);
    const QColor colour
        = formatAt(laidOut, int(laidOut.toPlainText().indexOf(QStringLiteral("SELECT"))))
              .foreground()
              .color();
    QVERIFY(colour.isValid() && colour != QColor(Qt::black));
    const auto painted = [view, colour]() {
        const QImage image = view->viewport()->grab().toImage();
        for (int y = 0; y < image.height(); ++y) {
            for (int x = 0; x < image.width(); ++x) {
                const QColor c = image.pixelColor(x, y);
                if (std::abs(c.red() - colour.red()) + std::abs(c.green() - colour.green())
                        + std::abs(c.blue() - colour.blue())
                    < 24)
                    return true;
            }
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(painted(), 3000);

    // What the login still fetches (pages of the followed, photos) may lay cards out again when
    // it arrives, later on a loaded machine: wait until nothing has for a second.
    {
        QElapsedTimer quiet;
        quiet.start();
        int seen = delegate->layoutCount();
        QElapsedTimer total;
        total.start();
        while (quiet.elapsed() < 1000 && total.elapsed() < 15000) {
            QTest::qWait(100);
            if (delegate->layoutCount() != seen) {
                seen = delegate->layoutCount();
                quiet.restart();
            }
        }
    }

    // Find the Copy link on the card, and click it.
    QStyleOptionViewItem option;
    option.initFrom(view);
    option.font = view->font();
    option.widget = view;
    option.rect = view->visualRect(index);
    QPoint copyAt;
    for (int y = option.rect.top(); y < option.rect.bottom() && copyAt.isNull(); y += 2) {
        for (int x = option.rect.right(); x > option.rect.left(); x -= 3) {
            if (app::PostDelegate::anchorAt(option, index, QPoint(x, y))
                == QLatin1StringView("plein-copy:0")) {
                copyAt = QPoint(x, y);
                break;
            }
        }
    }
    QVERIFY2(!copyAt.isNull(), "the card shows Copy above its code");
    QApplication::clipboard()->clear();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, copyAt);
    QCOMPARE(QApplication::clipboard()->text(), code);
    // "Copied" is said in the laid-out card, which is not laid out again for it.
    const int layouts = delegate->layoutCount();
    QTest::qWait(1700);
    QCOMPARE(delegate->layoutCount(), layouts);
}

QTEST_MAIN(TestHighlight)
#include "tst_highlight.moc"
