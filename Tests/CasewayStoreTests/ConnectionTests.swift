import CasewayStore
import Testing

struct ConnectionTests {
    private func withConnection(_ body: (Connection) throws -> Void) async throws {
        try await withTemporaryDirectory { directory in
            let connection = try Connection(path: directory + "/test.sqlite")
            try connection.execute(script: """
                CREATE TABLE items (id INTEGER PRIMARY KEY, number INTEGER, real REAL, text TEXT, bytes BLOB, flag INTEGER) STRICT;
                CREATE UNIQUE INDEX items_text ON items (text);
                """)
            try body(connection)
        }
    }

    @Test func typedValues_roundTripThroughBindAndColumn() async throws {
        try await withConnection { connection in
            try connection.run("INSERT INTO items (number, real, text, bytes, flag) VALUES (?, ?, ?, ?, ?)",
                               Int64.max, 1.5, "héllo ✓ \u{0}end", [0, 1, 255] as [UInt8], true)
            try connection.run("INSERT INTO items (number, real, text, bytes, flag) VALUES (?, ?, ?, ?, ?)",
                               Int?.none, Double?.none, "", [UInt8](), false)
            let rows = try connection.query("SELECT number, real, text, bytes, flag FROM items ORDER BY id") { row in
                (row.column(0) as Int64?, row.column(1) as Double?, row.column(2) as String?, row.column(3) as [UInt8]?, row.column(4) as Bool)
            }
            #expect(rows.count == 2)
            #expect(rows[0].0 == .max)
            #expect(rows[0].1 == 1.5)
            #expect(rows[0].2 == "héllo ✓ \u{0}end")
            #expect(rows[0].3 == [0, 1, 255])
            #expect(rows[0].4 == true)
            #expect(rows[1].0 == nil)
            #expect(rows[1].1 == nil)
            // Empty text and an empty blob are values, not NULL.
            #expect(rows[1].2 == "")
            #expect(rows[1].3 == [])
            #expect(rows[1].4 == false)
        }
    }

    @Test func failedStatement_throwsExtendedCodeNameMessageAndSQL() async throws {
        try await withConnection { connection in
            let insert = "INSERT INTO items (text) VALUES (?)"
            try connection.run(insert, "once")
            let error = try #require(throws: SQLiteError.self) { try connection.run(insert, "once") }
            #expect(error.code == SQLiteError.constraintUnique)
            #expect(error.codeName == "SQLITE_CONSTRAINT_UNIQUE")
            #expect(error.message == "UNIQUE constraint failed: items.text")
            #expect(error.sql == insert)
            #expect(error.path.hasSuffix("/test.sqlite"))
            #expect(error.isUniqueViolation)
            #expect(!error.description.contains("\n"))
        }
    }

    @Test func strictTable_refusesAValueOfTheWrongType() async throws {
        try await withConnection { connection in
            let error = try #require(throws: SQLiteError.self) {
                try connection.run("INSERT INTO items (number) VALUES (?)", "twelve")
            }
            #expect(error.code == SQLiteError.constraintDatatype)
            #expect(error.codeName == "SQLITE_CONSTRAINT_DATATYPE")
        }
    }

    @Test func syntaxError_namesTheStatement() async throws {
        try await withConnection { connection in
            let error = try #require(throws: SQLiteError.self) { try connection.run("SELEKT 1") }
            #expect(error.codeName == "SQLITE_ERROR")
            #expect(error.sql == "SELEKT 1")
            #expect(error.message.contains("syntax error"))
        }
    }

    @Test func transaction_rollsBackWhenTheBodyThrows() async throws {
        try await withConnection { connection in
            #expect(throws: TestFailure.self) {
                try connection.transaction {
                    try connection.run("INSERT INTO items (text) VALUES ('lost')")
                    throw TestFailure("stop")
                }
            }
            #expect(!connection.isInTransaction)
            #expect(try connection.scalar("SELECT count(*) FROM items", as: Int.self) == 0)
            try connection.transaction { try connection.run("INSERT INTO items (text) VALUES ('kept')") }
            #expect(try connection.scalar("SELECT count(*) FROM items", as: Int.self) == 1)
        }
    }

    @Test func nestedTransaction_isASavepoint_rollingBackOnlyItself() async throws {
        try await withConnection { connection in
            try connection.transaction {
                try connection.run("INSERT INTO items (text) VALUES ('outer')")
                #expect(throws: TestFailure.self) {
                    try connection.transaction {
                        try connection.run("INSERT INTO items (text) VALUES ('inner')")
                        throw TestFailure("inner fails")
                    }
                }
                try connection.savepoint { try connection.run("INSERT INTO items (text) VALUES ('second inner')") }
            }
            let texts = try connection.query("SELECT text FROM items ORDER BY id") { $0.column(0) as String }
            #expect(texts == ["outer", "second inner"])
        }
    }

    @Test func cachedStatement_isResetBetweenUses_andCanBeNested() async throws {
        try await withConnection { connection in
            for text in ["a", "b", "c"] { try connection.run("INSERT INTO items (text) VALUES (?)", text) }
            let select = "SELECT text FROM items WHERE id > ? ORDER BY id"
            // The same SQL inside its own row callback gets a fresh statement.
            let pairs = try connection.query(select, 0) { row in
                let text: String = row.column(0)
                let later = try connection.query(select, 1) { $0.column(0) as String }
                return "\(text):\(later.joined())"
            }
            #expect(pairs == ["a:bc", "b:bc", "c:bc"])
            #expect(try connection.query(select, 2) { $0.column(0) as String } == ["c"])
        }
    }

    @Test func script_runsEveryStatement_andNamesTheOneThatFailed() async throws {
        try await withConnection { connection in
            try connection.execute(script: "INSERT INTO items (text) VALUES ('x'); -- a comment\nINSERT INTO items (text) VALUES ('y');")
            #expect(try connection.scalar("SELECT count(*) FROM items", as: Int.self) == 2)
            let error = try #require(throws: SQLiteError.self) {
                try connection.execute(script: "INSERT INTO items (text) VALUES ('z'); INSERT INTO nowhere VALUES (1);")
            }
            #expect(error.sql == "INSERT INTO nowhere VALUES (1);")
        }
    }

    @Test func resultCodeNames_coverPrimaryAndExtendedCodes() {
        #expect(SQLiteError.name(ofResultCode: 26) == "SQLITE_NOTADB")
        #expect(SQLiteError.name(ofResultCode: 5 | 3 << 8) == "SQLITE_BUSY_TIMEOUT")
        #expect(SQLiteError.name(ofResultCode: 10 | 4 << 8) == "SQLITE_IOERR_FSYNC")
        #expect(SQLiteError.name(ofResultCode: 19 | 99 << 8) == "SQLITE_CONSTRAINT_(99)")
    }
}
