#include "servermeter.h"

#include "loadcontext.h"

#include <QJsonValue>

namespace plein::loadbench {

using namespace Qt::StringLiterals;

void ServerMeter::start()
{
    const qint64 pid = m_context.options().serverPid;
    m_startNs = m_context.now();
    m_serverCpuMs = pid > 0 ? processCpuMs(pid) : -1;
    m_loadCpuMs = processCpuMs(0);
    m_written = pid > 0 ? processWrittenBytes(pid) : -1;
    m_receivedBytes = m_context.receivedBytes();
    m_receivedFrames = m_context.receivedFrames();
    m_other.start(pid, m_startNs);
}

QJsonObject ServerMeter::read() const
{
    const qint64 pid = m_context.options().serverPid;
    const qint64 nowNs = m_context.now();
    const double seconds = double(nowNs - m_startNs) / 1e9;
    const auto perSecond = [seconds](double v) { return seconds > 0 ? v / seconds : 0.0; };
    QJsonObject o {{u"seconds"_s, round3(seconds)}};
    if (m_serverCpuMs >= 0) {
        const qint64 cpuMs = processCpuMs(pid) - m_serverCpuMs;
        o.insert(u"serverCpuPct"_s, round3(perSecond(double(cpuMs)) / 10.0));
    }
    if (m_written >= 0)
        o.insert(u"serverWrittenBytesPerSec"_s,
                 qint64(perSecond(double(processWrittenBytes(pid) - m_written))));
    o.insert(u"loadCpuPct"_s, round3(perSecond(double(processCpuMs(0) - m_loadCpuMs)) / 10.0));
    o.insert(u"receivedBytesPerSec"_s,
             qint64(perSecond(double(m_context.receivedBytes() - m_receivedBytes))));
    o.insert(u"receivedFramesPerSec"_s,
             round3(perSecond(double(m_context.receivedFrames() - m_receivedFrames))));
    o.insert(u"otherCpuPct"_s, m_other.percentSince(nowNs));
    return o;
}

} // namespace plein::loadbench
