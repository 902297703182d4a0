#pragma once

namespace plein::server {

class FileService;
class HttpRoutes;

// The files' HTTP routes (docs/protocol.md, "HTTP"):
//   POST /files                      start an upload {name, size, type}
//   GET|HEAD /files/uploads/<id>     where an upload stands (Upload-Offset)
//   PUT /files/uploads/<id>?offset=N append a chunk (the last one finishes the file)
//   GET|HEAD /files/<id>             the file (Range: bytes=, single range)
//   GET /files/<id>/info             its metadata
void registerFileRoutes(HttpRoutes& routes, FileService& service);

} // namespace plein::server
