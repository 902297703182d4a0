#pragma once

#include <QString>

#include <functional>

namespace plein::loadbench {

class LoadContext;

// One measurement of the chat load, run once all connections are live. It prints its own
// JSON lines and calls `done` when it has finished (or given up).
class Scenario
{
public:
    explicit Scenario(LoadContext& context)
        : m_context(context)
    { }
    virtual ~Scenario() = default;
    Scenario(const Scenario&) = delete;
    Scenario& operator=(const Scenario&) = delete;

    virtual void start(std::function<void()> done) = 0;
    // A push (not an answer) on live connection `index`.
    virtual void onPush(int index, const QString& frame)
    {
        Q_UNUSED(index);
        Q_UNUSED(frame);
    }

protected:
    LoadContext& m_context;
};

// The tag a load program puts at the start of the bodies it sends ("#123 ..."), read back from
// a pushed message or post without parsing the frame; -1 when there is none.
qint64 bodyTag(const QString& frame);

} // namespace plein::loadbench
