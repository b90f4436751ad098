package dev.akepa.client;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every workflow of the API page's sandbox table and the default paths, through the client only. */
class PageWorkflowsTest {
    private static final AtomicLong SEED = new AtomicLong();
    private final AkepaClient akepa = TestServer.client();
    @TempDir
    Path files;

    @Test
    void anIndividualWithoutTriggerIsApprovedOnceFrontAndBackOfALicenceAreAttached() throws IOException {
        CustomerCreated customer = akepa.initCustomer(Customers.individual("Smith"));
        assertThat(customer.customerId()).startsWith("cstap_");
        assertThat(customer.kycStatus()).isEqualTo("WAITING_DATA");

        Application identified = akepa.identify(Identification.of(customer.customerId()));
        assertThat(identified.status()).isEqualTo("pending_step_up");
        assertThat(identified.entity(customer.customerId()).isCustomer()).isTrue();

        Application updated = attachLicence(customer.customerId(), customer.customerId());
        assertThat(updated.status()).isEqualTo("completed");
        assertThat(updated.outcome()).isEqualTo("Approved");
        assertThat(akepa.status(customer.customerId())).isEqualTo(updated);
        CustomerStatus status = akepa.customerStatus(customer.customerId());
        assertThat(status.kycStatus()).isEqualTo("APPROVED");
        assertThat(status.customer().get("identificationDocuments").get(0).get("value").asString()).startsWith("*****");
    }

    @Test
    void lastNameDeniedIsDeniedAtIdentification() {
        String customerId = akepa.initCustomer(Customers.individual("Denied")).customerId();

        Application application = akepa.identify(Identification.of(customerId));

        assertThat(application.status()).isEqualTo("completed");
        assertThat(application.outcome()).isEqualTo("Denied");
        assertThat(akepa.customerStatus(customerId).kycStatus()).isEqualTo("DECLINED");
    }

    @Test
    void lastNameWaitReviewWaitsForReviewAfterItsDocumentsAndTheSandboxReviewDecides() throws IOException {
        String customerId = akepa.initCustomer(Customers.individual("WaitReview")).customerId();
        assertThat(akepa.identify(Identification.of(customerId)).status()).isEqualTo("pending_step_up");

        assertThat(attachLicence(customerId, customerId).status()).isEqualTo("waiting_review");
        assertThat(akepa.customerStatus(customerId).kycStatus()).isEqualTo("WAITING_REVIEW");

        Application decided = akepa.sandboxReview(customerId, customerId, "approved");
        assertThat(decided.outcome()).isEqualTo("Approved");
        assertThat(akepa.history(customerId).events()).extracting(History.Event::actor).contains("partner");
    }

    @Test
    void aRepresentativeNamedDeniedDeniesTheBusiness() {
        CustomerCreated business = akepa.initCustomer(Customers.business("10001", "Denied", "RepDenied"));
        assertThat(business.businessRepresentatives()).extracting(CustomerCreated.RepresentativeId::id).containsExactly("RepDenied");

        Application application = akepa.identify(Identification.of(business.customerId()));

        assertThat(application.outcome()).isEqualTo("Denied");
        assertThat(application.entity("RepDenied").outcome()).isEqualTo("denied");
    }

    @Test
    void aRepresentativeNamedWaitReviewPutsTheBusinessInReviewAfterTheRepresentativesDocuments() throws IOException {
        CustomerCreated business = akepa.initCustomer(Customers.business("10001", "WaitReview", "RepWait"));
        Application identified = akepa.identify(Identification.of(business.customerId()));
        assertThat(identified.entity("RepWait").status()).isEqualTo("pending_step_up");
        assertThat(identified.entity(business.customerId()).outcome()).isEqualTo("approved");

        assertThat(attachLicence(business.customerId(), "RepWait").status()).isEqualTo("waiting_review");
    }

    @Test
    void aPrimaryPostalCodeOf00000PutsTheBusinessInReviewAtIdentification() {
        CustomerCreated business = akepa.initCustomer(Customers.business("00000", "Smith", null));
        String generatedRepId = business.businessRepresentatives().get(0).id();

        Application application = akepa.identify(Identification.of(business.customerId()));

        assertThat(application.status()).isEqualTo("waiting_review");
        assertThat(application.entity(business.customerId()).status()).isEqualTo("waiting_review");
        assertThat(application.entity(generatedRepId)).isNotNull();
    }

    @Test
    void aBusinessWithoutTriggerIsApprovedOnceItsRepresentativesDocumentsAreAttachedStreamedFromAnInputStream() {
        CustomerCreated business = akepa.initCustomer(Customers.business("10001", "Smith", "RepPlain"));
        akepa.identify(Identification.of(business.customerId()));
        Document passport = akepa.generateDocument(NewDocument.of("PERSONAL", "front", "jpg", "passport"));
        assertThat(passport.uploadStatus()).isFalse();

        // 3 MB sent as it is read, chunked: the client never holds it whole
        Document uploaded = akepa.uploadDocument(passport.id(),
                new ByteArrayInputStream(Customers.jpeg(3 * 1024 * 1024, SEED.incrementAndGet())), "passport.jpg");
        assertThat(uploaded.uploadStatus()).isTrue();

        Application updated = akepa.update(business.customerId(), List.of(new DocumentLink("RepPlain", passport.id(), "front")));
        assertThat(updated.outcome()).isEqualTo("Approved");
    }

    @Test
    void thePagesErrorsArriveAsTypedExceptions() throws IOException {
        assertThatThrownBy(() -> akepa.generateDocument(NewDocument.of("PERSONAL", "front", "jpg", null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo(ErrorCodes.REQUEST_VALIDATE_ERROR);
                    assertThat(e.requestId()).matches("[0-9a-f]{32}");
                    assertThat(e.errors()).containsExactly(new ValidationError("", "#/required", "required",
                            java.util.Map.of("missingProperty", "type"), "must have required property 'type'"));
                });

        String customerId = akepa.initCustomer(Customers.individual("Smith")).customerId();
        assertThatThrownBy(() -> akepa.status(customerId)).isInstanceOfSatisfying(NotFoundException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCodes.IDENTIFICATION_NOT_FOUND);
            assertThat(e.apiMessage()).isEqualTo("Identification not found");
            assertThat(e.context().get("customerId").asString()).isEqualTo(customerId);
        });

        Document document = akepa.generateDocument(NewDocument.of("PERSONAL", "front", "jpg", "license"));
        akepa.uploadDocument(document.id(), Customers.jpegFile(files, 2048, SEED.incrementAndGet()));
        assertThatThrownBy(() -> akepa.uploadDocument(document.id(), Customers.jpegFile(files, 2048, SEED.incrementAndGet())))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCodes.EXT_AKEPA);
                    assertThat(e.subCode()).isEqualTo(4091);
                    assertThat(e.apiMessage()).isEqualTo("The specified document has already been uploaded.");
                });
        assertThatThrownBy(() -> akepa.uploadDocument("doc_6nUpgZJJXI0WAWhT1etoaK1", Customers.jpegFile(files, 100, 1)))
                .isInstanceOfSatisfying(NotFoundException.class, e ->
                        assertThat(e.apiMessage()).isEqualTo("Document doc_6nUpgZJJXI0WAWhT1etoaK1 not found"));

        String duplicated = akepa.initCustomer(withTwoRepresentativesCalled("Twin")).customerId();
        assertThatThrownBy(() -> akepa.identify(Identification.of(duplicated)))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.apiMessage())
                        .isEqualTo("Multiple entities cannot have the same external_entity_id."));

        String denied = akepa.initCustomer(Customers.individual("Denied")).customerId();
        akepa.identify(Identification.of(denied));
        Document late = akepa.generateDocument(NewDocument.of("PERSONAL", "front", "jpg", "passport"));
        akepa.uploadDocument(late.id(), Customers.jpegFile(files, 2048, SEED.incrementAndGet()));
        assertThatThrownBy(() -> akepa.update(denied, List.of(new DocumentLink(denied, late.id(), "front"))))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo(ErrorCodes.STATUS_APPLICATION));
    }

    @Test
    void aWrongPasswordIsAnAuthenticationException() {
        AkepaClient wrong = AkepaClient.builder(TestServer.url()).credentials("demo", "not-the-password").build();

        assertThatThrownBy(() -> wrong.customerStatus("cstap_3KXMXZEsVcYkgF3ZNIBMxs"))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.apiMessage()).isEqualTo("Authentication error");
                });
    }

    private Application attachLicence(String customerId, String entityId) throws IOException {
        Document front = akepa.generateDocument(NewDocument.of("PERSONAL", "front", "jpg", "license"));
        Document back = akepa.generateDocument(NewDocument.of("PERSONAL", "back", "jpg", "license"));
        akepa.uploadDocument(front.id(), Customers.jpegFile(files, 4096, SEED.incrementAndGet()));
        akepa.uploadDocument(back.id(), Customers.jpegFile(files, 4096, SEED.incrementAndGet()));
        return akepa.update(customerId, List.of(new DocumentLink(entityId, front.id(), "front"),
                new DocumentLink(entityId, back.id(), "back")));
    }

    private static NewBusiness withTwoRepresentativesCalled(String id) {
        NewBusiness one = Customers.business("10001", "Smith", id);
        NewBusiness.Representative rep = one.customer().businessRepresentatives().get(0);
        NewBusiness.Representative twin = new NewBusiness.Representative(id, "Other", "Smith", rep.dateOfBirth(), rep.email(),
                rep.phones(), rep.addresses(), List.of(IdentificationDocument.of("SSN", Customers.ssn(), "USA")), 40, false, null);
        NewBusiness.Business b = one.customer();
        return new NewBusiness(one.customerReference(), new NewBusiness.Business(b.businessName(), b.doingBusinessAs(),
                b.businessType(), b.email(), b.incorporationDate(), b.incorporationStateCode(), b.website(),
                b.businessAddresses(), b.businessPhones(), b.identificationDocuments(), List.of(rep, twin)));
    }
}
