// Minimal broadcast server for the fan-out benchmark, on Bun's built-in WebSocket server.
//
// Usage: bun bun-server.js [PORT] [HOST]   (or PORT / HOST in the environment)
//
// Every connection subscribes to one topic. Any text frame containing "post.create" makes the
// server publish one event frame, shaped like a Plein push, to that topic, so every open
// connection (the sender included) gets it; the frame is serialized once per event. The sender
// also gets an acknowledgement {"re":<id>,"ok":true} when its request carried an id.

const port = Number(process.argv[2] || process.env.PORT || 19002);
const hostname = process.argv[3] || process.env.HOST || '127.0.0.1';
const topic = 'all';

let seq = 0;
let postId = 0;

function requestId(text) {
    try {
        const id = JSON.parse(text).id;
        return typeof id === 'string' ? id : null;
    } catch (e) {
        return null;
    }
}

const server = Bun.serve({
    port,
    hostname,
    fetch(req, srv) {
        if (srv.upgrade(req))
            return undefined;
        return new Response('WebSocket only\n', { status: 426 });
    },
    websocket: {
        perMessageDeflate: false,
        idleTimeout: 0,
        sendPings: false,
        maxPayloadLength: 256 * 1024,
        open(ws) {
            ws.subscribe(topic);
        },
        message(ws, message) {
            if (typeof message !== 'string' || !message.includes('post.create'))
                return;
            seq += 1;
            postId += 1;
            const frame = JSON.stringify({
                type: 'event',
                seq,
                payload: {
                    kind: 'post.created',
                    at: new Date().toISOString(),
                    actor: 1,
                    data: { post: { id: postId, body: 'x' } },
                },
            });
            server.publish(topic, frame);
            const id = requestId(message);
            if (id !== null)
                ws.send(JSON.stringify({ re: id, ok: true, payload: { seq } }));
        },
    },
});

console.error(`bun baseline listening on ${hostname}:${server.port} (pid ${process.pid})`);

for (const signal of ['SIGINT', 'SIGTERM'])
    process.on(signal, () => process.exit(0));
