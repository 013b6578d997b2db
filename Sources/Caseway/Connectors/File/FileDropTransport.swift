import CasewayMapping
import Dispatch

/// Sends each parcel as one file in a `file` connector's drop folder (and its marker, when configured).
///
/// Names derive from the delivery (or its case), so a re-delivery replaces the same file: at least once
/// never becomes twice. The blocking calls run on lanes of this transport's own (`BlockingWorkLanes`), never
/// on the cooperative thread pool, so a slow share (an fsync over SMB can take seconds) does not stall the
/// hub's other tasks, and parallel sends fsync in parallel.
struct FileDropTransport: DeliveryTransport {
    let settings: FileConnectorSettings
    let writer: FileDropWriter
    private let lanes: BlockingWorkLanes

    /// Files written at once at most; a connector's `concurrency` beyond this waits for a lane.
    static let lanes = 32

    init(settings: FileConnectorSettings, connector: String, calls: FileSystemCalls = .live) {
        self.settings = settings
        var path = settings.directory.path
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        self.writer = FileDropWriter(
            directory: path, createDirectory: settings.createDirectory, fileMode: settings.fileMode, calls: calls)
        self.lanes = BlockingWorkLanes(label: "caseway.connector.\(connector).file", count: Self.lanes)
    }

    func send(_ parcel: Parcel) async -> DeliveryResult {
        let name: String
        switch fileName(for: parcel) {
        case .success(let rendered): name = rendered
        case .failure(let failure): return .failed(failure)
        }
        let writer = self.writer
        let marker = settings.marker
        return await lanes.run {
            do throws(DeliveryFailure) {
                let tag = parcel.deliveryID.text
                try writer.place(parcel.body, as: name, temporaryTag: tag)
                // The marker comes only after the data file is durable, so a reader that waits for it
                // never opens a file that is still being written.
                if let suffix = marker.suffix {
                    try writer.place([], as: name + suffix, temporaryTag: tag)
                }
                return .delivered(reference: name, httpStatus: nil)
            } catch {
                return .failed(error)
            }
        }
    }

    /// The parcel's file name, extension included.
    func fileName(for parcel: Parcel) -> Result<String, DeliveryFailure> {
        var document: CaseDocument?
        if settings.fileName.readsCaseFields {
            do {
                document = try CaseDocument(record: parcel.caseRecord)
            } catch {
                // The body passed intake, so only a changed limit lands here; every try would fail alike.
                return .failure(DeliveryFailure(.permanent, "cannot name the file from the case's fields: \(error)"))
            }
        }
        let fileExtension = settings.fileExtension ?? Self.derivedExtension(parcel.contentType)
        let suffix = fileExtension.isEmpty ? "" : "." + fileExtension
        let stem = settings.fileName.render(
            deliveryID: parcel.deliveryID, caseRecord: parcel.caseRecord, now: parcel.now, zone: settings.timeZone,
            document: document, byteLimit: FileNameSanitiser.nameByteLimit - suffix.utf8.count)
        return .success(FileNameSanitiser.finish(stem + suffix))
    }

    /// The extension a payload's media type suggests: csv, xml, json, else txt.
    static func derivedExtension(_ contentType: String) -> String {
        guard let media = MediaType(contentType) else { return "txt" }
        if media.essence == "text/csv" { return "csv" }
        if media.isXML { return "xml" }
        if media.isJSON { return "json" }
        return "txt"
    }
}
