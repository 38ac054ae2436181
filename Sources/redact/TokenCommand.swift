import ArgumentParser
import Foundation
import RedactLog
import RedactServe

/// `redact token`: API tokens for `redact serve`, kept (as hashes) in the log file's access table.
struct TokenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "Create, list and revoke the API tokens of `redact serve` (only their hashes are stored).",
        subcommands: [TokenCreate.self, TokenList.self, TokenRevoke.self]
    )
}

extension Principal.Role: ExpressibleByArgument {}

struct TokenCreate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create a token and print it once, as the last word of the output.")

    @Option(help: "operator (scan, check, redact, breaches in its area), area-manager (its area's packs and breaches) or national (everything).")
    var role: Principal.Role
    @Option(help: "Area code the token is bound to (required for operator and area-manager; see `redact reference areas`).")
    var area: String?
    @Option(help: ArgumentHelp("A unique label: the operator id written to the log for this token's disclosures.", valueName: "LABEL"))
    var name: String
    @OptionGroup var log: LogOptions

    func validate() throws {
        if role != .national && area == nil { throw ValidationError("--role \(role.rawValue) needs --area CODE") }
        if role == .national && area != nil { throw ValidationError("a national token has no --area") }
    }

    func run() throws {
        let store = try log.open()
        let (token, hash) = AccessTokens.generate()
        let row = try LogFailure.map { try store.createAccessToken(name: name, role: role.rawValue, area: area, sha256: hash) }
        print("created \(row.id) (\(row.role)\(row.area.map { ", area \($0)" } ?? ""), name \(row.name)); it is shown only now:")
        print(token)
    }
}

struct TokenList: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List tokens (never the tokens themselves).")
    @OptionGroup var log: LogOptions

    func run() throws {
        let store = try log.open(readOnly: true)
        let rows = try LogFailure.map { try store.accessTokens() }
        print("id\tname\trole\tarea\tcreated\trevoked")
        for r in rows {
            print([r.id, r.name, r.role, r.area ?? "-", LogTime.format(r.createdAt), r.revokedAt.map(LogTime.format) ?? "-"]
                .joined(separator: "\t"))
        }
    }
}

struct TokenRevoke: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Revoke a token by id or label (its sessions end too).")
    @Argument(help: ArgumentHelp("The token's id (tok_…) or label.", valueName: "ID|LABEL"))
    var token: String
    @OptionGroup var log: LogOptions

    func run() throws {
        let store = try log.open()
        let row = try LogFailure.map { try store.revokeAccessToken(token) }
        print("revoked \(row.id) (\(row.name))")
    }
}
