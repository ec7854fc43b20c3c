/// The candidate finders a rule may name (`candidates:`); KeyWardenMatching implements them.
public enum CandidateFinderNames {
    public static let all: [String] = ["base58-word", "colon-fields", "lowercase-words"]
}
