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
#endif
