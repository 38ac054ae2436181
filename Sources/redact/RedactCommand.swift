import ArgumentParser
@main struct RedactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "redact")
}
