import Foundation
import RedactCore

/// Reads the line format of `patterns/profiles/*.profile` (documented in `docs/profiles.md`).
///
/// The same shape as `pack.conf` and the `*.rules` files: `# comments`, blank lines, and
/// `key = value`, the value being the rest of the line after the first `=`, trimmed. Only shape
/// is checked here (required keys, enumerations, numbers); whether a category or justification
/// code exists is the job of ``ProfileChecker``, which needs the reference data.
public enum ProfileParser {
    static let repeatable: Set<String> = ["redact", "keep", "redact_role", "keep_role"]
    static let required = ["id", "version", "label", "legal_basis", "section14", "agreement", "signatory", "offence_pack"]
    static let keys: Set<String> = Set(required + ["recipients"]).union(repeatable)

    /// Parses one profile. - Throws: ``ProfileError`` naming the file, line and field.
    public static func parse(_ text: String, file: String) throws(ProfileError) -> Profile {
        func fail(_ line: Int, _ field: String, _ message: String) -> ProfileError {
            ProfileError(file: file, line: line, field: field, message)
        }
        var single: [String: (value: String, line: Int)] = [:]
        var redact: [Profile.CategoryRule] = [], keep: [Profile.CategoryRule] = []
        var roles: [Profile.RoleRule] = []
        var lineNumber = 0
        var body = Substring(text)
        if body.hasPrefix("\u{FEFF}") { body = body.dropFirst() }
        // "\r\n" is one Character in Swift, so split on both forms (CRLF files count lines too).
        for raw in body.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNumber += 1
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let eq = line.firstIndex(of: "=") else { throw fail(lineNumber, "profile", "expected `# comment` or `key = value`") }
            let key = line[..<eq].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            guard keys.contains(key) else { throw fail(lineNumber, key.isEmpty ? "profile" : key, "unknown key") }
            guard !value.isEmpty else { throw fail(lineNumber, key, "empty value") }
            if repeatable.contains(key) {
                let parts: [String] = value.split(whereSeparator: { (c: Character) in c == " " || c == "\t" }).map(String.init)
                guard parts.count == 2 else {
                    throw fail(lineNumber, key, key.hasSuffix("_role") ? "expected `ROLE JUSTIFICATION`" : "expected `CATEGORY JUSTIFICATION`")
                }
                switch key {
                case "redact": redact.append(.init(category: parts[0], justification: parts[1], line: lineNumber))
                case "keep": keep.append(.init(category: parts[0], justification: parts[1], line: lineNumber))
                default:
                    guard let role = PartyRole(rawValue: parts[0]), PartyRole.decided.contains(role) else {
                        throw fail(lineNumber, key, "unknown role (valid: \(PartyRole.decided.map(\.rawValue).joined(separator: ", ")))")
                    }
                    roles.append(.init(role: role, redacted: key == "redact_role", justification: parts[1], line: lineNumber))
                }
                continue
            }
            if single[key] != nil { throw fail(lineNumber, key, "given twice (only \(repeatable.sorted().joined(separator: ", ")) repeat)") }
            single[key] = (value, lineNumber)
        }
        for key in required where single[key] == nil { throw fail(0, key, "missing (every profile needs \(required.joined(separator: ", ")))") }
        func value(_ k: String) -> (String, Int) { (single[k]!.value, single[k]!.line) }

        let (id, idLine) = value("id")
        guard isCode(id) else { throw fail(idLine, "id", "expected lower-case letters, digits and hyphens") }
        let stem = file.split(separator: "/").last.map { String($0) }?.replacingSuffix(".profile") ?? id
        guard stem == id else { throw fail(idLine, "id", "must equal the file name without .profile (`\(stem)`)") }
        let (section, sLine) = value("section14")
        guard let list = Section14List(rawValue: section == "a" || section == "b" ? section.uppercased() : section) else {
            throw fail(sLine, "section14", "expected A, B or none")
        }
        let (agreementText, aLine) = value("agreement")
        guard let agreement = AgreementType(rawValue: agreementText) else { throw fail(aLine, "agreement", "expected 1, 2, 3, 4 or none") }
        let (signatoryText, gLine) = value("signatory")
        guard let signatory = Signatory(rawValue: signatoryText) else {
            throw fail(gLine, "signatory", "expected \(Signatory.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let (offence, oLine) = value("offence_pack")
        guard offence == "true" || offence == "false" else { throw fail(oLine, "offence_pack", "expected true or false") }
        var recipients: [String] = []
        if let r = single["recipients"] {
            recipients = r.value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            guard recipients.allSatisfy(isCode) else { throw fail(r.line, "recipients", "expected comma-separated recipient codes") }
        }
        let lines = single.mapValues(\.line)
        return Profile(
            id: id, version: value("version").0, label: value("label").0, recipients: recipients,
            legalBasis: value("legal_basis").0, section14: list, agreement: agreement, signatory: signatory,
            redact: redact, keep: keep, roles: roles, offencePack: offence == "true", file: file, lines: lines)
    }

    /// Lower-case letters, digits and hyphens (the shape of reference codes).
    static func isCode(_ s: String) -> Bool {
        !s.isEmpty && s.utf8.count <= 64 && s.utf8.allSatisfy { ($0 &- 0x61) < 26 || ($0 &- 0x30) < 10 || $0 == 0x2D }
    }
}

extension String {
    func replacingSuffix(_ suffix: String) -> String { hasSuffix(suffix) ? String(dropLast(suffix.count)) : self }
}
