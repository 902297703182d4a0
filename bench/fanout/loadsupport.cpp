#include "loadsupport.h"

#include "epolldispatcher.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QJsonDocument>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <unistd.h>

namespace plein::loadbench {

using namespace Qt::StringLiterals;

namespace {

// CPU time of every thread below /proc/PID/task, in nanoseconds.
qint64 taskCpuNanoseconds(const QString& base)
{
    const QStringList threads = QDir(base).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    if (threads.isEmpty())
        return -1;
    qint64 total = 0;
    for (const QString& tid : threads) {
        QFile file(base + u'/' + tid + u"/schedstat"_s);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = file.readAll();
        total += text.left(text.indexOf(' ')).toLongLong();
    }
    return total;
}

QString procPath(qint64 pid, const QString& file)
{
    return pid > 0 ? u"/proc/%1/%2"_s.arg(pid).arg(file) : u"/proc/self/"_s + file;
}

} // namespace

qint64 readKiBField(const QString& path, QByteArrayView field)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray all = file.readAll();
    for (const QByteArray& line : all.split('\n')) {
        if (!line.startsWith(field))
            continue;
        QByteArray rest = line.mid(field.size()).trimmed();
        if (rest.endsWith("kB"))
            rest = rest.chopped(2).trimmed();
        bool ok = false;
        const qint64 value = rest.toLongLong(&ok);
        return ok ? value : -1;
    }
    return -1;
}

MemorySample sampleMemory(qint64 pid)
{
    MemorySample sample;
    if (pid <= 0)
        return sample;
    sample.rssKiB = readKiBField(procPath(pid, u"status"_s), "VmRSS:");
    sample.pssKiB = readKiBField(procPath(pid, u"smaps_rollup"_s), "Pss:");
    return sample;
}

qint64 cpuNanoseconds(qint64 pid)
{
    return pid > 0 ? taskCpuNanoseconds(procPath(pid, u"task"_s)) : -1;
}

qint64 ownCpuNanoseconds()
{
    return taskCpuNanoseconds(u"/proc/self/task"_s);
}

qint64 processCpuMs(qint64 pid)
{
    QFile file(procPath(pid, u"stat"_s));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = file.readAll();
    const qsizetype paren = text.lastIndexOf(')');
    if (paren < 0)
        return -1;
    const QList<QByteArray> fields = text.mid(paren + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    const long hz = sysconf(_SC_CLK_TCK);
    // After the command name: state is field 3 of the file, utime 14 and stime 15.
    return hz > 0 ? (fields.at(11).toLongLong() + fields.at(12).toLongLong()) * 1000 / hz : -1;
}

qint64 machineBusyMs()
{
    QFile file(u"/proc/stat"_s);
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> fields = file.readLine().simplified().split(' ');
    if (fields.size() < 9 || fields.at(0) != "cpu")
        return -1;
    qint64 busyTicks = 0;
    for (int i : {1, 2, 3, 6, 7, 8}) // user nice system irq softirq steal
        busyTicks += fields.at(i).toLongLong();
    const long hz = sysconf(_SC_CLK_TCK);
    return hz > 0 ? busyTicks * 1000 / hz : -1;
}

qint64 processWrittenBytes(qint64 pid)
{
    QFile file(procPath(pid, u"io"_s));
    if (pid <= 0 || !file.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : file.readAll().split('\n')) {
        if (line.startsWith("wchar:"))
            return line.mid(6).trimmed().toLongLong();
    }
    return -1;
}

void OtherCpu::start(qint64 serverPid, qint64 wallNs)
{
    m_serverPid = serverPid;
    m_wallNs = wallNs;
    m_machineBusyMs = machineBusyMs();
    m_serverCpuMs = serverPid > 0 ? processCpuMs(serverPid) : -1;
    m_loadCpuMs = processCpuMs(0);
}

double OtherCpu::percentSince(qint64 nowNs) const
{
    if (!started())
        return -1;
    const double wallMs = double(nowNs - m_wallNs) / 1e6;
    const qint64 busyMs = machineBusyMs() - m_machineBusyMs;
    const qint64 serverMs = m_serverCpuMs >= 0 ? processCpuMs(m_serverPid) - m_serverCpuMs : 0;
    const qint64 loadMs = processCpuMs(0) - m_loadCpuMs;
    const double otherMs = std::max(0.0, double(busyMs - serverMs - loadMs));
    const long cpus = std::max(1L, sysconf(_SC_NPROCESSORS_ONLN));
    return wallMs > 0 ? std::round(otherMs / (wallMs * double(cpus)) * 1000.0) / 10.0 : -1;
}

Delivery Delivery::of(const std::vector<qint64>& arrivalNs, qint64 sendNs, int expected)
{
    std::vector<qint64> latencies;
    latencies.reserve(arrivalNs.size());
    qint64 last = sendNs;
    for (const qint64 arrival : arrivalNs) {
        if (arrival < 0)
            continue;
        latencies.push_back(arrival - sendNs);
        last = std::max(last, arrival);
    }
    std::sort(latencies.begin(), latencies.end());
    Delivery d;
    d.expected = expected;
    d.received = int(latencies.size());
    if (!latencies.empty()) {
        const double span = double(last - sendNs) / 1e9;
        d.deliveriesPerSec = span > 0 ? double(d.received) / span : 0;
        d.p50Ms = percentileMs(latencies, 50);
        d.p99Ms = percentileMs(latencies, 99);
        d.maxMs = double(latencies.back()) / 1e6;
    }
    return d;
}

void Delivery::writeTo(QJsonObject& line) const
{
    line.insert(u"expected"_s, expected);
    line.insert(u"received"_s, received);
    line.insert(u"missing"_s, expected - received);
    line.insert(u"timedOut"_s, timedOut);
    line.insert(u"deliveriesPerSec"_s, std::round(deliveriesPerSec));
    line.insert(u"p50Ms"_s, round3(p50Ms));
    line.insert(u"p99Ms"_s, round3(p99Ms));
    line.insert(u"maxMs"_s, round3(maxMs));
    line.insert(u"ackMs"_s, ackMs >= 0 ? QJsonValue(round3(ackMs)) : QJsonValue());
}

void Medians::add(const QString& key, double value)
{
    if (value >= 0)
        m_values[key].push_back(value);
}

void Medians::add(const Delivery& d)
{
    add(u"deliveriesPerSec"_s, d.deliveriesPerSec);
    add(u"p50Ms"_s, d.p50Ms);
    add(u"p99Ms"_s, d.p99Ms);
    add(u"maxMs"_s, d.maxMs);
    add(u"ackMs"_s, d.ackMs);
}

QJsonValue Medians::value(const QString& key) const
{
    const auto it = m_values.constFind(key);
    return it == m_values.cend() || it->empty() ? QJsonValue() : QJsonValue(round3(median(*it)));
}

void Medians::writeDeliveryTo(QJsonObject& summary) const
{
    const QJsonValue rate = value(u"deliveriesPerSec"_s);
    summary.insert(u"deliveriesPerSec"_s, rate.isNull() ? 0.0 : std::round(rate.toDouble()));
    for (const QString& key : {u"p50Ms"_s, u"p99Ms"_s, u"maxMs"_s}) {
        const QJsonValue v = value(key);
        summary.insert(key, v.isNull() ? 0.0 : v.toDouble());
    }
    summary.insert(u"ackMs"_s, value(u"ackMs"_s));
}

double percentileMs(const std::vector<qint64>& sortedNs, double p)
{
    if (sortedNs.empty())
        return 0;
    const auto rank = std::size_t(std::ceil(p / 100.0 * double(sortedNs.size())));
    const std::size_t index = std::clamp<std::size_t>(rank, 1, sortedNs.size()) - 1;
    return double(sortedNs[index]) / 1e6;
}

double median(std::vector<double> values)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const std::size_t mid = values.size() / 2;
    return values.size() % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

double round3(double v)
{
    return std::round(v * 1000.0) / 1000.0;
}

void printLine(const QJsonObject& object)
{
    const QByteArray line = QJsonDocument(object).toJson(QJsonDocument::Compact);
    std::fwrite(line.constData(), 1, std::size_t(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

void note(const QString& text)
{
    const QByteArray line = text.toUtf8();
    std::fwrite(line.constData(), 1, std::size_t(line.size()), stderr);
    std::fputc('\n', stderr);
    std::fflush(stderr);
}

void printSummary(QJsonObject summary, const QString& abortReason)
{
    summary.insert(u"loadRssKiB"_s, readKiBField(u"/proc/self/status"_s, "VmRSS:"));
    if (!abortReason.isEmpty())
        summary.insert(u"aborted"_s, abortReason);
    printLine(summary);
}

rlim_t raiseFileLimit(rlim_t wanted)
{
    rlimit limit {};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0)
        return 0;
    if (limit.rlim_cur >= wanted)
        return limit.rlim_cur;
    rlimit raised {wanted, std::max(wanted, limit.rlim_max)};
    if (setrlimit(RLIMIT_NOFILE, &raised) == 0)
        return wanted;
    raised = {std::min(wanted, limit.rlim_max), limit.rlim_max};
    if (setrlimit(RLIMIT_NOFILE, &raised) == 0)
        return raised.rlim_cur;
    return limit.rlim_cur;
}

bool isLoopback(const QUrl& url)
{
    const QString host = url.host();
    if (host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QStringList expandUsers(const QString& spec)
{
    QStringList users;
    for (const QString& part : spec.split(u',', Qt::SkipEmptyParts)) {
        const qsizetype dots = part.indexOf(u".."_s);
        if (dots < 0) {
            users << part.trimmed();
            continue;
        }
        const QString first = part.left(dots).trimmed();
        const QString last = part.mid(dots + 2).trimmed();
        qsizetype digits = first.size();
        while (digits > 0 && first.at(digits - 1).isDigit())
            --digits;
        const QString prefix = first.left(digits);
        const int from = first.mid(digits).toInt();
        const int to = last.startsWith(prefix) ? last.mid(prefix.size()).toInt() : last.toInt();
        for (int i = from; i <= to && i - from < 100000; ++i)
            users << prefix + QString::number(i);
    }
    return users;
}

qint64 scanInteger(const QString& frame, QStringView key, qsizetype from)
{
    const qsizetype at = frame.indexOf(key, from);
    if (at < 0)
        return -1;
    qsizetype i = at + key.size();
    while (i < frame.size() && frame.at(i).isSpace())
        ++i;
    qint64 value = 0;
    bool any = false;
    while (i < frame.size() && frame.at(i).isDigit()) {
        value = value * 10 + frame.at(i).digitValue();
        any = true;
        ++i;
    }
    return any ? value : -1;
}

QString installDispatcher(int argc, char* argv[], const QString& program)
{
    QString value = u"epoll"_s;
    for (int i = 1; i < argc; ++i) {
        const QByteArrayView arg(argv[i]);
        if ((arg == "--dispatcher" || arg == "-dispatcher") && i + 1 < argc)
            value = QString::fromLocal8Bit(argv[i + 1]);
        else if (arg.startsWith("--dispatcher="))
            value = QString::fromLocal8Bit(arg.sliced(13));
    }
    if (value != u"epoll"_s)
        return value;
    auto dispatcher = std::make_unique<EpollDispatcher>();
    if (dispatcher->isValid())
        QCoreApplication::setEventDispatcher(dispatcher.release()); // the main thread owns it
    else
        note(program + u": epoll unavailable, using Qt's dispatcher"_s);
    return value;
}

} // namespace plein::loadbench
