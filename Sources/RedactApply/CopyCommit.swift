import Foundation

/// Commits a finished redacted copy and what goes beside it: the copy to its release path, or to
/// the hold path a sharing profile chose (a held copy never appears at its release path, not even
/// for a moment); then its manifest, then its schedule. A schedule that cannot be written
/// withdraws the copy: the recipient's schedule belongs with it. Text copies (`Applier`) and
/// document copies (`DocumentApplier`) commit the same way.
public enum CopyCommit {
    /// Where the copy went, and whether it was held. On failure `output` is aborted or the
    /// committed files withdrawn, so nothing is left half-written.
    public static func commit(
        _ output: AtomicFile, manifest: Manifest, outputPath: String, overwrite: Bool,
        holdPath: ((Manifest, String) -> String?)?, schedule: ScheduleWriter?
    ) -> Result<(path: String, held: Bool), Applier.Failure> {
        var target = outputPath
        var held = false
        if let holdPath, let heldPath = holdPath(manifest, outputPath) {
            target = heldPath
            held = true
            try? FileManager.default.createDirectory(atPath: (heldPath as NSString).deletingLastPathComponent,
                                                     withIntermediateDirectories: true)
            if !overwrite && access(heldPath + ".manifest.json", F_OK) == 0 {
                output.abort()
                return .failure(Applier.Failure(path: heldPath + ".manifest.json", cause: "output exists (use --force to overwrite)"))
            }
        }
        do {
            try output.commit(overwrite: overwrite, to: target)
            try Applier.writeManifest(manifest, to: target + ".manifest.json")
        } catch let e as AtomicFile.Failure {
            return .failure(Applier.Failure(path: e.path, cause: e.cause))
        } catch let e as Applier.Failure {
            return .failure(e)
        } catch {
            return .failure(Applier.Failure(path: outputPath, cause: "\(error)"))
        }
        if let schedule {
            do { try schedule.write(manifest, redactedPath: target) } catch {
                Applier.withdraw(outputPath: target)
                return .failure(Applier.Failure(path: target + ScheduleWriter.suffix, cause: "\(error)"))
            }
        }
        return .success((target, held))
    }
}
