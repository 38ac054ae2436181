import Foundation
import RedactApply
import RedactCore
import RedactLog
import RedactPatterns
import RedactProfiles
import RedactScan

/// What the review screen asks of the rest of `redact`: open a review of a document for a share,
/// and finish it (write the copy, log the disclosure). No HTTP here: the server's routes call it.
public final class ReviewService: Sendable {
    public let reference: Reference
    public let profiles: ProfileSet
    public let toolVersion: String
    public let store: ReviewStore
    /// The bundled pack, and the bundled pack with the offence-information pack (for profiles that run it).
    let scanner: ReviewScanner
    let offenceScanner: ReviewScanner?

    public struct Request: Sendable {
        public var name: String
        public var bytes: [UInt8]
        public var recipient: String
        /// A profile id; nil or empty: the recipient type's own.
        public var profile: String?
        public var style: RedactionStyle
        public var caseReference: String
        /// `Name<TAB>role` lines, as `--names`.
        public var parties: String?
        /// The stated basis for a List B to List B share.
        public var basis: String?
        public init(name: String, bytes: [UInt8], recipient: String, profile: String? = nil, style: RedactionStyle = .label,
                    caseReference: String, parties: String? = nil, basis: String? = nil) {
            self.name = name
            self.bytes = bytes
            self.recipient = recipient
            self.profile = profile
            self.style = style
            self.caseReference = caseReference
            self.parties = parties
            self.basis = basis
        }
    }

    public init(reference: Reference, toolVersion: String, setup: ScanSetup = ScanSetup(), profileDirectories: [String] = [],
                store: ReviewStore = ReviewStore()) throws {
        self.reference = reference
        self.toolVersion = toolVersion
        self.store = store
        let packDir = PackLoader.defaultPackDirectory()
        var dirs: [String] = []
        if let bundled = ProfileSet.bundledDirectory(packDirectory: packDir) { dirs.append(bundled) }
        profiles = try ProfileSet.load(directories: dirs + profileDirectories)
        scanner = try ReviewScanner(setup: setup)
        if let offence = ProfileSet.offencePackDirectory(packDirectory: packDir) {
            var s = setup
            s.patternDirectories.append(offence)
            offenceScanner = try ReviewScanner(setup: s)
        } else {
            offenceScanner = nil
        }
    }

    /// Scans the document and opens its review for `owner` in `area`.
    public func open(_ r: Request, owner: String, area: String) throws(ReviewError) -> ReviewDocument {
        guard reference.contains(r.recipient, in: .recipients) else { throw ReviewError(.badCode, "unknown recipient type") }
        let profile: Profile?
        if let id = r.profile, !id.isEmpty {
            guard let p = profiles.profile(id: id) else { throw ReviewError(.badCode, "no sharing profile with that name") }
            profile = p
        } else {
            profile = profiles.profile(forRecipient: r.recipient)
        }
        if let profile, let group = reference.entry(area, in: .areas)?.attributes.first,
           Section14.verdict(sender: Section14.list(forAreaGroup: group), recipient: profile.section14) == .needsOtherBasis,
           (r.basis ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ReviewError(.missingReason, "section 14 does not authorise this share (List B to List B): give the basis it rests on")
        }
        let policy = RedactionPolicy(profile: profile) { [reference] in reference.defaultJustification(for: $0) }
        let scanner = profile?.offencePack == true ? (offenceScanner ?? self.scanner) : self.scanner
        var parties: PartyList? = nil
        if let text = r.parties, !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            do { parties = try PartyList(fileBytes: Array(Self.partyLines(text).utf8), path: "case parties") } catch {
                throw ReviewError(.badCode, "the case parties list could not be read (one name a line, optionally a tab and a role)")
            }
        }
        let items: [ReviewItem]
        let format = DocumentReview.detect(name: r.name, bytes: r.bytes).flatMap { DocumentReview.formats.contains($0.id) ? $0 : nil }
        var engine: ScanEngine? = nil
        if let format {
            do {
                let e = try scanner.engine(parties: parties)
                items = try DocumentReview.items(r.bytes, name: r.name, format: format, engine: e, policy: policy, reasons: scanner.reasons)
                engine = e
            } catch {
                throw ReviewError(.unsupported, "the document could not be read as \(format.id.uppercased()) (it may be damaged, encrypted or past a size limit)")
            }
        } else {
            do { items = try scanner.items(r.bytes, policy: policy, parties: parties) } catch {
                throw ReviewError(.unsupported, "the document could not be scanned")
            }
        }
        var doc = ReviewDocument(owner: owner, area: area, name: r.name, bytes: r.bytes, recipient: r.recipient,
                                 profile: profile?.id, profileVersion: profile?.version, style: r.style,
                                 caseReference: r.caseReference, items: items,
                                 holds: policy.holds(categories: items.map(\.category)),
                                 packName: scanner.engine.table.packName, packVersion: scanner.engine.table.packVersion)
        doc.basis = r.basis.flatMap { $0.isEmpty ? nil : $0 }
        doc.format = format?.id
        doc.engine = engine
        doc.section14 = profile.flatMap { p in
            reference.entry(area, in: .areas)?.attributes.first.map {
                Section14.verdict(sender: Section14.list(forAreaGroup: $0), recipient: p.section14).rawValue
            }
        }
        return doc
    }

    /// The parties as `--names` reads them. A browser cannot type a tab into a text box, so
    /// `Name (role)` is accepted too and becomes `Name<TAB>role` when the role is a known one.
    static func partyLines(_ text: String) -> String {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { raw -> String in
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard !line.contains("\t"), line.hasSuffix(")"), let open = line.lastIndex(of: "(") else { return line }
            let role = line[line.index(after: open)..<line.index(before: line.endIndex)].trimmingCharacters(in: .whitespaces).lowercased()
            guard PartyRole(rawValue: role) != nil else { return line }
            return line[..<open].trimmingCharacters(in: .whitespaces) + "\t" + role
        }.joined(separator: "\n")
    }

    /// Writes the copy, manifest and schedule and logs the disclosure (kind `hold` when the
    /// profile holds it). Nothing is kept as finished unless the log entry was written.
    public func finish(_ doc: ReviewDocument, log: any LogStore, operatorID: String) throws -> ReviewDocument {
        guard doc.outcome == nil else { throw ReviewError(.finished, "this review is finished: its disclosure is logged") }
        let redactor = ReviewRedactor(replacer: Replacer(style: doc.style, caseReference: doc.caseReference), toolVersion: toolVersion) {
            [reference] in reference.defaultJustification(for: $0)
        }
        var outcome: ReviewOutcome
        if doc.format != nil {
            outcome = try DocumentReview.render(doc, replacer: redactor.replacer, toolVersion: toolVersion,
                                                defaultJustification: redactor.defaultJustification)
        } else {
            outcome = redactor.render(doc)
        }
        var context = LogContext(area: doc.area, caseReference: doc.caseReference, operatorID: operatorID,
                                 recipient: doc.recipient, packVersion: doc.packVersion, toolVersion: toolVersion)
        context.profile = doc.profile
        context.profileVersion = doc.profileVersion
        context.section14 = doc.section14
        context.basis = doc.basis
        var event = DisclosureEvent(context: context, documentName: doc.name, originalSHA256: outcome.manifest.sha256Original,
                                    redactedSHA256: outcome.manifest.sha256Redacted, redactions: outcome.records)
        event.held = doc.holds
        let receipt = try log.recordDisclosure(event)
        outcome.entryID = receipt.entryID
        outcome.held = doc.holds
        var done = doc
        done.outcome = outcome
        return done
    }
}
