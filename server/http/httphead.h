#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>

#include <variant>

namespace plein::server {

// The head of one HTTP/1.x request, as the gate accepted it. Header names are lower-case.
struct HttpHead
{
    QByteArray method;
    QByteArray target; // origin-form: path and query
    QByteArray path;
    QByteArray query;
    int minorVersion = 1; // HTTP/1.0 or HTTP/1.1
    QList<QPair<QByteArray, QByteArray>> headers;

    // The value of a header that occurs at most once (empty when absent).
    QByteArray header(QByteArrayView lowerName) const;
    int count(QByteArrayView lowerName) const;
};

// Why a head is refused: the status to answer and a message for people.
struct HeadRefusal
{
    int status = 400;
    QByteArray message;
};

// Limits of a request head.
struct HeadLimits
{
    qsizetype maxHeadBytes = 16 * 1024;
    qsizetype maxTargetBytes = 4 * 1024;
    int maxHeaders = 64;
};

// Finds where a request head ends in `buffer` while it arrives, refusing as soon as a byte
// shows it is not HTTP/1.1 as we take it: every line ends with CR LF, and a CR or LF anywhere
// else is refused (bare LF or bare CR line ends are how requests get smuggled past a parser
// that reads them differently).
class HeadScanner
{
public:
    enum class State { NeedMore, Complete, Refused };

    // Looks at the bytes of `buffer` not seen yet. Complete: `headLength()` bytes are the
    // head, blank line included.
    State scan(const QByteArray& buffer, const HeadLimits& limits);
    qsizetype headLength() const { return m_end; }
    const HeadRefusal& refusal() const { return m_refusal; }
    void reset() { *this = HeadScanner(); }

private:
    qsizetype m_pos = 0; // next byte to look at
    qsizetype m_lineStart = 0;
    qsizetype m_end = 0;
    bool m_leadingBlank = true; // RFC 9112 2.2: blank lines before the request line are ignored
    HeadRefusal m_refusal;
};

// Parses a complete head (as found by HeadScanner) strictly: request line, header names and
// values, no folded lines, at most one Content-Length, no Transfer-Encoding.
std::variant<HttpHead, HeadRefusal> parseHead(QByteArrayView head, const HeadLimits& limits);

} // namespace plein::server
