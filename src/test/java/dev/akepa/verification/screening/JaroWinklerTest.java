package dev.akepa.verification.screening;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class JaroWinklerTest {

    /** The worked examples published with the measure (Winkler 1990). */
    @Test
    void reproducesThePublishedExamples() {
        assertThat(JaroWinkler.jaro("martha", "marhta")).isCloseTo(0.944, within(0.001));
        assertThat(JaroWinkler.similarity("martha", "marhta")).isCloseTo(0.961, within(0.001));
        assertThat(JaroWinkler.jaro("dwayne", "duane")).isCloseTo(0.822, within(0.001));
        assertThat(JaroWinkler.similarity("dwayne", "duane")).isCloseTo(0.840, within(0.001));
        assertThat(JaroWinkler.jaro("dixon", "dicksonx")).isCloseTo(0.767, within(0.001));
        assertThat(JaroWinkler.similarity("dixon", "dicksonx")).isCloseTo(0.813, within(0.001));
    }

    @Test
    void equalIsOneDisjointIsZeroAndOrderOfArgumentsDoesNotMatter() {
        assertThat(JaroWinkler.similarity("zawahiri", "zawahiri")).isEqualTo(1.0);
        assertThat(JaroWinkler.similarity("abc", "xyz")).isEqualTo(0.0);
        assertThat(JaroWinkler.similarity("", "abc")).isEqualTo(0.0);
        assertThat(JaroWinkler.similarity("zawahri", "zawahiri")).isEqualTo(JaroWinkler.similarity("zawahiri", "zawahri"));
    }

    @Test
    void commonPrefixBonusNeedsAJaroAboveSeventyPercent() {
        // Jaro of "abcxyz"/"abcqrs" is exactly 0.667: sharing a prefix alone earns nothing.
        assertThat(JaroWinkler.similarity("abcxyz", "abcqrs")).isEqualTo(JaroWinkler.jaro("abcxyz", "abcqrs"));
    }
}
