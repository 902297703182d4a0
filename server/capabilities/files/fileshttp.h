#pragma once

namespace plein::server {

class FileService;
class HttpRoutes;
class Thumbnails;

// The files' HTTP routes (docs/protocol.md, "HTTP"):
//   POST /files                      start an upload {name, size, type}
//   GET|HEAD /files/uploads/<id>     where an upload stands (Upload-Offset)
//   PUT /files/uploads/<id>?offset=N append a chunk (the last one finishes the file)
//   GET|HEAD /files/<id>             the file (Range: bytes=, single range)
//   GET /files/<id>/info             its metadata
//   GET|HEAD /files/<id>/thumbnail?size=64|256|1024   a JPEG thumbnail of an image
void registerFileRoutes(HttpRoutes& routes, FileService& service, Thumbnails& thumbnails);

} // namespace plein::server
