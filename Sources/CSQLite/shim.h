#ifndef CASEWAY_CSQLITE_SHIM_H
#define CASEWAY_CSQLITE_SHIM_H
#include <sqlite3.h>

// sqlite3_bind_text/blob take a destructor; SQLITE_TRANSIENT is a macro casting -1 to a function
// pointer, which Swift cannot import. Exposing it as a function keeps that cast in C.
static inline sqlite3_destructor_type caseway_sqlite_transient(void) { return SQLITE_TRANSIENT; }
static inline sqlite3_destructor_type caseway_sqlite_static(void) { return SQLITE_STATIC; }

// sqlite3_db_config is variadic; Swift cannot call variadic C functions.
static inline int caseway_sqlite_db_config_int(sqlite3 *db, int op, int value, int *result) {
    return sqlite3_db_config(db, op, value, result);
}

// Syncs the connection's journal (the WAL in WAL mode) to disk. The writer runs with synchronous=NORMAL,
// whose commits stop at the operating system, and calls this after a commit that must be on disk:
// together that is exactly synchronous=FULL (which syncs the WAL at the end of each commit), but a
// transaction holding only writes that need not wait for the disk can skip it. SQLite exposes the WAL's
// file object for this through SQLITE_FCNTL_JOURNAL_POINTER; no journal open means nothing to sync.
static inline int caseway_sqlite_sync_journal(sqlite3 *db) {
    sqlite3_file *file = 0;
    int result = sqlite3_file_control(db, "main", SQLITE_FCNTL_JOURNAL_POINTER, &file);
    if (result != SQLITE_OK) return result;
    if (file == 0 || file->pMethods == 0 || file->pMethods->xSync == 0) return SQLITE_OK;
    return file->pMethods->xSync(file, SQLITE_SYNC_NORMAL);
}
#endif
