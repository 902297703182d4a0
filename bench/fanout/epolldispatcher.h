#pragma once

#include <QAbstractEventDispatcher>
#include <QAtomicInt>
#include <QElapsedTimer>

#include <vector>

QT_BEGIN_NAMESPACE
class QSocketNotifier;
QT_END_NAMESPACE

namespace plein {

// A single-threaded event dispatcher on Linux epoll, for the fan-out load process only.
//
// Qt's own dispatchers on Linux (glib and plain poll()) hand every registered descriptor to
// the kernel on each wake-up, so with 10,000 open sockets each turn of the event loop costs
// time in proportion to the number of connections, not to the number that have data. That
// cost lands in the very delivery latencies being measured. Level-triggered epoll keeps the
// semantics of poll() (a notifier fires for as long as its descriptor is ready) at a cost in
// proportion to the ready descriptors.
//
// Timers are kept in a plain list (the load process has a handful); posted events are sent
// on every turn and wakeUp() goes through an eventfd.
class EpollDispatcher : public QAbstractEventDispatcher
{
public:
    explicit EpollDispatcher(QObject* parent = nullptr);
    ~EpollDispatcher() override;

    bool isValid() const;

    bool processEvents(QEventLoop::ProcessEventsFlags flags) override;

    void registerSocketNotifier(QSocketNotifier* notifier) override;
    void unregisterSocketNotifier(QSocketNotifier* notifier) override;

    void registerTimer(int timerId, qint64 interval, Qt::TimerType timerType,
                       QObject* object) override;
    bool unregisterTimer(int timerId) override;
    bool unregisterTimers(QObject* object) override;
    QList<TimerInfo> registeredTimers(QObject* object) const override;
    int remainingTime(int timerId) override;

    void wakeUp() override;
    void interrupt() override;

private:
    struct Watch
    {
        QSocketNotifier* notifiers[3] = {nullptr, nullptr, nullptr}; // read, write, exception
        quint32 events = 0; // as registered with epoll; 0: not registered
    };

    struct Timer
    {
        int id = 0;
        qint64 intervalMs = 0;
        Qt::TimerType type = Qt::CoarseTimer;
        QObject* object = nullptr;
        qint64 dueMs = 0;
        bool firing = false;
    };

    struct Pending
    {
        int fd;
        int type;
        QSocketNotifier* notifier;
    };

    void updateWatch(int fd);
    int activateTimers();
    int msUntilNextTimer() const;
    qint64 nowMs() const;

    int m_epoll = -1;
    int m_wakeFd = -1;
    QAtomicInt m_interrupt;
    QElapsedTimer m_clock;
    std::vector<Watch> m_watches; // indexed by descriptor
    std::vector<Timer> m_timers;
};

} // namespace plein
