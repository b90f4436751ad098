package dev.akepa.verification;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes {@code src/main/resources/verification/us-zip-prefixes.txt}: which USPS state or territory codes each
 * three-digit ZIP prefix belongs to. The facts are the USPS assignment of 3-digit ZIP prefixes to states (as
 * USPS publishes them for its sectional center facilities, summarised in the public "List of ZIP Code prefixes");
 * they are written here as ranges, and this program expands them. {@code ZipPrefixesTest} fails when the shipped
 * file and this program disagree. Run: {@code java -cp target/test-classes dev.akepa.verification.ZipPrefixTableGenerator}.
 *
 * <p>Prefixes inside a range that USPS has not (yet) put in use are listed under the range's state: no real
 * address carries them, so attributing them to their neighbours costs nothing. 000–004 belong to no state.
 */
public final class ZipPrefixTableGenerator {
    static final Path OUTPUT = Path.of("src/main/resources/verification/us-zip-prefixes.txt");

    /** state → inclusive prefix ranges {from, to}. */
    private static final Map<String, int[][]> RANGES = Map.ofEntries(
            Map.entry("NY", new int[][]{{5, 5}, {63, 63}, {100, 149}}),   // 005 Holtsville (IRS); 063 Fishers Island
            Map.entry("PR", new int[][]{{6, 7}, {9, 9}}),
            Map.entry("VI", new int[][]{{8, 8}}),
            Map.entry("MA", new int[][]{{10, 27}, {55, 55}}),              // 055 Andover (IRS)
            Map.entry("RI", new int[][]{{28, 29}}),
            Map.entry("NH", new int[][]{{30, 38}}),
            Map.entry("ME", new int[][]{{39, 49}}),
            Map.entry("VT", new int[][]{{50, 54}, {56, 59}}),
            Map.entry("CT", new int[][]{{60, 69}}),
            Map.entry("NJ", new int[][]{{70, 89}}),
            Map.entry("AE", new int[][]{{90, 98}}),                        // Armed Forces Europe, Middle East, Africa, Canada
            Map.entry("PA", new int[][]{{150, 196}}),
            Map.entry("DE", new int[][]{{197, 199}}),
            Map.entry("DC", new int[][]{{200, 200}, {202, 205}, {569, 569}}),
            Map.entry("VA", new int[][]{{201, 201}, {220, 246}}),          // 201 Dulles
            Map.entry("MD", new int[][]{{206, 219}}),
            Map.entry("WV", new int[][]{{247, 268}}),
            Map.entry("NC", new int[][]{{270, 289}}),
            Map.entry("SC", new int[][]{{290, 299}}),
            Map.entry("GA", new int[][]{{300, 319}, {398, 399}}),
            Map.entry("FL", new int[][]{{320, 339}, {341, 349}}),
            Map.entry("AA", new int[][]{{340, 340}}),                      // Armed Forces Americas
            Map.entry("AL", new int[][]{{350, 369}}),
            Map.entry("TN", new int[][]{{370, 385}, {422, 422}}),          // 42223 Fort Campbell spans KY and TN
            Map.entry("MS", new int[][]{{386, 397}}),
            Map.entry("KY", new int[][]{{400, 427}}),
            Map.entry("OH", new int[][]{{430, 459}}),
            Map.entry("IN", new int[][]{{460, 479}}),
            Map.entry("MI", new int[][]{{480, 499}}),
            Map.entry("IA", new int[][]{{500, 528}}),
            Map.entry("WI", new int[][]{{530, 549}}),
            Map.entry("MN", new int[][]{{550, 567}}),
            Map.entry("SD", new int[][]{{570, 577}}),
            Map.entry("ND", new int[][]{{580, 588}}),
            Map.entry("MT", new int[][]{{590, 599}}),
            Map.entry("IL", new int[][]{{600, 629}}),
            Map.entry("MO", new int[][]{{630, 658}}),
            Map.entry("KS", new int[][]{{660, 679}}),
            Map.entry("NE", new int[][]{{680, 693}}),
            Map.entry("LA", new int[][]{{700, 714}}),
            Map.entry("AR", new int[][]{{716, 729}}),
            Map.entry("OK", new int[][]{{730, 732}, {734, 749}}),
            Map.entry("TX", new int[][]{{733, 733}, {750, 799}, {885, 885}}), // 733 Austin (IRS); 885 El Paso
            Map.entry("CO", new int[][]{{800, 816}}),
            Map.entry("WY", new int[][]{{820, 831}, {834, 834}}),          // 83414 Alta, WY has an Idaho prefix
            Map.entry("ID", new int[][]{{832, 838}}),
            Map.entry("UT", new int[][]{{840, 847}}),
            Map.entry("AZ", new int[][]{{850, 865}}),
            Map.entry("NM", new int[][]{{870, 884}}),
            Map.entry("NV", new int[][]{{889, 898}}),
            Map.entry("CA", new int[][]{{900, 961}}),
            Map.entry("AP", new int[][]{{962, 966}}),                      // Armed Forces Pacific
            Map.entry("HI", new int[][]{{967, 968}}),
            Map.entry("AS", new int[][]{{967, 967}}),                      // 96799 American Samoa
            Map.entry("GU", new int[][]{{969, 969}}),
            Map.entry("MP", new int[][]{{969, 969}}),                      // 969 also serves the Northern Marianas,
            Map.entry("PW", new int[][]{{969, 969}}),                      // Palau, Micronesia and the Marshall Islands
            Map.entry("FM", new int[][]{{969, 969}}),
            Map.entry("MH", new int[][]{{969, 969}}),
            Map.entry("OR", new int[][]{{970, 979}}),
            Map.entry("WA", new int[][]{{980, 994}}),
            Map.entry("AK", new int[][]{{995, 999}}));

    private ZipPrefixTableGenerator() {}

    /** The file's lines: a comment header, then {@code prefix STATE[ STATE…]} for every assigned prefix, in order. */
    static List<String> lines() {
        Map<Integer, Set<String>> states = new TreeMap<>();
        RANGES.forEach((state, ranges) -> {
            for (int[] range : ranges) {
                for (int prefix = range[0]; prefix <= range[1]; prefix++) {
                    states.computeIfAbsent(prefix, p -> new TreeSet<>()).add(state);
                }
            }
        });
        List<String> lines = new ArrayList<>();
        lines.add("# Three-digit US ZIP prefix -> USPS state/territory codes. Generated by ZipPrefixTableGenerator (test");
        lines.add("# sources) from the USPS assignment of ZIP prefixes to states; do not edit by hand.");
        states.forEach((prefix, codes) -> lines.add(String.format("%03d %s", prefix, String.join(" ", codes))));
        return lines;
    }

    public static void main(String[] args) throws IOException {
        Files.write(OUTPUT, lines(), StandardCharsets.UTF_8);
        System.out.println("wrote " + OUTPUT);
    }
}
