import FuzzHarness
import Foundation

// Built two ways (scripts/fuzz.sh): with coverage and `-D FUZZING`, libFuzzer drives the harness;
// without, the program replays the inputs (files or folders) it is given. Either way
// `valgrund-fuzz --write-seeds FOLDER` writes the sample content and the default theme (of the
// current folder) as seeds.

/// `--write-seeds FOLDER`: writes the seeds and exits.
func writeSeedsIfAsked() {
    guard CommandLine.arguments.count == 3, CommandLine.arguments[1] == "--write-seeds" else { return }
    do {
        try FuzzHarness.writeSeeds(
            fromSource: URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
            to: URL(fileURLWithPath: CommandLine.arguments[2]))
        exit(0)
    } catch {
        FileHandle.standardError.write(Data("cannot write the seeds: \(error)\n".utf8))
        exit(1)
    }
}

let harness = FuzzHarness()

#if FUZZING
    @_silgen_name("LLVMFuzzerRunDriver")
    func LLVMFuzzerRunDriver(
        _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
    ) -> Int32

    @main
    struct Fuzz {
        static func main() {
            writeSeedsIfAsked()
            var argc = CommandLine.argc
            var argv = CommandLine.unsafeArgv
            exit(
                LLVMFuzzerRunDriver(&argc, &argv) { data, size in
                    do {
                        try harness.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
                    } catch {
                        fatalError("\(error)")
                    }
                    return 0
                })
        }
    }
#else
    @main
    struct Replay {
        static func main() throws {
            writeSeedsIfAsked()
            var paths: [String] = []
            for argument in CommandLine.arguments.dropFirst() {
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: argument, isDirectory: &isFolder) else { continue }
                if isFolder.boolValue {
                    paths += ((try? FileManager.default.contentsOfDirectory(atPath: argument)) ?? []).sorted().map { argument + "/" + $0 }
                } else {
                    paths.append(argument)
                }
            }
            for path in paths {
                guard let data = FileManager.default.contents(atPath: path) else { continue }
                try harness.run([UInt8](data))
            }
            print("replayed \(paths.count) inputs")
        }
    }
#endif
