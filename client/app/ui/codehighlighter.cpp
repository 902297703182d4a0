#include "ui/codehighlighter.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QPointer>
#include <QProcess>
#include <QRegularExpression>
#include <QSaveFile>
#include <QStandardPaths>
#include <QStringDecoder>
#include <QThreadPool>
#include <QTimer>

#ifdef PLEIN_HAVE_KF6_SYNTAX_HIGHLIGHTING
#include <KSyntaxHighlighting/AbstractHighlighter>
#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Format>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/State>
#include <KSyntaxHighlighting/Theme>
#endif

#include <algorithm>

namespace plein::app {

namespace {

CodeHighlighter* theInstance = nullptr;

const QString programName = QStringLiteral("kate-syntax-highlighter");
// Made for white and near-black pages: on the cards' code background (a light or dark grey) they
// keep their contrast, and they are in KF5 and KF6 alike.
const QString lightTheme = QStringLiteral("GitHub Light");
const QString darkTheme = QStringLiteral("GitHub Dark");

constexpr qsizetype maxMemoryCost = 8 << 20; // bytes of spans
// Jobs waiting beyond this are dropped oldest first: they were asked for by posts scrolled past.
constexpr qsizetype maxQueue = 256;
// Files in the disk cache: past the first number the oldest go until the second is left.
constexpr int maxDiskFiles = 4000;
constexpr int keptDiskFiles = 3000;
// An SGR sequence longer than this is no output of the program's.
constexpr qsizetype maxSgr = 48;

// The aliases people write after ``` for KSyntaxHighlighting's names, which are matched
// case-sensitively by the Qt 5 program (`-s` also takes a file extension: py, rs, ts…).
const QHash<QString, QString>& aliases()
{
    static const QHash<QString, QString> names {
        {QStringLiteral("c"), QStringLiteral("C")},
        {QStringLiteral("h"), QStringLiteral("C")},
        {QStringLiteral("cpp"), QStringLiteral("C++")},
        {QStringLiteral("c++"), QStringLiteral("C++")},
        {QStringLiteral("cxx"), QStringLiteral("C++")},
        {QStringLiteral("hpp"), QStringLiteral("C++")},
        {QStringLiteral("cs"), QStringLiteral("C#")},
        {QStringLiteral("csharp"), QStringLiteral("C#")},
        {QStringLiteral("c#"), QStringLiteral("C#")},
        {QStringLiteral("java"), QStringLiteral("Java")},
        {QStringLiteral("kotlin"), QStringLiteral("Kotlin")},
        {QStringLiteral("kt"), QStringLiteral("Kotlin")},
        {QStringLiteral("go"), QStringLiteral("Go")},
        {QStringLiteral("golang"), QStringLiteral("Go")},
        {QStringLiteral("rust"), QStringLiteral("Rust")},
        {QStringLiteral("rs"), QStringLiteral("Rust")},
        {QStringLiteral("python"), QStringLiteral("Python")},
        {QStringLiteral("py"), QStringLiteral("Python")},
        {QStringLiteral("ruby"), QStringLiteral("Ruby")},
        {QStringLiteral("rb"), QStringLiteral("Ruby")},
        {QStringLiteral("php"), QStringLiteral("PHP/PHP")},
        {QStringLiteral("perl"), QStringLiteral("Perl")},
        {QStringLiteral("lua"), QStringLiteral("Lua")},
        {QStringLiteral("javascript"), QStringLiteral("JavaScript")},
        {QStringLiteral("js"), QStringLiteral("JavaScript")},
        {QStringLiteral("jsx"), QStringLiteral("JavaScript React (JSX)")},
        {QStringLiteral("typescript"), QStringLiteral("TypeScript")},
        {QStringLiteral("ts"), QStringLiteral("TypeScript")},
        {QStringLiteral("tsx"), QStringLiteral("TypeScript React (TSX)")},
        {QStringLiteral("json"), QStringLiteral("JSON")},
        {QStringLiteral("yaml"), QStringLiteral("YAML")},
        {QStringLiteral("yml"), QStringLiteral("YAML")},
        {QStringLiteral("toml"), QStringLiteral("TOML")},
        {QStringLiteral("ini"), QStringLiteral("INI Files")},
        {QStringLiteral("xml"), QStringLiteral("XML")},
        {QStringLiteral("html"), QStringLiteral("HTML")},
        {QStringLiteral("css"), QStringLiteral("CSS")},
        {QStringLiteral("scss"), QStringLiteral("SCSS")},
        {QStringLiteral("sql"), QStringLiteral("SQL")},
        {QStringLiteral("postgresql"), QStringLiteral("SQL (PostgreSQL)")},
        {QStringLiteral("psql"), QStringLiteral("SQL (PostgreSQL)")},
        {QStringLiteral("mysql"), QStringLiteral("SQL (MySQL)")},
        {QStringLiteral("sh"), QStringLiteral("Bash")},
        {QStringLiteral("bash"), QStringLiteral("Bash")},
        {QStringLiteral("shell"), QStringLiteral("Bash")},
        {QStringLiteral("zsh"), QStringLiteral("Zsh")},
        {QStringLiteral("fish"), QStringLiteral("Fish")},
        {QStringLiteral("powershell"), QStringLiteral("PowerShell")},
        {QStringLiteral("ps1"), QStringLiteral("PowerShell")},
        {QStringLiteral("diff"), QStringLiteral("Diff")},
        {QStringLiteral("patch"), QStringLiteral("Diff")},
        {QStringLiteral("cmake"), QStringLiteral("CMake")},
        {QStringLiteral("make"), QStringLiteral("Makefile")},
        {QStringLiteral("makefile"), QStringLiteral("Makefile")},
        {QStringLiteral("dockerfile"), QStringLiteral("Dockerfile")},
        {QStringLiteral("docker"), QStringLiteral("Dockerfile")},
        {QStringLiteral("markdown"), QStringLiteral("Markdown")},
        {QStringLiteral("md"), QStringLiteral("Markdown")},
        {QStringLiteral("qml"), QStringLiteral("QML")},
        {QStringLiteral("swift"), QStringLiteral("Swift")},
        {QStringLiteral("scala"), QStringLiteral("Scala")},
        {QStringLiteral("haskell"), QStringLiteral("Haskell")},
        {QStringLiteral("hs"), QStringLiteral("Haskell")},
        {QStringLiteral("elixir"), QStringLiteral("Elixir")},
        {QStringLiteral("erlang"), QStringLiteral("Erlang")},
        {QStringLiteral("dart"), QStringLiteral("Dart")},
        {QStringLiteral("r"), QStringLiteral("R Script")},
        {QStringLiteral("latex"), QStringLiteral("LaTeX")},
        {QStringLiteral("tex"), QStringLiteral("LaTeX")},
        {QStringLiteral("objc"), QStringLiteral("Objective-C")},
        {QStringLiteral("graphql"), QStringLiteral("GraphQL")},
        {QStringLiteral("protobuf"), QStringLiteral("Protobuf")},
        {QStringLiteral("proto"), QStringLiteral("Protobuf")},
        {QStringLiteral("nix"), QStringLiteral("Nix")},
        {QStringLiteral("zig"), QStringLiteral("Zig")},
    };
    return names;
}

// Fences that ask for no highlighting.
bool isPlainLanguage(const QString& lower)
{
    return lower == QLatin1StringView("text") || lower == QLatin1StringView("txt")
        || lower == QLatin1StringView("plain") || lower == QLatin1StringView("plaintext")
        || lower == QLatin1StringView("none") || lower == QLatin1StringView("nohighlight");
}

// Code the program could misread or that could not come back as the same text: control
// characters (an escape in the code would look like the program's own), separators that a
// reader of lines may take for line ends.
bool isPlainCode(QStringView code)
{
    return std::none_of(code.begin(), code.end(), [](QChar c) {
        const char16_t u = c.unicode();
        return (u < 0x20 && u != u'\t' && u != u'\n') || (u >= 0x7f && u <= 0x9f) || u == 0x2028
            || u == 0x2029;
    });
}

QString keyFor(CodeHighlighter::Backend backend, bool dark, const QString& definition,
               const QString& code)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(backend == CodeHighlighter::Backend::Library ? "plein-code-1 kf6\n"
                                                              : "plein-code-1 kf5-program\n");
    hash.addData((dark ? darkTheme : lightTheme).toUtf8());
    hash.addData("\n");
    hash.addData(definition.toUtf8());
    hash.addData("\n");
    hash.addData(code.toUtf8());
    return QString::fromLatin1(hash.result().toHex());
}

bool isStyled(const CodeSpan& s)
{
    return s.hasColour || s.bold || s.italic || s.underline;
}

bool sameStyle(const CodeSpan& a, const CodeSpan& b)
{
    return a.hasColour == b.hasColour && (!a.hasColour || a.colour == b.colour) && a.bold == b.bold
        && a.italic == b.italic && a.underline == b.underline;
}

// One number of an SGR sequence: digits only, at most three.
std::optional<int> sgrNumber(QStringView part)
{
    if (part.isEmpty())
        return 0; // "ESC[;1m" means "ESC[0;1m"
    if (part.size() > 3)
        return std::nullopt;
    int n = 0;
    for (QChar c : part) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
        n = n * 10 + (c.unicode() - u'0');
    }
    return n;
}

// Applies the parameters of one "ESC[…m" to `style`; false for any the program does not write.
bool applySgr(QStringView parameters, CodeSpan& style)
{
    QList<int> numbers;
    for (QStringView part : parameters.split(u';')) {
        const std::optional<int> n = sgrNumber(part);
        if (!n)
            return false;
        numbers.append(*n);
    }
    for (qsizetype i = 0; i < numbers.size(); ++i) {
        switch (numbers[i]) {
        case 0:
            style = CodeSpan();
            break;
        case 1:
            style.bold = true;
            break;
        case 3:
            style.italic = true;
            break;
        case 4:
            style.underline = true;
            break;
        case 9: // strike-through: read, not shown (code is not crossed out on a card)
        case 29:
        case 49:
            break;
        case 22:
            style.bold = false;
            break;
        case 23:
            style.italic = false;
            break;
        case 24:
            style.underline = false;
            break;
        case 39:
            style.hasColour = false;
            style.colour = 0;
            break;
        case 38:
        case 48: {
            // 24-bit only: "38;2;r;g;b". The background stays the card's own.
            if (i + 4 >= numbers.size() || numbers[i + 1] != 2)
                return false;
            const int r = numbers[i + 2], g = numbers[i + 3], b = numbers[i + 4];
            if (r > 255 || g > 255 || b > 255)
                return false;
            if (numbers[i] == 38) {
                style.hasColour = true;
                style.colour = qRgb(r, g, b);
            }
            i += 4;
            break;
        }
        default:
            return false;
        }
    }
    return true;
}

void appendSpan(QList<CodeSpan>& spans, CodeSpan span)
{
    if (span.length <= 0 || !isStyled(span))
        return;
    if (!spans.isEmpty() && spans.last().start + spans.last().length == span.start
        && sameStyle(spans.last(), span)) {
        spans.last().length += span.length;
        return;
    }
    spans.append(span);
}

#ifdef PLEIN_HAVE_KF6_SYNTAX_HIGHLIGHTING
// KSyntaxHighlighting in process: the spans of each line, offset to the code's text.
class SpanCollector : public KSyntaxHighlighting::AbstractHighlighter
{
public:
    QList<CodeSpan> highlight(const QString& code)
    {
        m_spans.clear();
        KSyntaxHighlighting::State state;
        qsizetype start = 0;
        while (start < code.size()) {
            qsizetype end = code.indexOf(u'\n', start);
            if (end < 0)
                end = code.size();
            m_lineStart = int(start);
            state = highlightLine(QStringView(code).sliced(start, end - start), state);
            start = end + 1;
        }
        return m_spans;
    }

protected:
    void applyFormat(int offset, int length, const KSyntaxHighlighting::Format& format) override
    {
        const KSyntaxHighlighting::Theme t = theme();
        CodeSpan span;
        span.start = m_lineStart + offset;
        span.length = length;
        if (format.hasTextColor(t)) {
            span.hasColour = true;
            span.colour = format.textColor(t).rgb();
        }
        span.bold = format.isBold(t);
        span.italic = format.isItalic(t);
        span.underline = format.isUnderline(t);
        appendSpan(m_spans, span);
    }

private:
    QList<CodeSpan> m_spans;
    int m_lineStart = 0;
};

QList<CodeSpan> highlightInProcess(const QString& definitionName, const QString& code, bool dark)
{
    // One repository per thread of the pool: loading the definitions is the expensive part.
    thread_local KSyntaxHighlighting::Repository repository;
    KSyntaxHighlighting::Definition definition = repository.definitionForName(definitionName);
    if (!definition.isValid())
        definition = repository.definitionForFileName(QStringLiteral("code.") + definitionName);
    if (!definition.isValid())
        return {};
    KSyntaxHighlighting::Theme theme = repository.theme(dark ? darkTheme : lightTheme);
    if (!theme.isValid())
        theme = repository.defaultTheme(dark ? KSyntaxHighlighting::Repository::DarkTheme
                                             : KSyntaxHighlighting::Repository::LightTheme);
    SpanCollector collector;
    collector.setDefinition(definition);
    collector.setTheme(theme);
    return collector.highlight(code);
}
#endif

} // namespace

CodeHighlighter::CodeHighlighter(QObject* parent)
    : CodeHighlighter(Options(), parent)
{ }

CodeHighlighter::CodeHighlighter(const Options& options, QObject* parent)
    : QObject(parent)
    , m_options(options)
{
    if (!theInstance)
        theInstance = this;
    m_memory.setMaxCost(maxMemoryCost);
    m_dir = options.cacheDir.isEmpty()
        ? QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + QStringLiteral("/code")
        : options.cacheDir;
    const auto findProgram = [this]() {
        m_program = m_options.program.isEmpty() ? QStandardPaths::findExecutable(programName)
                                                : m_options.program;
        return !m_program.isEmpty() && QFileInfo(m_program).isExecutable();
    };
    const Backend wanted
        = options.backend.value_or(libraryAvailable() ? Backend::Library : Backend::Program);
    if (wanted == Backend::Library && libraryAvailable()) {
        m_backend = Backend::Library;
        m_pool = std::make_unique<QThreadPool>();
        m_pool->setMaxThreadCount(std::max(1, m_options.maxRunning));
    } else if (wanted == Backend::Program && findProgram()) {
        m_backend = Backend::Program;
    }
}

CodeHighlighter::~CodeHighlighter()
{
    if (theInstance == this)
        theInstance = nullptr;
    if (m_pool)
        m_pool->waitForDone();
    // Whatever still runs is of no use now; a QProcess destroyed while running complains.
    for (QProcess* process : findChildren<QProcess*>()) {
        process->disconnect(this);
        process->kill();
        process->waitForFinished(500);
    }
}

CodeHighlighter* CodeHighlighter::instance()
{
    return theInstance;
}

bool CodeHighlighter::libraryAvailable()
{
#ifdef PLEIN_HAVE_KF6_SYNTAX_HIGHLIGHTING
    return true;
#else
    return false;
#endif
}

QString CodeHighlighter::definitionName(const QString& fenceLanguage)
{
    static const QRegularExpression plainName(
        QStringLiteral("^[A-Za-z0-9+#_][A-Za-z0-9+#._-]{0,31}$"));
    const QString name = fenceLanguage.trimmed();
    if (!plainName.match(name).hasMatch())
        return QString();
    const QString lower = name.toLower();
    if (isPlainLanguage(lower))
        return QString();
    return aliases().value(lower, name);
}

qsizetype CodeHighlighter::maxOutput(QStringView code)
{
    // The longest span the program writes is about 50 bytes; one per character at most.
    return 64 * (code.size() + 1) + 4096;
}

std::optional<QList<CodeSpan>> CodeHighlighter::parseAnsi(QByteArrayView output, QStringView code)
{
    if (output.size() > maxOutput(code))
        return std::nullopt;
    QStringDecoder decoder(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString text = decoder.decode(output);
    if (decoder.hasError())
        return std::nullopt;
    // The program ends every line with a newline, the last one too.
    const bool addsNewline = !code.endsWith(u'\n');
    const qsizetype expected = code.size() + (addsNewline ? 1 : 0);
    QList<CodeSpan> spans;
    CodeSpan style;
    qsizetype matched = 0; // characters of the code seen so far
    qsizetype i = 0;
    while (i < text.size()) {
        if (text[i] == u'\x1b') {
            if (i + 1 >= text.size() || text[i + 1] != u'[')
                return std::nullopt;
            qsizetype end = i + 2;
            while (end < text.size() && end - i <= maxSgr
                   && ((text[end] >= u'0' && text[end] <= u'9') || text[end] == u';'))
                ++end;
            if (end >= text.size() || text[end] != u'm')
                return std::nullopt;
            if (!applySgr(QStringView(text).sliced(i + 2, end - i - 2), style))
                return std::nullopt;
            i = end + 1;
            continue;
        }
        qsizetype end = text.indexOf(u'\x1b', i);
        if (end < 0)
            end = text.size();
        const QStringView run = QStringView(text).sliced(i, end - i);
        if (matched + run.size() > expected)
            return std::nullopt;
        const qsizetype inCode = std::min(run.size(), code.size() - matched);
        if (run.first(inCode) != code.sliced(matched, inCode))
            return std::nullopt;
        if (inCode < run.size() && !(addsNewline && run.last(1) == u"\n"))
            return std::nullopt;
        CodeSpan span = style;
        span.start = int(matched);
        span.length = int(inCode);
        appendSpan(spans, span);
        matched += run.size();
        i = end;
    }
    if (matched != expected)
        return std::nullopt;
    return spans;
}

QByteArray CodeHighlighter::toAnsi(const QList<CodeSpan>& spans, QStringView code)
{
    QByteArray out;
    qsizetype at = 0;
    for (const CodeSpan& s : spans) {
        if (s.start < at || s.length <= 0 || s.start + s.length > code.size())
            return QByteArray(); // not spans of this code
        out += code.sliced(at, s.start - at).toUtf8();
        QByteArrayList codes;
        if (s.hasColour)
            codes << "38;2;" + QByteArray::number(qRed(s.colour)) + ';'
                    + QByteArray::number(qGreen(s.colour)) + ';'
                    + QByteArray::number(qBlue(s.colour));
        if (s.bold)
            codes << "1";
        if (s.italic)
            codes << "3";
        if (s.underline)
            codes << "4";
        out += "\x1b[" + codes.join(';') + 'm';
        out += code.sliced(s.start, s.length).toUtf8();
        out += "\x1b[0m";
        at = s.start + s.length;
    }
    out += code.sliced(at).toUtf8();
    if (!code.endsWith(u'\n'))
        out += '\n';
    return out;
}

std::optional<QList<CodeSpan>> CodeHighlighter::lookup(const QString& language, const QString& code,
                                                       bool dark, QString* key)
{
    if (key)
        key->clear();
    if (m_backend == Backend::None || code.trimmed().isEmpty() || code.size() > maxCode
        || !isPlainCode(code))
        return QList<CodeSpan>();
    // No language, or one that is not a plain name: plain. The program cannot guess from text
    // read on its standard input, and guessing from the text alone colours prose as code.
    const QString definition = definitionName(language);
    if (definition.isEmpty())
        return QList<CodeSpan>();
    const QString k = keyFor(m_backend, dark, definition, code);
    if (key)
        *key = k;
    if (const Entry* known = m_memory.object(k))
        return known->spans;
    if (m_waiting.contains(k))
        return std::nullopt;
    if (std::optional<QList<CodeSpan>> spans = fromDisk(k, code)) {
        remember(k, *spans);
        return spans;
    }
    m_waiting.insert(k);
    m_queue.append({k, definition, code, dark});
    if (m_queue.size() > maxQueue)
        m_waiting.remove(m_queue.takeFirst().key);
    // Started from the event loop: a layout asks for many at once and must not wait for forks.
    QTimer::singleShot(0, this, &CodeHighlighter::startNext);
    return std::nullopt;
}

void CodeHighlighter::startNext()
{
    while (m_running < std::max(1, m_options.maxRunning) && !m_queue.isEmpty()) {
        // The newest first: what was laid out last is what is on the screen.
        const Job job = m_queue.takeLast();
        ++m_running;
        ++m_runCount;
        if (m_backend == Backend::Library)
            runLibrary(job);
        else
            runProgram(job);
    }
}

void CodeHighlighter::runProgram(const Job& job)
{
    auto* process = new QProcess(this);
    struct Run
    {
        QByteArray output;
        bool failed = false;
        bool done = false;
    };
    auto run = std::make_shared<Run>();
    const qsizetype cap = maxOutput(job.code);
    const auto end = [this, job, run, process, cap](bool ok) {
        if (run->done)
            return;
        run->done = true;
        process->deleteLater();
        std::optional<QList<CodeSpan>> spans;
        if (ok && !run->failed && run->output.size() <= cap)
            spans = parseAnsi(run->output, job.code);
        finish(job, spans, spans ? run->output : QByteArray());
    };
    const auto read = [run, process, cap]() {
        run->output += process->readAllStandardOutput();
        if (run->output.size() > cap) {
            run->failed = true;
            process->kill();
        }
    };
    connect(process, &QProcess::readyReadStandardOutput, this, read);
    connect(process, &QProcess::finished, this,
            [read, end](int exitCode, QProcess::ExitStatus status) {
                read();
                end(status == QProcess::NormalExit && exitCode == 0);
            });
    connect(process, &QProcess::errorOccurred, this, [end](QProcess::ProcessError error) {
        // The others end in finished().
        if (error == QProcess::FailedToStart)
            end(false);
    });
    auto* timer = new QTimer(process);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, process, [run, process]() {
        run->failed = true;
        process->kill();
    });

    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // A Qt 5 program: our Qt 6 plugin paths are not for it, and it reads and writes text in the
    // locale's encoding, which must be UTF-8 for the text to come back the same.
    environment.remove(QStringLiteral("QT_PLUGIN_PATH"));
    environment.remove(QStringLiteral("QT_QPA_PLATFORM_PLUGIN_PATH"));
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    process->setProcessEnvironment(environment);
    process->setStandardErrorFile(QProcess::nullDevice());
    process->setProgram(m_program);
    // One argument each, no shell: the language is a validated name (definitionName).
    process->setArguments({QStringLiteral("--stdin"), QStringLiteral("--syntax=") + job.definition,
                           QStringLiteral("--output-format=ansi"),
                           QStringLiteral("--no-ansi-background"),
                           QStringLiteral("--theme=") + (job.dark ? darkTheme : lightTheme)});
    timer->start(m_options.timeout);
    process->start(QIODevice::ReadWrite);
    process->write(job.code.toUtf8());
    process->closeWriteChannel();
}

void CodeHighlighter::runLibrary(const Job& job)
{
#ifdef PLEIN_HAVE_KF6_SYNTAX_HIGHLIGHTING
    m_pool->start([this, job]() {
        const QList<CodeSpan> spans = highlightInProcess(job.definition, job.code, job.dark);
        // Through the same check as the program's output, and in the form kept on disk.
        const QByteArray ansi = toAnsi(spans, job.code);
        QMetaObject::invokeMethod(
            this,
            [this, job, ansi]() {
                std::optional<QList<CodeSpan>> parsed;
                if (!ansi.isEmpty())
                    parsed = parseAnsi(ansi, job.code);
                finish(job, parsed, parsed ? ansi : QByteArray());
            },
            Qt::QueuedConnection);
    });
#else
    QTimer::singleShot(0, this, [this, job]() { finish(job, std::nullopt, QByteArray()); });
#endif
}

void CodeHighlighter::finish(const Job& job, std::optional<QList<CodeSpan>> spans,
                             const QByteArray& ansi)
{
    --m_running;
    m_waiting.remove(job.key);
    // A failure is remembered too (as plain), so that a snippet the program cannot do is not run
    // again at every layout; the next start tries again.
    remember(job.key, spans.value_or(QList<CodeSpan>()));
    if (spans) {
        if (!ansi.isEmpty())
            toDisk(job.key, ansi);
        Q_EMIT highlighted(job.key);
    }
    startNext();
}

void CodeHighlighter::remember(const QString& key, const QList<CodeSpan>& spans)
{
    const qsizetype cost = 64 + spans.size() * qsizetype(sizeof(CodeSpan));
    m_memory.insert(key, new Entry {spans}, cost);
}

std::optional<QList<CodeSpan>> CodeHighlighter::fromDisk(const QString& key, QStringView code)
{
    QFile file(m_dir + u'/' + key + QStringLiteral(".ansi"));
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    std::optional<QList<CodeSpan>> spans;
    if (file.size() <= maxOutput(code))
        spans = parseAnsi(file.readAll(), code);
    if (!spans) {
        file.close();
        file.remove();
    }
    return spans;
}

void CodeHighlighter::toDisk(const QString& key, const QByteArray& ansi)
{
    if (!QDir().mkpath(m_dir))
        return;
    QSaveFile file(m_dir + u'/' + key + QStringLiteral(".ansi"));
    if (file.open(QIODevice::WriteOnly)) {
        file.write(ansi);
        file.commit();
    }
    if (!m_pruned) {
        m_pruned = true;
        prune();
    }
}

void CodeHighlighter::prune()
{
    QDir dir(m_dir);
    const QFileInfoList files
        = dir.entryInfoList({QStringLiteral("*.ansi")}, QDir::Files, QDir::Time | QDir::Reversed);
    if (files.size() <= maxDiskFiles)
        return;
    for (qsizetype i = 0; i < files.size() - keptDiskFiles; ++i)
        QFile::remove(files[i].absoluteFilePath());
}

} // namespace plein::app
