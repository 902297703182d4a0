#pragma once

#include "markdown.h"

#include <QCache>
#include <QSet>
#include <QTextDocument>

#include <algorithm>
#include <memory>

namespace plein::app {

// The laid-out bodies a delegate paints (posts, chat messages), by row key, each kept with what
// it was made from: the Markdown is read once, a new width only re-wraps it. Bounded to a few
// screens' worth, costed by length.
template<typename Key, typename Content> class DocumentCache
{
public:
    static constexpr int maxCost = 400;
    static constexpr int charsPerCost = 500;

    // The document of `content` (`chars` long) under `key`, made by `layout(doc)` when none is
    // kept for this content; a kept one is re-wrapped to `textWidth(doc)` if need be.
    template<typename Layout, typename TextWidth>
    QTextDocument& get(const Key& key, const Content& content, qsizetype chars, Layout layout,
                       TextWidth textWidth)
    {
        Entry* cached = m_entries.object(key);
        if (cached && cached->content == content) {
            const qreal wanted = textWidth(cached->doc);
            if (cached->doc.textWidth() != wanted)
                cached->doc.setTextWidth(wanted);
            return cached->doc;
        }
        auto fresh = std::make_unique<Entry>();
        fresh->content = content;
        layout(fresh->doc);
        ++m_layouts;
        cached = fresh.get();
        // QCache owns what it holds. The cost is capped below the maximum so that the insert
        // always succeeds and `cached` stays valid until the next insert.
        const int cost = std::min(maxCost / 4, 1 + int(chars / charsPerCost));
        m_entries.insert(key, fresh.release(), cost);
        return cached->doc;
    }

    QTextDocument* find(const Key& key) const
    {
        Entry* cached = m_entries.object(key);
        return cached ? &cached->doc : nullptr;
    }
    void remove(const Key& key) { m_entries.remove(key); }
    void clear() { m_entries.clear(); }
    // How many bodies were laid out from their Markdown.
    int layouts() const { return m_layouts; }

    // A code block's colours arrived: the keys of the documents that show it plain, which are
    // dropped (laid out again when next asked for).
    QSet<Key> takeWaitingFor(const QString& highlightKey)
    {
        QSet<Key> stale;
        for (const Key& k : m_entries.keys()) {
            if (const Entry* e = m_entries.object(k); e && waitsForHighlight(e->doc, highlightKey))
                stale.insert(k);
        }
        for (const Key& k : std::as_const(stale))
            m_entries.remove(k);
        return stale;
    }

private:
    struct Entry
    {
        Content content;
        QTextDocument doc;
    };

    QCache<Key, Entry> m_entries {maxCost};
    int m_layouts = 0;
};

} // namespace plein::app
