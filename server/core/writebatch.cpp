#include "core/writebatch.h"

#include "core/eventlog.h"
#include "core/writeservice.h"

namespace plein::server {

WriteBatch::WriteBatch(WriteService& writes)
    : m_writes(writes)
    , m_tx(writes.m_db)
{
    Q_ASSERT_X(!writes.m_batch, "WriteBatch", "a batch is open already");
    if (!m_tx.isActive()) {
        m_error = m_tx.error();
        return;
    }
    if (auto counted = writes.m_events.beginBatch(); !counted) {
        m_error = counted.error().message;
        return;
    }
    m_began = true;
    m_active = true;
    m_writes.m_batch = this;
}

WriteBatch::~WriteBatch()
{
    if (m_began)
        m_writes.m_events.endBatch();
    if (m_writes.m_batch == this)
        m_writes.m_batch = nullptr;
}

void WriteBatch::fail(const QString& why)
{
    if (!m_active)
        return;
    m_active = false;
    m_error = why;
}

bool WriteBatch::commit()
{
    if (!m_active) {
        m_writes.m_batch = nullptr;
        return false;
    }
    // Closed first: whatever happens now, later writes are not savepoints of this batch.
    m_active = false;
    m_writes.m_batch = nullptr;
    if (auto counted = m_writes.m_events.finishBatch(); !counted) {
        m_error = counted.error().message;
        return false;
    }
    m_writes.m_events.endBatch();
    if (m_changed)
        m_writes.notifyOtherNodes();
    if (!m_tx.commit()) {
        m_error = m_tx.error();
        return false;
    }
    return true;
}

} // namespace plein::server
