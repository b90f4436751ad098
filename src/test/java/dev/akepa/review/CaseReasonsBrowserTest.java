package dev.akepa.review;

import dev.akepa.testsupport.ApiResponse;
import dev.akepa.testsupport.CustomerBodies;
import dev.akepa.testsupport.Fixtures;
import dev.akepa.testsupport.ServerExtension;
import dev.akepa.verification.screening.OfacSample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import java.util.Map;

import static dev.akepa.testsupport.CustomerBodies.structure;
import static org.assertj.core.api.Assertions.assertThat;

/** Production mode in Chromium: the "why is this case here" panel and readable field labels. */
class CaseReasonsBrowserTest {
    @RegisterExtension
    static final ServerExtension running = new ServerExtension(Map.of(
            "AKEPA_MODE", "production", "AKEPA_SANCTIONS_DIR", OfacSample.directory().toString()));
    @RegisterExtension
    static final AnalystBrowser alice = new AnalystBrowser(running, "alice");

    @Test
    void aPossibleSanctionsMatchShowsItsCandidateWithTheEvidence() {
        String body = Fixtures.individual("Maduro Moros").replace("\"firstName\":\"Jane\"", "\"firstName\":\"Nicolas\"");
        String customerId = running.api().post("/customer/init", body).dataText("customerId");
        assertThat(running.journeys().identify(customerId).dataText("status")).isEqualTo("waiting_review");

        alice.session().openCase(customerId);

        assertThat(alice.session().text("#why ul[data-kind=sanctions]")).contains("possible OFAC SDN match: entry 22790");
        var row = alice.session().browser.findElement(By.cssSelector("#candidates tr[data-entry='22790']"));
        assertThat(row.getText()).contains("MADURO MOROS, Nicolas", "1962-11-23", "Venezuela", "nicolas 1.00",
                "date of birth differs (-0.05)");
    }

    @Test
    void kybStructureProblemsAndLabelsAreReadable() {
        ApiResponse init = running.api().post("/customer/init",
                structure(CustomerBodies.business("RepA", "RepB"), 60, false, 70, false).toString());
        String customerId = init.dataText("customerId");
        running.journeys().identify(customerId);

        alice.session().openCase(customerId);

        assertThat(alice.session().text("#why ul[data-kind='KYB structure']"))
                .contains("ownership adds up to 130 %, more than 100 %", "no control person");
        var label = alice.session().browser.findElement(By.xpath("//dt[@title='countryCodeA3']"));
        assertThat(label.getText()).isEqualTo("Country");
        assertThat(alice.session().text("dd[data-key=countryCodeA3]")).isEqualTo("United States (USA)");
        assertThat(alice.session().browser.findElement(By.xpath("//dt[@title='stateCode']")).getText()).isEqualTo("State");
        assertThat(alice.session().text("dd[data-key=stateCode]")).isEqualTo("New York (NY)");
    }
}
