#pragma once

#include <QString>

namespace plein::protocol {

// The message table of docs/protocol.md, generated from the same table that drives decoding
// and dispatch. A test fails when the document and the code disagree;
// `plein-server --protocol-table` prints it.
QString messageTableMarkdown();
// The event-kind table of docs/protocol.md, from the capabilities' event specs.
QString eventTableMarkdown();

} // namespace plein::protocol
