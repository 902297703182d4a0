#pragma once

#include <QString>

namespace plein::bench {

// Deterministic chat message bodies: mostly short lines as people chat (a word, a sentence),
// now and then a few sentences or a list from sampleBody, and about one in twenty-five a fenced
// code block (C++, Python, shell, JSON or SQL) of a few lines, as developers paste them.
QString chatBody(quint64 n);

} // namespace plein::bench
