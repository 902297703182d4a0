#pragma once

#include "loadsupport.h"

#include <QJsonObject>

namespace plein::loadbench {

class LoadContext;

// What the server spends over a stretch of wall time: its CPU (user + system, all threads, per
// second of wall time, from /proc/PID/stat), the bytes it wrote (`wchar` of /proc/PID/io:
// its socket writes, and any file writes), and what the load received (bytes and frames).
class ServerMeter
{
public:
    explicit ServerMeter(LoadContext& context)
        : m_context(context)
    { }

    void start();
    // {seconds, serverCpuPct, serverWrittenBytesPerSec, receivedBytesPerSec,
    //  receivedFramesPerSec, loadCpuPct, otherCpuPct}
    QJsonObject read() const;

private:
    LoadContext& m_context;
    qint64 m_startNs = 0;
    qint64 m_serverCpuMs = -1;
    qint64 m_loadCpuMs = -1;
    qint64 m_written = -1;
    qint64 m_receivedBytes = 0;
    qint64 m_receivedFrames = 0;
    OtherCpu m_other;
};

} // namespace plein::loadbench
