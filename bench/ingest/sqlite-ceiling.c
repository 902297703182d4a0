/* The ceiling of the ingest benchmark on SQLite: what libsqlite3 alone does with the rows one
 * post.create leaves, with the server's durability, in transactions of the server's batch size.
 *
 * Per post: its write-ledger row (with its result), the post (with its sequence number) and
 * its event; per transaction the event counter, read once and written once, as the server's
 * group commit does. Same schema (a database made by `plein-server init`), same pragmas (WAL,
 * foreign keys, synchronous as given, temporary files in memory), one connection, every
 * statement prepared once. What it leaves out is what the server adds: the WebSocket, JSON,
 * validation, the reads of a write (the mention lookup) and the savepoints.
 *
 * Usage: plein-ingest-sqlite-ceiling DB BATCH SECONDS [full|normal]
 * Prints {"batch":B,"seconds":S,"posts":N,"postsPerSecond":R} on one line. */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static void die(sqlite3* db, const char* what)
{
    fprintf(stderr, "%s: %s\n", what, sqlite3_errmsg(db));
    exit(1);
}

static sqlite3_stmt* prepare(sqlite3* db, const char* sql)
{
    sqlite3_stmt* s = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
        die(db, sql);
    return s;
}

static void exec(sqlite3* db, const char* sql)
{
    if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
        die(db, sql);
}

/* Runs a statement to its end; returns the first column of its first row (0: none). */
static sqlite3_int64 step(sqlite3* db, sqlite3_stmt* s)
{
    sqlite3_int64 value = 0;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW)
        value = sqlite3_column_int64(s, 0);
    if (rc != SQLITE_DONE)
        die(db, sqlite3_sql(s));
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
    return value;
}

static void text(sqlite3_stmt* s, int i, const char* v)
{
    sqlite3_bind_text(s, i, v, -1, SQLITE_TRANSIENT);
}

int main(int argc, char** argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: %s DB BATCH SECONDS [full|normal]\n", argv[0]);
        return 2;
    }
    const int batch = atoi(argv[2]) > 0 ? atoi(argv[2]) : 1;
    const double seconds = atof(argv[3]);
    const int full = argc < 5 || strcmp(argv[4], "normal") != 0;
    sqlite3* db = NULL;
    if (sqlite3_open(argv[1], &db) != SQLITE_OK)
        die(db, "open");
    exec(db, "PRAGMA journal_mode=WAL");
    exec(db, "PRAGMA foreign_keys=ON");
    exec(db, full ? "PRAGMA synchronous=FULL" : "PRAGMA synchronous=NORMAL");
    exec(db, "PRAGMA busy_timeout=5000");
    exec(db, "PRAGMA temp_store=MEMORY");

    sqlite3_stmt* ledger = prepare(
        db,
        "INSERT INTO client_writes (user_id, client_id, request_hash, result, created_at) "
        "VALUES (?, ?, ?, ?, ?)");
    sqlite3_stmt* post
        = prepare(db,
                  "INSERT INTO posts (author_id, parent_id, group_id, body, created_at, seq) "
                  "VALUES (?, NULL, NULL, ?, ?, ?) RETURNING id");
    sqlite3_stmt* event = prepare(
        db,
        "INSERT INTO events (seq, kind, actor_id, scope, scope_id, data, created_at, subject_id, "
        "origin_seq) VALUES (?, 'post.created', ?, 'all', NULL, ?, ?, ?, NULL)");
    sqlite3_stmt* readCounter = prepare(db, "SELECT last_seq FROM event_counter WHERE id = 1");
    sqlite3_stmt* writeCounter = prepare(db, "UPDATE event_counter SET last_seq = ? WHERE id = 1");
    sqlite3_stmt* begin = prepare(db, "BEGIN IMMEDIATE");
    sqlite3_stmt* commit = prepare(db, "COMMIT");

    const char* body = "Ingest benchmark post with a little **Markdown** and @nobody.";
    const char* hash = "544e259b7f6546ed45683470ae6372d764151b4efbc2e8cfce730d34a62a316b";
    const char* at = "2026-12-02T03:38:52.291Z";
    /* The event's data and the ledger's result are about as long as the server's. */
    char data[600];
    snprintf(data, sizeof data,
             "{\"mentions\":[],\"post\":{\"author\":{\"department\":\"\",\"displayName\":"
             "\"bench1\",\"id\":1,\"username\":\"bench1\"},\"body\":\"%s\",\"createdAt\":\"%s\","
             "\"deleted\":false,\"editedAt\":null,\"groupId\":null,\"id\":0,\"likes\":0,"
             "\"parentId\":null,\"pinned\":false,\"replies\":0}}",
             body, at);

    long long posts = 0;
    const double start = now();
    while (now() - start < seconds) {
        step(db, begin);
        sqlite3_int64 seq = step(db, readCounter);
        for (int i = 0; i < batch; ++i, ++posts) {
            const sqlite3_int64 user = 1 + posts % 20;
            char clientId[64];
            snprintf(clientId, sizeof clientId, "ceiling-%lld", posts);
            ++seq;
            sqlite3_bind_int64(ledger, 1, user);
            text(ledger, 2, clientId);
            text(ledger, 3, hash);
            text(ledger, 4, data);
            text(ledger, 5, at);
            step(db, ledger);
            sqlite3_bind_int64(post, 1, user);
            text(post, 2, body);
            text(post, 3, at);
            sqlite3_bind_int64(post, 4, seq);
            const sqlite3_int64 id = step(db, post);
            sqlite3_bind_int64(event, 1, seq);
            sqlite3_bind_int64(event, 2, user);
            text(event, 3, data);
            text(event, 4, at);
            sqlite3_bind_int64(event, 5, id);
            step(db, event);
        }
        sqlite3_bind_int64(writeCounter, 1, seq);
        step(db, writeCounter);
        step(db, commit);
    }
    const double elapsed = now() - start;
    printf("{\"batch\":%d,\"seconds\":%.2f,\"posts\":%lld,\"postsPerSecond\":%.1f}\n", batch,
           elapsed, posts, (double)posts / elapsed);
    sqlite3_stmt* all[] = {ledger, post, event, readCounter, writeCounter, begin, commit};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; ++i)
        sqlite3_finalize(all[i]);
    sqlite3_close(db);
    return 0;
}
