'use strict';
// Minimal broadcast server for the fan-out benchmark, on the `ws` package.
//
// Usage: node ws-server.js [PORT] [HOST]   (or PORT / HOST in the environment)
//
// Any text frame containing "post.create" makes the server broadcast one event frame, shaped
// like a Plein push, to every open connection (the sender included). The frame is serialized
// once per event and the same buffer is sent to every client. The sender also gets an
// acknowledgement {"re":<id>,"ok":true} when its request carried an id.

const { WebSocketServer, WebSocket } = require('ws');

const port = Number(process.argv[2] || process.env.PORT || 19001);
const host = process.argv[3] || process.env.HOST || '127.0.0.1';

let seq = 0;
let postId = 0;

const wss = new WebSocketServer({
    host,
    port,
    backlog: 4096,
    perMessageDeflate: false,
    clientTracking: true,
    maxPayload: 256 * 1024,
});

function broadcast() {
    seq += 1;
    postId += 1;
    const frame = Buffer.from(JSON.stringify({
        type: 'event',
        seq,
        payload: {
            kind: 'post.created',
            at: new Date().toISOString(),
            actor: 1,
            data: { post: { id: postId, body: 'x' } },
        },
    }));
    for (const client of wss.clients) {
        if (client.readyState === WebSocket.OPEN)
            client.send(frame, { binary: false });
    }
}

function requestId(text) {
    try {
        const id = JSON.parse(text).id;
        return typeof id === 'string' ? id : null;
    } catch (e) {
        return null;
    }
}

wss.on('connection', (ws) => {
    ws.on('error', () => {});
    ws.on('message', (data, isBinary) => {
        if (isBinary)
            return;
        const text = data.toString();
        if (!text.includes('post.create'))
            return;
        broadcast();
        const id = requestId(text);
        if (id !== null)
            ws.send(JSON.stringify({ re: id, ok: true, payload: { seq } }));
    });
});

wss.on('listening', () => {
    console.error(`ws baseline listening on ${host}:${port} (pid ${process.pid})`);
});

wss.on('error', (err) => {
    console.error(`ws baseline: ${err.message}`);
    process.exit(1);
});

for (const signal of ['SIGINT', 'SIGTERM'])
    process.on(signal, () => process.exit(0));
