#include "http/httphead.h"

namespace plein::server {

namespace {

bool isTokenChar(char c)
{
    // RFC 9110 5.6.2 tchar
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~':
        return true;
    default:
        return false;
    }
}

HeadRefusal refuse(int status, const char* message)
{
    return HeadRefusal {status, QByteArray(message)};
}

} // namespace

QByteArray HttpHead::header(QByteArrayView lowerName) const
{
    for (const auto& [name, value] : headers) {
        if (name == lowerName)
            return value;
    }
    return {};
}

int HttpHead::count(QByteArrayView lowerName) const
{
    int n = 0;
    for (const auto& h : headers)
        n += h.first == lowerName ? 1 : 0;
    return n;
}

HeadScanner::State HeadScanner::scan(const QByteArray& buffer, const HeadLimits& limits)
{
    while (m_pos < buffer.size()) {
        const char c = buffer.at(m_pos);
        if (c == '\r') {
            if (m_pos + 1 >= buffer.size())
                break; // the LF may follow in the next packet
            if (buffer.at(m_pos + 1) != '\n') {
                m_refusal = refuse(400, "bare CR in the request head");
                return State::Refused;
            }
            const bool blank = m_pos == m_lineStart;
            m_pos += 2;
            if (blank && m_leadingBlank) {
                m_lineStart = m_pos; // tolerated blank line before the request line
                continue;
            }
            if (blank) {
                m_end = m_pos;
                return State::Complete;
            }
            m_leadingBlank = false;
            m_lineStart = m_pos;
            continue;
        }
        if (c == '\n') {
            m_refusal = refuse(400, "bare LF in the request head: lines must end with CR LF");
            return State::Refused;
        }
        if (c == '\0') {
            m_refusal = refuse(400, "NUL in the request head");
            return State::Refused;
        }
        ++m_pos;
        if (m_pos > limits.maxHeadBytes)
            break;
    }
    if (m_pos > limits.maxHeadBytes || buffer.size() > limits.maxHeadBytes + 1) {
        m_refusal = refuse(431, "request head too large");
        return State::Refused;
    }
    return State::NeedMore;
}

std::variant<HttpHead, HeadRefusal> parseHead(QByteArrayView head, const HeadLimits& limits)
{
    // Skip tolerated leading blank lines; the scanner guarantees CR LF line ends.
    while (head.startsWith("\r\n"))
        head = head.sliced(2);
    QList<QByteArrayView> lines;
    qsizetype start = 0;
    while (true) {
        const qsizetype crlf = head.indexOf("\r\n", start);
        if (crlf < 0 || crlf == start)
            break;
        lines.append(head.sliced(start, crlf - start));
        start = crlf + 2;
    }
    if (lines.isEmpty())
        return refuse(400, "no request line");

    HttpHead h;
    const QByteArrayView requestLine = lines.first();
    const qsizetype sp1 = requestLine.indexOf(' ');
    const qsizetype sp2 = sp1 < 0 ? -1 : requestLine.indexOf(' ', sp1 + 1);
    if (sp1 <= 0 || sp2 <= sp1 + 1 || requestLine.indexOf(' ', sp2 + 1) >= 0)
        return refuse(400, "malformed request line");
    const QByteArrayView method = requestLine.first(sp1);
    const QByteArrayView target = requestLine.sliced(sp1 + 1, sp2 - sp1 - 1);
    const QByteArrayView version = requestLine.sliced(sp2 + 1);
    for (char c : method) {
        if (!isTokenChar(c))
            return refuse(400, "malformed method");
    }
    if (version == "HTTP/1.1")
        h.minorVersion = 1;
    else if (version == "HTTP/1.0")
        h.minorVersion = 0;
    else if (version.startsWith("HTTP/") && version.size() == 8)
        return refuse(505, "only HTTP/1.1 and HTTP/1.0 are spoken here");
    else
        return refuse(400, "malformed HTTP version");
    if (target.size() > limits.maxTargetBytes)
        return refuse(414, "request target too long");
    if (!target.startsWith('/'))
        return refuse(400, "the request target must be a path (origin-form)");
    for (char c : target) {
        const auto u = static_cast<unsigned char>(c);
        if (u <= 0x20 || u >= 0x7f || c == '#')
            return refuse(400, "invalid character in the request target");
    }
    h.method = method.toByteArray();
    h.target = target.toByteArray();
    const qsizetype q = target.indexOf('?');
    h.path = (q < 0 ? target : target.first(q)).toByteArray();
    h.query = q < 0 ? QByteArray() : target.sliced(q + 1).toByteArray();

    if (lines.size() - 1 > limits.maxHeaders)
        return refuse(431, "too many header fields");
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArrayView line = lines.at(i);
        if (line.startsWith(' ') || line.startsWith('\t'))
            return refuse(400, "folded header lines are not accepted");
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0)
            return refuse(400, "malformed header field");
        const QByteArrayView name = line.first(colon);
        for (char c : name) {
            if (!isTokenChar(c))
                return refuse(400, "malformed header field name");
        }
        QByteArrayView value = line.sliced(colon + 1);
        while (!value.isEmpty() && (value.front() == ' ' || value.front() == '\t'))
            value = value.sliced(1);
        while (!value.isEmpty() && (value.back() == ' ' || value.back() == '\t'))
            value.chop(1);
        for (char c : value) {
            const auto u = static_cast<unsigned char>(c);
            if ((u < 0x20 && c != '\t') || u == 0x7f)
                return refuse(400, "control character in a header field value");
        }
        h.headers.append({name.toByteArray().toLower(), value.toByteArray()});
    }

    if (h.count("transfer-encoding") > 0)
        return refuse(501, "Transfer-Encoding is not accepted: send Content-Length");
    const int lengths = h.count("content-length");
    if (lengths > 1)
        return refuse(400, "more than one Content-Length");
    if (lengths == 1) {
        const QByteArray v = h.header("content-length");
        if (v.isEmpty() || v.size() > 18)
            return refuse(400, "malformed Content-Length");
        for (char c : v) {
            if (c < '0' || c > '9')
                return refuse(400, "malformed Content-Length");
        }
    }
    // Fields read as one value must come once: which of two would count is not guessed.
    for (const char* once : {"host", "authorization", "range", "expect", "connection"}) {
        if (h.count(once) > 1)
            return refuse(400, "a header field that may come once came twice");
    }
    if (h.minorVersion == 1 && h.count("host") != 1)
        return refuse(400, "HTTP/1.1 needs exactly one Host header");
    return h;
}

} // namespace plein::server
