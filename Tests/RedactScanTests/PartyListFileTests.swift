import Testing
import RedactCore
@testable import RedactScan

/// Names files as people save them: any line ending, a BOM, roles, comments.
@Suite struct PartyListFileTests {
    func parse(_ text: String) throws -> [PartyList.Party] {
        try PartyList(fileBytes: Array(text.utf8), path: "names.txt").parties
    }

    @Test(arguments: ["\n", "\r\n", "\r"])
    func everyLineEndingGivesTheSameParties(_ end: String) throws {
        let text = "\u{FEFF}# case parties" + end + "John Smith\tvictim" + end + end + "Zoë O'Neill" + end + "  Mary   Jones \twitness"
        let parties = try parse(text)
        #expect(parties == [
            PartyList.Party(name: "John Smith", role: .victim),
            PartyList.Party(name: "Zoë O'Neill", role: .unspecified),
            PartyList.Party(name: "Mary Jones", role: .witness),
        ])
    }

    @Test func aWindowsFileFindsEveryName() throws {
        let parties = PartyList(parties: try parse("John Smith\r\nMary Jones\r\n"))
        let engine = try MiniPack.engine(.fast, parties: parties)
        let text = Array("We met Mary Jones and John Smith.".utf8)
        let names = scanAll(engine, text).filter { $0.rule == "person_name.party" }
            .map { String(decoding: text[$0.start..<$0.end], as: UTF8.self) }
        #expect(names == ["Mary Jones", "John Smith"])
    }

    @Test func anUnknownRoleNamesItsLineNotItsText() {
        #expect {
            try parse("John Smith\r\nMary Jones\r\nPeter Pan\tpirate\r\n")
        } throws: { error in
            let message = "\(error)"
            return message.contains("line 3") && !message.contains("Peter")
        }
    }
}
