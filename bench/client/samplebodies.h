#pragma once

#include <QString>

namespace plein::bench {

// Deterministic post bodies of mixed lengths and Markdown, so that rows in the feed have the
// spread of heights a real organisation produces: one-liners, a few sentences, lists, links,
// and now and then a long multi-paragraph post.
QString sampleBody(quint64 n);

} // namespace plein::bench
