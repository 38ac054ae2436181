/// The QA second check's table (migration `v2-qa-check`): one row per `qa-check` entry.
///
/// A QA entry records who checked which redacted copy, when, the result and how many problems of
/// each kind were found, never the text. `disclosure_entry` is the id of the disclosure whose
/// redacted copy (matched by SHA-256) was checked, when the log holds it.
extension Schema {
    public static let qaCheck = Table(name: "qa_check", columns: [
        t("checked_at"), t_("unit"), t_("case_ref"), t("checker"), t("result"), t("document_name"),
        t("original_sha256"), t("redacted_sha256"), t_("disclosure_entry"), i("spans"), i("findings_left"),
        i("changed_outside"), i("spans_not_redacted"), i("manifest_problems"), t("pack_version"),
        t("tool_version"), t("text_scanner"), i("text_redactions"),
    ], multiRow: false)

    /// Index of ``qaCheck`` in ``children``.
    static let qaCheckIndex = children.firstIndex { $0.name == "qa_check" }!
}
