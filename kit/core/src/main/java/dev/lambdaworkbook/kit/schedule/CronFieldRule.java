package dev.lambdaworkbook.kit.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The six fields of an EventBridge cron expression, each with the wildcards and words the EventBridge user guide
 * allows in it. These checks only name the broken rule in Spanish; cron-utils does the parsing.
 */
enum CronFieldRule {
    MINUTES("minutos", ",-*/", Set.of(), "números de 0 a 59", List.of()),
    HOURS("horas", ",-*/", Set.of(), "números de 0 a 23", List.of()),
    DAY_OF_MONTH("día del mes", ",-*?/", Set.of("L", "W", "LW"), "números de 1 a 31, L, W",
            List.of("'L' (último día del mes)", "'nW' (día laborable más cercano al día n, con un solo día)")),
    MONTH("mes", ",-*/", Set.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"),
            "números de 1 a 12, JAN-DEC", List.of()),
    DAY_OF_WEEK("día de la semana", ",-*?#", Set.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT", "L"),
            "números de 1 (domingo) a 7 (sábado), SUN-SAT, L",
            List.of("'L' (sábado)", "'nL' (último día n del mes, como '6L')",
                    "'n#k' (k-ésimo día n del mes, como '6#3')")),
    YEAR("año", ",-*/", Set.of(), "años de 1970 a 2199", List.of());

    private static final Pattern WORD = Pattern.compile("[A-Z]+");
    private static final Pattern OCCURRENCE = Pattern.compile("#(\\d+)");

    private final String spanishName;
    private final String wildcards;
    private final Set<String> words;
    private final String values;
    private final List<String> extraForms;

    CronFieldRule(String spanishName, String wildcards, Set<String> words, String values, List<String> extraForms) {
        this.spanishName = spanishName;
        this.wildcards = wildcards;
        this.words = words;
        this.values = values;
        this.extraForms = extraForms;
    }

    /** Describes the field and its value for a message, e.g. {@code el campo mes ('13')}. */
    String describe(String value) {
        return "el campo " + spanishName + " ('" + value + "')";
    }

    /**
     * Returns why EventBridge rejects the characters or words of this field's value, or {@code null} when they are
     * all allowed here.
     */
    String problem(String value) {
        String upper = value.toUpperCase(Locale.ROOT);
        for (char character : upper.toCharArray()) {
            if (!Character.isLetterOrDigit(character) && wildcards.indexOf(character) < 0) {
                return describe(value) + " usa '" + character + "', que ahí no se admite. Admite " + values
                        + " y los comodines " + String.join(" ", wildcards.split("")) + ".";
            }
        }
        Matcher word = WORD.matcher(upper);
        while (word.find()) {
            if (!words.contains(word.group())) {
                return words.isEmpty()
                        ? describe(value) + " solo admite números y comodines: '" + word.group() + "' no vale ahí."
                        : describe(value) + " contiene '" + word.group() + "', que no vale ahí. Admite " + values + ".";
            }
        }
        if (upper.contains("?") && !upper.equals("?")) {
            return describe(value) + " mezcla '?' con otros valores: '?' va solo en el campo.";
        }
        return upper.contains("#") ? occurrenceProblem(value, upper) : null;
    }

    /** Returns the generic explanation of this field's valid forms, for values cron-utils cannot parse. */
    String validForms(String value) {
        List<String> forms = new ArrayList<>(List.of("'*'", "un valor (5)", "una lista (1,15)", "un rango (1-5)"));
        if (wildcards.contains("/")) {
            forms.add("un incremento (0/10)");
        }
        if (wildcards.contains("?")) {
            forms.add("'?'");
        }
        forms.addAll(extraForms);
        String last = forms.remove(forms.size() - 1);
        return describe(value) + " no tiene una forma válida. Admite " + String.join(", ", forms) + " o " + last
                + ".";
    }

    private String occurrenceProblem(String value, String upper) {
        if (upper.contains(",")) {
            return "con '#' " + describe(value) + " admite una sola expresión, y aquí hay una lista. Programa una "
                    + "regla para cada día.";
        }
        Matcher occurrence = OCCURRENCE.matcher(upper);
        while (occurrence.find()) {
            String number = occurrence.group(1);
            if (!number.matches("[1-5]")) {
                return describe(value) + " pide la aparición " + number + " del día dentro del mes; tras '#' va un "
                        + "número de 1 a 5.";
            }
        }
        return null;
    }
}
