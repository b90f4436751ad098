package dev.akepa.verification.screening;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NameNormalizerTest {

    @Test
    void listedIndividualsAreTurnedToGivenNameFirstWithoutTitles() {
        NameNormalizer.ListedPerson zawahiri = NameNormalizer.listedPerson("AL ZAWAHIRI, Dr. Ayman");
        assertThat(zawahiri.tokens()).containsExactly("ayman", "al", "zawahiri");
        assertThat(zawahiri.familyFrom()).isEqualTo(1);
        NameNormalizer.ListedPerson abbas = NameNormalizer.listedPerson("ABU ABBAS");
        assertThat(abbas.tokens()).containsExactly("abu", "abbas");
        assertThat(abbas.familyFrom()).isEqualTo(-1);
    }

    @Test
    void otherScriptsAreTransliteratedToLatin() {
        assertThat(NameNormalizer.person("Николас Мадуро")).containsExactly("nikolas", "maduro");
        assertThat(NameNormalizer.person("Νικόλαος Μαδούρο")).containsExactly("nikolaos", "madouro");
    }

    @Test
    void accentsCaseApostrophesAndHyphensAreFolded() {
        assertThat(NameNormalizer.person("José Ñúñez-Müller")).containsExactly("jose", "nunez", "muller");
        assertThat(NameNormalizer.person("Saif al-Islam Gaddafi")).containsExactly("saif", "al", "islam", "gaddafi");
        assertThat(NameNormalizer.person("Mu'ammar O’Neil")).containsExactly("muammar", "oneil");
        assertThat(NameNormalizer.person("Łukasz Straße Ærø")).containsExactly("lukasz", "strasse", "aero");
    }

    @Test
    void honorificsAndGenerationalSuffixesAreDropped() {
        assertThat(NameNormalizer.person("Mr. John Q. Public Jr.")).containsExactly("john", "q", "public");
        assertThat(NameNormalizer.person("Dr")).containsExactly("dr");
    }

    @Test
    void legalFormsAreStrippedFromBusinessNames() {
        assertThat(NameNormalizer.business("ANGLO-CARIBBEAN CO., LTD.")).containsExactly("anglo", "caribbean");
        assertThat(NameNormalizer.business("Comercializadora Delta, S.A. de C.V.")).containsExactly("comercializadora", "delta");
        assertThat(NameNormalizer.business("Acme Widgets L.L.C.")).containsExactly("acme", "widgets");
        assertThat(NameNormalizer.business("OOO Romashka")).containsExactly("romashka");
        assertThat(NameNormalizer.business("The Bank of Cuba Inc")).containsExactly("bank", "of", "cuba");
    }

    @Test
    void aNameMadeOnlyOfLegalFormsIsKept() {
        assertThat(NameNormalizer.business("Company Limited")).containsExactly("company");
        assertThat(NameNormalizer.business("LLC")).containsExactly("llc");
    }
}
