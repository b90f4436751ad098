package dev.akepa.api;

import dev.akepa.testsupport.ApiResponse;
import dev.akepa.testsupport.CustomerBodies;
import dev.akepa.testsupport.ServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/** /customer/update in the sandbox: the same endpoint, and the page's triggers read the updated data. */
class SandboxCustomerUpdateTest {
    @RegisterExtension
    static final ServerExtension running = new ServerExtension();

    @Test
    void aLastNameChangedBeforeIdentificationIsTheOneTheTriggersSee() {
        ApiResponse init = running.api().post("/customer/init", CustomerBodies.individual());
        String customerId = init.dataText("customerId");
        ApiResponse updated = running.api().post("/customer/update",
                "{\"customerId\":\"" + customerId + "\",\"customer\":{\"lastName\":\"Denied\"}}");
        assertThat(updated.status()).as(updated.raw()).isEqualTo(200);
        assertThat(updated.dataText("kycStatus")).isEqualTo("WAITING_DATA");
        ApiResponse identified = running.journeys().identify(customerId);
        assertThat(identified.dataText("outcome")).isEqualTo("Denied");
    }

    @Test
    void theSandboxRunsNoStructureChecks() {
        ObjectNode body = CustomerBodies.structure(CustomerBodies.business("RepSx", "RepSy"), 60, false, 70, false);
        String customerId = running.api().post("/customer/init", body).dataText("customerId");
        var entities = running.journeys().identify(customerId).data().get("entityApplications");
        assertThat(entities.get(2).get("status").asString()).isEqualTo("completed");
        assertThat(entities.get(2).get("outcome").asString()).isEqualTo("approved");
    }
}
