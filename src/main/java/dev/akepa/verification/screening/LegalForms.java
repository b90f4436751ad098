package dev.akepa.verification.screening;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Legal-form words at the end of a business name ("CO., LTD.", "S.A. DE C.V.", "GmbH") or, for the Russian forms,
 * at its start ("OOO ..."). The same company is registered and listed with and without them, so they are dropped
 * before comparing. Tokens arrive normalised: periods already removed, so "S.A." is "sa" and "L.L.C." is "llc".
 */
final class LegalForms {
    private static final List<List<String>> TRAILING = sortedLongestFirst(List.of(
            List.of("llc"), List.of("inc"), List.of("incorporated"), List.of("ltd"), List.of("limited"),
            List.of("co"), List.of("company"), List.of("corp"), List.of("corporation"), List.of("plc"),
            List.of("llp"), List.of("lp"), List.of("sa"), List.of("ca"), List.of("srl"), List.of("sarl"),
            List.of("sas"), List.of("spa"), List.of("gmbh"), List.of("ag"), List.of("kg"), List.of("bv"),
            List.of("nv"), List.of("ab"), List.of("as"), List.of("oy"), List.of("pte"), List.of("pvt"),
            List.of("bhd"), List.of("sdn", "bhd"), List.of("jsc"), List.of("pjsc"), List.of("ojsc"), List.of("cjsc"),
            List.of("fze"), List.of("fzco"), List.of("fzc"), List.of("fz", "llc"), List.of("sal"),
            List.of("sa", "de", "cv"), List.of("de", "cv"), List.of("s", "de", "rl"), List.of("s", "de", "rl", "de", "cv"),
            List.of("private", "limited")));
    private static final Set<String> LEADING = Set.of("ooo", "oao", "zao", "pao", "ao", "tov");

    private LegalForms() {}

    /** The name without legal forms; unchanged if nothing else would remain. */
    static List<String> strip(List<String> tokens) {
        List<String> name = new ArrayList<>(tokens);
        boolean removed = true;
        while (removed && name.size() > 1) {
            removed = false;
            for (List<String> form : TRAILING) {
                int start = name.size() - form.size();
                if (start >= 1 && name.subList(start, name.size()).equals(form)) {
                    name.subList(start, name.size()).clear();
                    removed = true;
                    break;
                }
            }
        }
        if (name.size() > 1 && LEADING.contains(name.getFirst())) name.removeFirst();
        return name;
    }

    private static List<List<String>> sortedLongestFirst(List<List<String>> forms) {
        List<List<String>> sorted = new ArrayList<>(forms);
        sorted.sort(Comparator.comparingInt((List<String> form) -> form.size()).reversed());
        return List.copyOf(sorted);
    }
}
