package dev.lambdaworkbook.runner.api;

import dev.lambdaworkbook.kit.config.Trigger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Api event of the template as API Gateway routes it: {@code {name}} matches one path segment,
 * {@code {name+}} the rest of the path, and the method {@code any} every method.
 */
record Route(Trigger.Api trigger, Pattern pattern, List<String> parameters) {

    static Route of(Trigger.Api trigger) {
        StringBuilder regex = new StringBuilder("^");
        List<String> parameters = new ArrayList<>();
        Matcher part = Pattern.compile("\\{([A-Za-z0-9_]+)(\\+?)}").matcher(trigger.path());
        int last = 0;
        while (part.find()) {
            regex.append(Pattern.quote(trigger.path().substring(last, part.start())));
            regex.append(part.group(2).isEmpty() ? "([^/]+)" : "(.+)");
            parameters.add(part.group(1));
            last = part.end();
        }
        regex.append(Pattern.quote(trigger.path().substring(last))).append("/?$");
        return new Route(trigger, Pattern.compile(regex.toString()), parameters);
    }

    /** Returns the path parameters when this route takes the request, or empty. */
    Optional<Map<String, String>> match(String method, String path) {
        String declared = trigger.method();
        if (!declared.equals("any") && !declared.equals(method.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        Matcher matcher = pattern.matcher(path);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < parameters.size(); i++) {
            values.put(parameters.get(i), matcher.group(i + 1));
        }
        return Optional.of(values);
    }
}
