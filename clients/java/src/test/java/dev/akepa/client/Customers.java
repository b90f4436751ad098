package dev.akepa.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

/** Request bodies for the page's workflows, unique per call (references, SSNs, FEINs). */
final class Customers {
    private Customers() {}

    static String reference() {
        return "java" + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36);
    }

    static String ssn() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return String.format("%03d%02d%04d", r.nextInt(1, 666), r.nextInt(1, 100), r.nextInt(1, 10_000));
    }

    static Address address(String postalCode) {
        return Address.of("PRIMARY", "1 Main St", "New York", "NY", postalCode, "USA");
    }

    static List<Phone> phones() {
        return List.of(new Phone("MOBILE", "1", "5551234567"));
    }

    static NewIndividual individual(String lastName) {
        return new NewIndividual(reference(), new NewIndividual.Person("Jane", lastName, "F", "jane@example.com",
                phones(), "1990-04-12", "USA", List.of(address("10001")),
                List.of(IdentificationDocument.of("SSN", ssn(), "USA"))));
    }

    static NewBusiness business(String postalCode, String repLastName, String repId) {
        NewBusiness.Representative rep = new NewBusiness.Representative(repId, "Rep", repLastName, "1980-01-01",
                "rep@example.com", phones(), List.of(address("10001")), List.of(IdentificationDocument.of("SSN", ssn(), "USA")),
                60, true, "Director");
        String fein = String.format("12%07d", ThreadLocalRandom.current().nextInt(10_000_000));
        return new NewBusiness(reference(), new NewBusiness.Business("Acme Widgets", null, "LLC", "ops@acme.example",
                null, null, null, List.of(address(postalCode)), List.of(new Phone("PRIMARY", "1", "5559876543")),
                List.of(IdentificationDocument.of("FEIN", fein, "USA")), List.of(rep)));
    }

    /** Bytes that start as a JPEG does (the server checks the magic bytes), different per seed. */
    static byte[] jpeg(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xD8;
        bytes[2] = (byte) 0xFF;
        bytes[3] = (byte) 0xE0;
        return bytes;
    }

    static Path jpegFile(Path dir, int size, long seed) throws IOException {
        Path file = Files.createTempFile(dir, "id-", ".jpg");
        Files.write(file, jpeg(size, seed));
        return file;
    }
}
