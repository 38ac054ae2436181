/// The pack for a page that links its stylesheet instead of inlining it (`redact serve`'s
/// dashboard, whose Content-Security-Policy forbids inline style): the same sections and charts
/// as ``PackHTML/render(_:labels:)``, without the document shell.
extension PackHTML {
    public static func embedded(_ pack: Pack, labels: Labels) -> String {
        let page = Page(pack: pack, t: PackTables(pack: pack, labels: labels), labels: labels)
        return page.masthead() + "<div class=\"wrap pack-body\">" + page.summary() + page.redactions() + page.sharing()
            + page.register() + page.areas() + page.definitions() + "</div>"
    }

    /// The pack's stylesheet, for serving as a file.
    public static var stylesheet: String { HTMLStyle.css }
}
