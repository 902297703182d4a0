#pragma once

#include "protocol/errorcode.h"

#include <utility>
#include <variant>

namespace plein {

// A value or the protocol error explaining why there is none. Expected failures travel as
// values; exceptions never cross the event loop.
template<class T> class Result
{
public:
    Result(T value)
        : m_v(std::move(value))
    { }
    Result(protocol::Error error)
        : m_v(std::move(error))
    { }

    bool ok() const { return m_v.index() == 0; }
    explicit operator bool() const { return ok(); }
    T& value() { return std::get<0>(m_v); }
    const T& value() const { return std::get<0>(m_v); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }
    const protocol::Error& error() const { return std::get<1>(m_v); }

private:
    std::variant<T, protocol::Error> m_v;
};

inline protocol::Error makeError(protocol::ErrorCode code, QString message)
{
    return protocol::Error {code, std::move(message)};
}

} // namespace plein
