@main struct RedactCorpus { static func main() { print("not yet") } }
