package dev.akepa.client;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's Java example, run. Only the first line differs (the README's fixed server, reference, SSN and
 * file); the server's JavaClientTest checks that README.md shows the lines between the markers unchanged.
 */
class ReadmeExampleTest {
    @TempDir
    Path dir;

    @Test
    void theReadmeExampleTakesAnIndividualToApproved() throws Exception {
        String url = TestServer.url(), reference = Customers.reference(), ssn = Customers.ssn();
        Path photo = Customers.jpegFile(dir, 4096, 42);
        // readme:start
        AkepaClient akepa = AkepaClient.builder(url).credentials("demo", "demo-password").build();
        var person = new NewIndividual.Person("Jane", "Doe", "F", "jane@example.com",
                List.of(new Phone("MOBILE", "1", "5551234567")), "1990-04-12", "USA",
                List.of(Address.of("PRIMARY", "1 Main St", "New York", "NY", "10001", "USA")),
                List.of(IdentificationDocument.of("SSN", ssn, "USA")));
        CustomerCreated customer = akepa.initCustomer(new NewIndividual(reference, person));
        Application application = akepa.identify(Identification.of(customer.customerId())); // pending_step_up
        Document passport = akepa.generateDocument(NewDocument.of("PERSONAL", "front", "jpg", "passport"));
        akepa.uploadDocument(passport.id(), photo); // streamed from disk
        application = akepa.update(customer.customerId(),
                List.of(new DocumentLink(customer.customerId(), passport.id(), "front")));
        System.out.println(application.status() + " " + application.outcome()); // completed Approved
        // readme:end
        assertThat(application.status() + " " + application.outcome()).isEqualTo("completed Approved");
    }
}
