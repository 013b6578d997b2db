import CasewayStore
import Foundation
import Glibc
import Synchronization
import Testing

@testable import Caseway

struct FileConnectorTransportTests {
    typealias Fixtures = FileConnectorFixtures

    func transport(
        _ folder: URL, fileName: String = "{delivery.id}", marker: FileMarker = .none, createDirectory: Bool = false,
        fileMode: UInt32 = 0o644, calls: FileSystemCalls = .live
    ) throws -> FileDropTransport {
        let settings = try Fixtures.settings(
            directory: folder, fileName: fileName, marker: marker, createDirectory: createDirectory, fileMode: fileMode)
        return FileDropTransport(settings: settings, connector: "drop", calls: calls)
    }

    func failure(_ result: DeliveryResult) -> DeliveryFailure? {
        if case .failed(let failure) = result { return failure }
        return nil
    }

    // MARK: - Real writes

    @Test func parcel_IsWrittenByteForByte_AndTheReferenceIsTheFileName() async throws {
        let folder = try TemporaryDirectory()
        let body = "Ref,Service\r\nFMS-1234,\"Bins, missed\"\r\n\u{00E9}\u{1F600}\u{0}end"
        let parcel = Fixtures.parcel(body: body)
        let result = try await transport(folder.url).send(parcel)
        let name = parcel.deliveryID.text + ".csv"
        #expect(result == .delivered(reference: name, httpStatus: nil))
        #expect(try Fixtures.listing(folder.url) == [name], "one file and no temporary left over")
        #expect(Array(try Data(contentsOf: folder.url.appendingPathComponent(name))) == Array(body.utf8))
    }

    @Test func redelivery_OverwritesTheSameFile() async throws {
        let folder = try TemporaryDirectory()
        let transport = try transport(folder.url)
        var parcel = Fixtures.parcel(body: "first")
        _ = await transport.send(parcel)
        parcel.attempt = 2
        parcel.body = Array("second, shorter? no: longer".utf8)
        _ = await transport.send(parcel)
        parcel.attempt = 3
        parcel.body = Array("third".utf8)
        #expect(await transport.send(parcel) == .delivered(reference: parcel.deliveryID.text + ".csv", httpStatus: nil))
        #expect(try Fixtures.listing(folder.url) == [parcel.deliveryID.text + ".csv"])
        #expect(try String(contentsOf: folder.url.appendingPathComponent(parcel.deliveryID.text + ".csv"), encoding: .utf8) == "third")
    }

    @Test func marker_IsWrittenEmpty_AfterTheDataFile() async throws {
        let folder = try TemporaryDirectory()
        let renames = Mutex<[String]>([])
        var calls = FileSystemCalls.live
        calls.rename = { from, to throws(FileSystemError) in
            try FileSystemCalls.live.rename(from, to)
            renames.withLock { $0.append((to as NSString).lastPathComponent) }
        }
        let parcel = Fixtures.parcel()
        let result = try await transport(folder.url, marker: .ready, calls: calls).send(parcel)
        let name = parcel.deliveryID.text + ".csv"
        #expect(result == .delivered(reference: name, httpStatus: nil))
        #expect(renames.withLock { $0 } == [name, name + ".ready"])
        #expect(try Fixtures.listing(folder.url) == [name, name + ".ready"])
        #expect(try Data(contentsOf: folder.url.appendingPathComponent(name + ".ready")).isEmpty)

        let done = try TemporaryDirectory()
        _ = try await transport(done.url, marker: .done).send(parcel)
        #expect(try Fixtures.listing(done.url) == [name, name + ".done"])
    }

    @Test func missingFolder_IsTransient_NamesTheFolder_AndIsNotCreated() async throws {
        let folder = try TemporaryDirectory()
        let drop = folder.url.appendingPathComponent("waste")
        let failure = failure(try await transport(drop).send(Fixtures.parcel()))
        #expect(failure?.kind == .transient)
        #expect(failure?.message.hasPrefix("drop folder \(drop.path) does not exist (No such file or directory (ENOENT))") == true)
        #expect(!FileManager.default.fileExists(atPath: drop.path))
    }

    @Test func createDirectory_CreatesTheFolderAndItsParents() async throws {
        let folder = try TemporaryDirectory()
        let drop = folder.url.appendingPathComponent("shares/council/waste")
        let parcel = Fixtures.parcel()
        #expect(try await transport(drop, createDirectory: true).send(parcel) == .delivered(reference: parcel.deliveryID.text + ".csv", httpStatus: nil))
        #expect(try Fixtures.listing(drop) == [parcel.deliveryID.text + ".csv"])
    }

    @Test func folderThatIsAFile_IsTransient() async throws {
        let folder = try TemporaryDirectory()
        let drop = try folder.write("waste", "not a folder")
        let failure = failure(try await transport(URL(fileURLWithPath: drop)).send(Fixtures.parcel()))
        #expect(failure?.kind == .transient)
        #expect(failure?.message == "drop folder \(drop) is not a folder")
    }

    @Test func hostileName_StaysInsideTheFolder() async throws {
        let folder = try TemporaryDirectory()
        let drop = folder.url.appendingPathComponent("drop")
        try FileManager.default.createDirectory(at: drop, withIntermediateDirectories: true)
        let parcel = Fixtures.parcel(senderReference: "../../../tmp/escaped")
        let result = try await transport(drop, fileName: "{case.sender_reference}{delivery.id}").send(parcel)
        guard case .delivered(let reference?, _) = result else {
            Issue.record("not delivered: \(result)")
            return
        }
        #expect(try Fixtures.listing(folder.url) == ["drop"], "nothing written beside the drop folder")
        #expect(try Fixtures.listing(drop) == [reference])
        #expect(!reference.contains("/") && !reference.hasPrefix("."))
    }

    @Test func nameOfAFolderInTheWay_IsPermanent_AndLeavesNoTemporaryFile() async throws {
        let folder = try TemporaryDirectory()
        let parcel = Fixtures.parcel()
        let name = parcel.deliveryID.text + ".csv"
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent(name), withIntermediateDirectories: false)
        let failure = failure(try await transport(folder.url).send(parcel))
        #expect(failure?.kind == .permanent)
        #expect(failure?.message == "cannot write \(folder.path)/\(name): Is a directory (EISDIR in rename)")
        #expect(try Fixtures.listing(folder.url) == [name])
    }

    @Test func fileMode_IsAppliedExactly_WhateverTheUmask() async throws {
        let folder = try TemporaryDirectory()
        let parcel = Fixtures.parcel()
        _ = try await transport(folder.url, fileMode: 0o664).send(parcel)
        let attributes = try FileManager.default.attributesOfItem(atPath: folder.url.appendingPathComponent(parcel.deliveryID.text + ".csv").path)
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o664)
    }

    @Test func concurrentSends_OfDifferentParcels_EachWriteTheirOwnFile() async throws {
        let folder = try TemporaryDirectory()
        let transport = try transport(folder.url, marker: .done)
        let parcels = (0..<24).map { Fixtures.parcel(body: "parcel \($0)") }
        let results = await withTaskGroup(of: DeliveryResult.self) { group in
            for parcel in parcels { group.addTask { await transport.send(parcel) } }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.allSatisfy { if case .delivered = $0 { true } else { false } })
        let names = parcels.map { $0.deliveryID.text + ".csv" }
        #expect(try Fixtures.listing(folder.url) == (names + names.map { $0 + ".done" }).sorted())
        for (index, name) in names.enumerated() {
            #expect(try String(contentsOf: folder.url.appendingPathComponent(name), encoding: .utf8) == "parcel \(index)")
        }
    }

    @Test func writeOrder_IsFsyncBeforeRename_ThenFsyncOfTheFolder() async throws {
        let folder = try TemporaryDirectory()
        let log = Mutex<[String]>([])
        let folderPath = folder.path
        let note: @Sendable (String) -> Void = { entry in
            log.withLock { $0.append(entry.replacingOccurrences(of: folderPath, with: "D")) }
        }
        var calls = FileSystemCalls.live
        calls.open = { path, flags, mode throws(FileSystemError) in
            note("open \(path)\(flags & O_NOFOLLOW != 0 ? " nofollow" : "")")
            return try FileSystemCalls.live.open(path, flags, mode)
        }
        calls.sync = { descriptor, path throws(FileSystemError) in
            note("fsync \(path)")
            try FileSystemCalls.live.sync(descriptor, path)
        }
        calls.close = { descriptor, path throws(FileSystemError) in
            note("close \(path)")
            try FileSystemCalls.live.close(descriptor, path)
        }
        calls.rename = { from, to throws(FileSystemError) in
            note("rename \(from) \(to)")
            try FileSystemCalls.live.rename(from, to)
        }
        let parcel = Fixtures.parcel()
        let name = parcel.deliveryID.text + ".csv"
        let temporary = "D/.\(name).tmp-\(parcel.deliveryID.text)"
        _ = try await transport(folder.url, calls: calls).send(parcel)
        #expect(log.withLock { $0 } == [
            "open \(temporary) nofollow", "fsync \(temporary)", "close \(temporary)", "rename \(temporary) D/\(name)",
            "open D", "fsync D", "close D",
        ])
    }

    // MARK: - Injected faults

    /// Live calls with `call` failing with `code`.
    static func failing(_ call: String, _ code: Int32) -> FileSystemCalls {
        var calls = FileSystemCalls.live
        switch call {
        case "open": calls.open = { path, _, _ throws(FileSystemError) in throw FileSystemError(call: "open", path: path, code: code) }
        case "write": calls.write = { _, _, _, path throws(FileSystemError) in throw FileSystemError(call: "write", path: path, code: code) }
        case "fsync": calls.sync = { _, path throws(FileSystemError) in throw FileSystemError(call: "fsync", path: path, code: code) }
        case "close":
            calls.close = { descriptor, path throws(FileSystemError) in
                try FileSystemCalls.live.close(descriptor, path)
                throw FileSystemError(call: "close", path: path, code: code)
            }
        case "rename": calls.rename = { _, to throws(FileSystemError) in throw FileSystemError(call: "rename", path: to, code: code) }
        default: break
        }
        return calls
    }

    @Test(arguments: [
        ("write", ENOSPC, "No space left on device (ENOSPC)"),
        ("write", EDQUOT, "Disk quota exceeded (EDQUOT)"),
        ("open", EACCES, "Permission denied (EACCES)"),
        ("open", EROFS, "Read-only file system (EROFS)"),
        ("open", EPERM, "Operation not permitted (EPERM)"),
        ("fsync", EIO, "Input/output error (EIO in fsync)"),
        ("close", EIO, "Input/output error (EIO in close)"),
        ("rename", EROFS, "Read-only file system (EROFS in rename)"),
        ("write", EAGAIN, "Resource temporarily unavailable (EAGAIN)"),
    ])
    func operatorFixableFaults_AreTransient_AndLeaveNoTemporaryFile(call: String, code: Int32, reason: String) async throws {
        let folder = try TemporaryDirectory()
        let parcel = Fixtures.parcel()
        let failure = failure(try await transport(folder.url, calls: Self.failing(call, code)).send(parcel))
        #expect(failure?.kind == .transient)
        #expect(failure?.message == "cannot write \(folder.path)/\(parcel.deliveryID.text).csv: \(reason)")
        #expect(try Fixtures.listing(folder.url) == [])
    }

    @Test(arguments: [("open", ENAMETOOLONG), ("open", EISDIR), ("rename", ENOTDIR)])
    func faultsFromTheName_ArePermanent(call: String, code: Int32) async throws {
        let folder = try TemporaryDirectory()
        let failure = failure(try await transport(folder.url, calls: Self.failing(call, code)).send(Fixtures.parcel()))
        #expect(failure?.kind == .permanent)
        #expect(try Fixtures.listing(folder.url) == [])
    }

    @Test func shortWritesAndInterruptions_StillWriteEveryByte() async throws {
        let folder = try TemporaryDirectory()
        let calls = Mutex(0)
        var seam = FileSystemCalls.live
        seam.write = { descriptor, bytes, offset, path throws(FileSystemError) in
            let call = calls.withLock { count in
                count += 1
                return count
            }
            if call % 2 == 0 { throw FileSystemError(call: "write", path: path, code: EINTR) }
            // At most three bytes a call: the kernel may take less than asked.
            let end = min(bytes.count, offset + 3)
            return try FileSystemCalls.live.write(descriptor, Array(bytes[..<end]), offset, path)
        }
        let body = String(repeating: "0123456789", count: 10)
        let parcel = Fixtures.parcel(body: body)
        #expect(try await transport(folder.url, calls: seam).send(parcel) == .delivered(reference: parcel.deliveryID.text + ".csv", httpStatus: nil))
        #expect(try String(contentsOf: folder.url.appendingPathComponent(parcel.deliveryID.text + ".csv"), encoding: .utf8) == body)
        #expect(calls.withLock { $0 } > 60)
    }

    @Test func markerFailure_IsTransient_AndKeepsTheDataFile() async throws {
        let folder = try TemporaryDirectory()
        var calls = FileSystemCalls.live
        calls.rename = { from, to throws(FileSystemError) in
            if to.hasSuffix(".ready") { throw FileSystemError(call: "rename", path: to, code: ENOSPC) }
            try FileSystemCalls.live.rename(from, to)
        }
        let parcel = Fixtures.parcel()
        let name = parcel.deliveryID.text + ".csv"
        let failure = failure(try await transport(folder.url, marker: .ready, calls: calls).send(parcel))
        #expect(failure?.kind == .transient)
        #expect(failure?.message == "cannot write \(folder.path)/\(name).ready: No space left on device (ENOSPC in rename)")
        // The retry rewrites the data file under the same name, then the marker.
        #expect(try Fixtures.listing(folder.url) == [name])
    }
}
