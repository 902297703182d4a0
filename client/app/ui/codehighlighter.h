#pragma once

#include <QByteArray>
#include <QCache>
#include <QList>
#include <QObject>
#include <QRgb>
#include <QSet>
#include <QString>

#include <chrono>
#include <memory>
#include <optional>

class QThreadPool;

namespace plein::app {

// One run of colour, weight, slant or underline over a piece of code: [start, start + length)
// in its text.
struct CodeSpan
{
    int start = 0;
    int length = 0;
    QRgb colour = 0;
    bool hasColour = false;
    bool bold = false;
    bool italic = false;
    bool underline = false;

    bool operator==(const CodeSpan&) const = default;
};

// Colours for code blocks, from KDE's KSyntaxHighlighting and its themes (GitHub Light and
// GitHub Dark, made for white and near-black pages, which read well on the cards' subtle code
// background). In process where the build found KF6SyntaxHighlighting; otherwise, as on
// Debian 12 which has it only for Qt 5, out of process through `kate-syntax-highlighter`
// (libkf5syntaxhighlighting-tools); plain monospace where neither exists.
//
// Laying out a post must never wait, so lookup() answers from what is known — memory (LRU by
// size), then the disk cache under the app's cache location, read again through the same strict
// parser since the disk is no safer than the program — and otherwise queues a run in the
// background (at most two at once, never one snippet twice) and says highlighted(key) when it
// is known. The program's output is untrusted input: only a strict subset of ANSI colour codes
// is read, the text it carries must equal the code sent exactly, its size and run time are
// capped, and anything else leaves the code plain. The language comes from the post; it is
// passed as one argument, never through a shell, and only when it is a plain name.
//
// One per app (main.cpp makes it); instance() is how setSafeMarkdown, which every renderer of
// user text calls without a context, finds it. Without one, code stays plain.
class CodeHighlighter : public QObject
{
    Q_OBJECT

public:
    enum class Backend { None, Library, Program };

    struct Options
    {
        // `Library` only where built with KF6SyntaxHighlighting; by default the best there is.
        std::optional<Backend> backend;
        // The kate-syntax-highlighter to run; by default the one on PATH.
        QString program;
        // By default the app's cache location, folder "code".
        QString cacheDir;
        std::chrono::milliseconds timeout {2000};
        int maxRunning = 2;
    };

    explicit CodeHighlighter(QObject* parent = nullptr);
    explicit CodeHighlighter(const Options& options, QObject* parent = nullptr);
    ~CodeHighlighter() override;

    // The app's highlighter (the first one made that is still alive), or nullptr.
    static CodeHighlighter* instance();

    Backend backend() const { return m_backend; }
    // Whether a backend is built in or installed: where neither is, code is plain monospace.
    static bool libraryAvailable();

    // The spans of `code` as `language` in the light or dark theme when they are known (none
    // for code that stays plain), or nullopt: then a run is queued and highlighted(*key) follows.
    // `key` is set either way when the code can be highlighted at all.
    std::optional<QList<CodeSpan>> lookup(const QString& language, const QString& code, bool dark,
                                          QString* key = nullptr);

    // What may be passed to the highlighter for the language of a fence (`cpp`, `SQL`, `c#`):
    // KSyntaxHighlighting's name for the common aliases, otherwise the name itself when it looks
    // like a language name or file extension ([A-Za-z0-9+#._-]{1,32}), else empty.
    static QString definitionName(const QString& fenceLanguage);

    // Reads the output of `kate-syntax-highlighter -f ansi -b` for `code`: text and SGR codes
    // (reset, bold, italic, underline, strike-through, 24-bit foreground and background) and
    // nothing else. nullopt when anything else appears, when it is not UTF-8, when it is larger
    // than maxOutput(code) or when the text differs from `code` (the program ends every line,
    // the last one too, with a newline).
    static std::optional<QList<CodeSpan>> parseAnsi(QByteArrayView output, QStringView code);
    // The spans as that output (for the disk cache of in-process results).
    static QByteArray toAnsi(const QList<CodeSpan>& spans, QStringView code);
    static qsizetype maxOutput(QStringView code);

    // Code longer than this stays plain (a post holds 10,000 characters at most).
    static constexpr int maxCode = 20000;

    // Runs started since the highlighter was made, and runs queued or running now.
    int runCount() const { return m_runCount; }
    int pendingCount() const { return int(m_waiting.size()); }

Q_SIGNALS:
    // The highlighting of `key` (see lookup) is known now: layouts that wait for it may be made
    // again.
    void highlighted(const QString& key);

private:
    struct Job
    {
        QString key;
        QString definition;
        QString code; // ends with a newline
        bool dark = false;
    };
    struct Entry
    {
        QList<CodeSpan> spans;
    };

    void startNext();
    void runProgram(const Job& job);
    void runLibrary(const Job& job);
    // `ansi`: the output to keep on disk (empty: nothing to keep, the code stays plain).
    void finish(const Job& job, std::optional<QList<CodeSpan>> spans, const QByteArray& ansi);
    void remember(const QString& key, const QList<CodeSpan>& spans);
    std::optional<QList<CodeSpan>> fromDisk(const QString& key, QStringView code);
    void toDisk(const QString& key, const QByteArray& ansi);
    void prune();

    Options m_options;
    Backend m_backend = Backend::None;
    QString m_program;
    QString m_dir;
    QCache<QString, Entry> m_memory;
    QList<Job> m_queue;
    QSet<QString> m_waiting; // queued or running
    int m_running = 0;
    int m_runCount = 0;
    bool m_pruned = false;
    std::unique_ptr<QThreadPool> m_pool; // in-process runs (Library)
};

} // namespace plein::app
