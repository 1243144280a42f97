package uk.apprenticeships.st1398.platform.http;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Resolves the body limit of a request path from {@link BodyLimitsConfig}. */
final class BodyLimits {

    private record Rule(String glob, Pattern pattern, long limit) {}

    private final List<Rule> rules;
    private final long defaultLimit;

    BodyLimits(Map<String, Long> byGlob, long defaultLimit) {
        this.rules = byGlob.entrySet().stream()
                .map(e -> new Rule(e.getKey(), compile(e.getKey()), e.getValue()))
                .sorted(Comparator.comparingInt((Rule r) -> r.glob().length())
                        .reversed()
                        .thenComparing(Rule::glob))
                .toList();
        this.defaultLimit = defaultLimit;
    }

    long limitFor(String path) {
        for (Rule rule : rules) {
            if (rule.pattern().matcher(path).matches()) {
                return rule.limit();
            }
        }
        return defaultLimit;
    }

    static Pattern compile(String glob) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        while (i < glob.length()) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                regex.append(".*");
                i += 2;
            } else if (c == '*') {
                regex.append("[^/]*");
                i++;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
                i++;
            }
        }
        return Pattern.compile(regex.toString());
    }
}
