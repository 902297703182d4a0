#include "epolldispatcher.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTimerEvent>

#include <algorithm>
#include <array>
#include <cerrno>
#include <climits>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace plein {

namespace {

constexpr int maxEventsPerWait = 1024;

quint32 epollEventsFor(QSocketNotifier* const (&notifiers)[3])
{
    quint32 events = 0;
    if (notifiers[0])
        events |= EPOLLIN;
    if (notifiers[1])
        events |= EPOLLOUT;
    if (notifiers[2])
        events |= EPOLLPRI;
    return events;
}

} // namespace

EpollDispatcher::EpollDispatcher(QObject* parent)
    : QAbstractEventDispatcher(parent)
{
    m_clock.start();
    m_epoll = epoll_create1(EPOLL_CLOEXEC);
    m_wakeFd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (m_epoll >= 0 && m_wakeFd >= 0) {
        epoll_event ev {};
        ev.events = EPOLLIN;
        ev.data.fd = m_wakeFd;
        if (epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_wakeFd, &ev) != 0) {
            ::close(m_wakeFd);
            m_wakeFd = -1;
        }
    }
}

EpollDispatcher::~EpollDispatcher()
{
    if (m_wakeFd >= 0)
        ::close(m_wakeFd);
    if (m_epoll >= 0)
        ::close(m_epoll);
}

bool EpollDispatcher::isValid() const
{
    return m_epoll >= 0 && m_wakeFd >= 0;
}

qint64 EpollDispatcher::nowMs() const
{
    return m_clock.elapsed();
}

bool EpollDispatcher::processEvents(QEventLoop::ProcessEventsFlags flags)
{
    m_interrupt.storeRelaxed(0);
    emit awake();
    QCoreApplication::sendPostedEvents();

    const bool includeNotifiers = !(flags & QEventLoop::ExcludeSocketNotifiers);
    const bool waitForEvents = flags & QEventLoop::WaitForMoreEvents;
    if (m_interrupt.loadRelaxed())
        return false;

    // Anything posted from here on writes the eventfd, so blocking cannot miss it.
    int timeout = 0;
    if (waitForEvents) {
        emit aboutToBlock();
        timeout = msUntilNextTimer();
    }

    std::array<epoll_event, maxEventsPerWait> events;
    int ready = epoll_wait(m_epoll, events.data(), int(events.size()), timeout);
    if (ready < 0)
        ready = 0; // EINTR: just go round again

    int handled = 0;
    std::vector<Pending> pending; // local: a handler may run a nested event loop
    pending.reserve(std::size_t(ready));
    for (int i = 0; i < ready; ++i) {
        const int fd = events[std::size_t(i)].data.fd;
        const quint32 revents = events[std::size_t(i)].events;
        if (fd == m_wakeFd) {
            quint64 count = 0;
            while (::read(m_wakeFd, &count, sizeof count) > 0) { }
            ++handled;
            continue;
        }
        if (!includeNotifiers || fd < 0 || std::size_t(fd) >= m_watches.size())
            continue;
        const Watch& w = m_watches[std::size_t(fd)];
        if (w.notifiers[0] && (revents & (EPOLLIN | EPOLLHUP | EPOLLERR)))
            pending.push_back({fd, 0, w.notifiers[0]});
        if (w.notifiers[1] && (revents & (EPOLLOUT | EPOLLHUP | EPOLLERR)))
            pending.push_back({fd, 1, w.notifiers[1]});
        if (w.notifiers[2] && (revents & EPOLLPRI))
            pending.push_back({fd, 2, w.notifiers[2]});
    }

    // A handler may disable or delete a notifier that is still pending in this turn: each one
    // is checked against the table right before it is activated, never dereferenced blindly.
    for (const Pending& p : pending) {
        if (m_watches[std::size_t(p.fd)].notifiers[p.type] != p.notifier)
            continue;
        QEvent event(QEvent::SockAct);
        QCoreApplication::sendEvent(p.notifier, &event);
        ++handled;
    }

    handled += activateTimers();
    return handled > 0;
}

void EpollDispatcher::updateWatch(int fd)
{
    Watch& w = m_watches[std::size_t(fd)];
    const quint32 wanted = epollEventsFor(w.notifiers);
    if (wanted == w.events)
        return;
    epoll_event ev {};
    ev.events = wanted;
    ev.data.fd = fd;
    if (wanted == 0) {
        epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, &ev);
    } else if (w.events == 0) {
        if (epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &ev) != 0 && errno == EEXIST)
            epoll_ctl(m_epoll, EPOLL_CTL_MOD, fd, &ev);
    } else {
        if (epoll_ctl(m_epoll, EPOLL_CTL_MOD, fd, &ev) != 0 && errno == ENOENT)
            epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &ev);
    }
    w.events = wanted;
}

void EpollDispatcher::registerSocketNotifier(QSocketNotifier* notifier)
{
    const qintptr fd = notifier->socket();
    if (fd < 0 || fd > INT_MAX)
        return;
    if (std::size_t(fd) >= m_watches.size())
        m_watches.resize(std::size_t(fd) + 1024);
    const int type = int(notifier->type()); // Read 0, Write 1, Exception 2
    if (type < 0 || type > 2)
        return;
    m_watches[std::size_t(fd)].notifiers[type] = notifier;
    updateWatch(int(fd));
}

void EpollDispatcher::unregisterSocketNotifier(QSocketNotifier* notifier)
{
    const qintptr fd = notifier->socket();
    if (fd < 0 || std::size_t(fd) >= m_watches.size())
        return;
    const int type = int(notifier->type());
    if (type < 0 || type > 2)
        return;
    Watch& w = m_watches[std::size_t(fd)];
    if (w.notifiers[type] == notifier) {
        w.notifiers[type] = nullptr;
        updateWatch(int(fd));
    }
}

void EpollDispatcher::registerTimer(int timerId, qint64 interval, Qt::TimerType timerType,
                                    QObject* object)
{
    Timer t;
    t.id = timerId;
    t.intervalMs = std::max<qint64>(interval, 0);
    t.type = timerType;
    t.object = object;
    t.dueMs = nowMs() + t.intervalMs;
    m_timers.push_back(t);
}

bool EpollDispatcher::unregisterTimer(int timerId)
{
    const auto it = std::find_if(m_timers.begin(), m_timers.end(),
                                 [timerId](const Timer& t) { return t.id == timerId; });
    if (it == m_timers.end())
        return false;
    m_timers.erase(it);
    return true;
}

bool EpollDispatcher::unregisterTimers(QObject* object)
{
    const auto before = m_timers.size();
    std::erase_if(m_timers, [object](const Timer& t) { return t.object == object; });
    return m_timers.size() != before;
}

QList<QAbstractEventDispatcher::TimerInfo> EpollDispatcher::registeredTimers(QObject* object) const
{
    QList<TimerInfo> list;
    for (const Timer& t : m_timers) {
        if (t.object == object)
            list.append(TimerInfo(t.id, int(t.intervalMs), t.type));
    }
    return list;
}

int EpollDispatcher::remainingTime(int timerId)
{
    for (const Timer& t : m_timers) {
        if (t.id == timerId)
            return int(std::max<qint64>(0, t.dueMs - nowMs()));
    }
    return -1;
}

int EpollDispatcher::msUntilNextTimer() const
{
    if (m_interrupt.loadRelaxed())
        return 0;
    qint64 wait = -1;
    const qint64 now = nowMs();
    for (const Timer& t : m_timers) {
        if (t.firing)
            continue;
        const qint64 left = std::max<qint64>(0, t.dueMs - now);
        wait = wait < 0 ? left : std::min(wait, left);
    }
    return wait < 0 ? -1 : int(std::min<qint64>(wait, INT_MAX));
}

int EpollDispatcher::activateTimers()
{
    // Collect the due ids first: a handler may register or unregister timers.
    const qint64 now = nowMs();
    std::vector<int> due;
    for (const Timer& t : m_timers) {
        if (!t.firing && t.dueMs <= now)
            due.push_back(t.id);
    }
    int fired = 0;
    for (int id : due) {
        auto it = std::find_if(m_timers.begin(), m_timers.end(),
                               [id](const Timer& t) { return t.id == id; });
        if (it == m_timers.end())
            continue;
        it->dueMs = std::max(it->dueMs + it->intervalMs, nowMs());
        it->firing = true;
        QObject* object = it->object;
        QTimerEvent event(id);
        QCoreApplication::sendEvent(object, &event);
        ++fired;
        it = std::find_if(m_timers.begin(), m_timers.end(),
                          [id](const Timer& t) { return t.id == id; });
        if (it != m_timers.end())
            it->firing = false;
    }
    return fired;
}

void EpollDispatcher::wakeUp()
{
    const quint64 one = 1;
    [[maybe_unused]] const auto written = ::write(m_wakeFd, &one, sizeof one);
}

void EpollDispatcher::interrupt()
{
    m_interrupt.storeRelaxed(1);
    wakeUp();
}

} // namespace plein
