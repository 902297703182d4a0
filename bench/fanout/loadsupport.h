#pragma once

// What the load programs (plein-fanout-load, plein-chat-load) share besides their connections:
// reading another process's CPU, memory and I/O from /proc, percentiles, JSON output lines and
// the checks every load program makes before it starts.

#include <QByteArrayView>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <sys/resource.h>
#include <vector>

namespace plein::loadbench {

struct MemorySample
{
    qint64 rssKiB = -1;
    qint64 pssKiB = -1;
};

// A "Field:   123 kB" line of a /proc file, in KiB; -1 when absent.
qint64 readKiBField(const QString& path, QByteArrayView field);
// VmRSS and Pss of a process.
MemorySample sampleMemory(qint64 pid);

// CPU time used so far by every thread of a process, from the scheduler's per-thread
// accounting in nanoseconds; -1 when unknown.
qint64 cpuNanoseconds(qint64 pid);
qint64 ownCpuNanoseconds();
// User and system CPU time of a whole process in milliseconds, threads that have ended
// included (/proc/PID/stat); coarse (clock ticks) but complete. -1 when unknown. pid 0: self.
qint64 processCpuMs(qint64 pid);
// Busy CPU time of the whole machine so far in milliseconds (all CPUs added up, idle and I/O
// wait left out), from /proc/stat; -1 when unknown.
qint64 machineBusyMs();
// Bytes a process has handed to write-like system calls so far, sockets included (`wchar`
// of /proc/PID/io); -1 when unknown (another user's process).
qint64 processWrittenBytes(qint64 pid);

// How much of the machine other processes used over a stretch of time: the server and the
// load process itself are left out. Anything above a few percent disturbed the figures.
class OtherCpu
{
public:
    void start(qint64 serverPid, qint64 wallNs);
    bool started() const { return m_wallNs > 0 && m_machineBusyMs >= 0; }
    // Percent of all CPUs, one decimal; -1 when not started.
    double percentSince(qint64 nowNs) const;

private:
    qint64 m_serverPid = 0;
    qint64 m_wallNs = 0;
    qint64 m_machineBusyMs = -1;
    qint64 m_serverCpuMs = -1;
    qint64 m_loadCpuMs = -1;
};

// One post or message pushed to many connections: who got it and how long after the send.
struct Delivery
{
    int expected = 0;
    int received = 0;
    double deliveriesPerSec = 0; // received / (the last arrival - the send)
    double p50Ms = 0;
    double p99Ms = 0;
    double maxMs = 0;
    double ackMs = -1; // the sender's answer; -1: none
    bool timedOut = false;

    // From each receiver's arrival (-1: none) and the send, on one clock in nanoseconds.
    static Delivery of(const std::vector<qint64>& arrivalNs, qint64 sendNs, int expected);
    // expected, received, missing, timedOut, deliveriesPerSec, p50Ms, p99Ms, maxMs, ackMs.
    void writeTo(QJsonObject& line) const;
};

// Values by name over the rounds of a run, for the medians of its summary; negative values
// (unknown) are left out.
class Medians
{
public:
    void add(const QString& key, double value);
    // deliveriesPerSec, p50Ms, p99Ms, maxMs, ackMs.
    void add(const Delivery& d);
    // The median rounded to three decimals, null when there is no value.
    QJsonValue value(const QString& key) const;
    // The summary's delivery figures: deliveriesPerSec (whole), p50Ms, p99Ms, maxMs, ackMs.
    void writeDeliveryTo(QJsonObject& summary) const;

private:
    QHash<QString, std::vector<double>> m_values;
};

// Nearest-rank percentile of sorted nanosecond values, in milliseconds.
double percentileMs(const std::vector<qint64>& sortedNs, double p);
double median(std::vector<double> values);
double round3(double v);

// One JSON object a line on stdout; progress and errors on stderr.
void printLine(const QJsonObject& object);
void note(const QString& text);
// The summary line of a run: adds the load's own RSS (loadRssKiB) and, when the run was cut
// short, why (aborted), then prints it.
void printSummary(QJsonObject summary, const QString& abortReason);

// Raises the open-file limit as far as it goes: the soft limit to the hard limit, and both
// higher when the process may (root). Returns the soft limit in force afterwards.
rlim_t raiseFileLimit(rlim_t wanted);
bool isLoopback(const QUrl& url);
// "bench1..bench20" or "alice,bob" (or both, comma separated).
QStringList expandUsers(const QString& spec);
// The value of a top-level integer field such as "seq":123 without parsing the whole frame;
// -1 when absent. Searches from `from`.
qint64 scanInteger(const QString& frame, QStringView key, qsizetype from = 0);

// Installs the epoll dispatcher unless the command line says `--dispatcher qt`; must run
// before the application object exists. Returns the dispatcher's name ("epoll" or "qt").
QString installDispatcher(int argc, char* argv[], const QString& program);

} // namespace plein::loadbench
