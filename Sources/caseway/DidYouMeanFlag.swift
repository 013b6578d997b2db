import CasewayMapping
import Caseway

/// Did-you-mean for command and option names, sharing the configuration's suggestion rule.
enum DidYouMeanFlag {
    static func hint(for word: String, among candidates: [String]) -> String {
        DidYouMean.suggestion(for: word, among: candidates).map { " (did you mean --\($0)?)" } ?? ""
    }
}
